import { tanh } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix } from '../cases.ts';
import { elementwiseGradient } from '../engine-oracle.ts';

/** Backpropagate through tanh, elementwise on a matrix. */
export default defineExercise({
  kind: 'code',
  id: 'tanh-backward',
  title: 'Backward through tanh',
  prompt: `A layer applies $\\tanh$ to every entry of a matrix $x$ (a batch of rows). Given $x$ and the upstream gradient
$\\partial L / \\partial \\tanh(x)$ of the same shape, return $\\partial L / \\partial x$.`,
  functionName: 'tanhBackward',
  signature: 'tanhBackward(x: number[][], upstream: number[][]): number[][]',
  starter: `function tanhBackward(x: number[][], upstream: number[][]): number[][] {
  return zeros(x.length, x[0].length);
}`,
  solution: `function tanhBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (xij, i, j) => {
    const t = Math.tanh(xij);
    return upstream[i][j] * (1 - t * t);
  });
}`,
  returns: 'value',
  parts: [{ name: 'dx' }],
  hints: [
    "Elementwise chain rule: multiply the upstream gradient by $\\tanh'(x)$.",
    "$\\tanh'(x) = 1 - \\tanh^2(x)$: written with the function's own output.",
    '`map(x, (v, i, j) => upstream[i][j] * (1 - Math.tanh(v) ** 2))`.',
  ],
  explanation: `$\\tanh'(x) = 1 - \\tanh^2(x)$, so $\\partial L/\\partial x = \\partial L/\\partial t \\odot (1 - t^2)$ with
$t = \\tanh(x)$. At $x = 0$ the derivative is 1, four times the sigmoid's best, one reason tanh trains faster.`,
  generate(rng) {
    const [rows, cols] = distinctSizes(rng, 2, 2, 6);
    return { args: [matrix(rng, rows, cols, -2, 2), matrix(rng, rows, cols, -1, 1, [0], 0.05)] };
  },
  withoutActivationDerivative: (args) => ({ dx: args[1] as number[][] }),
  oracle: (args) => elementwiseGradient(tanh, args),
  misconceptions: [
    {
      id: 'one-minus-x-squared',
      solution: `function tanhBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v, i, j) => upstream[i][j] * (1 - v * v));
}`,
      feedback: `You used $1 - x^2$; the derivative is $1 - \\tanh^2(x)$: square the tanh of $x$, not $x$.`,
    },
    {
      id: 'one-minus-tanh',
      solution: `function tanhBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v, i, j) => upstream[i][j] * (1 - Math.tanh(v)));
}`,
      feedback: `You used $1 - \\tanh(x)$; the derivative squares it: $1 - \\tanh^2(x)$.`,
    },
    {
      id: 'forgot-upstream',
      solution: `function tanhBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v) => 1 - Math.tanh(v) ** 2);
}`,
      feedback: `You returned $\\tanh'(x)$ alone; the chain rule multiplies it by the upstream gradient.`,
    },
  ],
});
