import { describe, expect, test } from 'vitest';
import { getExercise } from '../../exercises/index.ts';
import type { CodeExercise, Numbers, NumericExercise } from '../../exercises/define-exercise.ts';
import { answerKeyOf, prepareCases } from '../../exercises/prepare-cases.ts';
import type { CodeAnswerKey, NumericAnswerKey } from '../../exercises/answer-key.ts';
import { compareOnGraph, nodeName, returnedGradients, type GraphComparison } from '../../exercises/graph-comparison.ts';
import { nodeName as written } from '../../exercises/exercise-graph.ts';
import type { GraphKey } from '../../exercises/graph-key.ts';
import { RTOL } from '../../exercises/compare.ts';
import { traceGraph } from '../../exercises/graph-key.ts';
import { add, mseLoss, mul, tensor } from '../../engine/index.ts';

const mlp = getExercise('mlp-backward') as CodeExercise;
const mlpKey = answerKeyOf(mlp) as CodeAnswerKey;
const graph = mlpKey.graph!;
const visible = prepareCases(mlp)[0].calls[0];
const reference = visible.expected as Record<string, Numbers>;
const wrongOutput = (id: string) => (visible.wrong![id] as { ok: true; output: Record<string, Numbers> }).output;
const id = (label: string) => graph.trace.nodes.find((n) => n.label === written(label))!.id;
const state = (comparison: GraphComparison, label: string) => comparison.nodes[id(label)].state;
const autograd = (label: string) => graph.trace.nodes[id(label)].grad as Numbers;
const scale = (value: Numbers, by: number): Numbers =>
  typeof value === 'number' ? value * by : (value as (number | number[])[]).map((row) => (typeof row === 'number' ? row * by : row.map((v) => v * by))) as Numbers;

describe('the student’s gradients on mlp-backward’s graph', () => {
  test('a correct answer agrees on every node and has no first difference', () => {
    const comparison = compareOnGraph(graph, reference, [], RTOL);
    expect(comparison.first).toBeNull();
    for (const label of ['W1', 'b1', 'W2', 'b2']) expect(state(comparison, label)).toBe('agrees');
    for (const label of ['z1', 'h', 'z2', 'L']) expect(state(comparison, label)).toBe('inferred');
    expect(state(comparison, 'x')).toBe('no-gradient');
  });

  test('the forgotten ReLU derivative, recognised, turns z₁ red and keeps the second layer right', () => {
    const comparison = compareOnGraph(graph, wrongOutput('forgot-relu-derivative'), ['forgot-relu-derivative'], RTOL);
    expect(comparison.first).toEqual({ id: id('z1'), evidence: 'misconception', misconception: 'forgot-relu-derivative' });
    expect(state(comparison, 'z1')).toBe('first-difference');
    expect(state(comparison, 'W1')).toBe('differs');
    expect(state(comparison, 'b1')).toBe('differs');
    expect(state(comparison, 'W2')).toBe('agrees');
    expect(state(comparison, 'z2')).toBe('inferred');
    expect(state(comparison, 'h')).toBe('unknown');
    expect(comparison.summary).toBe('Your dW2 and db2 agree with autograd’s, so everything from the loss down to z₂ is right; the difference enters at z₁, where your answer behaves like the slip described above.');
  });

  test('the same answer, not recognised, is placed between z₂ and W₁, and the stretch below is suspect', () => {
    const comparison = compareOnGraph(graph, wrongOutput('forgot-relu-derivative'), [], RTOL);
    expect(comparison.first).toEqual({ id: id('h'), evidence: 'inferred' });
    expect(state(comparison, 'z1')).toBe('suspect');
    expect(state(comparison, 'W1')).toBe('differs');
    expect(comparison.summary).toBe(
      'Your dW2 and db2 agree with autograd’s, so everything from the loss down to z₂ is right; the difference enters between z₂ and W₁. Give dh and dz1 as well (not scored) to see exactly where.',
    );
  });

  test('returned intermediates pin the difference down exactly, with its worst element', () => {
    const given = { ...wrongOutput('forgot-relu-derivative'), dh: autograd('h'), dz1: autograd('h') };
    const comparison = compareOnGraph(graph, given, [], RTOL);
    expect(comparison.first).toEqual({ id: id('z1'), evidence: 'given' });
    expect(state(comparison, 'h')).toBe('agrees');
    const worst = comparison.nodes[id('z1')].given!.worst;
    expect(worst.where).toMatch(/^dz1\[\d\]\[\d\]$/);
    // Where the ReLU was off, autograd's gradient is 0 and the answer's is not.
    expect(worst.expected).toBe(0);
    expect(worst.yours).not.toBe(0);
    expect(comparison.summary).toContain('your dz1 is the first gradient that differs, at z₁ (dz1[');
  });

  test('a wrong answer no misconception explains (dW2 three times too large) is placed at W₂', () => {
    const given = { ...reference, dW2: scale(reference.dW2, 3) };
    const comparison = compareOnGraph(graph, given, [], RTOL);
    expect(comparison.first).toEqual({ id: id('W2'), evidence: 'given' });
    for (const label of ['W1', 'b1', 'b2']) expect(state(comparison, label)).toBe('agrees');
    for (const label of ['z1', 'h', 'z2', 'L']) expect(state(comparison, label)).toBe('inferred');
    expect(comparison.summary).toMatch(/^Your dW1, db1 and db2 agree with autograd’s, so everything from the loss down to z₂ is right; going backward from the loss, your dW2 is the first gradient that differs, at W₂ \(dW2\[\d\]\[\d\] is -?[\d.e-]+, autograd’s -?[\d.e-]+\)\.$/);
  });

  test('a misconception’s node where the student’s own gradient agrees is not marked', () => {
    const comparison = compareOnGraph(graph, { ...reference, dW2: scale(reference.dW2, 3), dz2: autograd('z2') }, ['forgot-batch-mean'], RTOL);
    expect(state(comparison, 'z2')).toBe('agrees');
    expect(comparison.first?.id).toBe(id('W2'));
  });

  test('an intermediate of the wrong shape is left out, not compared', () => {
    const comparison = compareOnGraph(graph, { ...reference, dz1: [1, 2, 3] }, [], RTOL);
    expect(comparison.nodes[id('z1')].given).toBeUndefined();
    expect(state(comparison, 'z1')).toBe('inferred');
  });

  test('a part that agrees on the drawn case while failing on another says so', () => {
    expect(compareOnGraph(graph, reference, [], RTOL).summary).toBe(
      'On the case drawn here, every gradient you gave agrees with autograd’s; the difference shows only on another case.',
    );
  });
});

