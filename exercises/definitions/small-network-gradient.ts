import { add, mseLoss, mul, relu, tensor } from '../../engine/index.ts';
import { defineExercise, type Numbers } from '../define-exercise.ts';

// The network's numbers, shown in the prompt; the answer is computed from them, never typed.
const x = 1.5;
const y = 1;
const w1 = 0.8;
const b1 = -0.2;
const w2 = -1.5;
const b2 = 0.5;

/** The gradients of the tiny network by the chain rule, with switches for the slips the misconceptions make. */
function gradients(slip: { skipW2?: boolean; skipX?: boolean } = {}): Record<string, Numbers> {
  const z1 = w1 * x + b1;
  const h = Math.max(0, z1);
  const yHat = w2 * h + b2;
  const dYHat = 2 * (yHat - y);
  const dz1 = (slip.skipW2 ? dYHat : dYHat * w2) * (z1 > 0 ? 1 : 0);
  return { dw1: slip.skipX ? dz1 : dz1 * x, db1: dz1, dw2: dYHat * h, db2: dYHat };
}

/** A gradient through a two-neuron network, computed by hand. */
export default defineExercise({
  kind: 'numeric',
  id: 'small-network-gradient',
  title: 'A gradient by hand',
  prompt: `A network with one hidden ReLU unit takes $x = ${x}$ and predicts
$\\hat y = w_2 \\operatorname{relu}(w_1 x + b_1) + b_2$ with $w_1 = ${w1}$, $b_1 = ${b1}$, $w_2 = ${w2}$, $b_2 = ${b2}$.
The loss is $L = (\\hat y - y)^2$ with $y = ${y}$. Compute $\\partial L/\\partial w_1$, $\\partial L/\\partial b_1$,
$\\partial L/\\partial w_2$ and $\\partial L/\\partial b_2$ by hand (to at least four significant digits).`,
  parts: [{ name: 'dw1' }, { name: 'db1' }, { name: 'dw2' }, { name: 'db2' }],
  answer: () => gradients(),
  rtol: 1e-3,
  hints: [
    'Run the forward pass first and write down $z_1$, $h$, $\\hat y$.',
    '$\\partial L/\\partial \\hat y = 2(\\hat y - y)$; then $\\partial L/\\partial w_2 = \\partial L/\\partial \\hat y \\cdot h$.',
    "To reach the first layer, go through $w_2$ and the ReLU: $\\partial L/\\partial z_1 = \\partial L/\\partial \\hat y \\cdot w_2 \\cdot \\operatorname{relu}'(z_1)$.",
  ],
  explanation: `Forward: $z_1 = w_1 x + b_1$, $h = \\operatorname{relu}(z_1)$, $\\hat y = w_2 h + b_2$. Backward:
$\\partial L/\\partial \\hat y = 2(\\hat y - y)$, $\\partial L/\\partial w_2 = \\partial L/\\partial \\hat y\\, h$,
$\\partial L/\\partial b_2 = \\partial L/\\partial \\hat y$, $\\partial L/\\partial z_1 = \\partial L/\\partial \\hat y\\, w_2\\, [z_1 > 0]$,
$\\partial L/\\partial w_1 = \\partial L/\\partial z_1\\, x$ and $\\partial L/\\partial b_1 = \\partial L/\\partial z_1$.`,
  graph: {
    build() {
      const parameter = (label: string, value: number) => tensor(value, { requiresGrad: true, label });
      const w1Leaf = parameter('w1', w1);
      const w2Leaf = parameter('w2', w2);
      const z1 = add(mul(w1Leaf, tensor(x, { label: 'x' })).named('w1x'), parameter('b1', b1)).named('z1');
      const yHat = add(mul(w2Leaf, relu(z1).named('h')).named('w2h'), parameter('b2', b2)).named('yhat');
      return mseLoss(yHat, tensor(y, { label: 'y' })).named('L');
    },
    parts: { dw1: 'w1', db1: 'b1', dw2: 'w2', db2: 'b2' },
    intermediates: { dyhat: 'yhat', dz1: 'z1' },
  },
  misconceptions: [
    {
      id: 'skipped-w2',
      node: 'h',
      answer: () => gradients({ skipW2: true }),
      feedback: `Your first-layer gradients skip $w_2$: the path from $\\hat y$ back to $h$ multiplies by $\\partial \\hat y/\\partial h = w_2$.`,
    },
    {
      id: 'forgot-input',
      node: 'w1',
      answer: () => gradients({ skipX: true }),
      feedback: `$\\partial L/\\partial w_1$ is $\\partial L/\\partial z_1$ times the input $x$ (since $z_1 = w_1 x + b_1$); yours equals $\\partial L/\\partial b_1$.`,
    },
  ],
});
