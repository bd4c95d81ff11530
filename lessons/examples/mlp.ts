// Worked examples for lesson 3, multi-layer perceptrons, computed by the engine when the site is built.
//
// Every number the lesson shows comes from here, already formatted. Each claim the
// prose makes (XOR comes out as 0, 1, 1, 0; the MNIST net has 203,530 parameters;
// depth L gives 2^L pieces; ...) is checked, and a failed check throws, so the build
// stops instead of the text lying.

import { Adam, Linear, MLP, Random, SGD, Tensor, linear, mseLoss, relu, tensor } from '../../engine/index.ts';
import { clipPolygon, halfPlaneInBox, lineInBox, panel, type DataPoint, type FigurePanel } from './figures.ts';

/** Formats a number rounded to at most `decimals` places, trailing zeros dropped, with a true minus sign. */
export function show(value: number, decimals = 3): string {
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (Number(text) === 0) text = '0';
  return text.replace('-', '\u2212');
}

/** Formats a whole number with thousands separators: 203530 → "203,530". */
export function showCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Formats a vector as "(a, b, c)". */
function showVector(values: Iterable<number>, decimals = 3): string {
  return `(${Array.from(values, (v) => show(v, decimals)).join(', ')})`;
}

/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`mlp example: ${message}`);
}

// --- The forward pass, as sums and as matrices --------------------------------

/** A small network's forward pass on one input, unit by unit and as matrix products, with the shapes. */
export interface ForwardExample {
  /** The seed of the network's weights. */
  seed: number;
  /** The layer sizes, e.g. "3-4-2". */
  sizes: string;
  /** The input x, formatted. */
  x: string;
  /** The first layer's weights row by row (one row per hidden unit), formatted. */
  W1: string[][];
  /** The first layer's biases, formatted. */
  b1: string[];
  /** For each hidden unit: its weighted sum written out with the numbers, its value z, and h = ReLU(z). */
  units: { sum: string; z: string; h: string }[];
  /** The output vector computed from the hidden vector. */
  output: string;
  /** How many hidden units are off (output zero) for this input, as a capitalised word. */
  off: string;
  /** How closely the unit-by-unit sums match the engine's matrix product: "to the last bit" or "to within …". */
  gap: string;
  /** The shapes of every tensor in the batched forward pass, for a batch of `batch` inputs. */
  shapes: { name: string; shape: string; meaning: string }[];
  /** The batch size of the shape table. */
  batch: number;
}