describe('the hand-computed small network', () => {
  const exercise = getExercise('small-network-gradient') as NumericExercise;
  const key = (answerKeyOf(exercise) as NumericAnswerKey).graph as GraphKey;
  const label = (l: string) => key.trace.nodes.find((n) => n.label === written(l))!.id;

  test('skipping w₂ marks h, the node whose gradient it multiplies', () => {
    const wrong = exercise.misconceptions.find((m) => m.id === 'skipped-w2')!.answer();
    const comparison = compareOnGraph(key, wrong, ['skipped-w2'], exercise.rtol);
    expect(comparison.first?.id).toBe(label('h'));
    expect(comparison.nodes[label('w2')].state).toBe('agrees');
    expect(comparison.summary).toContain('the difference enters at h,');
  });

  test('a typed ∂L/∂ŷ that is wrong is the first difference, above every part', () => {
    const comparison = compareOnGraph(key, { dw1: 0, dyhat: 7 }, [], exercise.rtol);
    expect(comparison.first).toEqual({ id: label('yhat'), evidence: 'given' });
    expect(comparison.summary).toBe('Going backward from the loss, your dyhat is the first gradient that differs, at ŷ (dyhat is 7, autograd’s -4).');
    expect(comparison.nodes[label('w1')].state).toBe('differs');
    expect(comparison.nodes[label('z1')].state).toBe('suspect');
  });
});

test('a node is named by its label, or by its op when it has none', () => {
  expect(nodeName({ label: 'z₁', op: 'linear' })).toBe('z₁');
  expect(nodeName({ op: 'mul' })).toBe('mul');
});

test('what a function returned is read by key, and a single value as its one part', () => {
  expect(returnedGradients(graph, { dW1: 1, dz1: 2, other: 3, dh: undefined }, 'object')).toEqual({ dW1: 1, dz1: 2 });
  expect(returnedGradients(graph, 'not an object', 'object')).toEqual({});
  expect(returnedGradients({ ...graph, parts: { dx: 0 }, intermediates: {} }, [1, 2], 'value')).toEqual({ dx: [1, 2] });
});

test('a gradient that agrees is shown by autograd’s largest entry, one that differs by its worst', () => {
  const comparison = compareOnGraph(graph, { ...reference, dW2: scale(reference.dW2, 3) }, [], RTOL);
  const w1 = comparison.nodes[id('W1')].given!;
  const largest = Math.max(...(autograd('W1') as number[][]).flat().map(Math.abs));
  expect(Math.abs(w1.worst.expected)).toBe(largest);
  expect(w1.worst.yours).toBeCloseTo(w1.worst.expected, 12);
  const w2 = comparison.nodes[id('W2')].given!;
  expect(w2.worst.yours).toBeCloseTo(3 * w2.worst.expected, 12);
});

