import { Perceptron } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, vector } from '../cases.ts';

/** One step of Rosenblatt's perceptron rule. */
export default defineExercise({
  kind: 'code',
  id: 'perceptron-update',
  title: "The perceptron's update",
  prompt: `A perceptron with weights $\\mathbf w$ and bias $b$ sees the example $\\mathbf x$ with label $y \\in \\{-1, +1\\}$.
If it gets the example wrong or lies on the boundary, $y(\\mathbf w \\cdot \\mathbf x + b) \\le 0$, it updates
$\\mathbf w \\leftarrow \\mathbf w + \\eta\\, y\\, \\mathbf x$ and $b \\leftarrow b + \\eta\\, y$; otherwise it keeps both.
Return the new \`{ w, b }\`.`,
  functionName: 'perceptronUpdate',
  signature: 'perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number }',
  starter: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  return { w, b };
}`,
  solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) <= 0) {
    return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  }
  return { w, b };
}`,
  returns: 'object',
  parts: [{ name: 'w' }, { name: 'b' }],
  hints: [
    'First decide whether to update: compute the score $\\mathbf w \\cdot \\mathbf x + b$ and multiply by $y$.',
    'A score of exactly 0 (as with all-zero weights) counts as a mistake: the test is $\\le 0$.',
    '`add(w, mul(x, lr * y))` is $\\mathbf w + \\eta y \\mathbf x$.',
  ],
  explanation: `$y(\\mathbf w\\cdot\\mathbf x + b) > 0$ exactly when the prediction's sign is right, so only mistakes move the
weights, and each move turns the boundary towards the missed point: after it, $y(\\mathbf w\\cdot\\mathbf x + b)$ has grown
by $\\eta(\\lVert\\mathbf x\\rVert^2 + 1)$. The $\\le$ makes learning start from all-zero weights.`,
  // Four situations, each needed to tell a wrong rule from the right one: a mistake, a right answer, and a score of
  // exactly 0 with y = +1 and with y = −1 (a rule that predicts +1 on ties keeps still on the first, one that
  // predicts −1 on the second).
  caseCount: 4,
  generate(rng, index) {
    const [n] = distinctSizes(rng, 1, 3, 6);
    const lr = Math.round(rng.uniform(0.1, 1) * 100) / 100;
    const x = vector(rng, n, -2, 2, [0], 0.1);
    const situation = index % 4;
    // All-zero weights give a score of exactly 0 whatever order a student sums in.
    if (situation >= 2) return { args: [new Array<number>(n).fill(0), 0, x, situation === 2 ? 1 : -1, lr] };
    for (;;) {
      const w = vector(rng, n, -1, 1);
      const b = Math.round(rng.uniform(-1, 1) * 1e4) / 1e4;
      const score = w.reduce((s, wi, i) => s + wi * x[i], b);
      if (Math.abs(score) < 0.1) continue;
      const y = (situation === 0) === score > 0 ? -1 : 1;
      return { args: [w, b, x, y, lr] };
    }
  },
  // Outputs are new parameters, not gradients: a flipped sign or a factor 2 of w means nothing.
  detectors: [],
  oracle([w, b, x, y, lr]) {
    const p = new Perceptron((w as number[]).length, lr as number);
    p.weights = (w as number[]).slice();
    p.bias = b as number;
    p.update(x as number[], y as number);
    return { w: p.weights, b: p.bias };
  },
  misconceptions: [
    {
      id: 'strict-inequality',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) < 0) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`,
      feedback: `A point on the boundary, $y(\\mathbf w\\cdot\\mathbf x + b) = 0$, is a mistake too: with \`< 0\` a perceptron that starts from all-zero weights never updates. Use \`<= 0\`.`,
    },
    {
      id: 'tie-predicts-positive',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  const prediction = dot(w, x) + b >= 0 ? 1 : -1;
  if (prediction !== y) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`,
      feedback: `You update only when the predicted sign differs from $y$, and a score of exactly 0 predicts $+1$; so a point on the boundary with $y = +1$ never moves the weights, so training can stop with positive examples lying on the boundary. The rule updates whenever $y(\\mathbf w\\cdot\\mathbf x + b) \\le 0$, ties included.`,
    },
    {
      id: 'tie-predicts-negative',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  const prediction = dot(w, x) + b > 0 ? 1 : -1;
  if (prediction !== y) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`,
      feedback: `You update only when the predicted sign differs from $y$, and a score of exactly 0 predicts $-1$; so a point on the boundary with $y = -1$ never moves the weights. The rule updates whenever $y(\\mathbf w\\cdot\\mathbf x + b) \\le 0$, ties included, whichever the label.`,
    },
    {
      id: 'always-updates',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  return { w: add(w, mul(x, lr * y)), b: b + lr * y };
}`,
      feedback: `You update on every example; the perceptron changes its weights only on a mistake, when $y(\\mathbf w\\cdot\\mathbf x + b) \\le 0$.`,
    },
    {
      id: 'updates-when-right',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) > 0) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`,
      feedback: `Your condition is inverted: you update when the example is classified correctly. Update when $y(\\mathbf w\\cdot\\mathbf x + b) \\le 0$.`,
    },
    {
      id: 'moves-away',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) <= 0) return { w: sub(w, mul(x, lr * y)), b: b - lr * y };
  return { w, b };
}`,
      feedback: `Your update has the wrong sign: it moves the boundary away from the missed point. Add $\\eta y \\mathbf x$ (and $\\eta y$ to $b$).`,
    },
    {
      id: 'bias-not-updated',
      solution: `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) <= 0) return { w: add(w, mul(x, lr * y)), b };
  return { w, b };
}`,
      feedback: `The bias learns too: on a mistake $b \\leftarrow b + \\eta y$ (it is the weight of a constant input 1).`,
    },
  ],
});
