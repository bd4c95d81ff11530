import { expect, test } from 'vitest';
import { getExercise, grade } from '../../../../exercises/index.ts';
import type { CodeExercise, NumericExercise } from '../../../../exercises/define-exercise.ts';
import { answerKeyOf } from '../../../../exercises/prepare-cases.ts';
import type { CodeAnswerKey, NumericAnswerKey } from '../../../../exercises/answer-key.ts';
import { givenGradients, gradientComparison, nodeLine, nodeView } from '../../../../site/lesson/exercise/gradient-graph-view.ts';
import { formatNumbers } from '../../../../site/lesson/exercise/format-numbers.ts';
import { nodeName } from '../../../../exercises/exercise-graph.ts';

const mlp = getExercise('mlp-backward') as CodeExercise;
const mlpKey = answerKeyOf(mlp) as CodeAnswerKey;
const numeric = getExercise('small-network-gradient') as NumericExercise;
const numericKey = answerKeyOf(numeric) as NumericAnswerKey;
const forgotRelu = mlp.misconceptions.find((m) => m.id === 'forgot-relu-derivative')!.solution;
const visibleOutput = (key: CodeAnswerKey, id: string) => (key.cases[0].calls[0].wrong![id] as { ok: true; output: unknown }).output;

test('a wrong answer with a graph gets a comparison; a right one, an invalid one or one without a graph gets none', () => {
  const wrong = grade(mlp, forgotRelu);
  const given = givenGradients(mlpKey, mlpKey.graph!, { output: visibleOutput(mlpKey, 'forgot-relu-derivative') });
  const comparison = gradientComparison(mlpKey, wrong, given)!;
  expect(mlpKey.graph!.trace.nodes[comparison.first!.id].label).toBe('z₁');
  expect(gradientComparison(mlpKey, grade(mlp, mlp.solution), given)).toBeNull();
  expect(gradientComparison(mlpKey, grade(mlp, 'function mlpBackward() { return 1; }'), given)).toBeNull();
  const tanh = getExercise('tanh-backward') as CodeExercise;
  expect(gradientComparison(answerKeyOf(tanh) as CodeAnswerKey, grade(tanh, 'function tanhBackward(x) { return x; }'), {})).toBeNull();
});

test('typed numbers are read per part and intermediate; blank and unreadable ones are left out', () => {
  const given = givenGradients(numericKey, numericKey.graph!, { texts: { dw1: '9', db1: ' ', dw2: 'abc', dz1: '6', dyhat: '-4', other: '1' } });
  expect(given).toEqual({ dw1: 9, dz1: 6, dyhat: -4 });
});

test('a hand computation that skips w₂ is drawn with h as its first difference', () => {
  const answer = numeric.misconceptions.find((m) => m.id === 'skipped-w2')!.answer();
  const texts = Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, formatNumbers(v)]));
  const result = grade(numeric, answer);
  const comparison = gradientComparison(numericKey, result, givenGradients(numericKey, numericKey.graph!, { texts }))!;
  expect(numericKey.graph!.trace.nodes[comparison.first!.id].label).toBe('h');
});

test('a node reads as one line: shape, both worst elements or the scalar values, and what is known', () => {
  const graph = mlpKey.graph!;
  const comparison = gradientComparison(mlpKey, grade(mlp, forgotRelu), givenGradients(mlpKey, graph, { output: visibleOutput(mlpKey, 'forgot-relu-derivative') }))!;
  const line = (label: string) => {
    const node = graph.trace.nodes.find((n) => n.label === nodeName(label))!;
    return nodeLine(node, comparison.nodes[node.id]);
  };
  expect(line('z1')).toMatch(/^z₁ \(\d×\d\); first difference\.$/);
  expect(line('W1')).toMatch(/^W₁ \(\d×\d\); your dW1 differs most at dW1\[\d\]\[\d\]: -?[\d.e-]+, autograd’s 0; differs\.$/);
  expect(line('W2')).toMatch(/^W₂ \(\d×\d\); your dW2 agrees\.$/);
  expect(line('L')).toBe('L: ∂L/∂L = 1; right (follows from a gradient that agrees).');
  expect(line('x')).toMatch(/^x \(\d×\d\): no gradient \(an input\)\.$/);
  const small = numericKey.graph!;
  const typed = gradientComparison(numericKey, grade(numeric, { ...numeric.answer(), dw2: 1 }), { ...numeric.answer(), dw2: 1 })!;
  const w2 = small.trace.nodes.find((n) => n.label === 'w₂')!;
  expect(nodeLine(w2, typed.nodes[w2.id])).toBe('w₂: ∂L/∂w₂ = -4; your dw2 = 1; first difference.');
  const b2 = small.trace.nodes.find((n) => n.label === 'b₂')!;
  expect(nodeLine(b2, typed.nodes[b2.id])).toBe('b₂: ∂L/∂b₂ = -4; your db2 agrees.');
});

