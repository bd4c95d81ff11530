// Activation functions as modules, so they can sit in a Sequential between
// layers. All but PReLU have no parameters; PReLU learns its negative slope.

import { Tensor } from '../tensor.ts';
import {
  elu,
  gelu,
  hardtanh,
  identity,
  leakyRelu,
  logSoftmax,
  mish,
  prelu,
  relu,
  sigmoid,
  silu,
  softmax,
  softplus,
  step,
  tanh,
} from '../ops/activations.ts';
import { Module } from './module.ts';

/** The parameter-free activations, by the name the lessons and the MLP options use. */
export const activations = {
  identity,
  step,
  relu,
  sigmoid,
  tanh,
  leakyRelu: (x: Tensor) => leakyRelu(x),
  elu: (x: Tensor) => elu(x),
  gelu: (x: Tensor) => gelu(x),
  geluTanh: (x: Tensor) => gelu(x, 'tanh'),
  silu,
  mish,
  softplus: (x: Tensor) => softplus(x),
  hardtanh: (x: Tensor) => hardtanh(x),
  softmax: (x: Tensor) => softmax(x),
  logSoftmax: (x: Tensor) => logSoftmax(x),
} satisfies Record<string, (x: Tensor) => Tensor>;

/** The name of a parameter-free activation, such as 'relu' or 'tanh'. */
export type ActivationName = keyof typeof activations;

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
  constructor(parameters = 1, init = 0.25) {
    super();
    this.weight = Tensor.fromData(new Float64Array(parameters).fill(init), [parameters], { requiresGrad: true, label: 'a' });
  }

  /** The input with its negative part scaled by the learned slope. */
  forward(x: Tensor): Tensor {
    return prelu(x, this.weight);
  }
}
