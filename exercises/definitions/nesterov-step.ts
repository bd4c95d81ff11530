import { SGD } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { OPTIMIZER_STEPS as STEPS, chainSteps, engineStep, momentumHyper, optimizerStepCase } from '../optimizer-step.ts';

/** One step of SGD with Nesterov momentum, as torch.optim.SGD(nesterov=True), graded over several consecutive steps. */
export default defineExercise({
  kind: 'code',
  id: 'nesterov-step',
  title: 'One step of SGD with Nesterov momentum',
  prompt: `Implement one step of \`torch.optim.SGD\` with momentum $\\mu$ and \`nesterov=True\` (no dampening). The buffer $b$
is \`null\` before the first step. With gradient $g$ at the current parameters: $b \\leftarrow g$ on the first step, else
$b \\leftarrow \\mu b + g$; then $\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)$, with the buffer just updated. Return
\`{ param, buffer }\`. You are graded over ${STEPS} consecutive steps.

Textbooks (Sutskever et al., 2013) write Nesterov's momentum with a velocity and a gradient taken ahead of the weights,
$v \\leftarrow \\mu v - \\eta \\nabla L(\\theta + \\mu v)$, $\\theta \\leftarrow \\theta + v$. PyTorch's parameters are that
look-ahead point $\\theta + \\mu v$ itself, so the gradient it is given is already taken there, and its buffer leaves
$\\eta$ out: the two describe the same steps, but the buffer you return is PyTorch's $b$, not a velocity.`,
  functionName: 'nesterovStep',
  signature: 'nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }): { param: number[]; buffer: number[] }',
  starter: `function nesterovStep(
  param: number[],
  grad: number[],
  buffer: number[] | null,
  hp: { lr: number; momentum: number },
): { param: number[]; buffer: number[] } {
  return { param, buffer: zeros(param.length) };
}`,
  solution: `function nesterovStep(
  param: number[],
  grad: number[],
  buffer: number[] | null,
  hp: { lr: number; momentum: number },
): { param: number[]; buffer: number[] } {
  const b = buffer === null ? grad.slice() : add(mul(buffer, hp.momentum), grad);
  const lookAhead = add(grad, mul(b, hp.momentum));
  return { param: sub(param, mul(lookAhead, hp.lr)), buffer: b };
}`,
  returns: 'object',
  parts: [{ name: 'param' }, { name: 'buffer' }],
  steps: STEPS,
  chain: chainSteps<{ param: number[]; buffer: number[] }>((r) => r.buffer),
  hints: [
    'The buffer is updated exactly as for plain momentum: $b \\leftarrow g$ on the first step, $b \\leftarrow \\mu b + g$ after.',
    'Only the step differs: plain momentum steps $\\theta - \\eta b$; Nesterov steps $\\theta - \\eta\\,(g + \\mu b)$, the gradient plus the momentum it is about to add once more.',
    'Use the new buffer in $g + \\mu b$, and return it without $\\eta$: `buffer` is $b$, not a velocity.',
  ],
  explanation: `Nesterov's idea is to take the gradient where momentum is about to carry the weights. Sutskever's form does that
literally: $v \\leftarrow \\mu v - \\eta \\nabla L(\\theta + \\mu v)$, $\\theta \\leftarrow \\theta + v$. Rename the look-ahead
point $\\phi = \\theta + \\mu v$ and the velocity $v = -\\eta b$: then $b \\leftarrow \\mu b + g$ with $g = \\nabla L(\\phi)$, and
$\\phi \\leftarrow \\phi - \\eta\\,(g + \\mu b)$, which is PyTorch's step. So PyTorch keeps the look-ahead point as its
parameters (the gradient is simply taken at the parameters, as for every other optimizer) and a buffer without $\\eta$
(so a learning-rate schedule acts on the very next step); while $\\eta$ is constant both forms make the same steps, PyTorch's iterates being Sutskever's
look-ahead points $\\theta + \\mu v$.
Compared with plain momentum, the extra $\\mu\\,(b_t - b_{t-1})$ in each step reacts to a change in the gradient one step
early, which damps the overshoot in a ravine.`,
  generate(rng) {
    return optimizerStepCase(rng, momentumHyper, () => null);
  },
  detectors: [],
  oracle([param, grad, buffer, hp]) {
    const { lr, momentum } = hp as { lr: number; momentum: number };
    const saved = buffer === null ? undefined : { step: 1, lr, buffers: [{ momentum: buffer as number[] }] };
    const after = engineStep((theta) => new SGD([theta], { lr, momentum, nesterov: true }), param as number[], grad as number[], saved);
    return { param: after.param, buffer: after.state.buffers[0].momentum };
  },
  misconceptions: [
    {
      id: 'plain-momentum',
      solution: `function nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const b = buffer === null ? grad.slice() : add(mul(buffer, hp.momentum), grad);
  return { param: sub(param, mul(b, hp.lr)), buffer: b };
}`,
      feedback: `You stepped with the buffer, $\\theta \\leftarrow \\theta - \\eta b$: that is plain momentum. With \`nesterov=True\`
PyTorch steps $\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)$: the gradient plus the momentum that is about to be applied,
which is where Sutskever's form takes its look-ahead gradient. The buffer itself is updated as for plain momentum.`,
    },
    {
      id: 'sutskever-velocity',
      solution: `function nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const v = sub(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, hp.lr));
  return { param: sub(add(param, mul(v, hp.momentum)), mul(grad, hp.lr)), buffer: v };
}`,
      feedback: `You kept Sutskever's velocity, $v \\leftarrow \\mu v - \\eta g$ and $\\theta \\leftarrow \\theta + \\mu v - \\eta g$: the
right steps while $\\eta$ is constant (they are PyTorch's with $v = -\\eta b$), but the buffer holds $-\\eta b$.
\`torch.optim.SGD\` keeps $b \\leftarrow \\mu b + g$, without $\\eta$ and with the opposite sign, and steps
$\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)$. Return that $b$ (and read the buffer you are given as $b$).`,
    },
    {
      id: 'notes-velocity',
      solution: `function nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const v = add(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, hp.lr));
  return { param: sub(sub(param, mul(v, hp.momentum)), mul(grad, hp.lr)), buffer: v };
}`,
      feedback: `You kept the lecture notes' velocity with the learning rate inside, $v \\leftarrow \\alpha v + \\lambda \\nabla E$, in
its look-ahead form $\\theta \\leftarrow \\theta - \\mu v - \\eta g$: the right steps while $\\eta$ is constant, but the buffer
holds $\\eta b$. \`torch.optim.SGD\` keeps $b \\leftarrow \\mu b + g$ and multiplies by $\\eta$ only when it steps,
$\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)$. Return that $b$.`,
    },
    {
      id: 'old-buffer-look-ahead',
      solution: `function nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const old = buffer ?? grad;
  const b = buffer === null ? grad.slice() : add(mul(buffer, hp.momentum), grad);
  return { param: sub(param, mul(add(grad, mul(old, hp.momentum)), hp.lr)), buffer: b };
}`,
      feedback: `You used the old buffer in $g + \\mu b$. Update the buffer with this gradient first,
$b \\leftarrow \\mu b + g$, then step $\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)$ with the new $b$: the look-ahead is
the momentum the next step will carry, which already contains this gradient.`,
    },
    {
      id: 'dampened-average',
      solution: `function nesterovStep(param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) {
  const b = add(mul(buffer ?? zeros(param.length), hp.momentum), mul(grad, 1 - hp.momentum));
  return { param: sub(param, mul(add(grad, mul(b, hp.momentum)), hp.lr)), buffer: b };
}`,
      feedback: `You averaged, $b = \\mu b + (1 - \\mu) g$, as Adam's $m$ does; SGD's momentum sums, $b = \\mu b + g$, and starts
from $b = g$ (PyTorch refuses Nesterov with a dampening other than zero).`,
    },
  ],
});