/** Runs a seeded 3-4-2 ReLU network on one input by explicit sums, and on a batch by the engine's matrix ops. */
function forwardExample(): ForwardExample {
  const seed = 4;
  const sizes = [3, 4, 2];
  const net = new MLP(sizes, { seed });
  const [layer1, layer2] = net.linearLayers();
  // Its drawn parameters rounded to two decimals, in place, so the sums the lesson writes out from the numbers it shows
  // add up to exactly the pre-activations it shows.
  for (const p of net.parameters()) p.data.forEach((v, i) => (p.data[i] = Math.round(v * 100) / 100));
  const x = [0.5, -1, 2];
  const W1 = layer1.weight.toArray() as number[][];
  const b1 = Array.from(layer1.bias!.data);
  const W2 = layer2.weight.toArray() as number[][];
  const b2 = Array.from(layer2.bias!.data);
  // The sums, one unit at a time: z_j = Σ_i W_ji x_i + b_j.
  const z = W1.map((row, j) => row.reduce((s, w, i) => s + w * x[i], 0) + b1[j]);
  const h = z.map((v) => Math.max(0, v));
  const out = W2.map((row, k) => row.reduce((s, w, j) => s + w * h[j], 0) + b2[k]);
  // The same with the engine, as a batch of one row: x Wᵀ + b.
  const engineZ = linear(tensor([x]), layer1.weight, layer1.bias);
  const engineOut = net.forward(tensor([x]));
  const gap = Math.max(...z.map((v, j) => Math.abs(v - engineZ.data[j])), ...out.map((v, k) => Math.abs(v - engineOut.data[k])));
  claim(gap < 1e-12, 'the unit-by-unit sums should equal the matrix product');
  // Shapes of a batched pass through the same network.
  const batch = 5;
  const X = Tensor.fromData(Float64Array.from({ length: batch * sizes[0] }, (_, i) => (i % 7) - 3), [batch, sizes[0]]);
  const Z = linear(X, layer1.weight, layer1.bias);
  const H = relu(Z);
  const Y = linear(H, layer2.weight, layer2.bias);
  const shape = (t: Tensor) => t.shape.join(' \u00d7 ');
  claim(Y.shape[0] === batch && Y.shape[1] === sizes[2], 'the batched output should be batch × outputs');
  // A word joiner inside a product and a no-break space before each plus, so a narrow screen wraps only between terms.
  const term = (w: number, v: number) => `(${show(w)})\u2060(${show(v)})`;
  const offCount = h.filter((v) => v === 0).length;
  // The prose says "N of the units are off" (a plural) and contrasts them with active ones.
  claim(offCount >= 2 && offCount < h.length, 'the example should have at least two inactive hidden units and an active one');
  return {
    seed,
    sizes: sizes.join('-'),
    x: showVector(x),
    W1: W1.map((row) => row.map((v) => show(v))),
    b1: b1.map((v) => show(v)),
    units: W1.map((row, j) => ({
      sum: `${row.map((w, i) => term(w, x[i])).join('\u00a0+ ')}\u00a0+ (${show(b1[j])})`,
      z: show(z[j]),
      h: show(h[j]),
    })),
    output: showVector(out),
    off: ['No', 'One', 'Two', 'Three', 'Four'][offCount],
    gap: gap === 0 ? 'identical to the last bit' : `to within ${gap.toExponential(1)}`,
    batch,
    shapes: [
      { name: 'X', shape: shape(X), meaning: 'one input per row' },
      { name: 'W⁽¹⁾', shape: shape(layer1.weight), meaning: 'one row per hidden unit' },
      { name: 'b⁽¹⁾', shape: shape(layer1.bias!), meaning: 'one bias per hidden unit, added to every row' },
      { name: 'Z = X W⁽¹⁾ᵀ + b⁽¹⁾', shape: shape(Z), meaning: 'pre-activations' },
      { name: 'H = ReLU(Z)', shape: shape(H), meaning: 'hidden representation' },
      { name: 'W⁽²⁾', shape: shape(layer2.weight), meaning: 'one row per output' },
      { name: 'Y = H W⁽²⁾ᵀ + b⁽²⁾', shape: shape(Y), meaning: 'one output vector per row' },
    ],
  };
}

/** The forward-pass example. */
export const forward: ForwardExample = forwardExample();

// --- Counting parameters ------------------------------------------------------

/** The parameter count of one architecture, by the engine and by the formula. */
export interface ParameterCount {
  /** The layer sizes, e.g. "784-256-10". */
  sizes: string;
  /** The count by the formula Σ n_out (n_in + 1), written out, e.g. "256 × 785 + 10 × 257". */
  formula: string;
  /** The engine's count: the sizes of the tensors `parameters()` returns, added up. */
  count: string;
  /** The raw count. */
  value: number;
  /** The parameter tensors by name and shape. */
  tensors: { name: string; shape: string; size: string }[];
}

/** Builds an MLP of the given sizes and counts its parameters two ways, which must agree. */
export function countParameters(sizes: number[]): ParameterCount {
  const net = new MLP(sizes);
  const value = net.parameters().reduce((s, p) => s + p.size, 0);
  let byFormula = 0;
  const terms: string[] = [];
  for (let k = 0; k + 1 < sizes.length; k++) {
    byFormula += sizes[k + 1] * (sizes[k] + 1);
    terms.push(`${showCount(sizes[k + 1])} \u00d7 ${showCount(sizes[k] + 1)}`);
  }
  claim(value === byFormula && value === net.parameterCount(), `the engine's count for ${sizes.join('-')} should match the formula`);
  return {
    sizes: sizes.join('-'),
    formula: terms.join(' + '),
    count: showCount(value),
    value,
    tensors: net.namedParameters().map(([name, p]) => ({ name, shape: p.shape.join(' \u00d7 '), size: showCount(p.size) })),
  };
}

