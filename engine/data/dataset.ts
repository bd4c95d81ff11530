// The one shape every dataset generator returns: plain arrays, so a lesson can
// plot them or print them without knowing about tensors.

/** A labelled dataset: one row of features per example and one target (a class index or a real value) per row. */
export interface Dataset {
  /** The features, one row per example (2 numbers for the plane datasets, 1 for regression). */
  x: number[][];
  /** The target of each row: a class index 0, 1, ... for classification, a real number for regression. */
  y: number[];
}

/** Throws a readable error unless `x` and `y` describe the same number of examples with rows of equal length. */
export function checkDataset(data: Dataset, where: string): void {
  if (data.x.length !== data.y.length) {
    throw new RangeError(`${where}: the dataset has ${data.x.length} rows of features but ${data.y.length} targets`);
  }
  const width = data.x.length > 0 ? data.x[0].length : 0;
  data.x.forEach((row, i) => {
    if (row.length !== width) {
      throw new RangeError(`${where}: row ${i} has ${row.length} features but row 0 has ${width}`);
    }
  });
}

/** The examples at the given indices, in that order, as a new dataset (rows are copied). */
export function subset(data: Dataset, indices: readonly number[]): Dataset {
  return { x: indices.map((i) => data.x[i].slice()), y: indices.map((i) => data.y[i]) };
}
