import { mul, sigmoid, sum, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, vector } from '../cases.ts';
import { elementwiseGradient } from '../engine-oracle.ts';

/** Backpropagate through the logistic sigmoid, elementwise. */
export default defineExercise({
  kind: 'code',
  id: 'sigmoid-backward',
  title: 'Backward through a sigmoid',
  prompt: `A layer applies the sigmoid $\\sigma(x) = 1 / (1 + e^{-x})$ to every entry of $x$. Given $x$ and the upstream
gradient $\\partial L / \\partial \\sigma(x)$, return $\\partial L / \\partial x$, the same length as $x$.`,
  functionName: 'sigmoidBackward',
  signature: 'sigmoidBackward(x: number[], upstream: number[]): number[]',
  starter: `function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return zeros(x.length);
}`,
  solution: `function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return x.map((xi, i) => {
    const s = 1 / (1 + Math.exp(-xi));
    return upstream[i] * s * (1 - s);
  });
}`,
  returns: 'value',
  parts: [{ name: 'dx' }],
  hints: [
    'The chain rule, elementwise: $\\partial L/\\partial x_i = \\partial L/\\partial \\sigma_i \\cdot \\sigma\'(x_i)$.',
    "The sigmoid's derivative is written with the sigmoid itself: $\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))$.",
    'Compute `s = 1 / (1 + Math.exp(-x[i]))` first, then `upstream[i] * s * (1 - s)`.',
  ],
  explanation: `Each output depends only on its own input, so the Jacobian is diagonal and the backward pass is an
elementwise product: $\\partial L/\\partial x = \\partial L/\\partial \\sigma \\odot \\sigma(x)(1 - \\sigma(x))$. The
derivative peaks at $1/4$ when $x = 0$ and vanishes for large $|x|$: a saturated sigmoid passes almost no gradient.`,
  generate(rng) {
    const [n] = distinctSizes(rng, 1, 4, 9);
    // Inputs in [-3, 3]: away from saturation, where every answer is nearly 0.
    return { args: [vector(rng, n, -3, 3), vector(rng, n, -1, 1, [0], 0.05)] };
  },
  withoutActivationDerivative: (args) => ({ dx: args[1] as number[] }),
  oracle: (args) => elementwiseGradient(sigmoid, args),
  // The loss L = Σᵢ Lᵢ with Lᵢ = upstreamᵢ σ(xᵢ) has ∂L/∂σ = upstream: the gradient the exercise hands over.
  graph: {
    build([x, upstream]) {
      const s = sigmoid(tensor(x as number[], { requiresGrad: true, label: 'x' })).named('s');
      return sum(mul(s, tensor(upstream as number[], { label: 'upstream' })).named('Lᵢ')).named('L');
    },
    parts: { dx: 'x' },
    upstream: ['s'],
  },
  misconceptions: [
    {
      id: 'derivative-at-x',
      node: 'x',
      solution: `function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return x.map((xi, i) => upstream[i] * xi * (1 - xi));
}`,
      feedback: `You used $x(1 - x)$; the derivative is $\\sigma(x)(1 - \\sigma(x))$: apply the sigmoid first, then the formula.`,
    },
    {
      id: 'forgot-upstream',
      node: 'x',
      solution: `function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return x.map((xi) => {
    const s = 1 / (1 + Math.exp(-xi));
    return s * (1 - s);
  });
}`,
      feedback: `You returned the local derivative $\\sigma'(x)$ alone. The chain rule multiplies it by the upstream gradient $\\partial L/\\partial \\sigma$.`,
    },
    {
      id: 'sigmoid-not-derivative',
      node: 'x',
      solution: `function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return x.map((xi, i) => upstream[i] / (1 + Math.exp(-xi)));
}`,
      feedback: `You multiplied the upstream gradient by $\\sigma(x)$, the forward value; backward needs its derivative $\\sigma(x)(1 - \\sigma(x))$.`,
    },
  ],
});
