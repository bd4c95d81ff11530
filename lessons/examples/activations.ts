// Worked examples for lesson 2, activation functions, computed by the engine when the site is built.
//
// Every number the lesson shows comes from here, already formatted. Each claim the
// prose makes about these numbers (a stack of linear layers is one linear layer,
// tanh is a rescaled sigmoid, autograd agrees with the derivative formulas, ...) is
// checked below, and a failed check throws, so the build stops instead of the text lying.

import {
  Linear,
  MLP,
  Random,
  Tensor,
  elu,
  erf,
  heNormal,
  xavierNormal,
  gelu,
  hardtanh,
  leakyRelu,
  linear,
  logistic,
  mish,
  prelu,
  relu,
  sigmoid,
  silu,
  softplus,
  step,
  tanh,
  tensor,
} from '../../engine/index.ts';
import { RBF } from '../../engine/formulas/activations.ts';
import { applyElementwise } from '../../engine/ops/activations.ts';
import { panel, type FigurePanel } from './figures.ts';

/** Formats a number rounded to at most `decimals` places, trailing zeros dropped, with a true minus sign. */
export function show(value: number, decimals = 3): string {
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (Number(text) === 0) text = '0';
  return text.replace('-', '\u2212');
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b',
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};

/** Formats a number to `digits` significant figures: in scientific notation, "2.4 × 10⁻⁶", unless it lies between 0.001 and 1000. */
export function showSci(value: number, digits = 2): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e3) return show(value, Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude))));
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).split('').map((c) => SUPERSCRIPT[c]).join('');
  return `${mantissa.replace('-', '\u2212')}\u00a0\u00d7\u00a010${power}`;
}

/** Draws a seeded Gaussian matrix of the given shape as a constant tensor. */
function gaussianMatrix(rng: Random, rows: number, cols: number): Tensor {
  return Tensor.fromData(Float64Array.from({ length: rows * cols }, () => rng.normal(0, 1)), [rows, cols]);
}

/** The rows of a 2-D tensor as plain arrays. */
function rowsOf(t: Tensor): number[][] {
  return t.toArray() as number[][];
}

/** The largest absolute difference between two tensors of the same size. */
function maxGap(a: Tensor, b: Tensor): number {
  let gap = 0;
  for (let i = 0; i < a.size; i++) gap = Math.max(gap, Math.abs(a.data[i] - b.data[i]));
  return gap;
}

// --- A stack of linear layers is one linear layer -----------------------------

/** Three linear layers collapsed into one, with the evidence that both give the same outputs. */
export interface LinearCollapse {
  /** The seed of the generator that draws the weights and the inputs. */
  seed: number;
  /** The layer sizes, input first, e.g. "3 → 4 → 4 → 2". */
  sizes: string;
  /** The shapes of W1, W2, W3 as "(rows × cols)". */
  shapes: string[];
  /** The shape of the collapsed W′. */
  collapsedShape: string;
  /** The collapsed weight W′ = W3 W2 W1, each entry formatted, row by row. */
  collapsedW: string[][];
  /** The collapsed bias b′ = W3 (W2 b1 + b2) + b3, formatted. */
  collapsedB: string;
  /** How many random inputs were pushed through both. */
  inputCount: number;
  /** One input, its output through the three layers and through the one layer, formatted. */
  example: { x: string; stacked: string; single: string };
  /** The largest difference between the two outputs over all inputs. */
  gap: string;
  /** The same comparison with a ReLU after the first and second layers: the largest difference. */
  gapWithRelu: string;
}

/** Builds three seeded linear layers, multiplies them into one, and compares their outputs on seeded inputs. */
function collapseLinearLayers(): LinearCollapse {
  const seed = 3;
  const rng = new Random(seed);
  const sizes = [3, 4, 4, 2];
  const W = [1, 2, 3].map((k) => gaussianMatrix(rng, sizes[k], sizes[k - 1]));
  const b = [1, 2, 3].map((k) => Tensor.fromData(Float64Array.from({ length: sizes[k] }, () => rng.normal(0, 1)), [sizes[k]]));
  const inputCount = 5;
  const X = gaussianMatrix(rng, inputCount, sizes[0]);
  // Row-vector convention of the engine: a layer maps a batch X to X Wᵀ + b.
  const stacked = linear(linear(linear(X, W[0], b[0]), W[1], b[1]), W[2], b[2]);
  const Wc = W[2].matmul(W[1]).matmul(W[0]);
  const bc = W[2].matmul(W[1].matmul(b[0].reshape([sizes[1], 1]))).reshape([sizes[3]]).add(W[2].matmul(b[1].reshape([sizes[2], 1])).reshape([sizes[3]])).add(b[2]);
  const single = linear(X, Wc, bc);
  const gap = maxGap(stacked, single);
  if (gap > 1e-12) throw new Error(`activations example: three linear layers differ from W′ = W3 W2 W1 by ${gap}`);
  const withRelu = linear(relu(linear(relu(linear(X, W[0], b[0])), W[1], b[1])), W[2], b[2]);
  const gapWithRelu = maxGap(withRelu, single);
  if (gapWithRelu < 0.1) throw new Error('activations example: with ReLU between the layers the collapse should visibly fail');
  const first = (t: Tensor) => `(${rowsOf(t)[0].map((v) => show(v, 4)).join(', ')})`;
  return {
    seed,
    sizes: sizes.join(' \u2192 '),
    shapes: W.map((w) => `${w.shape[0]} \u00d7 ${w.shape[1]}`),
    collapsedShape: `${Wc.shape[0]} \u00d7 ${Wc.shape[1]}`,
    collapsedW: rowsOf(Wc).map((row) => row.map((v) => show(v, 3))),
    collapsedB: `(${Array.from(bc.data).map((v) => show(v, 3)).join(', ')})`,
    inputCount,
    example: { x: first(X), stacked: first(stacked), single: first(single) },
    gap: showSci(gap),
    gapWithRelu: show(gapWithRelu, 2),
  };
}

