// Worked examples for lesson 8, deep networks, computed by the engine when the site is built.
//
// Every number the chapter shows comes from here, already formatted, and so do its figures: the per-layer gradient
// norms of 20-layer networks (the engine's layerHealth, autograd's gradients) under four settings, the second moment of
// the activations layer by layer under three initialisers (the engine's own initialisers and their `scale`), the dead
// ReLU units of a run with too large a learning rate, and the parameter count of the 784-256-10 MNIST network. Each
// claim the prose makes is checked here, so a false one throws and the page is never built with it. Everything runs
// in well under a second.

import {
  FastMLP,
  MLP,
  Random,
  SGD,
  binaryCrossEntropyWithLogits,
  gaussian,
  heNormal,
  heUniform,
  layerHealth,
  torchDefault,
  moons,
  mseLoss,
  noGrad,
  tensor,
  xavierNormal,
  type ActivationName,
  type Initializer,
  type Tensor,
} from '../../engine/index.ts';
import { SIGMOID, TANH, RELU } from '../../engine/formulas/activations.ts';
import { lineChart, type ChartSeries } from './line-chart.ts';
import { show } from './losses.ts';
import { showCount, showScientific } from './optimization.ts';

/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`deep-networks example: ${message}`);
}

/** The scale of an engine initialiser for a layer: the std of a normal, or the bound of a uniform. */
function scaleOf(init: Initializer, fanIn: number, fanOut: number): number {
  const scale = init.scale?.(fanIn, fanOut);
  claim(scale !== undefined, `the initialiser ${init.name} says its scale`);
  return scale!.kind === 'normal' ? scale!.std : scale!.bound;
}

