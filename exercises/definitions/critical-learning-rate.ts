import type { Random } from '../../engine/random.ts';
// By path, not the engine's index: the page loads this definition, and needs only the eigenvalues.
import { symmetricEigenvalues2 } from '../../engine/linalg.ts';
import { defineExercise, type Numbers, type VariantNumbers } from '../define-exercise.ts';
import { slipsDistinguishable } from '../distinguishable.ts';

/** The four answers, from the eigenvalues λmin ≤ λmax of A as the engine computes them. */
function answers(n: VariantNumbers): Record<string, number> {
  const [low, high] = eigenvalues(n);
  return { lambdaMax: high, etaCritical: 2 / high, etaBest: 2 / (low + high), rate: (high - low) / (high + low) };
}

/** The eigenvalues of A = [[a11, a12], [a12, a22]], ascending: the curvatures of L along its two principal directions. */
function eigenvalues(n: VariantNumbers): [number, number] {
  return symmetricEigenvalues2([
    [n.a11, n.a12],
    [n.a12, n.a22],
  ]);
}

/** The known wrong answers, each the right answers with the parts that slip changes. */
const SLIPS: { id: string; answer(n: VariantNumbers): Record<string, number>; feedback: string }[] = [
  {
    id: 'one-over-lambda-max',
    answer: (n) => ({ ...answers(n), etaCritical: 1 / eigenvalues(n)[1] }),
    feedback: `$1/\\lambda_{\\max}$ is where the steepest direction stops converging monotonically: above it each step overshoots
the minimum along that direction, but the overshoot still shrinks while $|1 - \\eta\\lambda_{\\max}| < 1$, that is up to
$\\eta = 2/\\lambda_{\\max}$. Gradient descent diverges only beyond $2/\\lambda_{\\max}$.`,
  },
  {
    id: 'two-over-lambda-min',
    answer: (n) => ({ ...answers(n), etaCritical: 2 / eigenvalues(n)[0] }),
    feedback: `You used the smallest eigenvalue. The error along each principal direction is multiplied by $1 - \\eta\\lambda$ at every
step, and the steepest direction ($\\lambda_{\\max}$) is the first to make $|1 - \\eta\\lambda|$ exceed 1 as $\\eta$ grows: the
critical rate is $2/\\lambda_{\\max}$, the smallest of the $2/\\lambda$.`,
  },
  {
    id: 'two-over-trace',
    answer: (n) => ({ ...answers(n), etaCritical: 2 / (n.a11 + n.a22) }),
    feedback: `$2/(a_{11} + a_{22})$ is $2/\\operatorname{tr} A = 2/(\\lambda_{\\min} + \\lambda_{\\max})$, since the trace is the sum of
the eigenvalues: that is the learning rate that converges fastest, not the one where divergence starts. The critical
rate is $2/\\lambda_{\\max}$.`,
  },
  {
    id: 'largest-entry',
    answer: (n) => {
      const [low, high] = [Math.min(n.a11, n.a22), Math.max(n.a11, n.a22)];
      return { lambdaMax: high, etaCritical: 2 / high, etaBest: 2 / (low + high), rate: (high - low) / (high + low) };
    },
    feedback: `You read the curvatures off the diagonal of $A$. Those are the curvatures along the axes; the principal curvatures
are the eigenvalues, and with $a_{12} \\neq 0$ the largest is larger than either diagonal entry. Solve
$\\lambda^2 - (a_{11} + a_{22})\\lambda + (a_{11}a_{22} - a_{12}^2) = 0$.`,
  },
  {
    id: 'rate-at-one-over-lambda-max',
    answer: (n) => {
      const [low, high] = eigenvalues(n);
      return { ...answers(n), rate: 1 - low / high };
    },
    feedback: `$1 - \\lambda_{\\min}/\\lambda_{\\max} = (\\kappa - 1)/\\kappa$ is the factor at $\\eta = 1/\\lambda_{\\max}$. At the best rate
$\\eta = 2/(\\lambda_{\\min} + \\lambda_{\\max})$ both directions shrink by the same factor,
$|1 - \\eta\\lambda_{\\min}| = |1 - \\eta\\lambda_{\\max}| = (\\kappa - 1)/(\\kappa + 1)$ with $\\kappa = \\lambda_{\\max}/\\lambda_{\\min}$.`,
  },
  {
    id: 'rate-of-the-loss',
    answer: (n) => {
      const right = answers(n);
      return { ...right, rate: right.rate ** 2 };
    },
    feedback: `That is the factor by which the loss above its minimum shrinks, $L(\\theta) - L(\\theta^\\ast)$, which is quadratic in
the distance: the distance $\\lVert\\theta - \\theta^\\ast\\rVert$ itself shrinks by $(\\kappa - 1)/(\\kappa + 1)$, the square
root of yours.`,
  },
];

/** The Pythagorean triples (p, q, r) with q even: |a11 − a22| = p and |a12| = q/2 make λmax − λmin = r a whole number. */
const TRIPLES: readonly (readonly [number, number, number])[] = [
  [0, 2, 2],
  [0, 4, 4],
  [0, 6, 6],
  [3, 4, 5],
  [8, 6, 10],
  [6, 8, 10],
  [5, 12, 13],
];

/** Whether every misconception's wrong parts are told from the right answer and from every other misconception's values. */
function distinguishable(numbers: VariantNumbers): boolean {
  return slipsDistinguishable(answers(numbers), SLIPS.map((s) => s.answer(numbers)));
}

