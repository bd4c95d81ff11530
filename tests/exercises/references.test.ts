import { expect, test } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { exerciseCases } from '../../exercises/cases.ts';
import type { CodeExercise } from '../../exercises/index.ts';
import { prepareCases } from '../../exercises/index.ts';
import { compareElements, flatten } from '../../exercises/compare.ts';
import type { Numbers } from '../../exercises/define-exercise.ts';

const codeExercises = EXERCISES.filter((e): e is CodeExercise => e.kind === 'code');
// The public cases the page checks on, and a salted set as an instructor's hidden run draws.
const SALTS = ['', 'oracle'];

test('every code exercise has an engine oracle', () => {
  expect(codeExercises.filter((e) => typeof e.oracle !== 'function').map((e) => e.id)).toEqual([]);
});

test.each(codeExercises.map((e) => [e.id, e] as const))("%s: the reference solution equals the engine's answer on every call", (_id, exercise) => {
  for (const salt of SALTS) {
    const cases = exerciseCases(exercise, { count: 6, salt });
    prepareCases(exercise, { cases: 6, salt }).forEach((prepared, ci) => {
      for (const call of prepared.calls) {
        const engine = exercise.oracle(call.args, cases[ci]) as Record<string, Numbers> | Numbers;
        for (const part of exercise.parts) {
          const ours = exercise.returns === 'value' ? call.expected : (call.expected as Record<string, Numbers>)[part.name];
          const theirs = exercise.returns === 'value' ? engine : (engine as Record<string, Numbers>)[part.name];
          // Both are float64 computations of the same formula; only rounding may differ.
          expect(compareElements(flatten(ours as Numbers), flatten(theirs as Numbers), 1e-10).pass, `${exercise.id} ${part.name} (salt ${JSON.stringify(salt)})`).toBe(true);
        }
      }
    });
  }
});

test("the hand-computed gradient's answer equals the engine's", async () => {
  const { Tensor, tensor, relu, mseLoss } = await import('../../engine/index.ts');
  const exercise = EXERCISES.find((e) => e.id === 'small-network-gradient');
  if (exercise?.kind !== 'numeric') throw new Error('small-network-gradient must be numeric');
  // The same numbers as the prompt, read from it so the test cannot drift from the page.
  const read = (name: string) => Number(new RegExp(`${name} = (-?[\\d.]+)`).exec(exercise.prompt)![1]);
  const leaf = (v: number) => tensor(v, { requiresGrad: true });
  const [w1, b1, w2, b2] = [leaf(read('w_1')), leaf(read('b_1')), leaf(read('w_2')), leaf(read('b_2'))];
  const yHat = relu(w1.mul(read('x')).add(b1)).mul(w2).add(b2);
  mseLoss(yHat, read('y')).backward();
  const engine = { dw1: w1, db1: b1, dw2: w2, db2: b2 } as Record<string, InstanceType<typeof Tensor>>;
  const answer = exercise.answer();
  for (const [name, t] of Object.entries(engine)) expect(answer[name]).toBeCloseTo(t.grad!.item(), 12);
});

test("count-parameters' answers equal the engine's count for the sizes in the prompt", async () => {
  const { MLP } = await import('../../engine/index.ts');
  const exercise = EXERCISES.find((e) => e.id === 'count-parameters');
  if (exercise?.kind !== 'numeric') throw new Error('count-parameters must be numeric');
  // The sizes are read from the prompt, so the test cannot drift from the page.
  const sizes = /layer sizes ([\d-]+)/.exec(exercise.prompt)![1].split('-').map(Number);
  const network = new MLP(sizes);
  const answer = exercise.answer();
  expect(answer.total).toBe(network.parameterCount());
  expect(answer.layer1).toBe(network.linearLayers()[0].parameterCount());
  // The lesson's formula, Σ n_ℓ (n_{ℓ-1} + 1), gives the same count.
  expect(answer.total).toBe(sizes.slice(1).reduce((total, n, k) => total + n * (sizes[k] + 1), 0));
});
