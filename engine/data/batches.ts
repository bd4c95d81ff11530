// Mini-batches: one epoch is a seeded shuffle of the rows cut into pieces of
// batchSize (the last piece takes what is left), as torch's DataLoader with
// shuffle=True and drop_last=False.

import type { Random } from '../random.ts';
import { checkDataset, subset, type Dataset } from './dataset.ts';

/** The row indices of one epoch, shuffled by `rng` and cut into batches of `batchSize` (the last may be smaller). */
export function batchIndices(n: number, batchSize: number, rng: Random): number[][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`batches: batchSize must be a positive whole number, got ${batchSize}`);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const batches: number[][] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/** One epoch of a dataset as shuffled mini-batches of `batchSize` rows (the last may be smaller). */
export function miniBatches(data: Dataset, batchSize: number, rng: Random): Dataset[] {
  checkDataset(data, 'miniBatches');
  return batchIndices(data.y.length, batchSize, rng).map((indices) => subset(data, indices));
}