/** A seeded batch of `n` examples with `d` standard-normal features. */
function normalBatch(n: number, d: number, seed: number): Tensor {
  const rng = new Random(seed);
  return tensor(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
}

/** Integer ticks from `low` to `high` every `step`. */
const ticks = (low: number, high: number, step: number) => Array.from({ length: Math.floor((high - low) / step) + 1 }, (_, i) => low + i * step);

/** A positive size as the tables print it: three significant digits between 0.01 and 1,000, else "a × 10ⁿ". */
export function showSize(value: number): string {
  return value >= 0.01 && value < 1000 ? show(Number(value.toPrecision(3)), 4) : showScientific(value);
}

/** The lectures' "small random numbers": weights drawn from N(0, 0.05²) (seed 000's perceptron initialisation). */
export const SMALL_STD = 0.05;

// --- The slopes: σ′ ≤ 1/4, tanh′ ≤ 1, and the (1/4)ⁿ bound -------------------------------------------------

/** The activations' largest slopes, read from the engine's registry, and the (1/4)ⁿ bound for a few depths. */
export const slopes = (() => {
  const sigmoidPeak = SIGMOID.df(0, SIGMOID.f(0, {}), {});
  const tanhPeak = TANH.df(0, TANH.f(0, {}), {});
  // The peak is at 0: check it against a fine grid of z.
  for (let z = -8; z <= 8; z += 0.01) {
    claim(SIGMOID.df(z, SIGMOID.f(z, {}), {}) <= sigmoidPeak + 1e-15, `σ′(${z}) is at most σ′(0)`);
    claim(TANH.df(z, TANH.f(z, {}), {}) <= tanhPeak + 1e-15, `tanh′(${z}) is at most tanh′(0)`);
  }
  claim(sigmoidPeak === 0.25 && tanhPeak === 1, 'σ′(0) = 1/4 and tanh′(0) = 1');
  const sigmoidAt = (z: number) => SIGMOID.df(z, SIGMOID.f(z, {}), {});
  const bounds = [5, 10, 20].map((n) => ({ n: String(n), bound: showScientific(sigmoidPeak ** n) }));
  let millionth = 1;
  while (sigmoidPeak ** millionth >= 1e-6) millionth++;
  return {
    sigmoidPeak: show(sigmoidPeak, 3),
    tanhPeak: show(tanhPeak, 3),
    sigmoidAtTwo: show(sigmoidAt(2), 3),
    sigmoidAtFive: showScientific(sigmoidAt(5), 2),
    reluSlope: show(RELU.df(1, RELU.f(1, {}), {}), 0),
    bounds,
    millionth: String(millionth),
  };
})();

// --- Gradient flow: per-layer gradient norms of 20-layer networks ------------------------------------------

/** The gradient-flow chart's grid: a line every FLOW_TICK powers of ten. */
const FLOW_TICK = 3;

/** Depth, width and batch of the gradient-flow networks: 10 inputs, 19 hidden layers of 32, one output. */
const FLOW = { inputs: 10, width: 32, hidden: 19, batch: 64 };

/** Layer health of one 20-layer network on a seeded batch with targets 0, 1, 0, 1, … and the mean squared error. */
function flow(activation: ActivationName, init: Initializer) {
  const model = new MLP([FLOW.inputs, ...Array<number>(FLOW.hidden).fill(FLOW.width), 1], { activation, init, seed: 3 });
  const x = normalBatch(FLOW.batch, FLOW.inputs, 1);
  const y = tensor(Array.from({ length: FLOW.batch }, (_, i) => [i % 2]));
  return layerHealth(model, x, (out) => mseLoss(out, y));
}

/** The geometric mean, over the hidden layers, of the factor by which the gradient norm is divided from one layer to the one below it. */
function perLayerFactor(norms: readonly number[]): number {
  // Layers 1 … L−1 are the hidden layers; the output layer has a different shape and is left out.
  const hidden = norms.slice(0, -1);
  return (hidden[hidden.length - 1] / hidden[0]) ** (1 / (hidden.length - 1));
}

/**
 * The weight-gradient norm ‖∂L/∂W⁽ˡ⁾‖ of every layer of a 20-layer network (10 inputs, 19 hidden layers of 32, one
 * output, a batch of 64) at initialisation, under four settings: sigmoid with the lectures' small Gaussian weights,
 * tanh with N(0, 1) weights, tanh with Xavier, ReLU with He. The first vanishes, the second explodes towards the input,
 * the last two keep the gradient's size.
 */
export const gradientFlow = (() => {
  const settings = [
    { key: 'sigmoid', label: `sigmoid, N(0, ${SMALL_STD}²)`, activation: 'sigmoid' as const, init: gaussian(SMALL_STD), color: 'bad' as const, dashed: false },
    { key: 'tanhLarge', label: 'tanh, N(0, 1)', activation: 'tanh' as const, init: gaussian(1), color: 'focus' as const, dashed: true },
    { key: 'tanhXavier', label: 'tanh, Xavier', activation: 'tanh' as const, init: xavierNormal(), color: 'good' as const, dashed: true },
    { key: 'reluHe', label: 'ReLU, He', activation: 'relu' as const, init: heNormal(), color: 'accent' as const, dashed: false },
  ];
  const runs = settings.map((s) => ({ ...s, health: flow(s.activation, s.init) }));
  const norms = (key: string) => runs.find((r) => r.key === key)!.health.map((h) => h.gradientNorm);
  const depth = FLOW.hidden + 1;
  // Ratio of the last layer's gradient norm to the first's.
  const ratio = (key: string) => {
    const n = norms(key);
    return n[n.length - 1] / n[0];
  };
  const sigmoidRatio = ratio('sigmoid');
  claim(sigmoidRatio > 1e6, `a 20-layer sigmoid network with N(0, ${SMALL_STD}²) weights passes its first layer a gradient over a million times smaller than its last (${sigmoidRatio})`);
  claim(ratio('tanhLarge') < 1e-2, 'tanh with N(0, 1) weights: the first layer’s gradient is over 100× the last’s');
  claim(ratio('tanhXavier') < 10 && ratio('tanhXavier') > 0.1, 'tanh with Xavier keeps first and last within 10×');
  claim(ratio('reluHe') < 10 && ratio('reluHe') > 0.1, 'ReLU with He keeps first and last within 10×');

  // The typical per-layer factor predicted by the variance argument: √n · σ_w · σ′ with σ′ near its peak 1/4 (the
  // pre-activations are near 0 for weights this small), against the measured one.
  const sigmoidFactor = perLayerFactor(norms('sigmoid'));
  const predicted = 1 / (Math.sqrt(FLOW.width) * SMALL_STD * 0.25);
  claim(Math.abs(sigmoidFactor / predicted - 1) < 0.25, `the measured shrinking per layer, ${sigmoidFactor}, is near the predicted ${predicted}`);
  const tanhGrowth = perLayerFactor(norms('tanhLarge'));
  claim(tanhGrowth < 1, 'with N(0, 1) weights the tanh gradients grow towards the input');
  const saturated = runs.find((r) => r.key === 'tanhLarge')!.health.slice(0, -1).map((h) => h.saturated ?? 0);
  const meanSaturated = saturated.reduce((a, b) => a + b, 0) / saturated.length;
  claim(meanSaturated > 0.3, 'tanh with N(0, 1) weights saturates a large share of its units');

  // Xavier is made for units whose slope is 1 at 0; the sigmoid's is 1/4, so with Xavier it still vanishes.
  const sigmoidXavier = flow('sigmoid', xavierNormal()).map((h) => h.gradientNorm);
  const sigmoidXavierRatio = sigmoidXavier[sigmoidXavier.length - 1] / sigmoidXavier[0];
  claim(sigmoidXavierRatio > 1e6, 'sigmoid with Xavier weights still vanishes');

  const logs = runs.flatMap((r) => r.health.map((h) => Math.log10(h.gradientNorm)));
  const low = Math.floor(Math.min(...logs) / 3) * 3;
  const high = Math.ceil(Math.max(...logs) / 3) * 3;
  const chart = lineChart({
    id: 'gradient-flow-norms',
    title: 'Gradient norm of each layer of a 20-layer network, on a log scale, for four activations and initialisations',
    description:
      `The size of each layer's weight gradient at initialisation, layer 1 (next to the input) to layer ${depth} (the output). ` +
      `Sigmoid with N(0, ${SMALL_STD}²) weights falls steadily from the output to the input: layer 1 gets ${showScientific(1 / sigmoidRatio)} of the last layer's gradient. ` +
      `Tanh with N(0, 1) weights does the opposite: layer 1's gradient is ${showScientific(1 / ratio('tanhLarge'))} times the last layer's. ` +
      `Tanh with Xavier weights and ReLU with He weights stay level, within a factor of ${show(Math.max(ratio('tanhXavier'), 1 / ratio('tanhXavier'), ratio('reluHe'), 1 / ratio('reluHe')), 0)}.`,
    series: runs.map((r): ChartSeries => ({
      label: r.label,
      points: r.health.map((h) => [h.layer, Math.log10(h.gradientNorm)] as const),
      color: r.color,
      dashed: r.dashed,
    })),
    x: { label: 'layer (1 = next to the input)', domain: [1, depth], ticks: [1, 5, 10, 15, 20] },
    legend: 'bottom-right',
    y: { label: 'log₁₀ ‖∂L/∂W‖', domain: [low, high], ticks: ticks(low, high, FLOW_TICK) },
  });

  const row = (key: string, label: string) => {
    const n = norms(key);
    return { label, first: showSize(n[0]), last: showSize(n[n.length - 1]), ratio: showSize(n[n.length - 1] / n[0]) };
  };
  return {
    depth: String(depth),
    hidden: String(FLOW.hidden),
    width: String(FLOW.width),
    batch: String(FLOW.batch),
    inputs: String(FLOW.inputs),
    std: show(SMALL_STD, 3),
    gridFactor: showCount(10 ** FLOW_TICK),
    chart,
    rows: [
      row('sigmoid', `sigmoid, N(0, ${SMALL_STD}²)`),
      row('tanhLarge', 'tanh, N(0, 1)'),
      row('tanhXavier', 'tanh, Xavier'),
      row('reluHe', 'ReLU, He'),
    ],
    sigmoidShrink: showScientific(1 / sigmoidRatio),
    sigmoidFactor: show(sigmoidFactor, 1),
    predictedFactor: show(predicted, 1),
    tanhGrowth: show(1 / tanhGrowth, 2),
    tanhLargeRatio: showScientific(1 / ratio('tanhLarge')),
    tanhSaturated: `${show(100 * meanSaturated, 0)}%`,
    sigmoidXavierShrink: showScientific(1 / sigmoidXavierRatio),
  };
})();

// --- Initialisation: the second moment of the activations, layer by layer ------------------------------------

/** Width, depth and batch of the initialisation figure's networks. */
const INIT = { width: 128, depth: 15, batch: 64 };

/** E[h²] after each layer of a width-256 stack (no output layer) on a standard-normal batch, under one initialiser. */
function secondMoments(activation: 'relu' | 'tanh', init: Initializer): number[] {
  const model = new MLP(Array<number>(INIT.depth + 1).fill(INIT.width), { activation, outputActivation: activation, init, seed: 4 });
  const x = normalBatch(INIT.batch, INIT.width, 5);
  const moments: number[] = [];
  noGrad(() => {
    let h = x;
    for (const block of model.blocks) {
      const z = block.linear.forward(h);
      h = activation === 'relu' ? z.relu() : z.tanh();
      let squares = 0;
      for (const v of h.data) squares += v * v;
      moments.push(squares / h.size);
    }
  });
  return moments;
}

/**
 * The second moment of the activations, E[h²], after each of 15 layers of width 256 at initialisation, for ReLU and
 * tanh under the lectures' N(0, 0.05²), Xavier and He weights; and the standard deviation each initialiser uses for
 * such a layer, from the engine's initialisers' `scale`.
 */
export const initialisation = (() => {
  const n = INIT.width;
  const scales = {
    gaussian: scaleOf(gaussian(SMALL_STD), n, n),
    xavier: scaleOf(xavierNormal(), n, n),
    he: scaleOf(heNormal(), n, n),
    heUniform: scaleOf(heUniform(), n, n),
  };
  claim(Math.abs(scales.xavier ** 2 - 2 / (n + n)) < 1e-15 && Math.abs(scales.he ** 2 - 2 / n) < 1e-15, 'Xavier’s variance is 2/(n_in + n_out) and He’s 2/n_in');
  // The factor each layer multiplies E[h²] by, from the variance argument: ReLU keeps half of n·Var(w)·E[h²]; tanh,
  // near 0, is the identity.
  const reluFactor = (std: number) => (n * std * std) / 2;
  const tanhFactor = (std: number) => n * std * std;
  const settings = [
    { key: 'reluSmall', label: `ReLU, N(0, ${SMALL_STD}²)`, activation: 'relu' as const, init: gaussian(SMALL_STD), color: 'bad' as const, dashed: false },
    { key: 'reluXavier', label: 'ReLU, Xavier', activation: 'relu' as const, init: xavierNormal(), color: 'focus' as const, dashed: true },
    { key: 'reluHe', label: 'ReLU, He', activation: 'relu' as const, init: heNormal(), color: 'accent' as const, dashed: false },
    { key: 'tanhSmall', label: `tanh, N(0, ${SMALL_STD}²)`, activation: 'tanh' as const, init: gaussian(SMALL_STD), color: 'text-muted' as const, dashed: true },
    { key: 'tanhXavier', label: 'tanh, Xavier', activation: 'tanh' as const, init: xavierNormal(), color: 'good' as const, dashed: true },
  ];
  const runs = settings.map((s) => ({ ...s, moments: secondMoments(s.activation, s.init) }));
  const moments = (key: string) => runs.find((r) => r.key === key)!.moments;
  const last = (key: string) => moments(key)[INIT.depth - 1];
  // Geometric mean factor per layer from layer 1 to the last.
  const factor = (key: string) => (last(key) / moments(key)[0]) ** (1 / (INIT.depth - 1));

  claim(Math.abs(factor('reluSmall') / reluFactor(scales.gaussian) - 1) < 0.2, `ReLU with N(0, ${SMALL_STD}²): each layer multiplies E[h²] by about n·σ²/2`);
  claim(Math.abs(factor('reluXavier') / reluFactor(scales.xavier) - 1) < 0.2, 'ReLU with Xavier: each layer halves E[h²]');
  claim(Math.abs(factor('reluHe') - 1) < 0.1, 'ReLU with He keeps E[h²] level');
  claim(Math.abs(factor('tanhSmall') / tanhFactor(scales.gaussian) - 1) < 0.2, `tanh with N(0, ${SMALL_STD}²): each layer multiplies E[h²] by about n·σ²`);
  claim(last('tanhXavier') > 0.01 && last('tanhXavier') < moments('tanhXavier')[0], 'tanh with Xavier decays slowly, far from vanishing');
  claim(last('reluSmall') < 1e-6, `ReLU with N(0, ${SMALL_STD}²) has all but vanished after ${INIT.depth} layers`);

  const logs = runs.flatMap((r) => r.moments.map((m) => Math.log10(m)));
  const low = Math.floor(Math.min(...logs));
  const chart = lineChart({
    id: 'init-second-moment',
    title: 'The size of the activations, layer by layer, under three initialisations',
    description:
      `E[h²] after each of ${INIT.depth} layers of width ${n} at initialisation, on a log scale. ` +
      `ReLU with N(0, ${SMALL_STD}²) weights falls to ${showScientific(last('reluSmall'))} by layer ${INIT.depth}; ReLU with Xavier weights halves at every layer, ` +
      `to ${showScientific(last('reluXavier'))}; ReLU with He weights stays near ${show(last('reluHe'), 1)}. ` +
      `Tanh with N(0, ${SMALL_STD}²) falls to ${showScientific(last('tanhSmall'))}; tanh with Xavier decays slowly, to ${show(last('tanhXavier'), 3)}.`,
    series: runs.map((r): ChartSeries => ({ label: r.label, points: r.moments.map((m, i) => [i + 1, Math.log10(m)] as const), color: r.color, dashed: r.dashed })),
    x: { label: 'layer', domain: [1, INIT.depth], ticks: [1, 5, 10, 15] },
    legend: 'bottom-left',
    y: { label: 'log₁₀ E[h²]', domain: [low, 1], ticks: ticks(low, 1, 1).filter((t) => (t - 1) % 2 === 0) },
  });

  return {
    width: String(n),
    depth: String(INIT.depth),
    batch: String(INIT.batch),
    chart,
    table: [
      { name: 'Gaussian, fixed σ', std: show(scales.gaussian, 4), relu: show(reluFactor(scales.gaussian), 3), tanh: show(tanhFactor(scales.gaussian), 3) },
      { name: 'Xavier / Glorot', std: show(scales.xavier, 4), relu: show(reluFactor(scales.xavier), 3), tanh: show(tanhFactor(scales.xavier), 3) },
      { name: 'He / Kaiming', std: show(scales.he, 4), relu: show(reluFactor(scales.he), 3), tanh: show(tanhFactor(scales.he), 3) },
    ],
    heUniformBound: show(scales.heUniform, 4),
    // The width at which the fixed Gaussian keeps a tanh layer's signal near 0: n·σ² = 1.
    gaussianTanhWidth: showCount(1 / scales.gaussian ** 2),
    measured: {
      reluSmall: show(factor('reluSmall'), 2),
      reluXavier: show(factor('reluXavier'), 2),
      reluHe: show(factor('reluHe'), 2),
      tanhSmall: show(factor('tanhSmall'), 2),
    },
    reluSmallLast: showScientific(last('reluSmall')),
    reluXavierLast: showScientific(last('reluXavier')),
    reluHeLast: show(last('reluHe'), 2),
    tanhXavierFirst: show(moments('tanhXavier')[0], 2),
    tanhXavierLast: show(last('tanhXavier'), 3),
  };
})();

// --- Dead ReLUs: a run with too large a learning rate ----------------------------------------------------------

/** The dead-unit runs' network and data: a 2-32-32-32-1 ReLU network with He weights on 200 points of two moons. */
const DEAD = { sizes: [2, 32, 32, 32, 1], points: 200, steps: 40, seed: 3, good: 0.5, bad: 3 };

/** Trains the dead-unit network full-batch with SGD at `lr` and reports its final loss and each hidden layer's dead fraction. */
function deadRun(lr: number) {
  const data = moons({ n: DEAD.points, noise: 0.1, seed: 1 });
  const model = new MLP(DEAD.sizes, { activation: 'relu', init: heNormal(), seed: DEAD.seed });
  const x = tensor(data.x);
  const y = tensor(data.y.map((v) => [v]));
  const loss = (out: Tensor) => binaryCrossEntropyWithLogits(out, y);
  const before = layerHealth(model, x, loss).slice(0, -1).map((h) => h.dead ?? 0);
  const fast = new FastMLP(model, { loss: 'binaryCrossEntropyWithLogits', maxBatch: DEAD.points });
  const optimizer = new SGD(model.parameters(), { lr });
  const inputs = Float64Array.from(data.x.flat());
  const targets = Float64Array.from(data.y);
  const rows = Array.from({ length: DEAD.points }, (_, i) => i);
  let last = 0;
  for (let step = 0; step < DEAD.steps; step++) {
    optimizer.zeroGrad();
    last = fast.trainBatch(inputs, targets, rows);
    optimizer.step();
  }
  const after = layerHealth(model, x, loss).slice(0, -1).map((h) => h.dead ?? 0);
  return { lr, before, after, loss: fast.meanLoss(inputs, targets, DEAD.points), lastBatchLoss: last };
}

/**
 * Dead units measured by layerHealth: the same ReLU network trained for 60 full-batch SGD steps on two moons at a
 * sensible learning rate and at one too large. The large steps drive most units' pre-activations below zero on every
 * example, and the last hidden layer dies entirely: the output is then a constant, and the loss sticks at ln 2.
 */
export const deadUnits = (() => {
  const good = deadRun(DEAD.good);
  const bad = deadRun(DEAD.bad);
  const ln2 = Math.log(2);
  claim(good.after.every((d) => d < 0.5) && good.loss < 0.2, 'the sensible run keeps most units alive and fits the moons');
  claim(bad.after[bad.after.length - 1] === 1, 'the run with too large a learning rate kills its whole last hidden layer');
  claim(Math.abs(bad.loss - ln2) < 1e-3, 'with its last hidden layer dead the network outputs a constant and the loss is ln 2');
  claim(bad.before.every((d) => d < 0.2), 'before training, the same network had few dead units');
  const percent = (fractions: number[]) => fractions.map((d) => `${show(100 * d, 0)}%`);
  return {
    sizes: DEAD.sizes.join('-'),
    points: String(DEAD.points),
    steps: String(DEAD.steps),
    good: { lr: show(good.lr, 2), loss: show(good.loss, 3), before: percent(good.before), after: percent(good.after) },
    bad: { lr: show(bad.lr, 2), loss: show(bad.loss, 4), before: percent(bad.before), after: percent(bad.after) },
    ln2: show(ln2, 4),
  };
})();

// --- MNIST: the 784-256-10 network -----------------------------------------------------------------------------

/** The parameter count of the lectures' MNIST network, `new MLP([784, 256, 10])`, in total and per tensor. */
export const mnist = (() => {
  const model = new MLP([784, 256, 10]);
  const tensors = model.namedParameters().map(([name, p]) => ({ name, shape: p.shape.join(' × '), size: showCount(p.size) }));
  const total = model.parameterCount();
  claim(total === 784 * 256 + 256 + 256 * 10 + 10, 'the 784-256-10 network has 784·256 + 256 + 256·10 + 10 parameters');
  const [first, second] = model.linearLayers();
  // The MLP's own first weights, drawn as PyTorch's nn.Linear draws them (the lab's network too): uniform in ±1/√784.
  const bound = scaleOf(torchDefault, 784, 256);
  const drawn = first.weight.data;
  const drawnStd = Math.sqrt(drawn.reduce((s, w) => s + w * w, 0) / drawn.length);
  claim(Math.abs(drawnStd - bound / Math.sqrt(3)) < 0.01 * bound, 'the MLP draws its first weights uniformly in ±1/√784');
  return {
    total: showCount(total),
    tensors,
    firstWeights: showCount(first.weight.size),
    secondWeights: showCount(second.weight.size),
    firstShare: `${show((100 * (first.weight.size + first.bias!.size)) / total, 1)}%`,
    heStd: show(scaleOf(heNormal(), 784, 256), 4),
    defaultBound: show(bound, 4),
    defaultStd: show(bound / Math.sqrt(3), 4),
    heOverDefault: show(scaleOf(heNormal(), 784, 256) / (bound / Math.sqrt(3)), 1),
  };
})();

// --- TD-Gammon's inputs ------------------------------------------------------------------------------------------

/**
 * TD-Gammon 0.0's 198 inputs, counted from its raw board encoding: for each of the 24 points and each player, four
 * units for the number of checkers there; for each player, one unit for checkers on the bar and one for checkers borne
 * off; and two units for whose turn it is.
 */
export const tdGammon = (() => {
  const points = 24;
  const perPoint = 4;
  const players = 2;
  const board = points * perPoint * players;
  const inputs = board + players + players + 2;
  claim(inputs === 198, 'the raw encoding has 198 inputs, as the lecture says');
  return { board: String(board), inputs: String(inputs) };
})();
