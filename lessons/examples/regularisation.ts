// Worked examples for lesson 7, regularisation, computed by the engine when the site is built.
//
// The runs are the RegularizationLab's (site/lesson/regularization-lab/run.ts): 30 noisy moons with some labels
// flipped, a 2-12-12-1 tanh network trained full-batch by the engine's Adam, with the engine's weight decay, dropout
// and EarlyStopping. Beside them, the L2 step of the engine's SGD against the formula θ ← (1 − ηλ)θ − η∇L, Adam's L2
// against AdamW's decoupled decay on two weights with gradients of very different sizes, and one network's outputs in
// training mode (dropout masks) against evaluation mode. Every claim the prose makes is checked here, so a false
// claim throws and the page is never built with it. All of it takes well under two seconds.

import { Adam, AdamW, MLP, Random, SGD, mul, noGrad, sum, tensor } from '../../engine/index.ts';
import { LAB, labData, trainLab, type LabData, type LabRun, type LabSettings } from '../../site/lesson/regularization-lab/run.ts';
import { PRESETS } from '../../site/lesson/regularization-lab/presets.ts';
import { panel, type FigureColor } from './figures.ts';
import { lineChart } from './line-chart.ts';
import { show, showGap } from './losses.ts';


/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`regularisation example: ${message}`);
}

