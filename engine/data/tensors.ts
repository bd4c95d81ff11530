// From plain datasets to tensors and back: the bridge between the generators
// (plain arrays, easy to plot) and the engine (tensors, fast to train on).

import { Tensor } from '../tensor.ts';
import { checkDataset, type Dataset } from './dataset.ts';

/** A dataset as tensors: features [n, features] and targets [n] (or [n, 1] as a column). */
export interface DatasetTensors {
  /** The features, one row per example. */
  x: Tensor;
  /** The targets, as a vector [n] or a column [n, 1]. */
  y: Tensor;
}

/**
 * The dataset as tensors. Targets are a vector [n] by default (for crossEntropy's class indices); ask for a
 * column [n, 1] to match a network with one output, since a loss would broadcast [n, 1] against [n] to [n, n].
 */
export function datasetTensors(data: Dataset, targets: 'vector' | 'column' = 'vector'): DatasetTensors {
  checkDataset(data, 'datasetTensors');
  const n = data.y.length;
  const width = n > 0 ? data.x[0].length : 0;
  const x = new Float64Array(n * width);
  data.x.forEach((row, i) => x.set(row, i * width));
  const y = Float64Array.from(data.y);
  return {
    x: Tensor.fromData(x, [n, width]),
    y: Tensor.fromData(y, targets === 'vector' ? [n] : [n, 1]),
  };
}

/**
 * The predicted class of each row of scores: the argmax of each row when there are several columns; for a
 * single column (or a vector), 1 where the score exceeds `threshold` (0 for logits, pass 0.5 for probabilities).
 */
export function predictedClasses(scores: Tensor, threshold = 0): number[] {
  const s = scores.data;
  if (scores.ndim === 2 && scores.shape[1] > 1) {
    const [rows, cols] = scores.shape;
    const classes: number[] = [];
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < cols; j++) if (s[i * cols + j] > s[i * cols + best]) best = j;
      classes.push(best);
    }
    return classes;
  }
  return Array.from(s, (v) => (v > threshold ? 1 : 0));
}
