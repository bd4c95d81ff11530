// One RegularizationLab run: a small noisy two-class data set (moons with some labels flipped), a 2-H-H-1 tanh MLP
// trained full-batch with the engine's Adam (its weightDecay option is the L2 term, grad += λθ), dropout from the
// engine's MLP, and the engine's EarlyStopping watching the validation loss. Plain TypeScript without the DOM: the
// worker runs it, the unit tests and the lesson's examples run it in Node. Every formula is the engine's (FastMLP,
// proven equal to autograd); this file only wires them together and records what the widget draws.

import { EarlyStopping, FastMLP, MLP, Random, createOptimizer, logistic, moons, type ModuleState } from '../../../engine/index.ts';

/** What a run is made of: the regularisers, the length of training and the seed. */
export interface LabSettings {
  /** L2 weight decay λ (the optimizer's weightDecay: λθ added to every gradient). */
  l2: number;
  /** Dropout probability p after each hidden layer (0: no dropout). */
  dropout: number;
  /** Early-stopping patience in epochs (0: no early stopping, train every epoch). */
  patience: number;
  /** Epochs to train (each epoch is one full-batch step). */
  epochs: number;
  /** The seed of the data, the first weights and the dropout masks. */
  seed: number;
}

/** The shape of the lab's network and data, fixed so a run is small enough to replay at once. */
export const LAB = {
  /** Units in each of the two hidden layers. */
  hidden: 12,
  /** Training points. */
  trainCount: 30,
  /** Validation points, from the same distribution. */
  validationCount: 200,
  /** Gaussian jitter of the moons. */
  noise: 0.25,
  /** Fraction of labels flipped in both sets: the noise a network can memorise. */
  labelNoise: 0.15,
  /** Adam's learning rate. */
  lr: 0.01,
  /** Side of the grid the decision boundary is drawn from. */
  grid: 60,
  /** The square of the plane shown: [x0, x1, y0, y1] (equal sides, so the picture is not stretched). */
  domain: [-1.75, 2.75, -2, 2.5] as [number, number, number, number],
} as const;

/** A labelled point set, flat: x row-major with two features per point, y a class 0 or 1 per point. */
export interface LabPoints {
  x: Float64Array;
  y: Float64Array;
}

/** Training and validation points. */
export interface LabData {
  train: LabPoints;
  validation: LabPoints;
}

/** The data of a seed: training and validation points of the same noisy moons, some labels flipped (30 training points unless asked). */
export function labData(seed: number, trainCount: number = LAB.trainCount): LabData {
  const rng = new Random(seed);
  const draw = (n: number): LabPoints => {
    const data = moons({ n, noise: LAB.noise, rng: rng.fork() });
    const flips = rng.fork();
    const y = Float64Array.from(data.y, (label) => (flips.next() < LAB.labelNoise ? 1 - label : label));
    return { x: Float64Array.from(data.x.flat()), y };
  };
    // The validation points come first, so a larger training set keeps the same validation set.
  const validation = draw(LAB.validationCount);
  return { train: draw(trainCount), validation };
}

/** The network of a seed: 2-H-H-1 tanh, its first weights drawn from the seed, dropout p after each hidden layer. */
export function labModel(seed: number, dropout: number): MLP {
  return new MLP([2, LAB.hidden, LAB.hidden, 1], { activation: 'tanh', seed: seed + 1, dropout: dropout > 0 ? dropout : undefined });
}

/** A finished run: the loss curves, where early stopping stopped and which epoch's weights it kept, and every epoch's weights. */
export interface LabRun {
  settings: LabSettings;
  train: LabPoints;
  validation: LabPoints;
  /** Mean training loss (binary cross-entropy, no dropout) after each epoch, index 0 before training. */
  trainLoss: Float64Array;
  /** Mean validation loss after each epoch, index 0 before training. */
  validationLoss: Float64Array;
  /** Epochs trained: `settings.epochs`, or fewer when early stopping stopped. */
  trained: number;
  /** Whether the patience ran out before the last epoch. */
  stopped: boolean;
  /** The epoch whose weights the run ends with: the best validation epoch under early stopping, else the last. */
  restoredEpoch: number;
  /** The weights after each epoch (index 0: the first weights), for drawing any epoch. */
  states: ModuleState[];
  /** The Linear layers' weight matrices after each epoch, one flat array per epoch (layer 1's rows, then layer 2's, ...). */
  weights: Float64Array[];
  /** The dropout mask of the shown training point in each epoch's step, per hidden layer (1 kept, 0 dropped); empty without dropout. */
  masks: Uint8Array[][];
  /** The network the run trained, holding the weights it ends with. */
  model: MLP;
}

