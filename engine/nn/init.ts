// Initialisers: how a Linear layer draws its first weights. The scale is what
// matters: keep the variance of activations (Xavier/Glorot, for tanh and
// sigmoid) or of ReLU activations (He/Kaiming) the same from layer to layer.
// fanIn is the number of inputs of a layer, fanOut its number of outputs.

import type { Random } from '../random.ts';

/** A rule for a layer's initial weights and biases, one number at a time, drawn from a seeded generator. */
export interface Initializer {
  /** The rule's name, for legends and error messages. */
  name: string;
  /** One initial weight of a layer with `fanIn` inputs and `fanOut` outputs. */
  weight(fanIn: number, fanOut: number, rng: Random): number;
  /** One initial bias of such a layer. */
  bias(fanIn: number, fanOut: number, rng: Random): number;
}

const zero = (): number => 0;

/** torch.nn.Linear's default: weights and biases uniform in ±1/√fanIn. */
export const torchDefault: Initializer = {
  name: 'default',
  weight: (fanIn, _fanOut, rng) => rng.uniform(-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
  bias: (fanIn, _fanOut, rng) => rng.uniform(-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
};

/** Weights from N(0, std²) with the given std, biases zero: the lectures' "small random numbers". */
export function gaussian(std: number): Initializer {
  if (!(std >= 0)) throw new RangeError(`gaussian: std must be zero or more, got ${std}`);
  return { name: `gaussian(${std})`, weight: (_fanIn, _fanOut, rng) => rng.normal(0, std), bias: zero };
}

/** Xavier/Glorot uniform: weights U(±gain·√(6 / (fanIn + fanOut))), biases zero, as torch's xavier_uniform_. */
export function xavierUniform(gain = 1): Initializer {
  return {
    name: 'xavier-uniform',
    weight: (fanIn, fanOut, rng) => {
      const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
      return rng.uniform(-bound, bound);
    },
    bias: zero,
  };
}

/** Xavier/Glorot normal: weights N(0, gain²·2 / (fanIn + fanOut)), biases zero, as torch's xavier_normal_. */
export function xavierNormal(gain = 1): Initializer {
  return { name: 'xavier-normal', weight: (fanIn, fanOut, rng) => rng.normal(0, gain * Math.sqrt(2 / (fanIn + fanOut))), bias: zero };
}

/** He/Kaiming uniform for ReLU: weights U(±√(6 / fanIn)), biases zero, as torch's kaiming_uniform_(nonlinearity='relu'). */
export function heUniform(): Initializer {
  return {
    name: 'he-uniform',
    weight: (fanIn, _fanOut, rng) => {
      const bound = Math.sqrt(6 / fanIn);
      return rng.uniform(-bound, bound);
    },
    bias: zero,
  };
}

/** He/Kaiming normal for ReLU: weights N(0, 2 / fanIn), biases zero, as torch's kaiming_normal_(nonlinearity='relu'). */
export function heNormal(): Initializer {
  return { name: 'he-normal', weight: (fanIn, _fanOut, rng) => rng.normal(0, Math.sqrt(2 / fanIn)), bias: zero };
}
