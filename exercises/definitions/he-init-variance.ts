import type { Random } from '../../engine/random.ts';
// By path, not the engine's index: the page loads this definition, and needs only the initialisers' scales.
import { heNormal, heUniform, xavierNormal, type Initializer } from '../../engine/nn/init.ts';
import { defineExercise, type Numbers, type VariantNumbers } from '../define-exercise.ts';
import { slipsDistinguishable } from '../distinguishable.ts';

/** The scale (std of a normal, bound of a uniform) an engine initialiser uses for a layer with these fans. */
export function scaleOf(init: Initializer, fanIn: number, fanOut: number): number {
  const scale = init.scale?.(fanIn, fanOut);
  if (scale === undefined) throw new Error(`he-init-variance: the initialiser ${init.name} does not say its scale`);
  return scale.kind === 'normal' ? scale.std : scale.bound;
}

/** The four answers, read from the engine's initialisers (torch's kaiming_normal_, xavier_normal_, kaiming_uniform_). */
function answers(n: VariantNumbers): Record<string, number> {
  const heStd = scaleOf(heNormal(), n.nIn, n.nOut);
  const xavierStd = scaleOf(xavierNormal(), n.nIn, n.nOut);
  return { heVariance: heStd ** 2, heStd, xavierVariance: xavierStd ** 2, heUniformBound: scaleOf(heUniform(), n.nIn, n.nOut) };
}

/** The known wrong answers, each the right answers with the parts that slip changes. */
const SLIPS: { id: string; answer(n: VariantNumbers): Record<string, number>; feedback: string }[] = [
  {
    id: 'lecun-one-over-fan-in',
    answer: (n) => ({ ...answers(n), heVariance: 1 / n.nIn, heStd: Math.sqrt(1 / n.nIn) }),
    feedback: `$1/n_{\\text{in}}$ is LeCun's variance: it keeps the second moment of a *linear* layer's output equal to its
input's. A ReLU zeroes the negative half of a symmetric pre-activation, so $\\mathbb E[\\operatorname{relu}(z)^2] = \\tfrac12 \\mathbb E[z^2]$:
each layer would halve the second moment, and after 20 layers it is a millionth. He doubles the variance to make up for
it: $\\operatorname{Var}(w) = 2/n_{\\text{in}}$.`,
  },
  {
    id: 'two-over-fan-out',
    answer: (n) => ({ ...answers(n), heVariance: 2 / n.nOut, heStd: Math.sqrt(2 / n.nOut) }),
    feedback: `You divided by $n_{\\text{out}}$. A unit's pre-activation $z = \\sum_{j=1}^{n_{\\text{in}}} w_j h_j$ sums
$n_{\\text{in}}$ terms, so its variance is $n_{\\text{in}} \\operatorname{Var}(w)\\,\\mathbb E[h^2]$: keeping the forward signal
needs $\\operatorname{Var}(w) = 2/n_{\\text{in}}$ (torch's \`mode='fan_in'\`, its default). $2/n_{\\text{out}}$ keeps the
gradients' second moment on the way back instead (\`mode='fan_out'\`).`,
  },
  {
    id: 'std-given-as-variance',
    answer: (n) => ({ ...answers(n), heStd: answers(n).heVariance }),
    feedback: `The standard deviation you gave is the variance. The standard deviation is its square root,
$\\sigma = \\sqrt{2/n_{\\text{in}}}$, which is what \`rng.normal(0, σ)\` (or \`torch.randn(...) * σ\`) needs: passing the
variance would make the weights far too small.`,
  },
  {
    id: 'uniform-bound-root-three',
    answer: (n) => ({ ...answers(n), heUniformBound: Math.sqrt(3 / n.nIn) }),
    feedback: `$\\sqrt{3/n_{\\text{in}}}$ is LeCun's uniform bound (variance $1/n_{\\text{in}}$). A uniform $U(-a, a)$ has variance
$a^2/3$; for He's $2/n_{\\text{in}}$, $a^2/3 = 2/n_{\\text{in}}$ gives $a = \\sqrt{6/n_{\\text{in}}}$.`,
  },
];

/** Whether every misconception's wrong parts are told from the right answer and from every other misconception's values. */
function distinguishable(numbers: VariantNumbers): boolean {
  return slipsDistinguishable(answers(numbers), SLIPS.map((s) => s.answer(numbers)), { apartFloor: 1e-12 });
}

