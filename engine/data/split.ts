// Holding data out: a seeded shuffle, then the first part for validation and
// the rest for training, so the same seed always holds out the same rows.

import { Random } from '../random.ts';
import { checkDataset, subset, type Dataset } from './dataset.ts';

/** Options for `trainValidationSplit`. */
export interface SplitOptions {
  /** The fraction of rows held out for validation, strictly between 0 and 1; 0.2 by default. */
  validationFraction?: number;
  /** The seed of the shuffle; ignored when `rng` is given. Defaults to 0. */
  seed?: number;
  /** A generator to shuffle with instead of a fresh seeded one. */
  rng?: Random;
}

/** A seeded random split into training and validation rows: round(n · fraction) rows held out, at least one on each side. */
export function trainValidationSplit(data: Dataset, options: SplitOptions = {}): { train: Dataset; validation: Dataset } {
  checkDataset(data, 'trainValidationSplit');
  const { validationFraction = 0.2 } = options;
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new RangeError(`trainValidationSplit: validationFraction must be between 0 and 1, got ${validationFraction}`);
  }
  const n = data.y.length;
  if (n < 2) throw new RangeError(`trainValidationSplit: need at least 2 rows to split, got ${n}`);
  const rng = options.rng ?? new Random(options.seed ?? 0);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const held = Math.min(n - 1, Math.max(1, Math.round(n * validationFraction)));
  return { validation: subset(data, order.slice(0, held)), train: subset(data, order.slice(held)) };
}
