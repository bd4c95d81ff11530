// One-hot encoding: class k becomes the row with a 1 in column k and 0
// elsewhere, the target form mean squared error needs for classification.

/** Each class index as a row of `classes` numbers with a single 1 (classes defaults to the largest label + 1). */
export function oneHot(labels: ArrayLike<number>, classes?: number): number[][] {
  let count = classes ?? 0;
  if (classes === undefined) for (let i = 0; i < labels.length; i++) count = Math.max(count, labels[i] + 1);
  const rows: number[][] = [];
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (!Number.isInteger(k) || k < 0 || k >= count) {
      throw new RangeError(`oneHot: label ${i} is ${k}, but classes are the whole numbers 0 to ${count - 1}`);
    }
    const row = new Array<number>(count).fill(0);
    row[k] = 1;
    rows.push(row);
  }
  return rows;
}
