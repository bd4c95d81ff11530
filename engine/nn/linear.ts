// A fully connected layer, as torch.nn.Linear: y = x Wᵀ + b with the weight
// stored as (out, in), so row j of W holds the weights into output j.

import { Random } from '../random.ts';
import { Tensor } from '../tensor.ts';
import { linear } from '../ops/linear.ts';
import { Module } from './module.ts';
import { torchDefault, type Initializer } from './init.ts';

/** Options for a `Linear` layer. */
export interface LinearOptions {
  /** Whether the layer adds a bias (true by default). */
  bias?: boolean;
  /** How to draw the first weights and biases; torch's default U(±1/√in) unless given. */
  init?: Initializer;
  /** The generator to draw them from; a fresh `Random(0)` unless given, so layers are always seeded. */
  rng?: Random;
}

/** A fully connected layer y = x Wᵀ + b with weight of shape (out, in) and bias of shape (out). */
export class Linear extends Module {
  /** The weight W, shape [outFeatures, inFeatures]. */
  weight: Tensor;
  /** The bias b, shape [outFeatures], or null for a layer without one. */
  bias: Tensor | null;

  /** A layer from `inFeatures` inputs to `outFeatures` outputs, its weights drawn row by row, then its biases. */
  constructor(readonly inFeatures: number, readonly outFeatures: number, options: LinearOptions = {}) {
    super();
    for (const [name, size] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(size) || size <= 0) throw new RangeError(`Linear: ${name} must be a positive whole number, got ${size}`);
    }
    const init = options.init ?? torchDefault;
    const rng = options.rng ?? new Random(0);
    const w = new Float64Array(outFeatures * inFeatures);
    for (let i = 0; i < w.length; i++) w[i] = init.weight(inFeatures, outFeatures, rng);
    this.weight = Tensor.fromData(w, [outFeatures, inFeatures], { requiresGrad: true, label: 'W' });
    if (options.bias ?? true) {
      const b = new Float64Array(outFeatures);
      for (let i = 0; i < b.length; i++) b[i] = init.bias(inFeatures, outFeatures, rng);
      this.bias = Tensor.fromData(b, [outFeatures], { requiresGrad: true, label: 'b' });
    } else {
      this.bias = null;
    }
  }

  /** x Wᵀ + b for a batch [n, in] (giving [n, out]) or one sample [in] (giving [out]). */
  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
}
