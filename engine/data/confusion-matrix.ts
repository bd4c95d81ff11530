// The confusion matrix of a classifier: how often each true class was given
// each guess. The diagonal holds the right answers; a large count off it names
// the mix-up (a 4 read as a 9).

/** confusion[t][g]: the number of examples of true class t that were guessed as class g, for classes 0 to classes − 1. */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  if (predicted.length !== labels.length) {
    throw new RangeError(`confusionMatrix: ${predicted.length} predictions but ${labels.length} labels`);
  }
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    const g = predicted[i];
    for (const [name, k] of [['label', t], ['prediction', g]] as const) {
      if (!Number.isInteger(k) || k < 0 || k >= classes) {
        throw new RangeError(`confusionMatrix: ${name} ${i} is ${k}, but classes are the whole numbers 0 to ${classes - 1}`);
      }
    }
    matrix[t][g] += 1;
  }
  return matrix;
}
