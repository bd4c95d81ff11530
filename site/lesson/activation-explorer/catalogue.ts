// The activations the explorer offers: every elementwise entry of the engine's registry
// (engine/formulas/activations.ts), in its order, so a new entry appears here by itself. Each is
// shown twice: f′ by the engine's autograd (the op's backward pass, the chain rule through a sum)
// and f′ by the registry's formula, the one the lesson writes.

import { Tensor } from '../../../engine/tensor.ts';
import { ACTIVATION_FUNCTIONS, parameterValues, type ActivationFunction, type ElementwiseActivation } from '../../../engine/formulas/activations.ts';
import { applyElementwise, applyLearnable } from '../../../engine/ops/activations.ts';

/** The registry's activations the explorer leaves out: the identity's straight line has nothing to explore. */
const NOT_SHOWN: readonly string[] = ['identity'];

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
  /** The id used by the select and by `<ActivationExplorer activation="…">`: the engine's name in kebab case. */
  id: string;
  /** The name shown to the reader. */
  name: string;
  /** f(x), as the lesson writes it. */
  formula: string;
  /** f′(x), as the lesson writes it. */
  derivativeFormula: string;
  /** The parameter, when the activation has one worth exploring. */
  parameter?: ActivationParameter;
  /** The engine's op applied to a tensor of inputs. */
  apply(x: Tensor, p: number): Tensor;
  /** The lesson's closed-form f′(x). */
  derivative(x: number, p: number): number;
}

/** The explorer's view of one registry entry: its slider is its first parameter with a range worth exploring. */
function fromRegistry(entry: ElementwiseActivation): Activation {
  const explored = entry.parameters.find((p) => p.range !== undefined);
  const values = (p: number) => parameterValues(entry, explored === undefined ? {} : { [explored.name]: p });
  return {
    id: entry.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    name: entry.title,
    formula: entry.formula,
    derivativeFormula: entry.derivativeFormula,
    parameter: explored && { symbol: explored.symbol, ...explored.range!, initial: explored.default },
    apply: explored?.learnable ? (x, p) => applyLearnable(entry, x, new Tensor(Float64Array.of(p), [1])) : (x, p) => applyElementwise(entry, x, values(p)),
    derivative: (x, p) => {
      const v = values(p);
      return entry.df(x, entry.f(x, v), v);
    },
  };
}

/** Every activation the explorer offers, in the order of lesson 2. */
export const ACTIVATIONS: readonly Activation[] = (Object.values(ACTIVATION_FUNCTIONS) as ActivationFunction[])
  .filter((entry): entry is ElementwiseActivation => entry.kind === 'elementwise' && !NOT_SHOWN.includes(entry.name))
  .map(fromRegistry);

/** The activation with the given id; throws a readable error for an unknown one. */
export function activationById(id: string): Activation {
  const found = ACTIVATIONS.find((a) => a.id === id);
  if (!found) throw new RangeError(`unknown activation "${id}"; expected one of ${ACTIVATIONS.map((a) => a.id).join(', ')}`);
  return found;
}
