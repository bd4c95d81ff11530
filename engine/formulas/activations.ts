// The registry of activations: each one's formula f and derivative f′, written
// once, as the lessons write them (σ′ = σ (1 − σ)), with its parameters and
// PyTorch's defaults for them. Everything else reads from here: the autograd
// ops (ops/activations.ts), the nn modules and the MLP options (nn/activation.ts),
// the conformance runner's op table, the fused MLP kernel (nn/fast-mlp.ts), and
// the site's widgets (the activation explorer, the Playground's list).
//
// Two kinds of entry:
// - elementwise: y = f(x) element by element; the backward rule is the chain
//   rule dL/dx = dL/dy · f′(x). f′ is given x and y = f(x), whichever reads more
//   simply (tanh′ = 1 − y²).
// - line: the function normalises a whole row (or column), as softmax does;
//   the entry gives the forward pass and the backward rule of one line.
//
// Adding an activation is one entry below plus its tests (gradcheck in
// tests/engine/activations.test.ts): engine/README.md says what picks it up.

import { erf } from '../erf.ts';

/** A numeric parameter of an activation, such as the leaky slope a or ELU's α. */
export interface ActivationParameter<P extends string = string> {
  /** Its name in the engine, as the op's argument: 'negativeSlope', 'alpha'. */
  name: P;
  /** Its symbol in the lessons' formulas: 'a', 'α', 'β'. */
  symbol: string;
  /** Its default, PyTorch's. */
  default: number;
  /** PyTorch's keyword for it first, then any other spelling the conformance cases may use. */
  torch: readonly string[];
  /** The values worth exploring (for sliders and random tests); absent where the parameter is better left alone. */
  range?: { min: number; max: number; step: number };
  /** True when the parameter is learned, a tensor passed to the op (PReLU's slope) rather than a setting. */
  learnable?: boolean;
}

/** An activation's parameter values, by name. */
export type ParameterValues<P extends string = string> = Readonly<Record<P, number>>;

/** What every entry has: the names it goes by, its formulas as text, and its parameters. */
interface ActivationBase<P extends string> {
  /** The engine's name: the op function, the MLP option and the nn.Activation name ('leakyRelu'). */
  name: string;
  /**
   * PyTorch's name of the op (torch.nn.functional), which is also the graph node's op: 'leaky_relu'. An activation
   * PyTorch has no function for keeps a name in the same style ('step', 'rbf').
   */
  torch: string;
  /**
   * String attributes that select this entry among several with the same PyTorch name (GELU's approximate:
   * 'none' or 'tanh'); the first entry of a name is the one used when the attribute is absent.
   */
  torchAttributes?: Readonly<Record<string, string>>;
  /** The name shown to a reader: 'Leaky ReLU'. */
  title: string;
  /** f, as the lesson writes it. */
  formula: string;
  /** f′ (or the backward rule), as the lesson writes it. */
  derivativeFormula: string;
  /** Its parameters, in the order the op takes them. */
  parameters: readonly ActivationParameter<P>[];
  /** Why these parameter values are not allowed (hardtanh's min above its max), or undefined when they are. */
  check?(p: ParameterValues<P>): string | undefined;
}

/** An activation applied element by element: f and its derivative f′. */
export interface ElementwiseActivation<P extends string = string> extends ActivationBase<P> {
  kind: 'elementwise';
  /** f(x). */
  f(x: number, p: ParameterValues<P>): number;
  /** f′(x), given also y = f(x). */
  df(x: number, y: number, p: ParameterValues<P>): number;
  /** ∂y/∂p for each learnable parameter p (PReLU's slope). */
  dParameter?: Readonly<Partial<Record<P, (x: number, y: number, p: ParameterValues<P>) => number>>>;
  /**
   * False for the step, whose f′ is 0 wherever it exists: autograd records no backward rule for it, so its output
   * is a constant and nothing flows back (the perceptron has its own rule).
   */
  differentiable: boolean;
}

/** An activation that normalises each line (a row, or a column) as a whole, as softmax does. */
export interface LineActivation extends ActivationBase<never> {
  kind: 'line';
  /** Writes the activation of the line xs[start], xs[start + along], ... (before end) into ys at the same indices. */
  forward(xs: Float64Array, ys: Float64Array, start: number, end: number, along: number): void;
  /** Adds dL/dx of the line into gx, given the upstream gradient g, the inputs xs and the outputs ys. */
  backward(g: Float64Array, xs: Float64Array, ys: Float64Array, gx: Float64Array, start: number, end: number, along: number): void;
}