/** The variance of He initialisation for a ReLU layer, with Xavier's and the He-uniform bound beside it, for each learner's layer. */
export default defineExercise({
  kind: 'numeric',
  id: 'he-init-variance',
  title: 'He initialisation: the variance that keeps a ReLU layer\'s signal',
  prompt: `A fully connected layer with $n_{\\text{in}}$ = {{nIn}} inputs and $n_{\\text{out}}$ = {{nOut}} outputs is followed by a
ReLU, $h = \\operatorname{relu}(z)$ with $z = W h_{\\text{prev}}$. Its weights are drawn independently with mean 0, the biases
are 0, and its inputs are the ReLU outputs of a layer like it. We want the second moment of the activations,
$\\mathbb E[h^2]$, to be the same after the layer as before it, so that it neither vanishes nor explodes through a deep
stack.

Give, as decimals to at least four significant digits:

- \`heVariance\`: the variance of Gaussian weights that keeps $\\mathbb E[h^2]$ constant (He / Kaiming initialisation);
- \`heStd\`: their standard deviation;
- \`xavierVariance\`: for comparison, the variance Xavier / Glorot initialisation uses for this layer (the compromise
  between the forward and the backward pass, made for tanh and sigmoid);
- \`heUniformBound\`: the bound $a$ of weights drawn uniformly from $[-a, a]$ with He's variance (He-uniform).`,
  parts: [{ name: 'heVariance' }, { name: 'heStd' }, { name: 'xavierVariance' }, { name: 'heUniformBound' }],
  generate(rng: Random) {
    for (;;) {
      const numbers: VariantNumbers = { nIn: 16 * (1 + rng.int(48)), nOut: 10 * (1 + rng.int(60)) };
      if (numbers.nIn !== numbers.nOut && distinguishable(numbers)) return numbers;
    }
  },
  answer: (numbers) => answers(numbersOf(numbers)),
  rtol: 1e-3,
  detectors: [],
  hints: [
    'With independent, zero-mean weights, $\\operatorname{Var}(z) = n_{\\text{in}} \\operatorname{Var}(w)\\, \\mathbb E[h_{\\text{prev}}^2]$: each of the $n_{\\text{in}}$ terms $w_j h_j$ contributes $\\operatorname{Var}(w)\\,\\mathbb E[h_j^2]$.',
    '$z$ is symmetric about 0, and ReLU keeps only its positive half: $\\mathbb E[\\operatorname{relu}(z)^2] = \\tfrac12 \\operatorname{Var}(z)$.',
    'Put the two together and ask for $\\mathbb E[h^2] = \\mathbb E[h_{\\text{prev}}^2]$. Xavier averages the fans: $\\operatorname{Var}(w) = 2/(n_{\\text{in}} + n_{\\text{out}})$. A uniform $U(-a, a)$ has variance $a^2/3$.',
  ],
  explanation: `Each pre-activation is a sum of $n_{\\text{in}}$ independent terms $w_j h_j$ with $\\mathbb E[w_j] = 0$, so
$\\operatorname{Var}(z) = n_{\\text{in}} \\operatorname{Var}(w)\\,\\mathbb E[h_{\\text{prev}}^2]$ (the second moment of the inputs, not
their variance: ReLU outputs are not centred). $z$ is symmetric about 0, and the ReLU keeps its positive half, so
$\\mathbb E[h^2] = \\tfrac12 \\operatorname{Var}(z) = \\tfrac12 n_{\\text{in}} \\operatorname{Var}(w)\\, \\mathbb E[h_{\\text{prev}}^2]$. The
factor $\\tfrac12 n_{\\text{in}} \\operatorname{Var}(w)$ is 1 exactly when $\\operatorname{Var}(w) = 2/n_{\\text{in}}$: He's
initialisation, $\\sigma = \\sqrt{2/n_{\\text{in}}}$, or uniform in $\\pm\\sqrt{6/n_{\\text{in}}}$ since $U(-a, a)$ has variance
$a^2/3$. With LeCun's $1/n_{\\text{in}}$ the factor is $\\tfrac12$ per layer and the signal dies geometrically with depth; any
constant other than 2 makes it vanish or explode. Xavier/Glorot's $2/(n_{\\text{in}} + n_{\\text{out}})$ was derived for
activations that are linear near 0 (tanh), and averages the forward condition ($1/n_{\\text{in}}$) with the backward one
($1/n_{\\text{out}}$); for ReLU it is too small by the factor $(n_{\\text{in}} + n_{\\text{out}})/n_{\\text{in}}$, about two when the fans are
equal.`,
  misconceptions: SLIPS.map(({ id, answer, feedback }) => ({ id, feedback, answer: (numbers?: VariantNumbers): Record<string, Numbers> => answer(numbersOf(numbers)) })),
});

/** The numbers a seeded answer needs; without them there is nothing to compute. */
function numbersOf(numbers: VariantNumbers | undefined): VariantNumbers {
  if (numbers === undefined) throw new Error('he-init-variance is seeded per learner: its answer needs the numbers of a variant');
  return numbers;
}
