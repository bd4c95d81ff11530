import { Adam } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { OPTIMIZER_STEPS as STEPS, chainSteps, engineStep, optimizerStepCase } from '../optimizer-step.ts';

interface AdamState {
  m: number[];
  v: number[];
  t: number;
}

/** One step of torch.optim.Adam, graded over several consecutive steps. */
export default defineExercise({
  kind: 'code',
  id: 'adam-step',
  title: 'One step of Adam',
  prompt: `Implement one step of Adam as \`torch.optim.Adam\` takes it. The state holds the running mean $m$, the running
mean square $v$ and $t$, the number of steps taken so far. With gradient $g$:
$t \\leftarrow t + 1$, $m \\leftarrow \\beta_1 m + (1 - \\beta_1) g$, $v \\leftarrow \\beta_2 v + (1 - \\beta_2) g^2$,
$\\hat m = m / (1 - \\beta_1^t)$, $\\hat v = v / (1 - \\beta_2^t)$, and
$\\theta \\leftarrow \\theta - \\eta\\, \\hat m / (\\sqrt{\\hat v} + \\varepsilon)$ ($\\varepsilon$ outside the square root).
Return the new \`{ param, m, v, t }\`. You are graded over ${STEPS} consecutive steps from $m = v = 0$, $t = 0$.`,
  functionName: 'adamStep',
  signature:
    'adamStep(param: number[], grad: number[], state: { m: number[]; v: number[]; t: number }, hp: { lr: number; beta1: number; beta2: number; eps: number }): { param: number[]; m: number[]; v: number[]; t: number }',
  starter: `function adamStep(
  param: number[],
  grad: number[],
  state: { m: number[]; v: number[]; t: number },
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { param: number[]; m: number[]; v: number[]; t: number } {
  return { param, m: state.m, v: state.v, t: state.t };
}`,
  solution: `function adamStep(
  param: number[],
  grad: number[],
  state: { m: number[]; v: number[]; t: number },
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { param: number[]; m: number[]; v: number[]; t: number } {
  const t = state.t + 1;
  const m = grad.map((g, i) => hp.beta1 * state.m[i] + (1 - hp.beta1) * g);
  const v = grad.map((g, i) => hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g);
  const next = param.map((p, i) => {
    const mHat = m[i] / (1 - hp.beta1 ** t);
    const vHat = v[i] / (1 - hp.beta2 ** t);
    return p - (hp.lr * mHat) / (Math.sqrt(vHat) + hp.eps);
  });
  return { param: next, m, v, t };
}`,
  returns: 'object',
  parts: [{ name: 'param', weight: 2 }, { name: 'm' }, { name: 'v' }, { name: 't' }],
  steps: STEPS,
  chain: chainSteps<{ param: number[] } & AdamState>((r) => ({ m: r.m, v: r.v, t: r.t })),

  hints: [
    'Increment $t$ first: the first step uses $t = 1$, so the corrections divide by $1 - \\beta^1$.',
    'Update $m$ and $v$ from the old state and this gradient, then correct both for their start at zero.',
    '$\\varepsilon$ is added after the square root: `Math.sqrt(vHat) + eps`.',
  ],
  explanation: `$m$ and $v$ start at zero, so early on they underestimate the mean and mean square of the gradients by
factors $1 - \\beta_1^t$ and $1 - \\beta_2^t$; dividing by those undoes it. The step $\\eta\\,\\hat m/(\\sqrt{\\hat v}+\\varepsilon)$
has a size near $\\eta$ per coordinate, whatever the gradient's scale. The lecture notes call $m$ and $v$ the mean and
the variance of the gradient: $v$ is its uncentred second moment, the mean of $g^2$ (a variance would subtract the squared
mean first), which is why $\\sqrt{\\hat v}$ is a root mean square.`,
  generate(rng) {
    return optimizerStepCase(
      rng,
      // eps large enough that inside or outside the square root differs measurably.
      (r) => ({
        lr: Math.round(r.uniform(0.01, 0.1) * 1000) / 1000,
        beta1: Math.round(r.uniform(0.8, 0.95) * 100) / 100,
        beta2: Math.round(r.uniform(0.99, 0.999) * 1000) / 1000,
        eps: Math.round(r.uniform(1, 9)) * 1e-3,
      }),
      (n) => ({ m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0), t: 0 }),
    );
  },

  detectors: [],
  oracle([param, grad, state, hp]) {
    const { m, v, t } = state as AdamState;
    const { lr, beta1, beta2, eps } = hp as { lr: number; beta1: number; beta2: number; eps: number };
    const saved = { step: t, lr, buffers: [{ expAverage: m, expAverageSquare: v }] };
    const after = engineStep((theta) => new Adam([theta], { lr, betas: [beta1, beta2], eps }), param as number[], grad as number[], saved);
    return { param: after.param, m: after.state.buffers[0].expAverage, v: after.state.buffers[0].expAverageSquare, t: after.state.step };
  },

  misconceptions: [
    {
      id: 'no-bias-correction',
      solution: `function adamStep(param: number[], grad: number[], state: { m: number[]; v: number[]; t: number }, hp: { lr: number; beta1: number; beta2: number; eps: number }) {
  const m = grad.map((g, i) => hp.beta1 * state.m[i] + (1 - hp.beta1) * g);
  const v = grad.map((g, i) => hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g);
  return { param: param.map((p, i) => p - (hp.lr * m[i]) / (Math.sqrt(v[i]) + hp.eps)), m, v, t: state.t + 1 };
}`,
      feedback: `Your parameters move without bias correction. $m$ and $v$ start at zero, so early on they fall short of the gradient's mean and mean square by the factors $1 - \\beta_1^t$ and $1 - \\beta_2^t$: divide $m$ by $1 - \\beta_1^t$ and $v$ by $1 - \\beta_2^t$ before the step. Without it the first step is $(1 - \\beta_1)/\\sqrt{1 - \\beta_2}$ times the corrected one: about $3.2\\,\\eta$ instead of $\\eta$ with PyTorch's defaults $\\beta_1 = 0.9$, $\\beta_2 = 0.999$ (too large, not too small: $m$ falls short by $1 - \\beta_1 = 0.1$, but $\\sqrt v$ by $\\sqrt{1 - \\beta_2} \\approx 0.032$).`,
    },
    {
      id: 'eps-inside-sqrt',
      solution: `function adamStep(param: number[], grad: number[], state: { m: number[]; v: number[]; t: number }, hp: { lr: number; beta1: number; beta2: number; eps: number }) {
  const t = state.t + 1;
  const m = grad.map((g, i) => hp.beta1 * state.m[i] + (1 - hp.beta1) * g);
  const v = grad.map((g, i) => hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g);
  const next = param.map((p, i) => p - (hp.lr * (m[i] / (1 - hp.beta1 ** t))) / Math.sqrt(v[i] / (1 - hp.beta2 ** t) + hp.eps));
  return { param: next, m, v, t };
}`,
      feedback: `You put $\\varepsilon$ inside the square root; \`torch.optim.Adam\` adds it outside: $\\hat m/(\\sqrt{\\hat v} + \\varepsilon)$.`,
    },
    {
      id: 'no-square-root',
      solution: `function adamStep(param: number[], grad: number[], state: { m: number[]; v: number[]; t: number }, hp: { lr: number; beta1: number; beta2: number; eps: number }) {
  const t = state.t + 1;
  const m = grad.map((g, i) => hp.beta1 * state.m[i] + (1 - hp.beta1) * g);
  const v = grad.map((g, i) => hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g);
  const next = param.map((p, i) => p - (hp.lr * (m[i] / (1 - hp.beta1 ** t))) / (v[i] / (1 - hp.beta2 ** t) + hp.eps));
  return { param: next, m, v, t };
}`,
      feedback: `You divided by $\\hat v$; Adam divides by its square root, $\\sqrt{\\hat v}$, a root mean square with the gradient's own units.`,
    },
    {
      id: 't-not-advanced',
      solution: `function adamStep(param: number[], grad: number[], state: { m: number[]; v: number[]; t: number }, hp: { lr: number; beta1: number; beta2: number; eps: number }) {
  const t = state.t + 1;
  const m = grad.map((g, i) => hp.beta1 * state.m[i] + (1 - hp.beta1) * g);
  const v = grad.map((g, i) => hp.beta2 * state.v[i] + (1 - hp.beta2) * g * g);
  const next = param.map((p, i) => p - (hp.lr * (m[i] / (1 - hp.beta1 ** t))) / (Math.sqrt(v[i] / (1 - hp.beta2 ** t)) + hp.eps));
  return { param: next, m, v, t: state.t };
}`,
      feedback: `The returned \`t\` is the old count: return $t + 1$ (the step count after this step), or the next step's bias correction uses the wrong $t$.`,
    },
  ],
});