/** Any entry of the registry. */
export type ActivationFunction = ElementwiseActivation | LineActivation;

/** The logistic function 1 / (1 + e^-x), computed without overflow for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = ln(1 + e^x), computed without overflow: max(x, 0) + ln(1 + e^-|x|). */
export function softplusValue(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Writes the softmax of one line of `xs` (indices start, start + along, ... before end) into `out` and returns the
 * line's log-sum-exp, m + ln Σⱼ e^(xⱼ - m), with m the line's maximum so nothing overflows.
 */
export function softmaxLine(xs: Float64Array, out: Float64Array, start: number, end: number, along: number): number {
  let m = -Infinity;
  for (let i = start; i < end; i += along) if (xs[i] > m) m = xs[i];
  let total = 0;
  for (let i = start; i < end; i += along) total += out[i] = Math.exp(xs[i] - m);
  for (let i = start; i < end; i += along) out[i] /= total;
  return m + Math.log(total);
}

const SQRT_HALF = Math.SQRT1_2;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const SQRT_TWO_OVER_PI = 0.7978845608028654;
const GELU_TANH_CUBIC = 0.044715;

/** An elementwise entry, its parameter names checked against its formulas. */
function elementwise<const P extends string = never>(entry: Omit<ElementwiseActivation<P>, 'kind' | 'differentiable'> & { differentiable?: boolean }): ElementwiseActivation<P> {
  return { kind: 'elementwise', differentiable: true, ...entry };
}

/** A line entry. */
function line(entry: Omit<LineActivation, 'kind' | 'parameters'>): LineActivation {
  return { kind: 'line', parameters: [], ...entry };
}

/** The identity f(x) = x; f′(x) = 1. A separate node, so graphs can show "no activation". */
export const IDENTITY = elementwise({
  name: 'identity', torch: 'identity', title: 'Linear (identity)',
  formula: 'f(x) = x', derivativeFormula: 'f′(x) = 1',
  parameters: [],
  f: (x) => x,
  df: () => 1,
});

/** The Heaviside step of Rosenblatt's perceptron; f′ = 0 wherever it exists, so autograd passes nothing back. */
export const STEP = elementwise({
  name: 'step', torch: 'step', title: 'Step',
  formula: 'f(x) = 1 if x ≥ 0, else 0', derivativeFormula: 'f′(x) = 0 (for x ≠ 0)',
  parameters: [],
  f: (x) => (x >= 0 ? 1 : 0),
  df: () => 0,
  differentiable: false,
});

/** The sigmoid σ(x) = 1 / (1 + e^-x); σ′(x) = σ(x) (1 - σ(x)). */
export const SIGMOID = elementwise({
  name: 'sigmoid', torch: 'sigmoid', title: 'Sigmoid σ',
  formula: 'σ(x) = 1 / (1 + e^−x)', derivativeFormula: 'σ′(x) = σ(x) (1 − σ(x))',
  parameters: [],
  f: logistic,
  df: (_x, s) => s * (1 - s),
});

/** The hyperbolic tangent; tanh′(x) = 1 - tanh²(x). */
export const TANH = elementwise({
  name: 'tanh', torch: 'tanh', title: 'tanh',
  formula: 'tanh(x) = 2σ(2x) − 1', derivativeFormula: 'tanh′(x) = 1 − tanh²(x)',
  parameters: [],
  f: Math.tanh,
  df: (_x, t) => 1 - t * t,
});

/** ReLU, max(0, x); relu′(x) = 1 for x > 0 and 0 for x ≤ 0 (0 at x = 0, as PyTorch). */
export const RELU = elementwise({
  name: 'relu', torch: 'relu', title: 'ReLU',
  formula: 'f(x) = max(0, x)', derivativeFormula: 'f′(x) = 1 if x > 0, else 0',
  parameters: [],
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
});

/** Leaky ReLU, x for x > 0 and a·x otherwise; the derivative is 1 for x > 0 and a for x ≤ 0. */
export const LEAKY_RELU = elementwise({
  name: 'leakyRelu', torch: 'leaky_relu', title: 'Leaky ReLU',
  formula: 'f(x) = x if x > 0, else a·x', derivativeFormula: 'f′(x) = 1 if x > 0, else a',
  parameters: [{ name: 'negativeSlope', symbol: 'a', default: 0.01, torch: ['negative_slope'], range: { min: 0, max: 0.5, step: 0.01 } }],
  f: (x, { negativeSlope: a }) => (x > 0 ? x : a * x),
  df: (x, _y, { negativeSlope: a }) => (x > 0 ? 1 : a),
});

/** PReLU, leaky ReLU with a learned slope a: ∂y/∂x = 1 or a, ∂y/∂a = 0 or x. */
export const PRELU = elementwise({
  name: 'prelu', torch: 'prelu', title: 'PReLU',
  formula: 'f(x) = x if x > 0, else a·x (a learned)', derivativeFormula: 'f′(x) = 1 if x > 0, else a',
  parameters: [{ name: 'weight', symbol: 'a', default: 0.25, torch: ['weight'], range: { min: -1, max: 1, step: 0.05 }, learnable: true }],
  f: (x, { weight: a }) => (x > 0 ? x : a * x),
  df: (x, _y, { weight: a }) => (x > 0 ? 1 : a),
  dParameter: { weight: (x) => (x > 0 ? 0 : x) },
});

/** ELU, x for x > 0 and α(e^x - 1) otherwise; the derivative is 1 for x > 0 and α e^x otherwise. */
export const ELU = elementwise({
  name: 'elu', torch: 'elu', title: 'ELU',
  formula: 'f(x) = x if x > 0, else α (eˣ − 1)', derivativeFormula: 'f′(x) = 1 if x > 0, else α eˣ',
  parameters: [{ name: 'alpha', symbol: 'α', default: 1, torch: ['alpha'], range: { min: 0.1, max: 3, step: 0.1 } }],
  f: (x, { alpha }) => (x > 0 ? x : alpha * Math.expm1(x)),
  df: (x, _y, { alpha }) => (x > 0 ? 1 : alpha * Math.exp(x)),
});

/** GELU, x Φ(x) with Φ(x) = (1 + erf(x/√2)) / 2 the standard normal CDF; gelu′(x) = Φ(x) + x φ(x), φ(x) = e^(-x²/2)/√(2π). */
export const GELU = elementwise({
  name: 'gelu', torch: 'gelu', torchAttributes: { approximate: 'none' }, title: 'GELU (erf)',
  formula: 'GELU(x) = x Φ(x), Φ(x) = ½ (1 + erf(x/√2))', derivativeFormula: 'GELU′(x) = Φ(x) + x φ(x), φ(x) = e^(−x²/2) / √(2π)',
  parameters: [],
  f: (x) => x * 0.5 * (1 + erf(x * SQRT_HALF)),
  df: (x) => 0.5 * (1 + erf(x * SQRT_HALF)) + x * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x),
});

