import { SGD } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { OPTIMIZER_STEPS as STEPS, chainSteps, engineStep, momentumHyper, optimizerStepCase } from '../optimizer-step.ts';

/** One step of SGD with momentum, as torch.optim.SGD, graded over several consecutive steps. */
export default defineExercise({
  kind: 'code',
  id: 'momentum-step',
  title: 'One step of SGD with momentum',
  prompt: `Implement one step of \`torch.optim.SGD\` with momentum $\\mu$ (no dampening). The buffer $b$ is \`null\` before the
first step. With gradient $g$: $b \\leftarrow g$ on the first step, else $b \\leftarrow \\mu b + g$; then
$\\theta \\leftarrow \\theta - \\eta b$. Return \`{ param, buffer }\`. You are graded over ${STEPS} consecutive steps.`,
  functionName: 'momentumStep',
  signature: 'momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }): { param: number[]; buffer: number[] }',
  starter: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }): { param: number[]; buffer: number[] } {
  return { param, buffer: zeros(param.length) };
}`,
  solution: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }): { param: number[]; buffer: number[] } {
  const b = buffer === null ? grad.slice() : add(mul(buffer, hp.momentum), grad);
  return { param: sub(param, mul(b, hp.lr)), buffer: b };
}`,
  returns: 'object',
  parts: [{ name: 'param' }, { name: 'buffer' }],
  steps: STEPS,
  chain: chainSteps<{ param: number[]; buffer: number[] }>((r) => r.buffer),
  hints: [
    'On the first step there is no buffer yet: it starts as the gradient itself.',
    'Update the buffer first, then step the parameters with the new buffer.',
    'The buffer does not contain $\\eta$: it is a running sum of gradients.',
  ],
  explanation: `$b_t = \\mu b_{t-1} + g_t$ is an exponentially weighted sum of past gradients, and $\\theta \\leftarrow \\theta - \\eta b_t$.
Two other ways of writing momentum give the same parameters while $\\eta$ is constant. The lecture notes write
$v \\leftarrow \\alpha v + \\lambda \\nabla E$, $w \\leftarrow w - v$ (with $\\alpha$ the momentum and $\\lambda$ the learning rate): their
velocity is $v = \\eta b$. Many texts flip its sign, $v \\leftarrow \\mu v - \\eta g$, $\\theta \\leftarrow \\theta + v$: that velocity is
$-\\eta b$, the notes' $v$ negated, and the trajectory is the same. PyTorch's buffer leaves $\\eta$ out, so a change of
learning rate (a schedule) acts on the very next step instead of through the velocity.`,
  generate(rng) {
    return optimizerStepCase(rng, momentumHyper, () => null);
  },
  detectors: [],
  oracle([param, grad, buffer, hp]) {
    const { lr, momentum } = hp as { lr: number; momentum: number };
    const saved = buffer === null ? undefined : { step: 1, lr, buffers: [{ momentum: buffer as number[] }] };
    const after = engineStep((theta) => new SGD([theta], { lr, momentum }), param as number[], grad as number[], saved);
    return { param: after.param, buffer: after.state.buffers[0].momentum };
  },
  misconceptions: [
    {
      id: 'velocity-with-lr',
      solution: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const v = sub(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, hp.lr));
  return { param: add(param, v), buffer: v };
}`,
      feedback: `Your buffer is the velocity $v \\leftarrow \\mu v - \\eta g$ with $\\theta \\leftarrow \\theta + v$ (the lecture notes' $v \\leftarrow \\alpha v + \\lambda \\nabla E$, $w \\leftarrow w - v$ with the sign flipped): the same steps while $\\eta$ is constant, but it holds $-\\eta b$. \`torch.optim.SGD\` keeps $b = \\mu b + g$, without $\\eta$ (and steps $\\theta - \\eta b$), so a learning-rate schedule acts at once. Return that $b$.`,
    },
    {
      id: 'notes-velocity',
      solution: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const v = add(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, hp.lr));
  return { param: sub(param, v), buffer: v };
}`,
      feedback: `You kept the lecture notes' velocity $v \\leftarrow \\alpha v + \\lambda \\nabla E$, $w \\leftarrow w - v$, which holds $\\eta b$: the learning rate is inside the buffer. \`torch.optim.SGD\` keeps $b = \\mu b + g$ and multiplies by $\\eta$ only when it steps, $\\theta \\leftarrow \\theta - \\eta b$. Return that $b$.`,
    },
    {
      id: 'dampened-average',
      solution: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const b = add(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, 1 - hp.momentum));
  return { param: sub(param, mul(b, hp.lr)), buffer: b };
}`,
      feedback: `You averaged, $b = \\mu b + (1 - \\mu) g$, as Adam's $m$ does; SGD's momentum sums, $b = \\mu b + g$ (and starts from $b = g$).`,
    },
    {
      id: 'old-buffer-step',
      solution: `function momentumStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const old = buffer ?? grad;
  const b = buffer === null ? grad.slice() : add(mul(buffer, hp.momentum), grad);
  return { param: sub(param, mul(old, hp.lr)), buffer: b };
}`,
      feedback: `You stepped with the old buffer; update the buffer with this gradient first, then step $\\theta \\leftarrow \\theta - \\eta b$ with the new one.`,
    },
  ],
});
