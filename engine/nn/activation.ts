// Activation functions as modules, so they can sit in a Sequential between
// layers. All but PReLU have no parameters; PReLU learns its negative slope.

import { Tensor } from '../tensor.ts';
import { applyElementwise, applyLine, prelu } from '../ops/activations.ts';
import { ACTIVATION_FUNCTIONS, PRELU, isLearnable, parameterValues, type ActivationFunction, type ActivationName } from '../formulas/activations.ts';
import { Module } from './module.ts';

export type { ActivationName } from '../formulas/activations.ts';

/** The op of a registry entry with its default parameters: elementwise, or along the last axis for softmax and log-softmax. */
function withDefaults(entry: ActivationFunction): (x: Tensor) => Tensor {
  if (entry.kind === 'line') return (x) => applyLine(entry, x);
  const p = parameterValues(entry);
  return (x) => applyElementwise(entry, x, p);
}

/** The activations without a learned parameter, by the name the lessons and the MLP options use, each with PyTorch's defaults. */
export const activations = Object.fromEntries(
  (Object.keys(ACTIVATION_FUNCTIONS) as (keyof typeof ACTIVATION_FUNCTIONS)[])
    .filter((name): name is ActivationName => !isLearnable(ACTIVATION_FUNCTIONS[name]))
    .map((name) => [name, withDefaults(ACTIVATION_FUNCTIONS[name])]),
) as Record<ActivationName, (x: Tensor) => Tensor>;

/** A parameter-free activation applied elementwise (softmax and log-softmax along the last axis), chosen by name. */
export class Activation extends Module {
  private readonly fn: (x: Tensor) => Tensor;

  /** The activation of the given name, with PyTorch's default settings (leaky slope 0.01, ELU α 1, exact GELU). */
  constructor(readonly name: ActivationName) {
    super();
    const fn = activations[name] as ((x: Tensor) => Tensor) | undefined;
    if (fn === undefined) {
      throw new RangeError(`Activation: unknown activation '${String(name)}'; known: ${Object.keys(activations).join(', ')}`);
    }
    this.fn = fn;
  }

  /** The activation applied to the input. */
  forward(x: Tensor): Tensor {
    return this.fn(x);
  }
}

/** PReLU, as torch.nn.PReLU: x for x > 0 and a·x otherwise, with the slope a learned (one shared value, or one per feature). */
export class PReLU extends Module {
  /** The learnable negative slope, shape [parameters]. */
  weight: Tensor;

  /** A PReLU with `parameters` slopes (1 shared by default, or one per input feature), each starting at `init` (0.25). */
  constructor(parameters = 1, init = PRELU.parameters[0].default) {
    super();
    this.weight = Tensor.fromData(new Float64Array(parameters).fill(init), [parameters], { requiresGrad: true, label: 'a' });
  }

  /** The input with its negative part scaled by the learned slope. */
  forward(x: Tensor): Tensor {
    return prelu(x, this.weight);
  }
}
