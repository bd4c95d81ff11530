// Accuracy, the fraction of predictions equal to their labels: the number a
// student reads off first.

/** The fraction of positions where the predicted class equals the label, from 0 to 1. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length) {
    throw new RangeError(`accuracy: ${predicted.length} predictions but ${labels.length} labels`);
  }
  if (labels.length === 0) throw new RangeError('accuracy: there are no labels to compare with');
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}