/** The two MNIST networks of the notes, and two for comparison. */
export const parameterCounts: ParameterCount[] = [[2, 2, 1], [784, 50, 10], [784, 256, 10], [784, 256, 256, 10]].map(countParameters);

/** The 784-256-10 MNIST network's count, which the lesson states in its formula. */
export const mnistCount: ParameterCount = parameterCounts[2];
claim(mnistCount.value === 256 * 785 + 10 * 257 && mnistCount.value === 203530, 'the 784-256-10 network should have 203,530 parameters');

/** The 784-256-10 network's first weight matrix: its size, and its share of all the parameters as a percentage. */
export const firstLayer: { size: string; share: string } = (() => {
  const [, first] = new MLP([784, 256, 10]).namedParameters()[0];
  return { size: showCount(first.size), share: `${show((100 * first.size) / mnistCount.value, 1)}%` };
})();

/** Multiply-adds in one forward pass of the 784-256-10 network: one per weight. */
export const mnistMultiplyAdds: string = showCount(
  new MLP([784, 256, 10]).linearLayers().reduce((s, layer) => s + layer.weight.size, 0),
);

// --- XOR solved by hand ---------------------------------------------------------

/** The four XOR inputs, one per row, in the order (0,0), (0,1), (1,0), (1,1). */
const xorInputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
/** The XOR targets in the same order. */
const xorTargets = [0, 1, 1, 0];

/** The hand-made XOR network of the notes: h = max(0, Wᵀx + c), y = wᵀh + b. */
export const xorWeights = {
  W: [
    [1, 1],
    [1, 1],
  ],
  c: [0, -1],
  w: [1, -2],
  b: 0,
};

/** The XOR network's forward pass, point by point. */
export interface XorSolution {
  /** One row per input: x, the pre-activation xW + c, the hidden h, the output y and the target. */
  rows: { x: string; pre: string; h: string; y: string; target: string }[];
  /** The outputs, formatted "0, 1, 1, 0". */
  outputs: string;
  /** The hidden vectors as distinct points: which inputs land where. */
  merged: string;
}

/** Runs the notes' XOR network with the engine, as the notes do, on the whole design matrix at once. */
function solveXor(weights: typeof xorWeights): { solution: XorSolution; outputs: number[]; hidden: number[][] } {
  const X = tensor(xorInputs);
  const pre = X.matmul(tensor(weights.W)).add(tensor(weights.c));
  const H = relu(pre);
  const y = H.matmul(tensor(weights.w.map((v) => [v]))).add(weights.b);
  const outputs = Array.from(y.data);
  const rows = xorInputs.map((x, n) => ({
    x: showVector(x),
    pre: showVector(pre.data.slice(2 * n, 2 * n + 2)),
    h: showVector(H.data.slice(2 * n, 2 * n + 2)),
    y: show(outputs[n]),
    target: show(xorTargets[n]),
  }));
  return {
    solution: { rows, outputs: outputs.map((v) => show(v)).join(', '), merged: rows[1].h },
    outputs,
    hidden: xorInputs.map((_, n) => Array.from(H.data.slice(2 * n, 2 * n + 2))),
  };
}

const xorRun = solveXor(xorWeights);
claim(xorRun.outputs.every((v, n) => v === xorTargets[n]), 'the hand-made network should output exactly 0, 1, 1, 0');
claim(xorRun.solution.rows[1].h === xorRun.solution.rows[2].h, 'the inputs (0, 1) and (1, 0) should have the same hidden representation');

/** The XOR network's forward pass. */
export const xor: XorSolution = xorRun.solution;