/** GELU with Φ(x) ≈ (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2, differentiated as written. */
export const GELU_TANH = elementwise({
  name: 'geluTanh', torch: 'gelu', torchAttributes: { approximate: 'tanh' }, title: 'GELU (tanh)',
  formula: 'GELU(x) ≈ ½ x (1 + tanh(u)), u = √(2/π) (x + 0.044715 x³)',
  derivativeFormula: 'f′(x) = ½ (1 + tanh u) + ½ x (1 − tanh² u) √(2/π) (1 + 3·0.044715 x²)',
  parameters: [],
  f: (x) => 0.5 * x * (1 + Math.tanh(SQRT_TWO_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x))),
  df: (x) => {
    const t = Math.tanh(SQRT_TWO_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x));
    // d/dx [x/2 (1 + t)] = (1 + t)/2 + x/2 (1 - t²) √(2/π) (1 + 3 · 0.044715 x²)
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_TWO_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
  },
});

/** SiLU (swish), x σ(x); silu′(x) = σ(x) (1 + x (1 - σ(x))). */
export const SILU = elementwise({
  name: 'silu', torch: 'silu', title: 'SiLU (swish)',
  formula: 'SiLU(x) = x σ(x)', derivativeFormula: 'SiLU′(x) = σ(x) (1 + x (1 − σ(x)))',
  parameters: [],
  f: (x) => x * logistic(x),
  df: (x) => {
    const s = logistic(x);
    return s * (1 + x * (1 - s));
  },
});

