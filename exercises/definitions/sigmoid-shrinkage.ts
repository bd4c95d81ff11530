import type { Random } from '../../engine/random.ts';
// By path, not the engine's index: the page loads this definition, and needs only the sigmoid's entry in the registry.
import { SIGMOID } from '../../engine/formulas/activations.ts';
import { defineExercise, type Numbers, type VariantNumbers } from '../define-exercise.ts';
import { slipsDistinguishable } from '../distinguishable.ts';

/** σ(z), from the engine's registry of activations. */
const sigma = (z: number): number => SIGMOID.f(z, {});

/** σ′(z), from the engine's registry: its derivative given z and σ(z). */
const sigmaPrime = (z: number): number => SIGMOID.df(z, sigma(z), {});

/** The pre-activations of a variant, z₁…z₄. */
const chain = (n: VariantNumbers): number[] => [n.z1, n.z2, n.z3, n.z4];

/** The smallest whole number of layers L for which factor^L < 10^−k. */
function layersBelow(factor: number, k: number): number {
  let layers = 1;
  while (factor ** layers >= 10 ** -k) layers++;
  return layers;
}

/** The three answers; σ′'s largest value, σ′(0), is the engine's. */
function answers(n: VariantNumbers): Record<string, number> {
  const peak = sigmaPrime(0);
  return { bound: peak ** n.n, layers: layersBelow(peak, n.k), product: chain(n).reduce((p, z) => p * sigmaPrime(z), 1) };
}

/** The known wrong answers, each the right answers with the parts that slip changes. */
const SLIPS: { id: string; answer(n: VariantNumbers): Record<string, number>; feedback: string }[] = [
  {
    id: 'half-per-layer',
    answer: (n) => ({ ...answers(n), bound: 0.5 ** n.n, layers: layersBelow(0.5, n.k) }),
    feedback: `$\\tfrac12$ is $\\sigma(0)$, the sigmoid's value at 0, not its slope. The slope is
$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, a product of two numbers that add up to 1: at most $\\tfrac12 \\cdot \\tfrac12 = \\tfrac14$,
reached at $z = 0$. Each layer can multiply the gradient by at most $\\tfrac14$ (times the weight).`,
  },
  {
    id: 'one-layer-too-few',
    answer: (n) => ({ ...answers(n), bound: sigmaPrime(0) ** (n.n - 1) }),
    feedback: `You counted one factor too few. Each of the $n$ sigmoid layers puts its own $\\sigma'(z_i)$ on the path of the
gradient, so there are $n$ factors of at most $\\tfrac14$: the bound is $(\\tfrac14)^n$, not $(\\tfrac14)^{n-1}$.`,
  },
  {
    id: 'product-of-sigmoids',
    answer: (n) => ({ ...answers(n), product: chain(n).reduce((p, z) => p * sigma(z), 1) }),
    feedback: `You multiplied the sigmoids themselves, $\\prod_i \\sigma(z_i)$. The chain rule multiplies their
derivatives: each layer contributes $\\partial h_i/\\partial z_i = \\sigma'(z_i) = \\sigma(z_i)\\,(1 - \\sigma(z_i))$.`,
  },
  {
    id: 'sigma-times-one-minus-z',
    answer: (n) => ({ ...answers(n), product: chain(n).reduce((p, z) => p * sigma(z) * (1 - z), 1) }),
    feedback: `You wrote the derivative as $\\sigma(z)\\,(1 - z)$. It is $\\sigma(z)\\,(1 - \\sigma(z))$: both factors are the
sigmoid's output, which is why it can be computed from the forward pass's $h = \\sigma(z)$ alone, $h\\,(1 - h)$.`,
  },
];

/** Whether every misconception's wrong parts are told from the right answer and from every other misconception's values (the numbers are tiny: no floor). */
function distinguishable(numbers: VariantNumbers): boolean {
  return slipsDistinguishable(answers(numbers), SLIPS.map((s) => s.answer(numbers)), { apartFloor: 1e-300, sameFloor: 1e-300 });
}

