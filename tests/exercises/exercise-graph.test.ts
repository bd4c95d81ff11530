import { expect, test } from 'vitest';
import { tensor } from '../../engine/index.ts';
import { getExercise } from '../../exercises/index.ts';
import { defineExercise, type CodeExercise, type NumericExercise } from '../../exercises/define-exercise.ts';
import { elementKey, graphDeclarationProblem, nodeName, partLabels, type ExerciseGraph } from '../../exercises/exercise-graph.ts';

const build = () => tensor(0);
const parts = ['dW', 'db'];

test('a declaration that maps every part, with plain intermediate keys, has no problem', () => {
  expect(graphDeclarationProblem({ build, parts: { dW: 'W', db: 'b' }, intermediates: { dz: 'z' } }, parts, [{ id: 'm', node: 'z' }])).toBeNull();
});

test('a declaration is checked against the exercise’s parts and misconceptions', () => {
  const problem = (graph: ExerciseGraph, misconceptions: { id: string; node?: string }[] = []) => graphDeclarationProblem(graph, parts, misconceptions);
  expect(problem({ build, parts: { dW: 'W' } })).toBe('graph.parts must map every part to a tensor; db is not mapped');
  expect(problem({ build, parts: { dW: 'W', db: 'b', dx: 'x' } })).toBe('graph.parts maps dx, which is not a part');
  expect(problem({ build, parts: { dW: 'W', db: 'b' }, intermediates: { db: 'z' } })).toBe('graph.intermediates: db is already a scored part');
  expect(problem({ build, parts: { dW: 'W', db: 'b' }, intermediates: { 'd z': 'z' } })).toBe('graph.intermediates: "d z" is not a plain identifier');
  expect(problem({ build, parts: { dW: 'W', db: 'W' } })).toBe('graph: dW and db are both the gradient of W');
  expect(problem({ build, parts: { dW: 'W', db: 'b' } }, [{ id: 'slip', node: '' }])).toBe('misconception "slip": node is empty');
  expect(problem({ build, parts: { dW: 'W', db: 'b' }, upstream: ['W'] })).toBe('graph.upstream: W is given to the student, so it cannot also be dW');
  expect(problem({ build, parts: { dW: 'W', db: 'b' }, upstream: [''] })).toBe('graph.upstream names an empty label');
});

test('labels are shown as the course writes them', () => {
  expect(nodeName('z1')).toBe('z₁');
  expect(nodeName('W12')).toBe('W₁₂');
  expect(nodeName('yhat')).toBe('ŷ');
  expect(nodeName('L')).toBe('L');
  expect(nodeName('h')).toBe('h');
  expect(nodeName('w2h')).toBe('w₂h');
  expect(nodeName('z₁')).toBe('z₁');
});

test('defineExercise rejects a graph that leaves a part out, and a misconception node without a graph', () => {
  const mlp = getExercise('mlp-backward') as CodeExercise;
  expect(() => defineExercise({ ...mlp, graph: { ...mlp.graph!, parts: { dW1: 'W1' } } })).toThrow(
    'exercise "mlp-backward": graph.parts must map every part to a tensor; db1, dW2, db2 are not mapped',
  );
  const numeric = getExercise('small-network-gradient') as NumericExercise;
  expect(() => defineExercise({ ...numeric, graph: undefined })).toThrow('misconception "skipped-w2" names a node, but the exercise declares no graph');
});

test('the exercises the issue names declare graphs, with a node for every misconception whose slip enters at one', () => {
  // value-backward's swapped product factors enter at whichever product the program reaches first (the comparison
  // finds that one by the paths), and gradient-check's one-based index is a slip in its verdict, not in a gradient.
  const withoutNode: Record<string, string[]> = { 'value-backward': ['product-factors-swapped'], 'gradient-check': ['one-based-index'] };
  const ids = ['mlp-backward', 'small-network-gradient', 'sigmoid-backward', 'one-hidden-layer-quiz', 'tanh-network-backward', 'two-two-one-by-hand', 'value-backward', 'gradient-check'];
  for (const id of ids) {
    const exercise = getExercise(id) as CodeExercise | NumericExercise;
    expect(exercise.graph, id).toBeDefined();
    const exempt = withoutNode[id] ?? [];
    for (const m of exercise.misconceptions) if (!exempt.includes(m.id)) expect(m.node, `${id}: ${m.id}`).toBeDefined();
  }
});

test('a part may name a list of tensors, element by element, or null when it is no gradient', () => {
  expect(graphDeclarationProblem({ build, parts: { dW: ['W', 'V'], db: null } }, parts, [])).toBeNull();
  expect(graphDeclarationProblem({ build, parts: { dW: [], db: 'b' } }, parts, [])).toBe('graph.parts: dW names an empty list of tensors (map a part that is no gradient to null)');
  expect(graphDeclarationProblem({ build, parts: { dW: null, db: null } }, parts, [])).toBe('graph.parts: no part is a gradient, so there is nothing to draw');
  expect(graphDeclarationProblem({ build, parts: { dW: ['W', 'b'], db: 'b' } }, parts, [])).toBe('graph: dW[1] and db are both the gradient of b');
  expect(partLabels(['W', 'V'])).toEqual(['W', 'V']);
  expect(partLabels(null)).toEqual([]);
  expect(elementKey('gradients', 2)).toBe('gradients[2]');
});
