import type { Random } from '../../engine/random.ts';
import { defineExercise, type Numbers, type VariantNumbers } from '../define-exercise.ts';
import { slipsDistinguishable } from '../distinguishable.ts';

/** The slips a hand computation of this network makes, each a switch of `gradients`. */
interface Slip {
  /** ∂E/∂ŷ taken as (ŷ − y), the factor 2 of the square dropped. */
  noFactorTwo?: boolean;
  /** ∂E/∂ŷ taken as 2(y − ŷ). */
  flippedSign?: boolean;
  /** The first-layer gradients skip the output weight on their path. */
  skipOutputWeight?: boolean;
  /** Each first-layer weight multiplied by the other input. */
  otherInput?: boolean;
  /** The gradient passed back through a unit that is off, as if ReLU's slope were 1 there. */
  ignoreReluGate?: boolean;
  /** The ReLU put on each input instead of on the weighted sum. */
  reluOnInputs?: boolean;
}

const relu = (z: number) => Math.max(0, z);

/** The six gradients of E = (ŷ − y)² by the chain rule, for the numbers of a variant, with the slips switched on. */
function gradients(n: VariantNumbers, slip: Slip = {}): Record<string, Numbers> {
  const { x1, x2, y, w13, w23, w14, w24, w35, w45 } = n;
  const z3 = w13 * x1 + w23 * x2;
  const z4 = w14 * x1 + w24 * x2;
  const h3 = slip.reluOnInputs ? w13 * relu(x1) + w23 * relu(x2) : relu(z3);
  const h4 = slip.reluOnInputs ? w14 * relu(x1) + w24 * relu(x2) : relu(z4);
  const yHat = w35 * h3 + w45 * h4;
  const dYHat = (slip.noFactorTwo ? 1 : 2) * (slip.flippedSign ? y - yHat : yHat - y);
  // ∂E/∂z_j = ∂E/∂ŷ · w_j5 · relu'(z_j); with the ReLU on the inputs the unit is linear and the inputs carry the gate.
  const gate = (z: number) => (slip.reluOnInputs || slip.ignoreReluGate || z > 0 ? 1 : 0);
  const dz3 = dYHat * (slip.skipOutputWeight ? 1 : w35) * gate(z3);
  const dz4 = dYHat * (slip.skipOutputWeight ? 1 : w45) * gate(z4);
  const [in1, in2] = slip.reluOnInputs ? [relu(x1), relu(x2)] : slip.otherInput ? [x2, x1] : [x1, x2];
  return { dw35: dYHat * h3, dw45: dYHat * h4, dw13: dz3 * in1, dw23: dz3 * in2, dw14: dz4 * in1, dw24: dz4 * in2 };
}

/** The misconceptions' slips, in the order they are recognised. */
const SLIPS: { id: string; slip: Slip; feedback: string }[] = [
  {
    id: 'dropped-factor-two',
    slip: { noFactorTwo: true },
    feedback: `Your gradients are half the size they should be: $\\partial E/\\partial \\hat y = 2(\\hat y - y)$, since
$E = (\\hat y - y)^2$. The factor 2 of the square stays in every gradient.`,
  },
  {
    id: 'flipped-sign',
    slip: { flippedSign: true },
    feedback: `Your gradients have the wrong sign: $\\partial E/\\partial \\hat y = 2(\\hat y - y)$, prediction minus target.
With $2(y - \\hat y)$ a gradient step would climb the error.`,
  },
  {
    id: 'skipped-output-weight',
    slip: { skipOutputWeight: true },
    feedback: `Your first-layer gradients leave out the output weight: $w_{13}$ reaches the error only through $h_3$, and
$h_3$ only through $w_{35}$, so $\\partial E/\\partial w_{13} = \\partial E/\\partial \\hat y \\cdot w_{35} \\cdot \\operatorname{relu}'(z_3) \\cdot x_1$.`,
  },
  {
    id: 'other-input',
    slip: { otherInput: true },
    feedback: `Each first-layer weight multiplies one input: $w_{13}$ carries $x_1$ into unit 3 (and $w_{23}$ carries $x_2$), so
$\\partial z_3/\\partial w_{13} = x_1$. Yours uses the other input.`,
  },
  {
    id: 'ignored-relu-gate',
    slip: { ignoreReluGate: true },
    feedback: `A unit that is off ($z \\le 0$) passes no gradient back: $\\operatorname{relu}'(z) = 0$ there, so the weights into
it get $\\partial E/\\partial w = 0$ for this input. Check the sign of each unit's weighted sum first.`,
  },
  {
    id: 'relu-on-inputs',
    slip: { reluOnInputs: true },
    feedback: `The ReLU acts on each unit's weighted sum, $h_3 = \\operatorname{relu}(w_{13}x_1 + w_{23}x_2)$, not on the
inputs one by one: $w_{13}\\max(x_1, 0) + w_{23}\\max(x_2, 0)$ is a different network (and no longer clips the unit's output).`,
  },
];

/** A number with one decimal, uniform in [low, high] and at least `margin` from every point in `avoid`. */
function tenths(rng: Random, low: number, high: number, avoid: readonly number[] = [], margin = 0.15): number {
  for (;;) {
    const x = Math.round(rng.uniform(low, high) * 10) / 10;
    if (avoid.every((point) => Math.abs(x - point) >= margin)) return x;
  }
}

/**
 * Whether every misconception can be told from the right answer and from every other, on every part where it is wrong:
 * each wrong answer is then recognised as itself (and a part that is wrong is at least 2% off).
 */