/** The linear-collapse demonstration. */
export const collapse: LinearCollapse = collapseLinearLayers();

// --- tanh is a rescaled sigmoid ----------------------------------------------

/** The check that tanh(x) = 2σ(2x) − 1, and tanh′(x) = 4σ′(2x), on a grid. */
export interface TanhIdentity {
  /** A few rows: x, tanh(x), 2σ(2x) − 1, formatted. */
  rows: { x: string; tanh: string; rescaled: string }[];
  /** How many grid points were compared. */
  count: number;
  /** The grid's ends, formatted. */
  from: string;
  to: string;
  /** The largest |tanh(x) − (2σ(2x) − 1)| on the grid. */
  gap: string;
  /** The largest gap between the two derivatives computed by autograd. */
  gradientGap: string;
}

/** Compares tanh with 2σ(2x) − 1 on a grid, values and autograd derivatives. */
function checkTanhIdentity(): TanhIdentity {
  const grid = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1);
  const xa = tensor(grid, { requiresGrad: true });
  const xb = tensor(grid, { requiresGrad: true });
  const t = tanh(xa);
  const r = sigmoid(xb.mul(2)).mul(2).sub(1);
  t.sum().backward();
  r.sum().backward();
  const gap = maxGap(t, r);
  const gradientGap = maxGap(xa.grad!, xb.grad!);
  if (gap > 1e-14 || gradientGap > 1e-14) throw new Error('activations example: tanh(x) should equal 2σ(2x) − 1');
  const shownAt = [-2, -0.5, 0, 0.5, 2];
  return {
    rows: shownAt.map((x) => {
      const i = grid.findIndex((g) => Math.abs(g - x) < 1e-9);
      return { x: show(x), tanh: show(t.data[i], 6), rescaled: show(r.data[i], 6) };
    }),
    count: grid.length,
    from: show(grid[0]),
    to: show(grid[grid.length - 1]),
    gap: showSci(gap),
    gradientGap: showSci(gradientGap),
  };
}

/** The tanh = 2σ(2x) − 1 check. */
export const tanhIdentity: TanhIdentity = checkTanhIdentity();

// --- Each activation: values and autograd derivatives against the formulas -----

/** The points where the tables evaluate every activation. */
export const samplePoints: readonly number[] = [-2, -0.5, 0, 0.5, 2];

/** The points formatted for table headers. */
export const samplePointsShown: string[] = samplePoints.map((x) => show(x));

/** The leaky ReLU slope the tables use (PyTorch's default). */
export const leakySlope = 0.01;
/** The PReLU slope the tables use (PyTorch's initial value). */
export const preluSlope = 0.25;
/** The ELU α the tables use. */
export const eluAlpha = 1;

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const softplusOf = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** One activation: its name, the engine op, the lesson's formula for f and for f′, and whether it has kinks. */
interface ActivationSpec {
  name: string;
  op: (x: Tensor) => Tensor;
  f: (x: number) => number;
  derivative: (x: number) => number;
  /** Points where f is not differentiable; the engine's convention is used there and finite differences are skipped. */
  kinks: number[];
}

