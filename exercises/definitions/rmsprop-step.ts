import { RMSprop } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { OPTIMIZER_STEPS as STEPS, chainSteps, engineStep, optimizerStepCase } from '../optimizer-step.ts';

interface RMSpropState {
  v: number[];
  t: number;
}

/** One step of torch.optim.RMSprop (no momentum, not centred), graded over several consecutive steps. */
export default defineExercise({
  kind: 'code',
  id: 'rmsprop-step',
  title: 'One step of RMSProp',
  prompt: `Implement one step of \`torch.optim.RMSprop\` (no momentum, \`centered=False\`). The state holds $v$, a running
average of each coordinate's squared gradient, and $t$, the number of steps taken so far (PyTorch's \`step\`; RMSProp's
update does not use it, but keeps the count). With gradient $g$ and smoothing constant $\\alpha$ (\`alpha\`):
$v \\leftarrow \\alpha v + (1 - \\alpha)\\, g^2$, then $\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{v} + \\varepsilon)$, element by
element, with $\\varepsilon$ outside the square root. Return the new \`{ param, v, t }\`. You are graded over ${STEPS}
consecutive steps from $v = 0$, $t = 0$.

The lecture notes write the smoothing constant as $\\gamma$, drop the coordinate's index on $v$ (each coordinate has its
own) and leave $\\varepsilon$ out; PyTorch adds it (default $10^{-8}$; larger here, so that where it goes shows).`,
  functionName: 'rmspropStep',
  signature:
    'rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }): { param: number[]; v: number[]; t: number }',
  starter: `function rmspropStep(
  param: number[],
  grad: number[],
  state: { v: number[]; t: number },
  hp: { lr: number; alpha: number; eps: number },
): { param: number[]; v: number[]; t: number } {
  return { param, v: state.v, t: state.t };
}`,
  solution: `function rmspropStep(
  param: number[],
  grad: number[],
  state: { v: number[]; t: number },
  hp: { lr: number; alpha: number; eps: number },
): { param: number[]; v: number[]; t: number } {
  const v = grad.map((g, i) => hp.alpha * state.v[i] + (1 - hp.alpha) * g * g);
  const next = param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(v[i]) + hp.eps));
  return { param: next, v, t: state.t + 1 };
}`,
  returns: 'object',
  parts: [{ name: 'param', weight: 2 }, { name: 'v' }, { name: 't' }],
  steps: STEPS,
  chain: chainSteps<{ param: number[] } & RMSpropState>((r) => ({ v: r.v, t: r.t })),

  hints: [
    'Update $v$ first, from the old $v$ and the square of this gradient: $\\alpha$ weighs the past, $1 - \\alpha$ the new $g^2$.',
    'Then divide each coordinate\'s gradient by $\\sqrt{v} + \\varepsilon$: `Math.sqrt(v[i]) + eps`, with $\\varepsilon$ added after the root.',
    'No bias correction: unlike Adam, RMSProp divides by $\\sqrt{v}$ as it is. Return $t + 1$.',
  ],
  explanation: `$v$ is an exponential moving average of $g^2$, so $\\sqrt{v}$ is a running root mean square of each coordinate's
gradient, and $g/\\sqrt{v}$ has a size near 1 whatever the gradient's scale: steep coordinates take small steps, flat
ones large steps. AdaGrad divides by the root of the sum of every past $g^2$, which only grows; RMSProp's average
keeps a fraction $\\alpha$ of the old average each step (it forgets $1 - \\alpha$), so the step size can grow back. PyTorch does not correct $v$ for starting
at zero (Adam does): the first step divides by $\\sqrt{1 - \\alpha}\\,|g|$, so it moves each coordinate by about
$\\eta/\\sqrt{1 - \\alpha}$, ten times $\\eta$ for $\\alpha = 0.99$. And $\\varepsilon$ goes outside the root:
$\\sqrt{v} + \\varepsilon$ never falls below $\\varepsilon$, so a coordinate whose gradients have all been zero stays put
instead of dividing $0$ by $0$.`,
  generate(rng) {
    return optimizerStepCase(
      rng,
      // alpha away from 1/2 (where α and 1 − α agree) and eps large enough that where it goes differs measurably.
      (r) => ({
        lr: Math.round(r.uniform(0.005, 0.05) * 1000) / 1000,
        alpha: Math.round(r.uniform(0.8, 0.99) * 100) / 100,
        eps: Math.round(r.uniform(1, 9)) * 1e-3,
      }),
      (n) => ({ v: new Array<number>(n).fill(0), t: 0 }),
    );
  },

  detectors: [],
  oracle([param, grad, state, hp]) {
    const { v, t } = state as RMSpropState;
    const { lr, alpha, eps } = hp as { lr: number; alpha: number; eps: number };
    const after = engineStep((theta) => new RMSprop([theta], { lr, alpha, eps }), param as number[], grad as number[], { step: t, lr, buffers: [{ squareAverage: v }] });
    return { param: after.param, v: after.state.buffers[0].squareAverage, t: after.state.step };
  },

  misconceptions: [
    {
      id: 'eps-inside-sqrt',
      solution: `function rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }) {
  const v = grad.map((g, i) => hp.alpha * state.v[i] + (1 - hp.alpha) * g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / Math.sqrt(v[i] + hp.eps)), v, t: state.t + 1 };
}`,
      feedback: `You put $\\varepsilon$ inside the square root, $\\sqrt{v + \\varepsilon}$. Some texts and libraries do; \`torch.optim.RMSprop\` adds it outside, $g/(\\sqrt{v} + \\varepsilon)$. Both keep the division finite,
but they are different numbers: with $v$ small, $\\sqrt{\\varepsilon}$ is far larger than $\\varepsilon$.`,
    },
    {
      id: 'no-eps',
      solution: `function rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }) {
  const v = grad.map((g, i) => hp.alpha * state.v[i] + (1 - hp.alpha) * g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / Math.sqrt(v[i])), v, t: state.t + 1 };
}`,
      feedback: `You divided by $\\sqrt{v}$ alone, as the lecture notes write it. PyTorch adds $\\varepsilon$ outside the root,
$g/(\\sqrt{v} + \\varepsilon)$, so a coordinate whose gradients have all been zero takes a step of $0$ instead of
$0/0$. Use the \`eps\` you are given.`,
    },
    {
      id: 'square-of-average',
      solution: `function rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }) {
  const v = grad.map((g, i) => (hp.alpha * state.v[i] + (1 - hp.alpha) * g) ** 2);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(v[i]) + hp.eps)), v, t: state.t + 1 };
}`,
      feedback: `You squared the average, $(\\alpha v + (1 - \\alpha) g)^2$, instead of averaging the squares: only $g$ is
squared, $v \\leftarrow \\alpha v + (1 - \\alpha)\\, g^2$. $v$ is a mean square (so $\\sqrt{v}$ is a root mean square, the
"RMS" in the name), not the square of a mean.`,
    },
    {
      id: 'bias-corrected',
      solution: `function rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }) {
  const t = state.t + 1;
  const v = grad.map((g, i) => hp.alpha * state.v[i] + (1 - hp.alpha) * g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(v[i] / (1 - hp.alpha ** t)) + hp.eps)), v, t };
}`,
      feedback: `You corrected $v$ for its start at zero, $v/(1 - \\alpha^t)$, as Adam does. \`torch.optim.RMSprop\` has no
bias correction: it divides by $\\sqrt{v} + \\varepsilon$ as $v$ is, so its first steps are larger than later ones.`,
    },
    {
      id: 'alpha-swapped',
      solution: `function rmspropStep(param: number[], grad: number[], state: { v: number[]; t: number }, hp: { lr: number; alpha: number; eps: number }) {
  const v = grad.map((g, i) => (1 - hp.alpha) * state.v[i] + hp.alpha * g * g);
  return { param: param.map((p, i) => p - (hp.lr * grad[i]) / (Math.sqrt(v[i]) + hp.eps)), v, t: state.t + 1 };
}`,
      feedback: `You swapped $\\alpha$ and $1 - \\alpha$. $\\alpha$ (0.99 by default) is how much of the old average is kept:
$v \\leftarrow \\alpha v + (1 - \\alpha)\\, g^2$, so each new $g^2$ enters with the small weight $1 - \\alpha$.`,
    },
  ],
});
