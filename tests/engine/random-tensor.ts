// Seeded random tensors for the engine's tests.

import { Random } from '../../engine/random.ts';
import { Tensor } from '../../engine/tensor.ts';
import { sizeOf } from '../../engine/shape.ts';

/** Options for a random test tensor: its range, values to stay away from (kinks of non-smooth ops), and gradient tracking. */
export interface RandomTensorOptions {
  low?: number;
  high?: number;
  /** Resample any value closer than 0.05 to one of these. */
  avoid?: number[];
  requiresGrad?: boolean;
}

/** A tensor of uniform random values drawn from `rng`, away from the points in `avoid`. */
export function randomTensor(rng: Random, shape: number[], options: RandomTensorOptions = {}): Tensor {
  const { low = -2, high = 2, avoid = [], requiresGrad = true } = options;
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    let v: number;
    do v = rng.uniform(low, high);
    while (avoid.some((a) => Math.abs(v - a) < 0.05));
    data[i] = v;
  }
  return Tensor.fromData(data, shape, { requiresGrad });
}