/** The training point whose dropout mask the network drawing shows (the first). */
export const SHOWN_POINT = 0;

/**
 * Trains one run: `epochs` full-batch Adam steps with the settings' L2 and dropout, the losses after each, and, when
 * `patience` > 0, the engine's EarlyStopping on the validation loss (its epoch 0 is the first trained epoch), which
 * stops the run and puts the best weights back.
 */
export function trainLab(settings: LabSettings, data: LabData = labData(settings.seed)): LabRun {
  const { train, validation } = data;
  const n = train.y.length;
  const m = validation.y.length;
  const model = labModel(settings.seed, settings.dropout);
  const fast = new FastMLP(model, { loss: 'binaryCrossEntropyWithLogits', maxBatch: Math.max(n, 256) });
  const optimizer = createOptimizer('adam', model.parameters(), { lr: LAB.lr, weightDecay: settings.l2 });
  const stopper = settings.patience > 0 ? new EarlyStopping(model, { patience: settings.patience }) : null;
  const rows = Array.from({ length: n }, (_, i) => i);
  const trainLoss = [fast.meanLoss(train.x, train.y, n)];
  const validationLoss = [fast.meanLoss(validation.x, validation.y, m)];
  const states: ModuleState[] = [model.toJSON()];
  const weights: Float64Array[] = [weightsOf(model)];
  const masks: Uint8Array[][] = [[]];
  let stopped = false;
  model.train();
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    fast.trainBatch(train.x, train.y, rows);
    masks.push(shownMask(fast));
    optimizer.step();
    trainLoss.push(fast.meanLoss(train.x, train.y, n));
    validationLoss.push(fast.meanLoss(validation.x, validation.y, m));
    states.push(model.toJSON());
    weights.push(weightsOf(model));
    if (stopper !== null && stopper.step(validationLoss[epoch])) {
      stopped = true;
      break;
    }
  }
  const trained = trainLoss.length - 1;
  // EarlyStopping counts its epochs from 0 at the first one it was shown, which is epoch 1 here.
  const restoredEpoch = stopper === null ? trained : stopper.bestEpoch + 1;
  if (stopper !== null && !stopped) stopper.restoreBest();
  model.eval();
  return {
    settings,
    train,
    validation,
    trainLoss: Float64Array.from(trainLoss),
    validationLoss: Float64Array.from(validationLoss),
    trained,
    stopped,
    restoredEpoch,
    states,
    weights,
    masks,
    model,
  };
}

/** The dropout mask of the shown training point in the last training pass, per hidden layer, as 1 (kept) or 0 (dropped). */
function shownMask(fast: FastMLP): Uint8Array[] {
  const layers: Uint8Array[] = [];
  for (let layer = 1; layer < fast.sizes.length - 1; layer++) {
    const mask = fast.dropoutMask(layer, SHOWN_POINT);
    if (mask === null) return [];
    layers.push(Uint8Array.from(mask, (m) => (m === 0 ? 0 : 1)));
  }
  return layers;
}

/** The Linear layers' weight matrices of a model, concatenated (biases left out): what the network drawing shows. */
function weightsOf(model: MLP): Float64Array {
  const layers = model.linearLayers().map((layer) => layer.weight.data);
  const out = new Float64Array(layers.reduce((n, w) => n + w.length, 0));
  let at = 0;
  for (const w of layers) {
    out.set(w, at);
    at += w.length;
  }
  return out;
}

/** The inputs of a size × size grid over the lab's square, cell centres, top row first: (x, y) row-major. */
export function gridInputs(size: number): Float64Array {
  const [x0, x1, y0, y1] = LAB.domain;
  const inputs = new Float64Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const k = row * size + col;
      inputs[2 * k] = x0 + ((x1 - x0) * (col + 0.5)) / size;
      inputs[2 * k + 1] = y1 - ((y1 - y0) * (row + 0.5)) / size;
    }
  }
  return inputs;
}

/**
 * The evaluation-mode network of `run` after `epoch` (its weights put back into a network of the same shape) over a
 * size × size grid of the lab's square: the probability of class 1, σ(logit), top row first.
 */
export function boundaryGrid(run: Pick<LabRun, 'states' | 'settings'>, epoch: number, size: number, inputs = gridInputs(size)): Float32Array {
  const model = labModel(run.settings.seed, run.settings.dropout).fromJSON(run.states[epoch]);
  model.eval();
  const fast = new FastMLP(model, { loss: 'binaryCrossEntropyWithLogits', maxBatch: 256 });
  const logits = new Float64Array(size * size);
  fast.predict(inputs, size * size, logits);
  return Float32Array.from(logits, (z) => logistic(z));
}