/**
 * XOR folded by the hidden layer, in two panels: the inputs with the band where the network's output is above ½, and
 * the same four points in the hidden space h, where (0, 1) and (1, 0) land on one point and the output unit's line
 * wᵀh + b = ½ separates the classes.
 */
export const xorFolding: { input: FigurePanel; hidden: FigurePanel } = (() => {
  const { W, c, w, b } = xorWeights;
  // In input space the output is above ½ exactly between the lines x₁ + x₂ = ½ and x₁ + x₂ = 3/2 (both hidden units
  // read s = x₁ + x₂, and y = s − 2 max(0, s − 1)); the engine's outputs on a grid confirm it.
  const grid = Array.from({ length: 41 * 41 }, (_, k) => [-0.25 + (k % 41) * (1.75 / 40), -0.25 + Math.floor(k / 41) * (1.75 / 40)]);
  const gridOut = relu(tensor(grid).matmul(tensor(W)).add(tensor(c))).matmul(tensor(w.map((v) => [v]))).add(b).data;
  grid.forEach(([x1, x2], k) => {
    const s = x1 + x2;
    if (Math.abs(s - 0.5) > 1e-9 && Math.abs(s - 1.5) > 1e-9) claim(gridOut[k] > 0.5 === (s > 0.5 && s < 1.5), 'the XOR network should output more than ½ exactly between x₁ + x₂ = ½ and 3/2');
  });
  const xd: [number, number] = [-0.25, 1.5];
  const yd: [number, number] = [-0.25, 1.5];
  const lower = lineInBox(1, 1, -0.5, xd, yd);
  const upper = lineInBox(1, 1, -1.5, xd, yd);
  const band = clipPolygon(halfPlaneInBox(1, 1, -0.5, xd, yd), -1, -1, 1.5);
  const classDot = (at: DataPoint, target: number, title: string) => ({
    at,
    shape: target === 1 ? ('circle' as const) : ('square' as const),
    color: target === 1 ? ('accent' as const) : ('bad' as const),
    title,
  });
  const input = panel({
    label: 'Input space: the four corners of the unit square, (0, 1) and (1, 0) with XOR = 1 as circles, (0, 0) and (1, 1) with XOR = 0 as squares. No single line separates them; the network answers 1 in the shaded band between the lines x₁ + x₂ = ½ and x₁ + x₂ = 3/2.',
    width: 300,
    x: { domain: xd, ticks: [0, 0.5, 1, 1.5], label: 'x₁' },
    y: { domain: yd, ticks: [0, 0.5, 1, 1.5], label: 'x₂' },
    regions: [{ points: band, color: 'accent-soft' }],
    lines: [
      { points: lower, color: 'text-muted', dash: true },
      { points: upper, color: 'text-muted', dash: true },
    ],
    dots: xorInputs.map((x, n) => classDot({ x: x[0], y: x[1] }, xorTargets[n], `x = (${x.join(', ')}), XOR = ${xorTargets[n]}, output ${show(xorRun.outputs[n])}`)),
    labels: [{ at: { x: 1.45, y: 1.42 }, text: 'input x', anchor: 'end' }],
  });
  const hidden = xorRun.hidden;
  const hd: [number, number] = [-0.25, 2.25];
  const hy: [number, number] = [-0.25, 1.5];
  // The output unit answers above ½ where w₁h₁ + w₂h₂ + b − ½ > 0.
  const boundary = lineInBox(w[0], w[1], b - 0.5, hd, hy);
  claim(boundary.length === 2, 'the output unit\'s boundary should cross the hidden-space picture');
  claim(hidden.every((h, n) => (w[0] * h[0] + w[1] * h[1] + b > 0.5) === (xorTargets[n] === 1)), 'the output line should separate the hidden points');
  const merged = hidden[1];
  const hiddenPanel = panel({
    label: `Hidden space: the same four inputs after the hidden layer, h = max(0, xW + c). (0, 0) goes to (0, 0), (1, 1) to (${hidden[3].join(', ')}), and (0, 1) and (1, 0) both to (${merged.join(', ')}). The output unit's line h₁ − 2h₂ = ½ now separates the circles from the squares: the side it shades is where the output is above ½.`,
    width: 300,
    x: { domain: hd, ticks: [0, 1, 2], label: 'h₁' },
    y: { domain: hy, ticks: [0, 0.5, 1, 1.5], label: 'h₂' },
    regions: [{ points: halfPlaneInBox(w[0], w[1], b - 0.5, hd, hy), color: 'accent-soft' }],
    lines: [{ points: boundary, color: 'text' }],
    dots: xorInputs.map((x, n) => classDot({ x: hidden[n][0], y: hidden[n][1] }, xorTargets[n], `x = (${x.join(', ')}) → h = (${hidden[n].join(', ')}), XOR = ${xorTargets[n]}`)),
    labels: [
      { at: { x: merged[0], y: merged[1] }, text: '(0, 1) and (1, 0)', anchor: 'start', dx: 10, dy: 18 },
      { at: { x: hidden[3][0], y: hidden[3][1] }, text: '(1, 1)', anchor: 'end', dx: -10, dy: 4 },
      { at: { x: hidden[0][0], y: hidden[0][1] }, text: '(0, 0)', anchor: 'start', dx: 10, dy: -6 },
      { at: { x: 2.2, y: 1.42 }, text: 'hidden h', anchor: 'end' },
    ],
  });
  return { input, hidden: hiddenPanel };
})();