const specs: ActivationSpec[] = [
  { name: 'step', op: step, f: (x) => (x >= 0 ? 1 : 0), derivative: () => 0, kinks: [0] },
  { name: 'sigmoid', op: sigmoid, f: logistic, derivative: (x) => logistic(x) * (1 - logistic(x)), kinks: [] },
  { name: 'tanh', op: tanh, f: Math.tanh, derivative: (x) => 1 - Math.tanh(x) ** 2, kinks: [] },
  { name: 'ReLU', op: relu, f: (x) => Math.max(0, x), derivative: (x) => (x > 0 ? 1 : 0), kinks: [0] },
  {
    name: `leaky ReLU (a = ${leakySlope})`,
    op: (x) => leakyRelu(x, leakySlope),
    f: (x) => (x > 0 ? x : leakySlope * x),
    derivative: (x) => (x > 0 ? 1 : leakySlope),
    kinks: [0],
  },
  {
    name: `PReLU (a = ${preluSlope})`,
    op: (x) => prelu(x, tensor(preluSlope)),
    f: (x) => (x > 0 ? x : preluSlope * x),
    derivative: (x) => (x > 0 ? 1 : preluSlope),
    kinks: [0],
  },
  {
    name: `ELU (α = ${eluAlpha})`,
    op: (x) => elu(x, eluAlpha),
    f: (x) => (x > 0 ? x : eluAlpha * (Math.exp(x) - 1)),
    derivative: (x) => (x > 0 ? 1 : eluAlpha * Math.exp(x)),
    kinks: [],
  },
  { name: 'GELU', op: (x) => gelu(x), f: (x) => x * Phi(x), derivative: (x) => Phi(x) + x * phi(x), kinks: [] },
  {
    name: 'SiLU / swish',
    op: silu,
    f: (x) => x * logistic(x),
    derivative: (x) => logistic(x) + x * logistic(x) * (1 - logistic(x)),
    kinks: [],
  },
  {
    name: 'mish',
    op: mish,
    f: (x) => x * Math.tanh(softplusOf(x)),
    derivative: (x) => Math.tanh(softplusOf(x)) + x * (1 - Math.tanh(softplusOf(x)) ** 2) * logistic(x),
    kinks: [],
  },
  { name: 'softplus', op: (x) => softplus(x), f: softplusOf, derivative: logistic, kinks: [] },
  {
    name: 'hard tanh',
    op: (x) => hardtanh(x),
    f: (x) => Math.max(-1, Math.min(1, x)),
    derivative: (x) => (x > -1 && x < 1 ? 1 : 0),
    kinks: [-1, 1],
  },
  {
    name: 'RBF (width σ = 1)',
    op: (x) => applyElementwise(RBF, x, { sigma: 1 }),
    f: (x) => Math.exp(-x * x),
    derivative: (x) => -2 * x * Math.exp(-x * x),
    kinks: [],
  },
];

/** One row of the activation tables: values and derivatives at the sample points, and the checks against the formulas. */
export interface ActivationRow {
  /** The activation's name as the lesson writes it. */
  name: string;
  /** f(x) at each sample point, computed by the engine. */
  values: string[];
  /** f′(x) at each sample point, computed by the engine's autograd. */
  derivatives: string[];
  /** The largest gap between autograd and the lesson's derivative formula over the sample points. */
  formulaGap: string;
  /** The largest gap between autograd and central differences away from kinks, on a finer grid. */
  finiteDifferenceGap: string;
}

/** A finer grid for the finite-difference check, offset so it never lands on a kink; formatted for the prose. */
export const fineGrid = (() => {
  const points = Array.from({ length: 61 }, (_, i) => -3.05 + i * 0.1);
  return { points, count: points.length, from: show(points[0], 2), to: show(points[points.length - 1], 2) };
})();

/** The unformatted gaps of each activation, in table order. */
const rawGaps: { formula: number; finiteDifference: number }[] = [];

/** Evaluates every activation and its autograd derivative, and checks both against the lesson's formulas. */
function tabulateActivations(): ActivationRow[] {
  const fine = fineGrid.points;
  return specs.map((spec) => {
    const evaluate = (points: readonly number[]): { y: Tensor; grad: Float64Array } => {
      const x = tensor([...points], { requiresGrad: true });
      const y = spec.op(x);
      // The step records no backward rule: its output is a constant, and its gradient is zero.
      if (!y.requiresGrad) return { y, grad: new Float64Array(points.length) };
      y.sum().backward();
      return { y, grad: x.grad!.data };
    };
    const { y, grad } = evaluate(samplePoints);
    let valueGap = 0;
    let formulaGap = 0;
    samplePoints.forEach((x, i) => {
      valueGap = Math.max(valueGap, Math.abs(y.data[i] - spec.f(x)));
      formulaGap = Math.max(formulaGap, Math.abs(grad[i] - spec.derivative(x)));
    });
    const fineResult = evaluate(fine);
    let finiteDifferenceGap = 0;
    const h = 1e-5;
    fine.forEach((x, i) => {
      if (spec.kinks.some((k) => Math.abs(k - x) < 2 * h)) return;
      const numeric = (spec.f(x + h) - spec.f(x - h)) / (2 * h);
      finiteDifferenceGap = Math.max(finiteDifferenceGap, Math.abs(fineResult.grad[i] - numeric));
      formulaGap = Math.max(formulaGap, Math.abs(fineResult.grad[i] - spec.derivative(x)));
    });
    if (valueGap > 1e-12) throw new Error(`activations example: ${spec.name} values differ from the lesson's formula by ${valueGap}`);
    if (formulaGap > 1e-12) throw new Error(`activations example: ${spec.name} autograd differs from the lesson's derivative by ${formulaGap}`);
    if (finiteDifferenceGap > 1e-7) throw new Error(`activations example: ${spec.name} autograd differs from finite differences by ${finiteDifferenceGap}`);
    rawGaps.push({ formula: formulaGap, finiteDifference: finiteDifferenceGap });
    return {
      name: spec.name,
      values: Array.from(y.data, (v) => show(v, 3)),
      derivatives: Array.from(grad, (v) => show(v, 3)),
      formulaGap: showSci(formulaGap),
      finiteDifferenceGap: showSci(finiteDifferenceGap),
    };
  });
}

