import { relu } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix } from '../cases.ts';
import { elementwiseGradient } from '../engine-oracle.ts';

/** Backpropagate through ReLU, elementwise on a matrix. */
export default defineExercise({
  kind: 'code',
  id: 'relu-backward',
  title: 'Backward through ReLU',
  prompt: `A layer applies $\\operatorname{relu}(x) = \\max(0, x)$ to every entry of a matrix $x$. Given $x$ and the upstream
gradient $\\partial L / \\partial \\operatorname{relu}(x)$, return $\\partial L / \\partial x$. (No entry of $x$ is 0.)`,
  functionName: 'reluBackward',
  signature: 'reluBackward(x: number[][], upstream: number[][]): number[][]',
  starter: `function reluBackward(x: number[][], upstream: number[][]): number[][] {
  return zeros(x.length, x[0].length);
}`,
  solution: `function reluBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v, i, j) => (v > 0 ? upstream[i][j] : 0));
}`,
  returns: 'value',
  parts: [{ name: 'dx' }],
  hints: [
    "ReLU's derivative is a step: 1 where $x > 0$, 0 where $x < 0$.",
    'The gradient passes through unchanged where the input was positive and is blocked elsewhere.',
  ],
  explanation: `$\\operatorname{relu}'(x) = [x > 0]$, so the backward pass is a mask: upstream where $x > 0$, zero elsewhere.
A unit whose input is negative for every example passes no gradient at all: a "dead" ReLU.`,
  generate(rng) {
    const [rows, cols] = distinctSizes(rng, 2, 2, 6);
    // |x| >= 0.1: away from the kink at 0, where the derivative is a convention.
    return { args: [matrix(rng, rows, cols, -2, 2, [0], 0.1), matrix(rng, rows, cols, -1, 1, [0], 0.05)] };
  },
  withoutActivationDerivative: (args) => ({ dx: args[1] as number[][] }),
  oracle: (args) => elementwiseGradient(relu, args),
  misconceptions: [
    {
      id: 'relu-of-upstream',
      solution: `function reluBackward(x: number[][], upstream: number[][]): number[][] {
  return map(upstream, (g) => Math.max(0, g));
}`,
      feedback: `You applied ReLU to the upstream gradient. The mask comes from the forward input $x$: keep $g$ where $x > 0$, whatever the sign of $g$.`,
    },
    {
      id: 'inverted-mask',
      solution: `function reluBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v, i, j) => (v < 0 ? upstream[i][j] : 0));
}`,
      feedback: `Your mask is inverted: the gradient flows where $x > 0$ (where ReLU is the identity), not where $x < 0$.`,
    },
    {
      id: 'times-relu-value',
      solution: `function reluBackward(x: number[][], upstream: number[][]): number[][] {
  return map(x, (v, i, j) => upstream[i][j] * Math.max(0, v));
}`,
      feedback: `You multiplied by $\\operatorname{relu}(x)$, the forward value; the derivative is 1 where $x > 0$ and 0 elsewhere.`,
    },
  ],
});