/** The best linear model on XOR under squared error, found by gradient descent with the engine. */
export const xorLinear: { w: string; b: string; loss: string; steps: number } = (() => {
  const X = tensor(xorInputs);
  const t = tensor(xorTargets.map((v) => [v]));
  const w = tensor([[0.3, -0.2]], { requiresGrad: true });
  const b = tensor([0], { requiresGrad: true });
  const optimizer = new SGD([w, b], { lr: 0.5 });
  const steps = 2000;
  let loss = 0;
  for (let k = 0; k < steps; k++) {
    optimizer.zeroGrad();
    const l = mseLoss(linear(X, w, b), t);
    l.backward();
    optimizer.step();
    loss = l.item();
  }
  claim(Math.abs(w.data[0]) < 1e-9 && Math.abs(w.data[1]) < 1e-9 && Math.abs(b.data[0] - 0.5) < 1e-9, 'the best linear fit to XOR should be w = 0, b = 1/2');
  return { w: showVector(w.data), b: show(b.data[0]), loss: show(loss), steps };
})();

// --- The three-point example ------------------------------------------------------

/** The three 1-D points and their targets. */
const threeX = [-1, 1, 3];
const threeT = [1, 0, 1];

/** The three-point data solved by two ReLU units: h1 = ReLU(−3x), h2 = ReLU(x), y = ReLU(h1 + h2 − 2). */
export interface ThreePoint {
  /** One row per point: x, target, h1, h2, y. */
  rows: { x: string; t: string; h1: string; h2: string; y: string }[];
  /** The interval where the network outputs exactly 0, formatted as its two ends. */
  zeroFrom: string;
  zeroTo: string;
}

/** Builds the two-unit network from the notes as two engine layers and checks it on the points and on a grid. */
function threePoint(): ThreePoint {
  const hidden = { W: tensor([[-3], [1]]), b: tensor([0, 0]) };
  const out = { W: tensor([[1, 1]]), b: tensor([-2]) };
  const run = (xs: number[]) => {
    const H = relu(linear(tensor(xs.map((v) => [v])), hidden.W, hidden.b));
    return { H, y: relu(linear(H, out.W, out.b)) };
  };
  const { H, y } = run(threeX);
  claim(threeX.every((_, n) => y.data[n] === threeT[n]), 'the two-unit network should output the targets 1, 0, 1 exactly');
  // Where is the output zero? For x ≤ 0 it is ReLU(−3x − 2), for x ≥ 0 ReLU(x − 2): zero on [−2/3, 2].
  const grid = Array.from({ length: 6001 }, (_, i) => -3 + i * 0.001);
  const g = run(grid).y;
  const zeroAt = grid.filter((_, i) => g.data[i] === 0);
  const from = Math.min(...zeroAt);
  const to = Math.max(...zeroAt);
  claim(Math.abs(from + 2 / 3) < 1e-3 && Math.abs(to - 2) < 1e-9, 'the output should be zero exactly on [−2/3, 2]');
  claim(zeroAt.length === grid.filter((v) => v >= from && v <= to).length, 'the zero set should be one interval');
  return {
    rows: threeX.map((x, n) => ({
      x: show(x),
      t: show(threeT[n]),
      h1: show(H.data[2 * n]),
      h2: show(H.data[2 * n + 1]),
      y: show(y.data[n]),
    })),
    zeroFrom: '\u22122/3',
    zeroTo: show(to),
  };
}