/** The table of every activation's values and derivatives at the sample points. */
export const activationRows: ActivationRow[] = tabulateActivations();

// Claims the lesson reads off the tables.
{
  const slopeAt = (name: string, x: number) => {
    const spec = specs.find((s) => s.name.startsWith(name))!;
    return spec.derivative(x);
  };
  if (!(slopeAt('sigmoid', 2) < 0.125)) throw new Error('activations example: σ′(2) should be under half its peak');
  if (!(slopeAt('tanh', 2) / 1 < slopeAt('sigmoid', 2) / 0.25)) throw new Error('activations example: tanh should be further from its peak slope at 2 than the sigmoid');
  for (const name of ['GELU', 'SiLU', 'mish']) {
    if (!(slopeAt(name, 2) > 1 && slopeAt(name, -2) < 0)) throw new Error(`activations example: ${name} should have slope above 1 at 2 and below 0 at −2`);
  }
  const softplusRow = activationRows.find((r) => r.name === 'softplus')!;
  const sigmoidRow = activationRows.find((r) => r.name === 'sigmoid')!;
  if (softplusRow.derivatives.join() !== sigmoidRow.values.join()) throw new Error('activations example: softplus′ should equal σ');
}

/** The worst gaps over every activation: autograd against the formulas, and against central differences. */
export const worstGaps: { formula: string; finiteDifference: string } = {
  formula: showSci(Math.max(...rawGaps.map((g) => g.formula))),
  finiteDifference: showSci(Math.max(...rawGaps.map((g) => g.finiteDifference))),
};

/** PReLU's gradient with respect to its slope at one negative input: ∂y/∂a = x there. */
export const preluSlopeGradient: { x: string; a: string; y: string; dyda: string } = (() => {
  const x = tensor(-2);
  const a = tensor(preluSlope, { requiresGrad: true });
  const y = prelu(x, a);
  y.backward();
  if (a.grad!.item() !== -2) throw new Error('activations example: PReLU ∂y/∂a should equal x for negative x');
  return { x: show(x.item()), a: show(preluSlope), y: show(y.item()), dyda: show(a.grad!.item()) };
})();

/** The largest gap between exact GELU and its tanh approximation on [−4, 4]. */
export const geluApproximationGap: string = (() => {
  const grid = tensor(Array.from({ length: 801 }, (_, i) => -4 + i * 0.01));
  const gap = maxGap(gelu(grid), gelu(grid, 'tanh'));
  if (gap > 1e-3) throw new Error('activations example: the tanh form of GELU should be within 0.001 of the exact one');
  return showSci(gap);
})();

/** The minimum of GELU, SiLU and mish on [−4, 0], with where it is attained: the small negative dip the prose mentions. */
export const negativeDips: { name: string; at: string; value: string }[] = (
  [
    ['GELU', (x: Tensor) => gelu(x)],
    ['SiLU', silu],
    ['mish', mish],
  ] as const
).map(([name, op]) => {
  const grid = Array.from({ length: 4001 }, (_, i) => -4 + i * 0.001);
  const y = op(tensor(grid));
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (y.data[i] < y.data[best]) best = i;
  if (!(y.data[best] < 0 && grid[best] > -2 && grid[best] < 0)) throw new Error(`activations example: ${name} should dip below zero between −2 and 0`);
  return { name, at: show(grid[best], 2), value: show(y.data[best], 3) };
});

// --- Maxout -------------------------------------------------------------------

/** A maxout unit of two pieces recovering ReLU, absolute value and leaky ReLU, evaluated by the engine. */
export interface MaxoutExample {
  /** The inputs. */
  xs: string[];
  /** One row per choice of the two pieces: their weights, the outputs and the named function they match. */
  rows: { pieces: string; name: string; outputs: string[]; gradients: string[] }[];
}