/** How fast a gradient shrinks through a stack of sigmoids: the (1/4)ⁿ bound and an exact product, for each learner's numbers. */
export default defineExercise({
  kind: 'numeric',
  id: 'sigmoid-shrinkage',
  title: 'How a gradient shrinks through sigmoid layers',
  prompt: `In a deep network each layer computes $h_i = \\sigma(z_i)$ with $z_i = w_i h_{i-1} + b_i$, one unit per layer, and
the sigmoid $\\sigma(z) = 1/(1 + e^{-z})$. Backpropagation multiplies the gradient, on its way from the top to the bottom,
by $\\partial h_i / \\partial h_{i-1} = \\sigma'(z_i)\\, w_i$ at every layer. Take all weights $w_i = 1$, so that only the
sigmoids' slopes are left (the biases decide where each pre-activation $z_i$ lands).

Your numbers (each student gets their own): $n$ = {{n}} layers, $k$ = {{k}}, and a chain of pre-activations
$z_1$ = {{z1}}, $z_2$ = {{z2}}, $z_3$ = {{z3}}, $z_4$ = {{z4}}.

Give:

- \`bound\`: the largest factor by which the gradient can be multiplied through $n$ sigmoid layers (a decimal, or
  written like \`1.5e-5\`);
- \`layers\`: the smallest number of layers after which that bound is below $10^{-k}$;
- \`product\`: the exact factor $\\prod_{i=1}^{4} \\sigma'(z_i)$ for the chain $z_1, \\dots, z_4$, to at least four significant
  digits. Carry six or more in between: where $\\sigma(z)$ is near 1, rounding it loses digits of $1 - \\sigma(z)$.`,
  parts: [{ name: 'bound' }, { name: 'layers' }, { name: 'product' }],
  generate(rng: Random) {
    for (;;) {
      // Pre-activations on a grid of 0.1 in [−3, 3], none 0 (where σ′ is at its peak, and σ(z)(1 − z) and a product of
      // sigmoids both give factors of 1/2, which could not be told apart).
      const z = () => {
        const value = (1 + rng.int(30)) / 10;
        return rng.uniform() < 0.5 ? -value : value;
      };
      const numbers: VariantNumbers = { n: 3 + rng.int(8), k: 2 + rng.int(7), z1: z(), z2: z(), z3: z(), z4: z() };
      if (distinguishable(numbers)) return numbers;
    }
  },
  answer: (numbers) => answers(numbersOf(numbers)),
  rtol: 1e-3,
  detectors: [],
  hints: [
    'Write $\\sigma\'(z)$ in terms of $\\sigma(z)$: $\\sigma\'(z) = \\sigma(z)\\,(1 - \\sigma(z))$. Where is a product $s(1 - s)$ of a number in $(0, 1)$ and its complement largest?',
    'Through $n$ layers the factor is $\\prod_i \\sigma\'(z_i)$, $n$ factors each at most $\\sigma\'(0)$. For `layers`, solve $4^{-L} < 10^{-k}$ for the smallest whole $L$: $L > k / \\log_{10} 4$.',
    'For `product`, compute $s_i = \\sigma(z_i)$ for each $z_i$, unrounded, and multiply the four $s_i (1 - s_i)$. It is symmetric: $\\sigma\'(-z) = \\sigma\'(z)$.',
  ],
  explanation: `The chain rule through a stack multiplies one local derivative per layer: with unit weights the gradient
reaching the bottom is the top's times $\\prod_i \\sigma'(z_i)$. Since $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$ is a product
of two numbers in $(0, 1)$ that add up to 1, it is at most $\\tfrac14$, at $z = 0$; so $n$ layers multiply the gradient by at
most $(\\tfrac14)^n$, and by far less when units saturate: at $|z| = 3$ the slope is already about $0.045$. Below $10^{-k}$
after the first $L$ with $L \\log_{10} 4 > k$, that is after about $1.66\\,k$ layers: ten sigmoid layers shrink a gradient a
millionfold. The first layers then barely learn, which is the vanishing gradient. Larger weights can compensate only up
to a point (large $w$ pushes $z$ into the flat tails), which is why deep networks moved to ReLU, whose slope is 1 where it
is active, with He initialisation to keep the signal's size.`,
  misconceptions: SLIPS.map(({ id, answer, feedback }) => ({ id, feedback, answer: (numbers?: VariantNumbers): Record<string, Numbers> => answer(numbersOf(numbers)) })),
});

/** The numbers a seeded answer needs; without them there is nothing to compute. */
function numbersOf(numbers: VariantNumbers | undefined): VariantNumbers {
  if (numbers === undefined) throw new Error('sigmoid-shrinkage is seeded per learner: its answer needs the numbers of a variant');
  return numbers;
}
