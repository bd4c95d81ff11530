import { Adagrad } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { OPTIMIZER_STEPS as STEPS, chainSteps, engineStep, optimizerStepCase } from '../optimizer-step.ts';

interface AdagradState {
  G: number[];
  t: number;
}

/** One step of torch.optim.Adagrad (no learning-rate decay, accumulator starting at zero), graded over several consecutive steps. */
export default defineExercise({
  kind: 'code',
  id: 'adagrad-step',
  title: 'One step of AdaGrad',
  prompt: `Implement one step of \`torch.optim.Adagrad\` (\`lr_decay=0\`, \`initial_accumulator_value=0\`). The state holds
$G$, each coordinate's sum of squared gradients so far (PyTorch's \`sum\`), and $t$, the number of steps taken (PyTorch's
\`step\`). With gradient $g$: $G \\leftarrow G + g^2$, then $\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{G} + \\varepsilon)$,
element by element, with $\\varepsilon$ outside the square root. Return the new \`{ param, G, t }\`. You are graded over
${STEPS} consecutive steps from $G = 0$, $t = 0$.

The lecture notes write the same rule per coordinate, $w_i \\leftarrow w_i - \\frac{\\eta}{\\sqrt{G_i}}\\, g_i$ with
$G_i = \\sum_\\tau (g_i^{(\\tau)})^2$, without $\\varepsilon$; PyTorch adds it (default $10^{-10}$; larger here, so that where
it goes shows).`,
  functionName: 'adagradStep',
  signature:
    'adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }): { param: number[]; G: number[]; t: number }',
  starter: `function adagradStep(
  param: number[],
  grad: number[],
  state: { G: number[]; t: number },
  hp: { lr: number; eps: number },
): { param: number[]; G: number[]; t: number } {
  return { param, G: state.G, t: state.t };
}`,
  solution: `function adagradStep(
  param: number[],
  grad: number[],
  state: { G: number[]; t: number },
  hp: { lr: number; eps: number },
): { param: number[]; G: number[]; t: number } {
  const G = grad.map((g, i) => state.G[i] + g * g);
  const next = param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(G[i]) + hp.eps));
  return { param: next, G, t: state.t + 1 };
}`,
  returns: 'object',
  parts: [{ name: 'param', weight: 2 }, { name: 'G' }, { name: 't' }],
  steps: STEPS,
  chain: chainSteps<{ param: number[] } & AdagradState>((r) => ({ G: r.G, t: r.t })),

  hints: [
    'Add this step\'s squared gradient to $G$ first, so even the first step divides by something: $G \\leftarrow G + g^2$.',
    'Then divide each coordinate\'s gradient by $\\sqrt{G} + \\varepsilon$: `Math.sqrt(G[i]) + eps`, with $\\varepsilon$ added after the root.',
    '$G$ is a sum, not an average: it never shrinks. Return $t + 1$.',
  ],
  explanation: `$\\sqrt{G}$ is the length of the vector of a coordinate's past gradients, so the first step moves every coordinate
by about $\\eta$ (it divides $g$ by $|g|$), whatever its gradient's scale, and later steps shrink as gradients pile up:
a coordinate that has had large gradients gets small steps, one that has had small or rare gradients keeps large ones.
Since $G$ only grows, the steps only shrink, which is AdaGrad's strength on sparse problems and its weakness on long
ones; RMSProp replaces the sum by a running average that forgets. $\\varepsilon$ goes outside the root:
$\\sqrt{G} + \\varepsilon$ never falls below $\\varepsilon$, so a coordinate whose gradients have all been zero stays put
instead of dividing $0$ by $0$.`,
  generate(rng) {
    return optimizerStepCase(
      rng,
      // eps large enough that where it goes differs measurably.
      (r) => ({ lr: Math.round(r.uniform(0.05, 0.5) * 100) / 100, eps: Math.round(r.uniform(1, 9)) * 1e-3 }),
      (n) => ({ G: new Array<number>(n).fill(0), t: 0 }),
    );
  },

  detectors: [],
  oracle([param, grad, state, hp]) {
    const { G, t } = state as AdagradState;
    const { lr, eps } = hp as { lr: number; eps: number };
    const after = engineStep((theta) => new Adagrad([theta], { lr, eps }), param as number[], grad as number[], { step: t, lr, buffers: [{ sum: G }] });
    return { param: after.param, G: after.state.buffers[0].sum, t: after.state.step };
  },

  misconceptions: [
    {
      id: 'eps-inside-sqrt',
      solution: `function adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }) {
  const G = grad.map((g, i) => state.G[i] + g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / Math.sqrt(G[i] + hp.eps)), G, t: state.t + 1 };
}`,
      feedback: `You put $\\varepsilon$ inside the square root, $\\sqrt{G + \\varepsilon}$. \`torch.optim.Adagrad\` adds it outside,
$g/(\\sqrt{G} + \\varepsilon)$. Both keep the division finite, but they are different numbers: $\\sqrt{\\varepsilon}$ is far
larger than $\\varepsilon$.`,
    },
    {
      id: 'no-eps',
      solution: `function adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }) {
  const G = grad.map((g, i) => state.G[i] + g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / Math.sqrt(G[i])), G, t: state.t + 1 };
}`,
      feedback: `You divided by $\\sqrt{G}$ alone, as the lecture notes write it. PyTorch adds $\\varepsilon$ outside the root,
$g/(\\sqrt{G} + \\varepsilon)$, so a coordinate whose gradients have all been zero takes a step of $0$ instead of
$0/0$. Use the \`eps\` you are given.`,
    },
    {
      id: 'no-square-root',
      solution: `function adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }) {
  const G = grad.map((g, i) => state.G[i] + g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (G[i] + hp.eps)), G, t: state.t + 1 };
}`,
      feedback: `You divided by $G$; AdaGrad divides by its square root, $\\sqrt{G}$: the length of the coordinate's past
gradients, in the gradient's own units, so that $g/\\sqrt{G}$ is a pure number and the first step is about $\\eta$.`,
    },
    {
      id: 'mean-instead-of-sum',
      solution: `function adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }) {
  const t = state.t + 1;
  const G = grad.map((g, i) => state.G[i] + g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(G[i] / t) + hp.eps)), G, t };
}`,
      feedback: `You divided by the root mean square $\\sqrt{G/t}$, an average of the squared gradients (RMSProp and Adam
use running averages). AdaGrad divides by the root of the sum, $\\sqrt{G}$, which grows with every step: that is what makes its steps
shrink over time.`,
    },
    {
      id: 'old-sum',
      solution: `function adagradStep(param: number[], grad: number[], state: { G: number[]; t: number }, hp: { lr: number; eps: number }) {
  const G = grad.map((g, i) => state.G[i] + g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(state.G[i]) + hp.eps)), G, t: state.t + 1 };
}`,
      feedback: `You divided by the sum before this step's $g^2$ was added: on the first step that is $\\sqrt{0} + \\varepsilon$,
and the step $\\eta\\, g/\\varepsilon$ is enormous. Add $g^2$ to $G$ first, then divide by $\\sqrt{G} + \\varepsilon$.`,
    },
  ],
});