test('an unnamed op is no landmark: the sentence names the nearest named node above the difference', () => {
  const parameter = (label: string, value: number) => tensor(value, { requiresGrad: true, label });
  const key = traceGraph(
    { build: () => mseLoss(add(mul(parameter('w', 0.5), parameter('v', 2)), parameter('b', 0.1)).named('z'), tensor(1)).named('L'), parts: { dw: 'w', dv: 'v', db: 'b' } },
    [],
    [],
    'test',
  );
  const grad = (label: string) => key.trace.nodes.find((n) => n.label === label)!.grad as number;
  const comparison = compareOnGraph(key, { dw: 3 * grad('w'), dv: grad('v'), db: grad('b') }, [], RTOL);
  expect(comparison.summary).toMatch(/^Your dv and db agree with autograd’s, so everything from the loss down to z is right; going backward from the loss, your dw is the first gradient that differs, at w/);
});

describe('sigmoid-backward: the upstream gradient is given, so a forgotten σ′ turns x red', () => {
  const sigmoid = getExercise('sigmoid-backward') as CodeExercise;
  const key = (answerKeyOf(sigmoid) as CodeAnswerKey).graph!;
  const [, upstream] = prepareCases(sigmoid)[0].calls[0].args as [number[], number[]];
  const at = (label: string) => key.trace.nodes.findIndex((n) => n.label === label);

  test('σ′ left out: the difference is at x, and s, whose gradient the exercise gives, is right', () => {
    const comparison = compareOnGraph(key, returnedGradients(key, upstream, 'value'), [], RTOL);
    expect(comparison.first).toEqual({ id: at('x'), evidence: 'given' });
    expect(comparison.nodes[at('s')].state).toBe('inferred');
    expect(comparison.nodes[at('Lᵢ')].state).toBe('inferred');
    expect(comparison.summary).toMatch(/^Going backward from the loss, your dx is the first gradient that differs, at x \(dx\[\d\] is /);
  });

  test('without the upstream declaration the same answer could only be placed above s', () => {
    const comparison = compareOnGraph({ ...key, upstream: [] }, returnedGradients(key, upstream, 'value'), [], RTOL);
    expect(comparison.first?.evidence).toBe('inferred');
    expect(comparison.first?.id).toBe(at('Lᵢ'));
  });
});

describe('a part spread over several tensors (value-backward’s list of input gradients)', () => {
  const exercise = getExercise('value-backward') as CodeExercise;
  const key = answerKeyOf(exercise) as CodeAnswerKey;
  const graph = key.graph!;
  const visible = prepareCases(exercise).find((c) => c.visible)!;
  const right = visible.calls[0].expected as number[];

  test('each element is its own node’s gradient, under the key it has in code', () => {
    expect(graph.elements).toEqual({ gradients: ['gradients[0]', 'gradients[1]'] });
    expect(graph.trace.nodes[graph.parts['gradients[0]']].label).toBe('x₁');
    expect(returnedGradients(graph, [1, 2], 'value')).toEqual({ 'gradients[0]': 1, 'gradients[1]': 2 });
    // A list of the wrong length, or no list, compares nothing (the grader says what is wrong with it).
    expect(returnedGradients(graph, [1, 2, 3], 'value')).toEqual({});
    expect(returnedGradients(graph, 'two numbers', 'value')).toEqual({});
  });

  test('a wrong second element is the first difference at x₂, and a recognised slip is placed at its node', () => {
    const wrong = [right[0], right[1] + 0.5];
    const comparison = compareOnGraph(graph, returnedGradients(graph, wrong, 'value'), [], RTOL);
    const x2 = graph.parts['gradients[1]'];
    expect(comparison.nodes[graph.parts['gradients[0]']].state).toBe('agrees');
    expect(comparison.nodes[x2].state).not.toBe('agrees');
    expect(comparison.summary).toMatch(/gradients\[0\] agrees/);
    const slip = compareOnGraph(graph, returnedGradients(graph, [0, 0], 'value'), ['forgot-tanh-derivative'], RTOL);
    expect(slip.first).toEqual({ id: graph.misconceptions['forgot-tanh-derivative'], evidence: 'misconception', misconception: 'forgot-tanh-derivative' });
    expect(nodeName(graph.trace.nodes[slip.first!.id])).toBe('a');
  });
});

test('a part that is no gradient (gradient-check’s verdict) is graded but not drawn', () => {
  const exercise = getExercise('gradient-check') as CodeExercise;
  const graph = (answerKeyOf(exercise) as CodeAnswerKey).graph!;
  expect(Object.keys(graph.parts)).toEqual(['numeric']);
  expect(returnedGradients(graph, { numeric: [1, 2], wrong: 1 }, 'object')).toEqual({ numeric: [1, 2] });
});