test('the renderer gets a matrix node’s shape and its worst element, never the matrix; a number node gets its numbers', () => {
  const graph = mlpKey.graph!;
  const comparison = gradientComparison(mlpKey, grade(mlp, forgotRelu), givenGradients(mlpKey, graph, { output: visibleOutput(mlpKey, 'forgot-relu-derivative') }))!;
  const view = (label: string) => {
    const node = graph.trace.nodes.find((n) => n.label === nodeName(label))!;
    return { node, view: nodeView(node, comparison.nodes[node.id]) };
  };
  const w1 = view('W1');
  const given = comparison.nodes[w1.node.id].given!;
  const [i, j] = [...given.worst.where.matchAll(/\d+/g)].map((m) => Number(m[0])).slice(1);
  expect(w1.view).toEqual({
    name: `W₁[${i}][${j}]`,
    op: `param ${w1.node.shape.join('×')}`,
    value: (w1.node.value as number[][])[i][j],
    grad: given.worst.expected,
    yours: given.worst.yours,
    state: 'differs',
  });
  // Not given: autograd's entry of largest magnitude, by its index.
  const z1 = view('z1');
  const grads = (z1.node.grad as number[][]).flat();
  const largest = grads.reduce((best, g, k) => (Math.abs(g) > Math.abs(grads[best]) ? k : best), 0);
  const [r, c] = [Math.floor(largest / z1.node.shape[1]), largest % z1.node.shape[1]];
  expect(z1.view).toEqual({ name: `z₁[${r}][${c}]`, op: `linear ${z1.node.shape.join('×')}`, value: (z1.node.value as number[][])[r][c], grad: grads[largest], state: 'first-difference' });
  expect(view('b2').view.name).toMatch(/^b₂\[\d\]$/);
  expect(view('x').view).toMatchObject({ name: expect.stringMatching(/^x\[\d\]\[\d\]$/), state: 'idle' });
  expect(view('x').view).not.toHaveProperty('grad');
  expect(view('z2').view.state).toBe('agrees');
  expect(view('h').view.state).toBe('unknown');
  expect(view('x').view.state).toBe('idle');
  expect(view('L').view).toMatchObject({ name: 'L', value: expect.any(Number), grad: 1, state: 'agrees' });
  expect(view('L').view).not.toHaveProperty('yours');
});

test('nodes of the first difference’s shape show the same element, so it can be followed along the graph', () => {
  const sigmoid = getExercise('sigmoid-backward') as CodeExercise;
  const key = answerKeyOf(sigmoid) as CodeAnswerKey;
  const graph = key.graph!;
  const upstream = key.cases[0].calls[0].args[1] as number[];
  const comparison = gradientComparison(key, grade(sigmoid, 'function sigmoidBackward(x, upstream) { return upstream; }'), givenGradients(key, graph, { output: upstream }))!;
  const x = graph.trace.nodes.find((n) => n.label === 'x')!;
  const s = graph.trace.nodes.find((n) => n.label === 's')!;
  const focus = { shape: x.shape, index: [3] };
  expect(nodeView(s, comparison.nodes[s.id], focus)).toMatchObject({ name: 's[3]', value: (s.value as number[])[3], grad: upstream[3], state: 'agrees' });
  // A given gradient keeps its own worst element.
  expect(nodeView(x, comparison.nodes[x.id], focus).name).toBe(`x${comparison.nodes[x.id].given!.worst.where.slice(2)}`);
});