/** Evaluates maxout(x) = max(w1 x + b1, w2 x + b2) for three choices of pieces, and checks each against its named function. */
function maxoutExamples(): MaxoutExample {
  const xs = [-2, -0.5, 0.5, 2];
  const choices: { pieces: string; name: string; w: [number, number]; target: (x: number) => number }[] = [
    { pieces: 'max(x, 0)', name: 'ReLU', w: [1, 0], target: (x) => Math.max(x, 0) },
    { pieces: 'max(x, \u2212x)', name: '|x|', w: [1, -1], target: Math.abs },
    { pieces: 'max(x, 0.01x)', name: 'leaky ReLU', w: [1, 0.01], target: (x) => (x > 0 ? x : 0.01 * x) },
  ];
  return {
    xs: xs.map((x) => show(x)),
    rows: choices.map((c) => {
      // A maxout unit is a linear layer with k = 2 outputs followed by a max over those outputs.
      const W = tensor([[c.w[0]], [c.w[1]]], { requiresGrad: true });
      const x = tensor(xs.map((v) => [v]), { requiresGrad: true });
      const y = linear(x, W, tensor([0, 0])).max(1);
      y.sum().backward();
      xs.forEach((v, i) => {
        if (Math.abs(y.data[i] - c.target(v)) > 1e-15) throw new Error(`activations example: maxout ${c.pieces} should equal ${c.name}`);
      });
      return { pieces: c.pieces, name: c.name, outputs: Array.from(y.data, (v) => show(v, 3)), gradients: Array.from(x.grad!.data, (v) => show(v, 3)) };
    }),
  };
}

/** Maxout recovering three familiar activations. */
export const maxout: MaxoutExample = maxoutExamples();

// --- Saturation ---------------------------------------------------------------

/** σ′ at a few points, showing the peak of 1/4 at 0 and how fast it falls. */
export const sigmoidSlopes: { x: string; slope: string }[] = [0, 2, 5, 10].map((v) => {
  const x = tensor(v, { requiresGrad: true });
  sigmoid(x).backward();
  // The lesson says a unit with input 10 passes back a few hundred-thousandths.
  if (v === 10 && !(x.grad!.item() < 1e-4 && x.grad!.item() > 1e-5)) throw new Error('activations example: σ′(10) should be a few times 10⁻⁵');
  return { x: show(v), slope: showSci(x.grad!.item(), 3) };
});

/** The grid the largest σ′ is searched on, formatted: how many points, from where to where. */
export const sigmoidGrid = { count: (2001).toLocaleString('en-US'), from: show(-10), to: show(10) };

/** The largest σ′ on a fine grid, which the lesson says is 1/4, at x = 0. */
export const sigmoidSlopeMax: string = (() => {
  const x = tensor(Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01), { requiresGrad: true });
  sigmoid(x).sum().backward();
  const top = Math.max(...x.grad!.data);
  if (Math.abs(top - 0.25) > 1e-12 || x.grad!.data[1000] !== top) throw new Error('activations example: the largest σ′ should be 1/4, at 0');
  return show(top, 4);
})();

/** The gradient through a chain of unit-weight neurons h_k = f(h_(k−1)), for several depths and activations. */
export interface ChainRow {
  /** The number of layers. */
  depth: number;
  /** d h_L / d x through sigmoid units, computed by autograd. */
  sigmoid: string;
  /** The bound (1/4)^L. */
  bound: string;
  /** d h_L / d x through tanh units. */
  tanh: string;
  /** d h_L / d x through ReLU units. */
  relu: string;
}

/** The input the chains start from. */
export const chainInput = 1;

/** Backpropagates through chains of 1 to 10 units of each activation, and checks the sigmoid result against the product of σ′. */
function chainGradients(): ChainRow[] {
  const through = (f: (t: Tensor) => Tensor, depth: number): number => {
    const x = tensor(chainInput, { requiresGrad: true });
    let h = x;
    for (let k = 0; k < depth; k++) h = f(h);
    h.backward();
    return x.grad!.item();
  };
  return [1, 2, 3, 5, 10].map((depth) => {
    const viaAutograd = through(sigmoid, depth);
    // The chain rule by hand: the product of σ′(h_(k−1)) = σ(h)(1 − σ(h)) along the chain.
    let h = chainInput;
    let product = 1;
    for (let k = 0; k < depth; k++) {
      const s = logistic(h);
      product *= s * (1 - s);
      h = s;
    }
    if (Math.abs(viaAutograd - product) > 1e-15 * Math.max(1, product)) throw new Error('activations example: the chain gradient should be the product of σ′');
    if (depth === 10 && !(viaAutograd < 1e-6)) throw new Error('activations example: ten sigmoid layers should pass back less than a millionth');
    if (viaAutograd > 0.25 ** depth) throw new Error('activations example: the sigmoid chain gradient should be at most (1/4)^L');
    return {
      depth,
      sigmoid: showSci(viaAutograd, 3),
      bound: showSci(0.25 ** depth, 3),
      tanh: showSci(through(tanh, depth), 3),
      relu: showSci(through(relu, depth), 3),
    };
  });
}