/** The three-point example. */
export const threePoints: ThreePoint = threePoint();

// --- Universal approximation, one hidden layer of ReLUs ------------------------------

/** How well a one-hidden-layer ReLU network with N units interpolates sin(2πx) on [0, 1]. */
export interface ApproximationRow {
  /** The number of hidden units. */
  units: number;
  /** The number of parameters of the 1-N-1 network. */
  parameters: number;
  /** The largest error on a fine grid. */
  error: string;
  /** The error divided by the previous row's, when there is one. */
  shrink: string;
}

/**
 * Builds the 1-N-1 ReLU network that joins the points (j/N, f(j/N)) with straight lines:
 * g(x) = f(0) + Σ_j s_j ReLU(x − j/N), with s_j the change of slope at knot j, and measures its largest error.
 */
function approximate(units: number, f: (x: number) => number, grid: Tensor): number {
  const knots = Array.from({ length: units + 1 }, (_, j) => j / units);
  const slopes = knots.slice(1).map((k, j) => (f(k) - f(knots[j])) * units);
  const hidden = new Linear(1, units);
  hidden.weight.data.fill(1);
  hidden.bias!.data.set(knots.slice(0, units).map((k) => -k));
  const output = new Linear(units, 1);
  output.weight.data.set(slopes.map((s, j) => (j === 0 ? s : s - slopes[j - 1])));
  output.bias!.data[0] = f(0);
  const y = output.forward(relu(hidden.forward(grid)));
  let error = 0;
  for (let i = 0; i < grid.size; i++) error = Math.max(error, Math.abs(y.data[i] - f(grid.data[i])));
  return error;
}

/** The approximation table for sin(2πx), with 2 to 64 hidden units, and the factors each doubling divides the error by. */
function approximationTable(): { rows: ApproximationRow[]; factors: { units: number; factor: number }[] } {
  const f = (x: number) => Math.sin(2 * Math.PI * x);
  const grid = tensor(Array.from({ length: 4001 }, (_, i) => [i / 4000]));
  const rows: ApproximationRow[] = [];
  const factors: { units: number; factor: number }[] = [];
  let previous = NaN;
  for (const units of [2, 4, 8, 16, 32, 64]) {
    const error = approximate(units, f, grid);
    if (!Number.isNaN(previous)) factors.push({ units, factor: previous / error });
    rows.push({ units, parameters: 3 * units + 1, error: show(error, 4), shrink: Number.isNaN(previous) ? '' : show(previous / error, 2) });
    previous = error;
  }
  return { rows, factors };
}

const approximationRun = approximationTable();

/** The approximation table for sin(2πx), with 2 to 64 hidden units. */
export const approximation: ApproximationRow[] = approximationRun.rows;

/**
 * What the doublings show: from 4 to 8 units the error shrinks by clearly less than 4 (the knots are still too far
 * apart for the 1/N² law of interpolation, which holds as the spacing goes to zero); from 8 to 16 on, by close to 4.
 */