/** The epoch of the smallest value. */
function argmin(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** The Euclidean norm of every weight matrix of a run's final (or restored) weights. */
function weightNorm(run: LabRun): number {
  return Math.hypot(...run.weights[run.restoredEpoch]);
}

/** The fraction of validation points the run's final network classifies as labelled. */
function validationAccuracy(run: LabRun): number {
  const { x, y } = run.validation;
  const out = noGrad(() => run.model.forward(tensor(Array.from({ length: y.length }, (_, i) => [x[2 * i], x[2 * i + 1]])))).data;
  let right = 0;
  for (let i = 0; i < y.length; i++) if ((out[i] > 0 ? 1 : 0) === y[i]) right++;
  return right / y.length;
}

// --- The four presets of the lab -----------------------------------------------------------------------------

const runs = {
  overfit: trainLab(PRESETS.overfit.settings),
  l2: trainLab(PRESETS.l2.settings),
  dropout: trainLab(PRESETS.dropout.settings),
  early: trainLab(PRESETS['early-stopping'].settings),
};

/** The shape of the lab's experiment, for the prose. */
export const setup = {
  trainCount: String(LAB.trainCount),
  validationCount: String(LAB.validationCount),
  labelNoise: `${Math.round(LAB.labelNoise * 100)}%`,
  architecture: `2-${LAB.hidden}-${LAB.hidden}-1`,
  parameters: String((2 + 1) * LAB.hidden + (LAB.hidden + 1) * LAB.hidden + LAB.hidden + 1),
  lr: show(LAB.lr, 3),
  epochs: String(PRESETS.overfit.settings.epochs),
  l2: show(PRESETS.l2.settings.l2, 3),
  dropout: show(PRESETS.dropout.settings.dropout, 2),
  patience: String(PRESETS['early-stopping'].settings.patience),
};

/** Overfitting, seen: the training loss falls towards zero while the validation loss turns and climbs. */
export const overfitting = (() => {
  const run = runs.overfit;
  const last = run.trained;
  const best = argmin(run.validationLoss);
  claim(run.trainLoss[last] < 0.1, 'the overfit run drives its training loss below 0.1');
  claim(best > 0 && best < last / 4, 'the validation loss turns in the first quarter of training');
  claim(run.validationLoss[last] > 2 * run.validationLoss[best], 'the validation loss ends over twice its lowest');
  const chart = lineChart({
    id: 'overfitting-curves',
    title: 'Training and validation loss of a network that overfits',
    description:
      `The ${setup.architecture} network trained on ${LAB.trainCount} noisy points for ${last} epochs. The training loss falls from ` +
      `${show(run.trainLoss[0], 2)} to ${show(run.trainLoss[last], 3)}; the validation loss falls to ${show(run.validationLoss[best], 2)} at epoch ${best}, ` +
      `then climbs to ${show(run.validationLoss[last], 2)}.`,
    series: [
      { label: 'validation loss', points: Array.from(run.validationLoss, (v, e) => [e, v] as const), color: 'accent' },
      { label: 'training loss', points: Array.from(run.trainLoss, (v, e) => [e, v] as const), color: 'text-muted', dashed: true },
    ],
    x: { label: 'epoch', domain: [0, last], ticks: [0, 50, 100, 150, 200, 250, 300].filter((t) => t <= last) },
    y: { label: 'mean binary cross-entropy', domain: [0, 2], ticks: [0, 0.5, 1, 1.5, 2] },
  });
  return {
    chart,
    bestEpoch: String(best),
    bestLoss: show(run.validationLoss[best], 3),
    bestTrain: show(run.trainLoss[best], 3),
    finalTrain: show(run.trainLoss[last], 3),
    finalValidation: show(run.validationLoss[last], 3),
    accuracy: `${Math.round(validationAccuracy(run) * 100)}%`,
  };
})();

/** The four runs side by side: final losses, validation accuracy and the size of the weights. */
export const comparison = (() => {
  const rows = [
    { name: 'no regulariser', run: runs.overfit },
    { name: `L2, λ = ${setup.l2}`, run: runs.l2 },
    { name: `dropout, p = ${setup.dropout}`, run: runs.dropout },
    { name: `early stopping, patience ${setup.patience}`, run: runs.early },
  ].map(({ name, run }) => ({
    name,
    epoch: String(run.restoredEpoch),
    train: show(run.trainLoss[run.restoredEpoch], 3),
    validation: show(run.validationLoss[run.restoredEpoch], 3),
    accuracy: `${Math.round(validationAccuracy(run) * 100)}%`,
    norm: show(weightNorm(run), 1),
    rawValidation: run.validationLoss[run.restoredEpoch],
  }));
  const bestEver = Math.min(...runs.overfit.validationLoss);
  for (const row of rows.slice(1)) {
    claim(row.rawValidation < 0.5 * rows[0].rawValidation, `${row.name} at least halves the overfit run's validation loss`);
    claim(row.rawValidation < 1.1 * bestEver, `${row.name} lands within 10% of the overfit run's best validation loss`);
    claim(Number(row.train) > Number(rows[0].train), `${row.name} gives up training loss`);
  }
  claim(weightNorm(runs.l2) < 0.5 * weightNorm(runs.overfit), 'L2 keeps the weights under half the overfit run’s size');
  return { rows, l2Norm: show(weightNorm(runs.l2), 1), overfitNorm: show(weightNorm(runs.overfit), 1) };
})();

// --- L2: the penalty, its gradient, and the step ---------------------------------------------------------------

/**
 * The engine's weight decay, checked two ways on a three-weight example: autograd's gradient of the penalty
 * (λ/2)‖θ‖² is λθ, and SGD with weightDecay λ takes the step θ ← (1 − ηλ)θ − η∇L.
 */
export const l2Step = (() => {
  const theta0 = [2, -1, 0.5];
  const gradient = [0.3, -0.2, 0.1];
  const lr = 0.1;
  const lambda = 0.1;
  // Autograd's gradient of the penalty alone.
  const theta = tensor(theta0, { requiresGrad: true });
  sum(mul(theta, theta)).mul(lambda / 2).backward();
  const penaltyGradient = Array.from(theta.grad!.data);
  penaltyGradient.forEach((g, i) => claim(Math.abs(g - lambda * theta0[i]) < 1e-15, 'the gradient of (λ/2)‖θ‖² is λθ'));
  // The engine's step with weightDecay, against the formula.
  const p = tensor(theta0, { requiresGrad: true });
  p.grad = tensor(gradient);
  new SGD([p], { lr, weightDecay: lambda }).step();
  const engine = Array.from(p.data);
  const formula = theta0.map((t, i) => (1 - lr * lambda) * t - lr * gradient[i]);
  const gap = Math.max(...engine.map((v, i) => Math.abs(v - formula[i])));
  claim(gap < 1e-15, 'SGD with weight decay steps θ ← (1 − ηλ)θ − η∇L');
  const vector = (v: number[]) => `(${v.map((x) => show(x, 3)).join(', ')})`;
  // With no data gradient, t steps multiply θ by (1 − ηλ)^t.
  const shrink = 1 - lr * lambda;
  const steps = 50;
  return {
    theta: vector(theta0),
    gradient: vector(gradient),
    lr: show(lr, 2),
    lambda: show(lambda, 2),
    penaltyGradient: vector(penaltyGradient),
    engine: vector(engine),
    shrink: show(shrink, 3),
    steps: String(steps),
    after: show(shrink ** steps, 3),
    agreement: gap === 0 ? 'agree to the last bit' : `differ by ${showGap(gap)}`,
  };
})();

/**
 * Adam with L2 against AdamW on two weights, θ = (1, 1), whose data gradients are zero-mean noise of very different
 * sizes (spread 10 and 0.01): what each optimizer's decay takes off each weight over the steps, measured against
 * the same optimizer without decay on the same noise.
 */
export const adamw = (() => {
  const steps = 200;
  const lr = 0.01;
  const lambda = 0.1;
  const spreads = [10, 0.01];
  const final = (make: (p: ReturnType<typeof tensor>) => { step(): void }): number[] => {
    const p = tensor([1, 1], { requiresGrad: true });
    const optimizer = make(p);
    const rng = new Random(5);
    for (let t = 0; t < steps; t++) {
      p.grad = tensor(spreads.map((s) => rng.normal(0, s)));
      optimizer.step();
    }
    return Array.from(p.data);
  };
  const plain = final((p) => new Adam([p], { lr }));
  const adamL2 = final((p) => new Adam([p], { lr, weightDecay: lambda }));
  const decoupled = final((p) => new AdamW([p], { lr, weightDecay: lambda }));
  const plainW = final((p) => new AdamW([p], { lr, weightDecay: 0 }));
  // The fraction of each weight the decay took off: 1 − θ(with decay)/θ(without), on the same noise.
  const decayL2 = plain.map((v, i) => 1 - adamL2[i] / v);
  const decayW = plainW.map((v, i) => 1 - decoupled[i] / v);
  const expected = 1 - (1 - lr * lambda) ** steps;
  claim(decayL2[0] < 0.25 * decayW[0], 'Adam’s L2 decays the large-gradient weight far less than AdamW');
  claim(decayL2[1] > 3 * decayW[1], 'Adam’s L2 decays the small-gradient weight far more than AdamW');
  for (const d of decayW) claim(Math.abs(d - expected) < 0.02, 'AdamW takes about the fraction 1 − (1 − ηλ)^t off both weights');
  return {
    steps: String(steps),
    lr: show(lr, 3),
    lambda: show(lambda, 2),
    large: String(spreads[0]),
    small: String(spreads[1]),
    l2Large: `${show(100 * decayL2[0], 1)}%`,
    l2Small: `${show(100 * decayL2[1], 1)}%`,
    wLarge: `${show(100 * decayW[0], 1)}%`,
    wSmall: `${show(100 * decayW[1], 1)}%`,
    expected: `${show(100 * expected, 1)}%`,
  };
})();

// --- Dropout: training passes against the evaluation pass --------------------------------------------------------

/**
 * One network's output for one input, in training mode (each pass draws new masks) and in evaluation mode (no mask):
 * a 2-16-1 network with dropout p = 0.5 before its linear output, where the mean of the training passes is the
 * evaluation output exactly in expectation, and a 2-16-16-1 tanh network, where the second tanh makes it approximate.
 */
export const dropoutPasses = (() => {
  const p = 0.5;
  const input = tensor([[0.5, -0.3]]);
  const passes = 20000;
  // One batch of `passes` copies of the input: in training mode every row draws its own masks, so each row is one pass.
  const copies = tensor(Array.from({ length: passes }, () => [0.5, -0.3]));
  const measure = (sizes: number[]) => {
    const model = new MLP(sizes, { activation: 'tanh', dropout: p, seed: 4 });
    model.train();
    const outputs = Array.from(noGrad(() => model.forward(copies)).data);
    model.eval();
    const evaluation = noGrad(() => model.forward(input).item());
    const mean = outputs.reduce((a, b) => a + b, 0) / passes;
    const spread = Math.sqrt(outputs.reduce((a, b) => a + (b - mean) ** 2, 0) / (passes - 1));
    return { outputs, evaluation, mean, spread, standardError: spread / Math.sqrt(passes) };
  };
  const shallow = measure([2, 16, 1]);
  const deep = measure([2, 16, 16, 1]);
  claim(Math.abs(shallow.mean - shallow.evaluation) < 4 * shallow.standardError, 'with a linear layer after the dropout, the mean training output is the evaluation output');
  claim(shallow.spread > 0.1 * Math.abs(shallow.evaluation), 'single training passes scatter widely');
  claim(Math.abs(deep.mean - deep.evaluation) > 4 * deep.standardError, 'through a second tanh the mean training output and the evaluation output differ');
  // The expected value of one unit through inverted dropout: h · E[m]/(1 − p) = h.
  const rng = new Random(9);
  const h = 0.8;
  const draws = 100000;
  let total = 0;
  for (let k = 0; k < draws; k++) total += rng.next() < 1 - p ? h / (1 - p) : 0;
  const unitMean = total / draws;
  claim(Math.abs(unitMean - h) < 0.01, 'inverted dropout keeps a unit’s mean');
  return {
    p: show(p, 2),
    scale: show(1 / (1 - p), 2),
    input: '(0.5, −0.3)',
    first: shallow.outputs.slice(0, 8).map((v) => show(v, 3)),
    passes: passes.toLocaleString('en-US'),
    shallowMean: show(shallow.mean, 3),
    shallowEval: show(shallow.evaluation, 3),
    shallowSpread: show(shallow.spread, 2),
    deepMean: show(deep.mean, 3),
    deepEval: show(deep.evaluation, 3),
    deepGap: show(Math.abs(deep.mean - deep.evaluation), 3),
    deepError: show(deep.standardError, 3),
    unit: show(h, 2),
    unitDraws: draws.toLocaleString('en-US'),
    unitMean: show(unitMean, 3),
  };
})();

// --- Early stopping ------------------------------------------------------------------------------------------------

/** The early-stopping run: where it stopped, which epoch it restored, and a figure of both over the overfit run. */
export const earlyStopping = (() => {
  const run = runs.early;
  const full = runs.overfit;
  claim(run.stopped, 'early stopping stops the run');
  claim(run.trained - run.restoredEpoch === PRESETS['early-stopping'].settings.patience, 'it stops `patience` epochs after the best');
  claim(run.restoredEpoch === argmin(full.validationLoss.subarray(1)) + 1, 'it restores the epoch of the lowest validation loss');
  const top = 1.2;
  claim(run.trained < 120, 'the figure’s 120 epochs show where early stopping stops');
  const figure = panel({
    label: `Validation loss of the overfit run over ${full.trained} epochs; early stopping with patience ${setup.patience} stops at epoch ${run.trained} and restores epoch ${run.restoredEpoch}.`,
    x: { domain: [0, 120], ticks: [0, 20, 40, 60, 80, 100, 120], label: 'epoch' },
    y: { domain: [0, top], ticks: [0, 0.4, 0.8, 1.2], label: 'validation loss' },
    width: 460,
    height: 260,
    lines: [
      { points: Array.from(full.validationLoss.subarray(0, 121), (v, e) => ({ x: e, y: Math.min(v, top) })), color: 'accent' as FigureColor },
      { points: [{ x: run.trained, y: 0 }, { x: run.trained, y: top }], color: 'text-muted' as FigureColor, dash: true, width: 1.5 },
    ],
    dots: [{ at: { x: run.restoredEpoch, y: run.validationLoss[run.restoredEpoch] }, shape: 'square', color: 'good', title: `epoch ${run.restoredEpoch}: the weights kept`, size: 11 }],
    labels: [
      { at: { x: run.trained, y: 1.12 }, text: `stop (epoch ${run.trained})`, anchor: 'start', dx: 5, color: 'text-muted' },
      { at: { x: run.restoredEpoch, y: run.validationLoss[run.restoredEpoch] }, text: `best (epoch ${run.restoredEpoch})`, anchor: 'middle', dy: 22, color: 'text' },
    ],
  });
  return {
    figure,
    stop: String(run.trained),
    restored: String(run.restoredEpoch),
    restoredLoss: show(run.validationLoss[run.restoredEpoch], 3),
    lastLoss: show(run.validationLoss[run.trained], 3),
    fullLoss: show(full.validationLoss[full.trained], 3),
    saved: String(full.trained - run.trained),
  };
})();

// --- More data, and augmented data ---------------------------------------------------------------------------------

/** The overfit network trained without a regulariser on more and more points of the same distribution, and on augmented points. */
export const moreData = (() => {
  const settings: LabSettings = PRESETS.overfit.settings;
  const sizes = [30, 60, 120, 240];
  const rows = sizes.map((n) => {
    // 30 points is the overfit run itself.
    const run = n === LAB.trainCount ? runs.overfit : trainLab(settings, labData(settings.seed, n));
    return { n, train: run.trainLoss[run.trained], validation: run.validationLoss[run.trained], best: Math.min(...run.validationLoss) };
  });
  for (let i = 1; i < rows.length; i++) claim(rows[i].validation < rows[i - 1].validation, 'more data lowers the final validation loss');
  const most = rows[rows.length - 1];
  claim(show(most.validation, 3) === show(most.best, 3), 'with the most data the validation loss ends as low as it ever was');
  // Augmentation: each of the 30 training points and 4 copies jittered by Gaussian noise of spread 0.15, same label.
  const base: LabData = labData(settings.seed);
  const copies = 4;
  const jitter = 0.15;
  const rng = new Random(99);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < base.train.y.length; i++) {
    for (let c = 0; c <= copies; c++) {
      const noise = c === 0 ? [0, 0] : [rng.normal(0, jitter), rng.normal(0, jitter)];
      xs.push(base.train.x[2 * i] + noise[0], base.train.x[2 * i + 1] + noise[1]);
      ys.push(base.train.y[i]);
    }
  }
  const augmented = trainLab(settings, { train: { x: Float64Array.from(xs), y: Float64Array.from(ys) }, validation: base.validation });
  const augmentedLoss = augmented.validationLoss[augmented.trained];
  claim(augmentedLoss < 0.75 * rows[0].validation, 'augmentation lowers the validation loss of the 30-point run');
  const chart = lineChart({
    id: 'more-data',
    title: 'Validation loss after training against the number of training points',
    description:
      `The same network trained without a regulariser for ${settings.epochs} epochs on ${sizes.join(', ')} points. Its final validation loss falls ` +
      `from ${show(rows[0].validation, 2)} to ${show(rows[rows.length - 1].validation, 2)}, and the training loss rises towards it.`,
    series: [
      { label: 'validation loss after training', points: rows.map((r) => [r.n, r.validation] as const), color: 'accent' },
      { label: 'training loss after training', points: rows.map((r) => [r.n, r.train] as const), color: 'text-muted', dashed: true },
    ],
    x: { label: 'training points', domain: [0, 250], ticks: sizes },
    y: { label: 'loss', domain: [0, 2], ticks: [0, 0.5, 1, 1.5, 2] },
  });
  return {
    chart,
    rows: rows.map((r) => ({ n: String(r.n), train: show(r.train, 3), validation: show(r.validation, 3), best: show(r.best, 3) })),
    copies: String(copies),
    jitter: show(jitter, 2),
    augmentedCount: String(xs.length / 2),
    augmented: show(augmentedLoss, 3),
    plain: show(rows[0].validation, 3),
  };
})();