/** The gradient through deeper and deeper chains of sigmoid, tanh and ReLU units. */
export const chainRows: ChainRow[] = chainGradients();

/** The mean absolute weight gradient of each layer of a deep MLP, for three activations. */
export interface LayerGradients {
  /** The seed of the network weights and the inputs. */
  seed: number;
  /** The width of every hidden layer. */
  width: number;
  /** The number of Linear layers. */
  layers: number;
  /** The batch size. */
  batch: number;
  /** One row per layer, first to last: mean |∂L/∂W| for each activation. */
  rows: { layer: number; sigmoid: string; tanh: string; relu: string }[];
  /** The share of hidden ReLU outputs that are exactly zero, over the batch and all hidden layers. */
  reluZeroShare: string;
  /** First-layer gradient divided by last-layer gradient, per activation (the last layer is the linear output layer). */
  ratio: { sigmoid: string; tanh: string; relu: string };
  /** First-layer gradient divided by the last hidden layer's, per activation: like with like, every layer followed by the activation. */
  hiddenRatio: { sigmoid: string; tanh: string; relu: string };
  /** The number of hidden layers (Linear layers followed by the activation). */
  hiddenLayers: number;
}

/** Trains nothing: builds a 10-layer MLP with each activation, backpropagates one loss, and measures each layer's gradient. */
function layerGradients(): LayerGradients {
  const seed = 11;
  const width = 32;
  const depth = 10;
  const batch = 64;
  const sizes = [width, ...Array.from({ length: depth - 1 }, () => width), 1];
  const inputRng = new Random(seed + 1000);
  const X = gaussianMatrix(inputRng, batch, width);
  // Each network starts from the initialisation suited to its activation (Xavier for the S-shaped ones, He for ReLU),
  // so what remains is the activation's own effect on the gradient.
  let zeros = 0;
  let total = 0;
  const measure = (activation: 'sigmoid' | 'tanh' | 'relu'): number[] => {
    const init = activation === 'relu' ? heNormal() : xavierNormal();
    const net = new MLP(sizes, { activation, seed, init });
    const out = net.forward(X);
    if (activation === 'relu') {
      // Walk the layers again to count the hidden units that are off.
      let h = X;
      for (const layer of net.layers) {
        h = layer.forward(h);
        if (!(layer instanceof Linear)) {
          for (const v of h.data) zeros += v === 0 ? 1 : 0;
          total += h.size;
        }
      }
    }
    out.mul(out).mean().backward();
    return net.linearLayers().map((layer) => layer.weight.grad!.data.reduce((s, g) => s + Math.abs(g), 0) / layer.weight.size);
  };
  const s = measure('sigmoid');
  const t = measure('tanh');
  const r = measure('relu');
  const ratio = (g: number[]) => g[0] / g[g.length - 1];
  // The last Linear layer is the output layer, with no activation after it: its gradient is the output error times the
  // last hidden outputs, whose size depends on the activation (ReLU's are unbounded). Like with like is the hidden layers.
  const hiddenRatio = (g: number[]) => g[0] / g[g.length - 2];
  if (!(ratio(s) < 1e-3)) throw new Error('activations example: the sigmoid net\'s first layer should get a tiny fraction of the last layer\'s gradient');
  if (!(ratio(s) < ratio(t) && ratio(s) < ratio(r))) throw new Error('activations example: the sigmoid net should vanish the most');
  if (!(hiddenRatio(s) < 1e-4)) throw new Error('activations example: across the hidden layers the sigmoid net should lose orders of magnitude');
  if (!(hiddenRatio(t) > 0.05 && hiddenRatio(r) > 0.05)) throw new Error('activations example: across the hidden layers tanh and ReLU should keep the gradient within a small factor');
  const share = zeros / total;
  if (!(share > 0.3 && share < 0.7)) throw new Error('activations example: about half the ReLU units should be off');
  return {
    seed,
    width,
    reluZeroShare: `${Math.round(share * 100)}%`,
    layers: s.length,
    batch,
    rows: s.map((_, i) => ({ layer: i + 1, sigmoid: showSci(s[i], 2), tanh: showSci(t[i], 2), relu: showSci(r[i], 2) })),
    ratio: { sigmoid: showSci(ratio(s), 2), tanh: showSci(ratio(t), 2), relu: showSci(ratio(r), 2) },
    hiddenRatio: { sigmoid: showSci(hiddenRatio(s), 2), tanh: showSci(hiddenRatio(t), 2), relu: showSci(hiddenRatio(r), 2) },
    hiddenLayers: s.length - 1,
  };
}

