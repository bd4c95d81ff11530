import { describe, expect, test } from 'vitest';
import { add, mul, tensor } from '../../engine/index.ts';
import { EXERCISES, getExercise } from '../../exercises/index.ts';
import type { CodeExercise, Exercise, Numbers, NumericExercise } from '../../exercises/define-exercise.ts';
import { isSeeded, variantNumbers } from '../../exercises/variant.ts';
import { answerKeyJson, answerKeyOf, prepareCases } from '../../exercises/prepare-cases.ts';
import { readAnswerKey, type CodeAnswerKey, type NumericAnswerKey } from '../../exercises/answer-key.ts';
import { traceGraph, type GraphKey } from '../../exercises/graph-key.ts';
import { compareElements, flatten, RTOL } from '../../exercises/compare.ts';

const withGraph = EXERCISES.filter((e) => e.kind !== 'choice' && e.graph !== undefined);

describe('every declared graph is autograd’s computation of the exercise', () => {
  // A seeded exercise's graph is traced in the page on each learner's numbers: check it on several learners.
  const cases: [string, Exercise, number | null][] = withGraph.flatMap((e): [string, Exercise, number | null][] =>
    e.kind === 'numeric' && isSeeded(e) ? [1, 2, 3, 4242].map((learner) => [`${e.id} (learner ${learner})`, e, learner]) : [[e.id, e, null]],
  );
  test.each(cases)('%s: each part’s node carries the reference answer as its gradient', (_name, exercise, learner) => {
    const key = answerKeyOf(exercise);
    if (key.kind === 'choice' || exercise.kind === 'choice') throw new Error('unreachable');
    let graph: GraphKey;
    let expected: unknown;
    if (learner !== null) {
      expect(key).not.toHaveProperty('graph');
      const numbers = variantNumbers(exercise as NumericExercise, learner);
      graph = traceGraph(exercise.graph!, [numbers], exercise.misconceptions, exercise.id);
      expected = (exercise as NumericExercise).answer(numbers);
    } else {
      graph = key.graph!;
      expected = key.kind === 'code' ? prepareCases(exercise as CodeExercise).find((c) => c.visible)!.calls[0].expected : (key as NumericAnswerKey).expected;
    }
    const valueOf = (part: string) => (key.kind === 'code' && key.returns === 'value' ? expected : (expected as Record<string, unknown>)[part]);
    for (const [part, id] of Object.entries(graph.parts)) {
      // A part spread over several tensors: element i of its value is the gradient of its i-th tensor.
      const element = /^(\w+)\[(\d+)\]$/.exec(part);
      const value = (element === null ? valueOf(part) : (valueOf(element[1]) as number[])[Number(element[2])]) as Numbers;
      expect(compareElements(flatten(graph.trace.nodes[id].grad as Numbers), flatten(value), RTOL).pass, part).toBe(true);
    }
    for (const [part, keys] of Object.entries(graph.elements)) expect((valueOf(part) as number[]).length, part).toBe(keys.length);
    expect(graph.trace.nodes.at(-1)!.grad).toBe(1);
    for (const id of [...Object.values(graph.intermediates), ...Object.values(graph.misconceptions)]) expect(graph.trace.nodes[id].grad).not.toBeNull();
  });
});

test('the answer key carries the graph through its JSON, small enough for a page', () => {
  const json = answerKeyJson(getExercise('mlp-backward'));
  const key = readAnswerKey(json) as CodeAnswerKey;
  // JSON writes −0 as 0, which is all the page reads.
  expect(JSON.stringify(key.graph)).toBe(JSON.stringify((answerKeyOf(getExercise('mlp-backward')) as CodeAnswerKey).graph));
  expect(key.graph!.trace.nodes.map((n) => n.label)).toEqual(['x', 'W₁', 'b₁', 'z₁', 'h', 'W₂', 'b₂', 'z₂', 'L']);
  expect(key.graph!.misconceptions['forgot-relu-derivative']).toBe(3);
  expect(JSON.stringify(key.graph).length).toBeLessThan(20_000);
  expect(readAnswerKey(answerKeyJson(getExercise('tanh-backward')))).not.toHaveProperty('graph');
});

describe('a declaration that does not fit its computation fails when the site is built, saying why', () => {
  const leaf = (label: string) => tensor(2, { requiresGrad: true, label });
  const build = () => mul(add(leaf('w'), tensor(1)).named('z'), tensor(3)).named('L');

  test('a label no tensor carries', () => {
    expect(() => traceGraph({ build, parts: { dw: 'v' } }, [], [], 'exercise "e"')).toThrow('exercise "e": part dw names v, but no tensor of the graph is named so (named: w, z, L)');
  });
  test('a tensor that gets no gradient', () => {
    const noGrad = () => mul(leaf('w'), tensor(3, { label: 'c' })).named('L');
    expect(() => traceGraph({ build: noGrad, parts: { dc: 'c' } }, [], [], 'e')).toThrow('e: part dc names c, which gets no gradient');
  });
  test('a loss that is not a single number', () => {
    expect(() => traceGraph({ build: () => mul(tensor([1, 2], { requiresGrad: true }), tensor(2)), parts: {} }, [], [], 'e')).toThrow('e: graph.build must return the loss');
  });
  test('two tensors with one name', () => {
    expect(() => traceGraph({ build: () => mul(leaf('w'), leaf('w')).named('L'), parts: {} }, [], [], 'e')).toThrow('e: two tensors of the graph are named w');
  });
  test('an upstream label that gets no gradient', () => {
    expect(() => traceGraph({ build, parts: { dw: 'w' }, upstream: ['nowhere'] }, [], [], 'e')).toThrow('e: upstream names nowhere, but no tensor of the graph is named so');
  });
  test('a misconception’s node resolves to its id', () => {
    expect(traceGraph({ build, parts: { dw: 'w' } }, [], [{ id: 'slip', node: 'z' }, { id: 'other' }], 'e').misconceptions).toEqual({ slip: 2 });
  });
});

test('the key carries the engine’s chain-rule line of every gradient, named as the course writes them', () => {
  const graph = (answerKeyOf(getExercise('mlp-backward')) as CodeAnswerKey).graph!;
  expect(graph.lines.map((line) => line.name)).toEqual(['L', 'z₂', 'b₂', 'W₂', 'h', 'z₁', 'b₁', 'W₁']);
  const z1 = graph.lines.find((line) => line.name === 'z₁')!;
  expect(z1.node).toBe(graph.misconceptions['forgot-relu-derivative']);
  expect(z1.terms).toHaveLength(1);
  expect(z1.terms[0].consumer).toBe(graph.trace.nodes.findIndex((n) => n.label === 'h'));
});
