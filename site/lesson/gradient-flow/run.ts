// One gradient-flow run: a small task (two noisy concentric circles, 200 points), an engine MLP of the state's depth,
// width, activation and initialiser, trained by plain SGD on mini-batches with the engine's fast path (FastMLP), and
// measured with the engine's `layerHealth` on the whole training set: each layer's weight-gradient norm and the
// fractions of dead and saturated units. Plain TypeScript without the DOM, so the worker runs it and the unit tests
// run it in Node; every formula, forward and backward, is the engine's.

import {
  FastMLP,
  MLP,
  Random,
  SGD,
  accuracy,
  batchIndices,
  binaryCrossEntropyWithLogits,
  circles,
  gaussian,
  heNormal,
  layerHealth,
  tensor,
  torchDefault,
  xavierNormal,
  type Initializer,
  type LayerHealth,
  type Tensor,
} from '../../../engine/index.ts';
import { layerSizes, type GradientFlowState, type InitializerName } from './state.ts';

/** The number of training points: two circles of 100. */
export const POINT_COUNT = 200;
/** The noise on the circles (standard deviation of each coordinate). */
export const NOISE = 0.1;
/** The seed of the data, the same for every run, so runs differ only by their network. */
export const DATA_SEED = 7;
/** The mini-batch size of SGD. */
export const BATCH_SIZE = 20;

/** The engine initialiser of each name. */
const INITIALIZER: Readonly<Record<InitializerName, () => Initializer>> = {
  gaussian: () => gaussian(1),
  default: () => torchDefault,
  xavier: () => xavierNormal(),
  he: () => heNormal(),
};

/** The engine initialiser a state names. */
export function initializerOf(name: InitializerName): Initializer {
  return INITIALIZER[name]();
}

/** What one measurement says: the step, the loss and accuracy on the training points, and each layer's health. */
export interface Measurement {
  /** SGD steps taken so far. */
  step: number;
  /** The mean binary cross-entropy on the training points (NaN once training has diverged). */
  loss: number;
  /** The fraction of training points classified correctly. */
  accuracy: number;
  /** Each layer's health, input side first (layer 1 first). */
  layers: LayerHealth[];
}

/** A training run of one state: the data, the network, SGD, and measurements of its gradient flow. */
export class GradientFlowRun {
  /** The engine network. */
  readonly model: MLP;
  /** SGD steps taken so far. */
  step = 0;
  private readonly kernel: FastMLP;
  private readonly optimizer: SGD;
  private readonly shuffle: Random;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly inputs: Tensor;
  private readonly targets: Tensor;
  private pending: number[][] = [];
  private current: GradientFlowState;

  /** A fresh run: the state's seed draws the first weights and the order of the mini-batches. */
  constructor(state: GradientFlowState) {
    this.current = { ...state };
    const data = circles({ n: POINT_COUNT, noise: NOISE, rng: new Random(DATA_SEED) });
    this.x = Float64Array.from(data.x.flat());
    this.y = Float64Array.from(data.y);
    this.inputs = tensor(data.x);
    this.targets = tensor(data.y.map((label) => [label]));
    const rng = new Random(state.seed);
    this.model = new MLP(layerSizes(state, 2), { activation: state.activation, init: initializerOf(state.init), rng: rng.fork() });
    this.shuffle = rng.fork();
    this.kernel = new FastMLP(this.model, { loss: 'binaryCrossEntropyWithLogits', maxBatch: POINT_COUNT });
    this.optimizer = new SGD(this.model.parameters(), { lr: state.lr });
  }

  /** The settings of the run (the learning rate as last set). */
  get state(): GradientFlowState {
    return this.current;
  }

  /** Changes SGD's learning rate from the next step on, keeping the weights. */
  setLearningRate(lr: number): void {
    this.optimizer.lr = lr;
    this.current = { ...this.current, lr };
  }

  /** Takes `count` SGD steps, one mini-batch each (an epoch's shuffled batches in turn); stops early once the loss is not finite. */
  train(count: number): void {
    for (let k = 0; k < count; k++) {
      if (this.pending.length === 0) this.pending = batchIndices(POINT_COUNT, BATCH_SIZE, this.shuffle).reverse();
      const loss = this.kernel.trainBatch(this.x, this.y, this.pending.pop()!);
      if (!Number.isFinite(loss)) return;
      this.optimizer.step();
      this.step++;
    }
  }

  /** Whether training has diverged: the loss on the training points is no longer a finite number. */
  get diverged(): boolean {
    return !Number.isFinite(this.kernel.meanLoss(this.x, this.y, POINT_COUNT));
  }

  /** The loss, accuracy and every layer's health on the whole training set now. */
  measure(): Measurement {
    const layers = layerHealth(this.model, this.inputs, (out) => binaryCrossEntropyWithLogits(out, this.targets));
    const logits = new Float64Array(POINT_COUNT);
    this.kernel.predict(this.x, POINT_COUNT, logits);
    return {
      step: this.step,
      loss: this.kernel.meanLoss(this.x, this.y, POINT_COUNT),
      accuracy: accuracy(Array.from(logits, (z) => (z >= 0 ? 1 : 0)), this.y),
      layers,
    };
  }
}
