// The activations of lesson 2, each as the engine op (differentiated by autograd) and as the
// lesson's closed-form derivative, written out again here so the explorer can set one against the
// other. The formulas deliberately do not call the engine's ops, only its erf.

import { Tensor, elu, erf, gelu, hardtanh, leakyRelu, mish, prelu, relu, sigmoid, silu, softplus, step, tanh } from '../../../engine/index.ts';

/** An activation's adjustable parameter: the leaky slope, PReLU's a, ELU's α or softplus's β. */
export interface ActivationParameter {
  /** Its symbol, as the lesson writes it. */
  symbol: string;
  /** The slider's range and step. */
  min: number;
  max: number;
  step: number;
  /** The value it starts at (PyTorch's default). */
  initial: number;
}

/** One activation: its name, formulas as text, engine op and closed-form derivative. */
export interface Activation {
  /** The id used by the select and by `<ActivationExplorer activation="…">`. */
  id: string;
  /** The name shown to the reader. */
  name: string;
  /** f(x), as the lesson writes it. */
  formula: string;
  /** f′(x), as the lesson writes it. */
  derivativeFormula: string;
  /** The parameter, when the activation has one. */
  parameter?: ActivationParameter;
  /** The engine's op applied to a tensor of inputs. */
  apply(x: Tensor, p: number): Tensor;
  /** The lesson's closed-form f′(x). */
  derivative(x: number, p: number): number;
}

const sigma = (x: number): number => 1 / (1 + Math.exp(-x));
const softplusOf = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);

/** Every activation the explorer offers, in the order of lesson 2. */
export const ACTIVATIONS: readonly Activation[] = [
  {
    id: 'step', name: 'Step', formula: 'f(x) = 1 if x ≥ 0, else 0', derivativeFormula: 'f′(x) = 0 (for x ≠ 0)',
    apply: (x) => step(x), derivative: () => 0,
  },
  {
    id: 'sigmoid', name: 'Sigmoid σ', formula: 'σ(x) = 1 / (1 + e^−x)', derivativeFormula: 'σ′(x) = σ(x) (1 − σ(x))',
    apply: (x) => sigmoid(x), derivative: (x) => sigma(x) * (1 - sigma(x)),
  },
  {
    id: 'tanh', name: 'tanh', formula: 'tanh(x) = 2σ(2x) − 1', derivativeFormula: 'tanh′(x) = 1 − tanh²(x)',
    apply: (x) => tanh(x), derivative: (x) => 1 - Math.tanh(x) ** 2,
  },
  {
    id: 'relu', name: 'ReLU', formula: 'f(x) = max(0, x)', derivativeFormula: 'f′(x) = 1 if x > 0, else 0',
    apply: (x) => relu(x), derivative: (x) => (x > 0 ? 1 : 0),
  },
  {
    id: 'leaky-relu', name: 'Leaky ReLU', formula: 'f(x) = x if x > 0, else a·x', derivativeFormula: 'f′(x) = 1 if x > 0, else a',
    parameter: { symbol: 'a', min: 0, max: 0.5, step: 0.01, initial: 0.01 },
    apply: (x, a) => leakyRelu(x, a), derivative: (x, a) => (x > 0 ? 1 : a),
  },
  {
    id: 'prelu', name: 'PReLU', formula: 'f(x) = x if x > 0, else a·x (a learned)', derivativeFormula: 'f′(x) = 1 if x > 0, else a',
    parameter: { symbol: 'a', min: -1, max: 1, step: 0.05, initial: 0.25 },
    apply: (x, a) => prelu(x, new Tensor(Float64Array.of(a), [1])), derivative: (x, a) => (x > 0 ? 1 : a),
  },
  {
    id: 'elu', name: 'ELU', formula: 'f(x) = x if x > 0, else α (eˣ − 1)', derivativeFormula: 'f′(x) = 1 if x > 0, else α eˣ',
    parameter: { symbol: 'α', min: 0.1, max: 3, step: 0.1, initial: 1 },
    apply: (x, alpha) => elu(x, alpha), derivative: (x, alpha) => (x > 0 ? 1 : alpha * Math.exp(x)),
  },
  {
    id: 'gelu', name: 'GELU (erf)', formula: 'GELU(x) = x Φ(x), Φ(x) = ½ (1 + erf(x/√2))', derivativeFormula: 'GELU′(x) = Φ(x) + x φ(x), φ(x) = e^(−x²/2) / √(2π)',
    apply: (x) => gelu(x), derivative: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
  },
  {
    id: 'gelu-tanh', name: 'GELU (tanh)', formula: 'GELU(x) ≈ ½ x (1 + tanh(u)), u = √(2/π) (x + 0.044715 x³)',
    derivativeFormula: 'f′(x) = ½ (1 + tanh u) + ½ x (1 − tanh² u) √(2/π) (1 + 3·0.044715 x²)',
    apply: (x) => gelu(x, 'tanh'),
    derivative: (x) => {
      const t = Math.tanh(SQRT_TWO_OVER_PI * (x + 0.044715 * x ** 3));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_TWO_OVER_PI * (1 + 3 * 0.044715 * x * x);
    },
  },
  {
    id: 'silu', name: 'SiLU (swish)', formula: 'SiLU(x) = x σ(x)', derivativeFormula: 'SiLU′(x) = σ(x) (1 + x (1 − σ(x)))',
    apply: (x) => silu(x), derivative: (x) => sigma(x) * (1 + x * (1 - sigma(x))),
  },
  {
    id: 'mish', name: 'Mish', formula: 'mish(x) = x tanh(softplus(x))', derivativeFormula: 'mish′(x) = tanh(sp(x)) + x sech²(sp(x)) σ(x)',
    apply: (x) => mish(x),
    derivative: (x) => {
      const t = Math.tanh(softplusOf(x));
      return t + x * (1 - t * t) * sigma(x);
    },
  },
  {
    id: 'softplus', name: 'Softplus', formula: 'softplus(x) = ln(1 + e^(βx)) / β', derivativeFormula: 'softplus′(x) = σ(βx)',
    parameter: { symbol: 'β', min: 0.25, max: 5, step: 0.25, initial: 1 },
    apply: (x, beta) => softplus(x, beta), derivative: (x, beta) => sigma(beta * x),
  },
  {
    id: 'hardtanh', name: 'Hard tanh', formula: 'hardtanh(x) = max(−1, min(1, x))', derivativeFormula: 'hardtanh′(x) = 1 if −1 < x < 1, else 0',
    apply: (x) => hardtanh(x), derivative: (x) => (x > -1 && x < 1 ? 1 : 0),
  },
];

/** The activation with the given id; throws a readable error for an unknown one. */
export function activationById(id: string): Activation {
  const found = ACTIVATIONS.find((a) => a.id === id);
  if (!found) throw new RangeError(`unknown activation "${id}"; expected one of ${ACTIVATIONS.map((a) => a.id).join(', ')}`);
  return found;
}