/** Mish, x tanh(softplus(x)); mish′(x) = tanh(sp) + x (1 - tanh²(sp)) σ(x), since softplus′ = σ. */
export const MISH = elementwise({
  name: 'mish', torch: 'mish', title: 'Mish',
  formula: 'mish(x) = x tanh(softplus(x))', derivativeFormula: 'mish′(x) = tanh(sp(x)) + x sech²(sp(x)) σ(x)',
  parameters: [],
  f: (x) => x * Math.tanh(softplusValue(x)),
  df: (x) => {
    const t = Math.tanh(softplusValue(x));
    return t + x * (1 - t * t) * logistic(x);
  },
});

/** Softplus, ln(1 + e^(βx)) / β, and x itself where βx > threshold (as PyTorch); softplus′(x) = σ(βx). */
export const SOFTPLUS = elementwise({
  name: 'softplus', torch: 'softplus', title: 'Softplus',
  formula: 'softplus(x) = ln(1 + e^(βx)) / β', derivativeFormula: 'softplus′(x) = σ(βx)',
  parameters: [
    { name: 'beta', symbol: 'β', default: 1, torch: ['beta'], range: { min: 0.25, max: 5, step: 0.25 } },
    { name: 'threshold', symbol: 'threshold', default: 20, torch: ['threshold'] },
  ],
  f: (x, { beta, threshold }) => (x * beta > threshold ? x : softplusValue(x * beta) / beta),
  df: (x, _y, { beta, threshold }) => (x * beta > threshold ? 1 : logistic(x * beta)),
});

/** Hard tanh, x clipped to [min, max]; the derivative is 1 strictly inside and 0 outside (as PyTorch). */
export const HARDTANH = elementwise({
  name: 'hardtanh', torch: 'hardtanh', title: 'Hard tanh',
  formula: 'hardtanh(x) = max(−1, min(1, x))', derivativeFormula: 'hardtanh′(x) = 1 if −1 < x < 1, else 0',
  parameters: [
    { name: 'min', symbol: 'min', default: -1, torch: ['min_val', 'min'] },
    { name: 'max', symbol: 'max', default: 1, torch: ['max_val', 'max'] },
  ],
  check: ({ min, max }) => (min > max ? `min ${min} is greater than max ${max}` : undefined),
  f: (x, { min, max }) => (x < min ? min : x > max ? max : x),
  df: (x, _y, { min, max }) => (x > min && x < max ? 1 : 0),
});

/**
 * The radial basis unit of seed 004, as the bump it applies: a unit with centre c and width σ answers
 * exp(−‖x − c‖² / σ²), largest at its centre and fading with distance. Elementwise, the entry is that profile of one
 * coordinate, rbf(x) = exp(−x² / σ²), so rbf(x − c) is a one-dimensional RBF unit; after a Linear layer it is a
 * Gaussian ridge along w·x + b. By the chain rule on −x²/σ², rbf′(x) = −(2x / σ²) rbf(x).
 */
export const RBF = elementwise({
  name: 'rbf', torch: 'rbf', title: 'Radial basis (Gaussian)',
  formula: 'rbf(x) = exp(−x² / σ²)', derivativeFormula: 'rbf′(x) = −(2x / σ²) rbf(x)',
  parameters: [{ name: 'sigma', symbol: 'σ', default: 1, torch: ['sigma'], range: { min: 0.25, max: 3, step: 0.25 } }],
  check: ({ sigma }) => (sigma > 0 ? undefined : `the width σ must be above 0, not ${sigma}`),
  f: (x, { sigma }) => Math.exp(-(x * x) / (sigma * sigma)),
  df: (x, y, { sigma }) => ((-2 * x) / (sigma * sigma)) * y,
});

/** Softmax, sᵢ = e^(xᵢ - m) / Σⱼ e^(xⱼ - m) with m the line's maximum; backward dL/dxᵢ = sᵢ (gᵢ - Σⱼ gⱼ sⱼ). */
export const SOFTMAX = line({
  name: 'softmax', torch: 'softmax', title: 'Softmax',
  formula: 'sᵢ = e^xᵢ / Σⱼ e^xⱼ', derivativeFormula: 'dL/dxᵢ = sᵢ (gᵢ − Σⱼ gⱼ sⱼ)',
  forward: (xs, s, start, end, along) => {
    softmaxLine(xs, s, start, end, along);
  },
  backward: (g, _xs, s, gx, start, end, along) => {
    let dot = 0;
    for (let i = start; i < end; i += along) dot += g[i] * s[i];
    for (let i = start; i < end; i += along) gx[i] += s[i] * (g[i] - dot);
  },
});