export const approximationDoubling: { early: string; lateFrom: number; lateMin: string; lateMax: string } = (() => {
  const early = approximationRun.factors.find((d) => d.units === 8)!.factor;
  const late = approximationRun.factors.filter((d) => d.units >= 16).map((d) => d.factor);
  claim(early < 3.5, 'from 4 to 8 units the error should shrink by clearly less than 4');
  claim(late.every((k) => k > 3.5 && k < 4.5), 'from 8 units on, doubling the units should divide the error by about 4');
  return { early: show(early, 2), lateFrom: 8, lateMin: show(Math.min(...late), 2), lateMax: show(Math.max(...late), 2) };
})();

// --- Depth: the tent map ----------------------------------------------------------------

/** One row of the depth table: L tent-map layers, their units, and the pieces of the function they compute. */
export interface TentRow {
  /** The number of hidden layers. */
  depth: number;
  /** Hidden ReLU units in the deep network (2 per layer). */
  units: number;
  /** The linear pieces of the deep network's function on [0, 1], counted on a grid. */
  pieces: number;
  /** The fewest hidden units a one-hidden-layer ReLU network needs for that many pieces in 1-D. */
  shallowUnits: number;
}

/** The grid the pieces are counted on: 2^12 equal steps of [0, 1], which contain every breakpoint k/2^L for L ≤ 12. */
const tentGridSteps = 4096;

/**
 * The tent map t(x) = 2 ReLU(x) − 4 ReLU(x − 1/2) (2x on [0, 1/2], 2 − 2x on [1/2, 1]) composed L times,
 * as an L-hidden-layer ReLU network with two units per layer. The pieces are counted as the runs of equal
 * slope between consecutive grid points.
 */
function tentPieces(depth: number): number {
  const grid = tensor(Array.from({ length: tentGridSteps + 1 }, (_, i) => [i / tentGridSteps]));
  // First hidden layer: units ReLU(x) and ReLU(x − 1/2).
  const first = { W: tensor([[1], [1]]), b: tensor([0, -0.5]) };
  // Each later layer reads the previous tent, 2 h1 − 4 h2, and feeds it to the same two units.
  const next = { W: tensor([[2, -4], [2, -4]]), b: tensor([0, -0.5]) };
  const last = { W: tensor([[2, -4]]), b: tensor([0]) };
  let h = relu(linear(grid, first.W, first.b));
  for (let k = 1; k < depth; k++) h = relu(linear(h, next.W, next.b));
  const y = linear(h, last.W, last.b);
  let pieces = 1;
  let slope = (y.data[1] - y.data[0]) * tentGridSteps;
  for (let i = 1; i < tentGridSteps; i++) {
    const s = (y.data[i + 1] - y.data[i]) * tentGridSteps;
    if (s !== slope) pieces++;
    slope = s;
  }
  return pieces;
}

/** The tent-map depth table, L = 1 to 8. */
export const tentRows: TentRow[] = [1, 2, 3, 4, 5, 6, 7, 8].map((depth) => {
  const pieces = tentPieces(depth);
  claim(pieces === 2 ** depth, `${depth} tent layers should give 2^${depth} pieces`);
  return { depth, units: 2 * depth, pieces, shallowUnits: pieces - 1 };
});

/** The deepest row, for the prose. */
export const tentDeepest: TentRow = tentRows[tentRows.length - 1];

// --- What an MLP costs: a non-convex loss --------------------------------------------------

/** The XOR loss at the hand-made solution, at the same solution with its hidden units swapped, and halfway between. */
export interface NonConvexity {
  /** The swapped network's weights, formatted. */
  swapped: { c: string; w: string };
  /** The halfway network's weights, formatted. */
  halfway: { c: string; w: string };
  /** Outputs of the halfway network. */
  halfwayOutputs: string;
  /** Mean squared errors on the four XOR points. */
  lossA: string;
  lossB: string;
  lossMid: string;
}

