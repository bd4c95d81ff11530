// Initialisers: how a Linear layer draws its first weights. The scale is what
// matters: keep the variance of activations (Xavier/Glorot, for tanh and
// sigmoid) or of ReLU activations (He/Kaiming) the same from layer to layer.
// fanIn is the number of inputs of a layer, fanOut its number of outputs.

import type { Random } from '../random.ts';

/** The distribution of a layer's initial weights: N(0, std²), U(−bound, bound), or every weight zero. */
export type WeightScale = { kind: 'normal'; std: number } | { kind: 'uniform'; bound: number };

/** A rule for a layer's initial weights and biases, one number at a time, drawn from a seeded generator. */
export interface Initializer {
  /** The rule's name, for legends and error messages. */
  name: string;
  /** The distribution its weights are drawn from for a layer with `fanIn` inputs and `fanOut` outputs (what `weight` draws). */
  scale?(fanIn: number, fanOut: number): WeightScale;
  /** One initial weight of a layer with `fanIn` inputs and `fanOut` outputs. */
  weight(fanIn: number, fanOut: number, rng: Random): number;
  /** One initial bias of such a layer. */
  bias(fanIn: number, fanOut: number, rng: Random): number;
}

const zero = (): number => 0;

/** An initialiser whose weights are drawn from `scale` and whose biases are zero. */
function scaled(name: string, scale: (fanIn: number, fanOut: number) => WeightScale): Initializer {
  return { name, scale, weight: (fanIn, fanOut, rng) => draw(scale(fanIn, fanOut), rng), bias: zero };
}

/** One number from a weight distribution. */
function draw(scale: WeightScale, rng: Random): number {
  return scale.kind === 'normal' ? rng.normal(0, scale.std) : rng.uniform(-scale.bound, scale.bound);
}

/** torch.nn.Linear's default: weights and biases uniform in ±1/√fanIn. */
export const torchDefault: Initializer = {
  name: 'default',
  scale: (fanIn) => ({ kind: 'uniform', bound: 1 / Math.sqrt(fanIn) }),
  weight: (fanIn, _fanOut, rng) => rng.uniform(-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
  bias: (fanIn, _fanOut, rng) => rng.uniform(-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
};

/** Weights from N(0, std²) with the given std, biases zero: the lectures' "small random numbers". */
export function gaussian(std: number): Initializer {
  if (!(std >= 0)) throw new RangeError(`gaussian: std must be zero or more, got ${std}`);
  return scaled(`gaussian(${std})`, () => ({ kind: 'normal', std }));
}

/** Xavier/Glorot uniform: weights U(±gain·√(6 / (fanIn + fanOut))), biases zero, as torch's xavier_uniform_. */
export function xavierUniform(gain = 1): Initializer {
  return scaled('xavier-uniform', (fanIn, fanOut) => ({ kind: 'uniform', bound: gain * Math.sqrt(6 / (fanIn + fanOut)) }));
}

/** Xavier/Glorot normal: weights N(0, gain²·2 / (fanIn + fanOut)), biases zero, as torch's xavier_normal_. */
export function xavierNormal(gain = 1): Initializer {
  return scaled('xavier-normal', (fanIn, fanOut) => ({ kind: 'normal', std: gain * Math.sqrt(2 / (fanIn + fanOut)) }));
}

/** He/Kaiming uniform for ReLU: weights U(±√(6 / fanIn)), biases zero, as torch's kaiming_uniform_(nonlinearity='relu'). */
export function heUniform(): Initializer {
  return scaled('he-uniform', (fanIn) => ({ kind: 'uniform', bound: Math.sqrt(6 / fanIn) }));
}

/** He/Kaiming normal for ReLU: weights N(0, 2 / fanIn), biases zero, as torch's kaiming_normal_(nonlinearity='relu'). */
export function heNormal(): Initializer {
  return scaled('he-normal', (fanIn) => ({ kind: 'normal', std: Math.sqrt(2 / fanIn) }));
}