/** Log-softmax, xᵢ - m - ln Σⱼ e^(xⱼ - m), stable for logits of 1000; backward dL/dxᵢ = gᵢ - softmaxᵢ Σⱼ gⱼ. */
export const LOG_SOFTMAX = line({
  name: 'logSoftmax', torch: 'log_softmax', title: 'Log-softmax',
  formula: 'yᵢ = xᵢ − ln Σⱼ e^xⱼ', derivativeFormula: 'dL/dxᵢ = gᵢ − softmaxᵢ Σⱼ gⱼ',
  forward: (xs, y, start, end, along) => {
    const logTotal = softmaxLine(xs, y, start, end, along);
    for (let i = start; i < end; i += along) y[i] = xs[i] - logTotal;
  },
  backward: (g, _xs, y, gx, start, end, along) => {
    let total = 0;
    for (let i = start; i < end; i += along) total += g[i];
    for (let i = start; i < end; i += along) gx[i] += g[i] - Math.exp(y[i]) * total;
  },
});

/** Every activation, by its engine name, in the order of lesson 2 (identity first, the line activations last). */
export const ACTIVATION_FUNCTIONS = {
  identity: IDENTITY,
  step: STEP,
  sigmoid: SIGMOID,
  tanh: TANH,
  relu: RELU,
  leakyRelu: LEAKY_RELU,
  prelu: PRELU,
  elu: ELU,
  gelu: GELU,
  geluTanh: GELU_TANH,
  silu: SILU,
  mish: MISH,
  softplus: SOFTPLUS,
  hardtanh: HARDTANH,
  rbf: RBF,
  softmax: SOFTMAX,
  logSoftmax: LOG_SOFTMAX,
} as const satisfies Record<string, ActivationFunction>;

/** The engine name of any registered activation. */
export type ActivationFunctionName = keyof typeof ACTIVATION_FUNCTIONS;

/** The activations a module can apply by name alone: all but PReLU, whose learned slope makes it a module of its own. */
export type ActivationName = Exclude<ActivationFunctionName, 'prelu'>;

/**
 * The activations a fused kernel can run (nn/fast-mlp.ts): elementwise, differentiable, no learned parameter. The
 * list `TRAINABLE_ELEMENTWISE` is computed from the entries; this type follows their kind, less the step and PReLU.
 */
export type ElementwiseActivationName = {
  [K in ActivationName]: (typeof ACTIVATION_FUNCTIONS)[K] extends { kind: 'elementwise' } ? K : never;
}[Exclude<ActivationName, 'step'>];

/** Whether a registered activation has a learned parameter. */
export function isLearnable(entry: ActivationFunction): boolean {
  return entry.parameters.some((p) => p.learnable === true);
}

/** The names of the activations a fused kernel can run, in registry order. */
export const TRAINABLE_ELEMENTWISE: readonly ElementwiseActivationName[] = (Object.keys(ACTIVATION_FUNCTIONS) as ActivationFunctionName[]).filter(
  (name): name is ElementwiseActivationName => {
    const entry: ActivationFunction = ACTIVATION_FUNCTIONS[name];
    return entry.kind === 'elementwise' && entry.differentiable && !isLearnable(entry);
  },
);

/** The parameter values of an entry: its defaults, overridden by any given. */
export function parameterValues<P extends string>(entry: { parameters: readonly ActivationParameter<P>[] }, given: Partial<Record<P, number>> = {}): ParameterValues<P> {
  const values = {} as Record<P, number>;
  for (const p of entry.parameters) values[p.name] = given[p.name] ?? p.default;
  return values;
}

/** The registered activation of a name, or a readable error listing the known ones. */
export function activationFunction(name: string): ActivationFunction {
  const entry = Object.prototype.hasOwnProperty.call(ACTIVATION_FUNCTIONS, name) ? (ACTIVATION_FUNCTIONS as Record<string, ActivationFunction>)[name] : undefined;
  if (entry === undefined) throw new RangeError(`unknown activation '${name}'; known: ${Object.keys(ACTIVATION_FUNCTIONS).join(', ')}`);
  return entry;
}