/** Shows that the XOR loss is not convex: two zero-loss weight settings whose average has positive loss. */
function nonConvexity(): NonConvexity {
  const loss = (outputs: number[]) => outputs.reduce((s, v, n) => s + (v - xorTargets[n]) ** 2, 0) / outputs.length;
  const A = xorWeights;
  // Swapping the two hidden units swaps the columns of W and the entries of c and w; W's columns are equal here.
  const B = { W: A.W.map((row) => [row[1], row[0]]), c: [A.c[1], A.c[0]], w: [A.w[1], A.w[0]], b: A.b };
  const mid = {
    W: A.W.map((row, i) => row.map((v, j) => (v + B.W[i][j]) / 2)),
    c: A.c.map((v, j) => (v + B.c[j]) / 2),
    w: A.w.map((v, j) => (v + B.w[j]) / 2),
    b: (A.b + B.b) / 2,
  };
  const outA = solveXor(A).outputs;
  const outB = solveXor(B).outputs;
  const outMid = solveXor(mid).outputs;
  claim(loss(outA) === 0 && loss(outB) === 0 && loss(outMid) > 0, 'the midpoint of two XOR solutions should have a positive loss');
  return {
    swapped: { c: showVector(B.c), w: showVector(B.w) },
    halfway: { c: showVector(mid.c), w: showVector(mid.w) },
    halfwayOutputs: outMid.map((v) => show(v)).join(', '),
    lossA: show(loss(outA)),
    lossB: show(loss(outB)),
    lossMid: show(loss(outMid)),
  };
}

/** The non-convexity demonstration. */
export const nonConvex: NonConvexity = nonConvexity();

/** Training 2-H-1 ReLU networks on XOR from several seeds: how many reach the right answer on all four points. */
export interface XorTraining {
  /** The seeds tried. */
  seeds: number;
  /** Adam's learning rate and the number of full-batch steps. */
  lr: number;
  steps: number;
  /** One row per hidden width: how many seeds solved XOR, and the worst final loss. */
  rows: { width: number; solved: number; worstLoss: string }[];
  /** How many of the failed 2-unit runs ended with a dead hidden unit (zero on all four inputs). */
  failedWithDeadUnit: number;
  /** How many 2-unit runs failed. */
  failed: number;
  /** "every one of the 8 failed runs" or "5 of the 8 failed runs". */
  deadPhrase: string;
}

/** Trains each width from each seed with Adam on the squared error and counts the runs whose outputs round to XOR. */
function trainXor(): XorTraining {
  const seeds = 10;
  const lr = 0.05;
  const steps = 600;
  const X = tensor(xorInputs);
  const t = tensor(xorTargets.map((v) => [v]));
  let failedWithDeadUnit = 0;
  const rows = [2, 8].map((width) => {
    let solved = 0;
    let worst = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const net = new MLP([2, width, 1], { rng: new Random(seed) });
      const optimizer = new Adam(net.parameters(), { lr });
      let loss = 0;
      for (let k = 0; k < steps; k++) {
        optimizer.zeroGrad();
        const l = mseLoss(net.forward(X), t);
        l.backward();
        optimizer.step();
        loss = l.item();
      }
      const y = net.forward(X).data;
      if (xorTargets.every((v, n) => Math.abs(y[n] - v) < 0.25)) solved++;
      else if (width === 2) {
        const hidden = relu(net.linearLayers()[0].forward(X));
        const dead = [0, 1].some((j) => xorInputs.every((_, n) => hidden.data[n * 2 + j] === 0));
        if (dead) failedWithDeadUnit++;
      }
      worst = Math.max(worst, loss);
    }
    return { width, solved, worstLoss: show(worst, 3) };
  });
  claim(2 * rows[0].solved < seeds, 'most 2-unit runs should fail to learn XOR');
  claim(rows[1].solved === seeds, 'the wider network should succeed from every start');
  claim(failedWithDeadUnit > 0, 'some failed 2-unit runs should end with a dead unit');
  const failed = seeds - rows[0].solved;
  const deadPhrase = failedWithDeadUnit === failed ? `every one of the ${failed} failed runs` : `${failedWithDeadUnit} of the ${failed} failed runs`;
  return { seeds, lr, steps, rows, failedWithDeadUnit, failed, deadPhrase };
}

/** The XOR training experiment. */
export const xorTraining: XorTraining = trainXor();