/** Per-layer gradient sizes in a deep sigmoid, tanh and ReLU network. */
export const deepGradients: LayerGradients = layerGradients();

// --- A dead ReLU --------------------------------------------------------------

/** A ReLU unit whose bias keeps it negative on every input: it gets no gradient, so gradient descent never revives it. */
export interface DeadUnit {
  /** The unit's weights and bias, formatted. */
  w: string;
  b: string;
  /** The number of inputs, drawn uniformly from the unit square. */
  count: number;
  /** The largest pre-activation over the inputs. */
  largestScore: string;
  /** The sum of |gradient| over the weights and bias, for ReLU and for leaky ReLU. */
  reluGradient: string;
  leakyGradient: string;
  /** The bias gradient of the leaky unit: negative, so gradient descent raises the bias. */
  leakyBiasGradient: string;
}

/** Shows that a ReLU unit with a very negative bias receives exactly zero gradient, while a leaky one does not. */
function deadUnit(): DeadUnit {
  const rng = new Random(5);
  const count = 100;
  const bias = -3;
  const X = Tensor.fromData(Float64Array.from({ length: count * 2 }, () => rng.uniform(0, 1)), [count, 2]);
  const targets = Tensor.fromData(Float64Array.from({ length: count }, () => rng.uniform(0, 1)), [count, 1]);
  const run = (act: (z: Tensor) => Tensor) => {
    const W = tensor([[1, 1]], { requiresGrad: true });
    const b = tensor([bias], { requiresGrad: true });
    const z = linear(X, W, b);
    const err = act(z).sub(targets);
    err.mul(err).mean().backward();
    const total = [...W.grad!.data, ...b.grad!.data].reduce((s, g) => s + Math.abs(g), 0);
    return { z, total, bGrad: b.grad!.item() };
  };
  const dead = run(relu);
  const leaky = run((z) => leakyRelu(z, leakySlope));
  const largest = Math.max(...dead.z.data);
  if (!(largest < 0) || dead.total !== 0) throw new Error('activations example: the dead ReLU unit should get exactly zero gradient');
  if (!(leaky.total > 0 && leaky.bGrad < 0)) throw new Error('activations example: the leaky unit should get a gradient that raises its bias');
  return {
    w: `(${[1, 1].map((v) => show(v)).join(', ')})`,
    b: show(bias),
    count,
    largestScore: show(largest, 3),
    reluGradient: show(dead.total),
    leakyGradient: showSci(leaky.total, 2),
    leakyBiasGradient: showSci(leaky.bGrad, 2),
  };
}

/** The dead-ReLU demonstration. */
export const dead: DeadUnit = deadUnit();

// --- The picture of saturation ------------------------------------------------------------------

/** Where σ′ falls below this, the figure shades the curve as saturated. */
const SATURATED_BELOW = 0.01;

/** σ and σ′ on [−10, 10], σ′ by autograd, with the stretches where σ′ < 0.01 shaded. */
export const sigmoidSaturation: { figure: FigurePanel; threshold: string; from: string } = (() => {
  const xs = Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);
  const x = tensor(xs, { requiresGrad: true });
  const y = sigmoid(x);
  y.sum().backward();
  const slope = x.grad!.data;
  // The saturated stretches: the first grid point from the centre outwards where σ′ is below the threshold.
  const edge = xs.find((v, i) => v > 0 && slope[i] < SATURATED_BELOW)!;
  if (!(edge > 4 && edge < 5)) throw new Error('activations example: σ′ should fall below 0.01 between 4 and 5');
  if (slope.some((g, i) => Math.abs(xs[i]) < edge - 1e-9 && g < SATURATED_BELOW)) throw new Error('activations example: σ′ should be above 0.01 inside the edges');
  const band = (from: number, to: number) => [
    { x: from, y: 0 },
    { x: to, y: 0 },
    { x: to, y: 1 },
    { x: from, y: 1 },
  ];
  const marked = [0, 2, 5, 10].map((v) => xs.findIndex((u) => Math.abs(u - v) < 1e-9));
  const figure = panel({
    label: `The sigmoid σ(x) rising from 0 to 1 between x = −10 and 10, and its slope σ′(x), a bump of height 1/4 at 0 that falls below ${SATURATED_BELOW} beyond |x| = ${show(edge, 2)}; those two tails, where the unit is saturated, are shaded.`,
    x: { domain: [-10, 10], ticks: [-10, -5, 0, 5, 10], label: 'x' },
    y: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], label: 'value' },
    width: 440,
    height: 260,
    regions: [
      { points: band(-10, -edge), color: 'bad', opacity: 0.12 },
      { points: band(edge, 10), color: 'bad', opacity: 0.12 },
    ],
    lines: [
      { points: xs.map((v, i) => ({ x: v, y: y.data[i] })), color: 'text' },
      { points: xs.map((v, i) => ({ x: v, y: slope[i] })), color: 'accent', width: 2.5 },
    ],
    dots: marked.map((i) => ({
      at: { x: xs[i], y: slope[i] },
      shape: 'circle' as const,
      color: 'accent' as const,
      size: 8,
      title: `σ′(${show(xs[i])}) = ${showSci(slope[i], 3)}`,
    })),
    labels: [
      { at: { x: 3, y: 0.93 }, text: 'σ(x)', anchor: 'end' },
      { at: { x: 1.2, y: 0.24 }, text: 'σ′(x)', color: 'accent', anchor: 'start' },
      { at: { x: -7.3, y: 0.55 }, text: 'saturated', color: 'bad' },
      { at: { x: 7.3, y: 0.55 }, text: 'saturated', color: 'bad' },
    ],
  });
  return { figure, threshold: show(SATURATED_BELOW), from: show(edge, 2) };
})();