/** The critical and the best learning rate of gradient descent on a quadratic, with a matrix drawn for each learner. */
export default defineExercise({
  kind: 'numeric',
  id: 'critical-learning-rate',
  title: 'The critical learning rate of a quadratic',
  prompt: `Gradient descent with learning rate $\\eta$ minimises the quadratic

$$
L(\\theta) = \\tfrac12\\,\\theta^\\top A\\,\\theta - \\mathbf b^\\top \\theta
$$

with

$$
A = \\begin{pmatrix} a_{11} & a_{12} \\\\ a_{12} & a_{22} \\end{pmatrix},
\\qquad
\\mathbf b = \\begin{pmatrix} b_1 \\\\ b_2 \\end{pmatrix},
$$

by stepping $\\theta \\leftarrow \\theta - \\eta\\,\\nabla L(\\theta) = \\theta - \\eta\\,(A\\theta - \\mathbf b)$.

Your numbers (each student gets their own): $a_{11}$ = {{a11}}, $a_{12}$ = {{a12}}, $a_{22}$ = {{a22}};
$b_1$ = {{b1}}, $b_2$ = {{b2}}.

Give, as decimals to at least four significant digits:

- \`lambdaMax\`: the largest eigenvalue $\\lambda_{\\max}$ of $A$;
- \`etaCritical\`: the learning rate $\\eta^\\ast$ above which gradient descent diverges (from almost every start);
- \`etaBest\`: the learning rate at which the distance to the minimum, $\\lVert \\theta - \\theta^\\ast \\rVert$, shrinks fastest;
- \`rate\`: the factor by which that distance shrinks at each step at \`etaBest\`.`,
  parts: [{ name: 'lambdaMax' }, { name: 'etaCritical' }, { name: 'etaBest' }, { name: 'rate' }],
  generate(rng: Random) {
    for (;;) {
      const [p, q, r] = TRIPLES[rng.int(TRIPLES.length)];
      const low = 1 + rng.int(4);
      // a11 + a22 = λmin + λmax = r + 2 λmin, and a11 − a22 = ±p: the eigenvalues are λmin and λmin + r.
      const trace = r + 2 * low;
      const [big, small] = [(trace + p) / 2, (trace - p) / 2];
      const swap = rng.uniform() < 0.5;
      const nonzero = () => (1 + rng.int(3)) * (rng.uniform() < 0.5 ? -1 : 1);
      const numbers: VariantNumbers = {
        a11: swap ? small : big,
        a12: (q / 2) * (rng.uniform() < 0.5 ? -1 : 1),
        a22: swap ? big : small,
        b1: nonzero(),
        b2: nonzero(),
      };
      if (distinguishable(numbers)) return numbers;
    }
  },
  answer: (numbers) => answers(numbersOf(numbers)),
  rtol: 1e-3,
  detectors: [],
  hints: [
    'The Hessian of $L$ is $A$, whatever $\\mathbf b$ is: $\\mathbf b$ moves the minimum, not the curvature. Its eigenvalues solve $\\lambda^2 - (a_{11} + a_{22})\\lambda + (a_{11}a_{22} - a_{12}^2) = 0$.',
    'Write $\\theta - \\theta^\\ast$ in the eigenvectors of $A$: one step multiplies its component along an eigenvector with eigenvalue $\\lambda$ by $1 - \\eta\\lambda$. It converges when $|1 - \\eta\\lambda| < 1$ for both eigenvalues.',
    'The slowest component decides the speed. The best $\\eta$ balances the two ends, $1 - \\eta\\lambda_{\\min} = -(1 - \\eta\\lambda_{\\max})$; the factor is then $|1 - \\eta\\lambda_{\\min}|$.',
  ],
  explanation: `With $\\theta^\\ast = A^{-1}\\mathbf b$ the minimum, $\\nabla L(\\theta) = A(\\theta - \\theta^\\ast)$, so one step gives
$\\theta - \\theta^\\ast \\leftarrow (I - \\eta A)(\\theta - \\theta^\\ast)$. Along an eigenvector of $A$ with eigenvalue $\\lambda$ the
error is multiplied by $1 - \\eta\\lambda$: it shrinks when $0 < \\eta < 2/\\lambda$, monotonically below $1/\\lambda$ and
with alternating sign above. Both directions converge only when $\\eta < 2/\\lambda_{\\max}$, the critical rate; just above
it the steepest direction's error grows by a factor a little over 1 at every step, and the iterates zig-zag off to
infinity. The speed is set by the worse of $|1 - \\eta\\lambda_{\\min}|$ and $|1 - \\eta\\lambda_{\\max}|$, smallest when they are
equal: $\\eta = 2/(\\lambda_{\\min} + \\lambda_{\\max})$, which is $2/\\operatorname{tr} A$ for a $2\\times 2$ matrix. Then both factors are
$(\\kappa - 1)/(\\kappa + 1)$ with the condition number $\\kappa = \\lambda_{\\max}/\\lambda_{\\min}$: close to 1, so slow,
when the surface is a long narrow valley. That is what momentum and the adaptive methods are for.`,
  misconceptions: SLIPS.map(({ id, answer, feedback }) => ({ id, feedback, answer: (numbers?: VariantNumbers): Record<string, Numbers> => answer(numbersOf(numbers)) })),
});

/** The numbers a seeded answer needs; without them there is nothing to compute. */
function numbersOf(numbers: VariantNumbers | undefined): VariantNumbers {
  if (numbers === undefined) throw new Error('critical-learning-rate is seeded per learner: its answer needs the numbers of a variant');
  return numbers;
}
