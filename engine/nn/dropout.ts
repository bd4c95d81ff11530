// Dropout as a module, as torch.nn.Dropout: inverted dropout while training,
// the identity after `eval()`.

import { Random } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { dropout } from '../ops/dropout.ts';
import { Module } from './module.ts';

/** Zeroes each element with probability p while training (scaling the rest by 1/(1 - p)); passes everything through in evaluation. */
export class Dropout extends Module {
  /** The generator the masks are drawn from. */
  readonly rng: Random;

  /** Dropout with drop probability p (0.5 by default, as PyTorch), its masks drawn from `rng` (a fresh `Random(0)` unless given). */
  constructor(readonly p = 0.5, rng?: Random) {
    super();
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Dropout: p must be a probability between 0 and 1, got ${p}`);
    this.rng = rng ?? new Random(0);
  }

  /** The input with dropout applied when training, unchanged when evaluating. */
  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.rng, this.training);
  }
}
