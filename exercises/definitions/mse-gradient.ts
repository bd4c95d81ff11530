import { mseLoss, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** The gradient of the mean squared error with respect to the predictions. */
export default defineExercise({
  kind: 'code',
  id: 'mse-gradient',
  title: 'Gradient of the mean squared error',
  prompt: `For predictions $\\hat Y$ and targets $Y$, both $N \\times k$, the loss is the mean over **all** $Nk$ entries,
$L = \\frac{1}{Nk} \\sum_{i,j} (\\hat y_{ij} - y_{ij})^2$, as \`torch.nn.MSELoss\`. Return $\\partial L / \\partial \\hat Y$.`,
  functionName: 'mseGradient',
  signature: 'mseGradient(prediction: number[][], target: number[][]): number[][]',
  starter: `function mseGradient(prediction: number[][], target: number[][]): number[][] {
  return zeros(prediction.length, prediction[0].length);
}`,
  solution: `function mseGradient(prediction: number[][], target: number[][]): number[][] {
  const count = prediction.length * prediction[0].length;
  return map(sub(prediction, target), (d) => (2 * d) / count);
}`,
  returns: 'value',
  parts: [{ name: 'dPrediction' }],
  hints: [
    'Each entry appears in exactly one term of the sum.',
    'The derivative of $(\\hat y - y)^2$ with respect to $\\hat y$ is $2(\\hat y - y)$.',
    'Divide by the number of entries $Nk$, not only by $N$.',
  ],
  explanation: `$\\partial L/\\partial \\hat y_{ij} = \\frac{2}{Nk}(\\hat y_{ij} - y_{ij})$. The $2$ comes from the square and the
$1/(Nk)$ from the mean; some texts write $\\frac12$ in front of the loss so the 2 cancels, PyTorch does not.`,
  generate(rng) {
    const [n, k] = distinctSizes(rng, 2, 3, 7);
    return { args: [matrix(rng, n, k, -2, 2), matrix(rng, n, k, -2, 2)] };
  },
  batchSize: (args) => (args[0] as number[][]).length * (args[0] as number[][])[0].length,
  oracle([prediction, target]) {
    const p = leaf(prediction as number[][]);
    mseLoss(p, tensor(target as number[][])).backward();
    return gradOf(p);
  },
  misconceptions: [
    {
      id: 'mean-over-rows-only',
      solution: `function mseGradient(prediction: number[][], target: number[][]): number[][] {
  return map(sub(prediction, target), (d) => (2 * d) / prediction.length);
}`,
      feedback: `You divided by $N$, the number of rows; \`MSELoss\` averages over all $Nk$ entries, so divide by $Nk$.`,
    },
    {
      id: 'forgot-two',
      solution: `function mseGradient(prediction: number[][], target: number[][]): number[][] {
  const count = prediction.length * prediction[0].length;
  return map(sub(prediction, target), (d) => d / count);
}`,
      feedback: `A factor 2 is missing: $\\frac{d}{d\\hat y}(\\hat y - y)^2 = 2(\\hat y - y)$. (It cancels only when the loss has a $\\frac12$ in front, and this one does not.)`,
    },
    {
      id: 'target-minus-prediction',
      solution: `function mseGradient(prediction: number[][], target: number[][]): number[][] {
  const count = prediction.length * prediction[0].length;
  return map(sub(target, prediction), (d) => (2 * d) / count);
}`,
      feedback: `Your sign is flipped: the gradient with respect to the prediction is $2(\\hat y - y)/(Nk)$; you wrote $y - \\hat y$.`,
    },
  ],
});