function distinguishable(numbers: VariantNumbers): boolean {
  return slipsDistinguishable(gradients(numbers) as Record<string, number>, SLIPS.map((s) => gradients(numbers, s.slip) as Record<string, number>));
}

/**
 * Back-propagation through a 2-2-1 ReLU network by hand, with numbers drawn for each learner: its arithmetic only (the
 * numbers, the answer and each slip's answer), which the page loads to draw a learner's variant without the engine.
 * The exercise itself, with its graph, is two-two-one-by-hand.ts.
 */
export default defineExercise({
  kind: 'numeric',
  id: 'two-two-one-by-hand',
  title: 'Back-propagation through a 2-2-1 network by hand',
  prompt: `Two inputs feed two hidden ReLU units, which feed one linear output; the error is the squared error:

$$
\\begin{aligned}
z_3 &= w_{13}x_1 + w_{23}x_2, \\quad h_3 = \\operatorname{relu}(z_3), \\\\
z_4 &= w_{14}x_1 + w_{24}x_2, \\quad h_4 = \\operatorname{relu}(z_4), \\\\
\\hat y &= w_{35}h_3 + w_{45}h_4, \\\\
E &= (\\hat y - y)^2.
\\end{aligned}
$$

Your numbers (each student gets their own): $x_1$ = {{x1}}, $x_2$ = {{x2}}, $y$ = {{y}};
$w_{13}$ = {{w13}}, $w_{23}$ = {{w23}}, $w_{14}$ = {{w14}}, $w_{24}$ = {{w24}}; $w_{35}$ = {{w35}}, $w_{45}$ = {{w45}}.

Run the forward pass, then compute by hand $\\partial E/\\partial w_{35}$, $\\partial E/\\partial w_{45}$,
$\\partial E/\\partial w_{13}$, $\\partial E/\\partial w_{23}$, $\\partial E/\\partial w_{14}$ and $\\partial E/\\partial w_{24}$
(to at least four significant digits).`,
  parts: [{ name: 'dw35' }, { name: 'dw45' }, { name: 'dw13' }, { name: 'dw23' }, { name: 'dw14' }, { name: 'dw24' }],
  generate(rng) {
    for (;;) {
      const weight = () => tenths(rng, -1.5, 1.5, [0, -1, 1], 0.2);
      const numbers: VariantNumbers = {
        // x₁ positive and x₂ negative, apart in size, so using the wrong input or clipping the inputs always shows.
        x1: tenths(rng, 0.5, 2),
        x2: tenths(rng, -2, -0.5),
        y: tenths(rng, -1, 2),
        w13: weight(),
        w23: weight(),
        w14: weight(),
        w24: weight(),
        w35: weight(),
        w45: weight(),
      };
      const { x1, x2, y, w13, w23, w14, w24, w35, w45 } = numbers;
      const z3 = w13 * x1 + w23 * x2;
      const z4 = w14 * x1 + w24 * x2;
      // Unit 3 is on and unit 4 is off, clearly, in every variant: one path carries the gradient, one is gated.
      if (z3 < 0.3 || z4 > -0.3 || Math.abs(x1 + x2) < 0.2) continue;
      if (Math.abs(w35 * z3 - y) < 0.3 || !distinguishable(numbers)) continue;
      return numbers;
    }
  },
  answer: (numbers) => gradients(numbersOf(numbers)),
  rtol: 1e-3,
  hints: [
    'Forward first: $z_3 = w_{13}x_1 + w_{23}x_2$ and $z_4 = w_{14}x_1 + w_{24}x_2$, then $h_3$, $h_4$ and $\\hat y$. Which unit is on?',
    '$\\partial E/\\partial \\hat y = 2(\\hat y - y)$; an output weight gets it times its unit\'s output: $\\partial E/\\partial w_{35} = 2(\\hat y - y)\\,h_3$.',
    "A first-layer weight's path runs through its output weight and its unit's ReLU: $\\partial E/\\partial w_{13} = 2(\\hat y - y)\\,w_{35}\\,\\operatorname{relu}'(z_3)\\,x_1$, where $\\operatorname{relu}'(z) = 1$ if $z > 0$ and $0$ otherwise.",
  ],
  explanation: `Write $\\delta = \\partial E/\\partial \\hat y = 2(\\hat y - y)$. The output weights get $\\partial E/\\partial w_{j5} = \\delta\\,h_j$.
Each hidden unit's error signal is $\\delta_j = \\delta\\,w_{j5}\\,\\operatorname{relu}'(z_j)$, and a first-layer weight gets
$\\partial E/\\partial w_{ij} = \\delta_j\\,x_i$: the product of the error's gradient, the path to the output, and the input the
weight multiplies. Unit 4 is off ($z_4 < 0$), so $h_4 = 0$ and everything that reaches the error only through it has
gradient $0$: $\\partial E/\\partial w_{45} = \\partial E/\\partial w_{14} = \\partial E/\\partial w_{24} = 0$ for this input.`,
  misconceptions: SLIPS.map(({ id, slip, feedback }) => ({ id, feedback, answer: (numbers?: VariantNumbers) => gradients(numbersOf(numbers), slip) })),
});

/** The numbers a seeded answer needs; without them there is nothing to compute. */
export function numbersOf(numbers: VariantNumbers | undefined): VariantNumbers {
  if (numbers === undefined) throw new Error('two-two-one-by-hand is seeded per learner: its answer needs the numbers of a variant');
  return numbers;
}