// --- Mish as a gated identity, beside SiLU ---------------------------------------------------

/** Mish and SiLU both multiply x by a gate from 0 to 1: tanh(softplus(x)) for mish, σ(x) for SiLU. */
export const mishGate: { atZero: string; siluAtZero: string; atOne: string; siluAtOne: string } = (() => {
  const xs = Array.from({ length: 161 }, (_, i) => -8 + i * 0.1).filter((v) => Math.abs(v) > 1e-9);
  const x = tensor(xs);
  const m = mish(x).data;
  const s = silu(x).data;
  // mish(x)/x − silu(x)/x = tanh(softplus(x)) − σ(x) = u² / ((1 + u)(2 + 2u + u²)) > 0 with u = eˣ: mish's gate is the higher one.
  xs.forEach((v, i) => {
    if (!(m[i] / v > s[i] / v)) throw new Error(`activations example: mish's gate should be above SiLU's at ${v}`);
  });
  const gate = (v: number) => mish(tensor([v])).data[0] / v;
  const small = 1e-6;
  return { atZero: show(gate(small), 3), siluAtZero: show(silu(tensor([small])).data[0] / small, 3), atOne: show(gate(1), 3), siluAtOne: show(silu(tensor([1])).data[0], 3) };
})();

// --- The radial basis unit ------------------------------------------------------------------

/** A radial basis unit with centre c and width σ on two inputs, evaluated by the engine's registry entry. */
export const rbfUnit: { centre: string; sigma: string; rows: { x: string; distance: string; value: string }[]; slopeAtSigma: string } = (() => {
  const centre = [1, 0.5];
  const sigma = 0.5;
  const inputs = [[1, 0.5], [1.5, 0.5], [1, 1.5], [0, 0]];
  // The unit is rbf applied to the distance: exp(−‖x − c‖² / σ²). The entry is the profile, so it is given ‖x − c‖.
  const distances = inputs.map(([a, b]) => Math.hypot(a - centre[0], b - centre[1]));
  const values = applyElementwise(RBF, tensor(distances), { sigma }).data;
  values.forEach((v, i) => {
    if (Math.abs(v - Math.exp(-(distances[i] ** 2) / sigma ** 2)) > 1e-15) throw new Error('activations example: the RBF unit should be exp(−‖x − c‖²/σ²)');
  });
  if (values[0] !== 1) throw new Error('activations example: the RBF unit should answer 1 at its centre');
  const r = tensor([sigma], { requiresGrad: true });
  applyElementwise(RBF, r, { sigma }).sum().backward();
  if (Math.abs(r.grad!.data[0] - (-2 / sigma) * Math.exp(-1)) > 1e-15) throw new Error('activations example: rbf′(σ) should be −(2/σ) e⁻¹');
  // The lesson says the slope is 0 at the centre and steepest at r = σ/√2: the engine's slopes on a fine grid of r agree.
  const grid = Array.from({ length: 401 }, (_, i) => (i / 400) * 2 * sigma);
  const rs = tensor(grid, { requiresGrad: true });
  applyElementwise(RBF, rs, { sigma }).sum().backward();
  const slopes = Array.from(rs.grad!.data);
  const steepest = grid[slopes.indexOf(Math.min(...slopes))];
  if (slopes[0] !== 0 || Math.abs(steepest - sigma / Math.SQRT2) > 2 * sigma / 400) {
    throw new Error('activations example: the RBF slope should be 0 at the centre and steepest at σ/√2');
  }
  return {
    centre: `(${centre.map((v) => show(v)).join(', ')})`,
    sigma: show(sigma),
    rows: inputs.map((x, i) => ({ x: `(${x.map((v) => show(v)).join(', ')})`, distance: show(distances[i], 3), value: show(values[i], 4) })),
    slopeAtSigma: show(r.grad!.data[0], 3),
  };
})();
