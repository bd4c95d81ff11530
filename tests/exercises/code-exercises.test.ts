import { expect, test } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { CODE_EXERCISES, loadCodeExercise } from '../../exercises/code-exercises.ts';

// The key worker's list (exercises/code-exercises.ts) is kept by hand beside the course's (index.ts): it must hold
// exactly the code exercises, each loading its own definition, in the same order.
test('the code exercises listed for the key worker are exactly the course\'s code exercises, in course order', async () => {
  const code = EXERCISES.filter((exercise) => exercise.kind === 'code');
  expect(code.length).toBeGreaterThan(0);
  expect(Object.keys(CODE_EXERCISES)).toEqual(code.map((exercise) => exercise.id));
  for (const exercise of code) expect(await CODE_EXERCISES[exercise.id](), exercise.id).toBe(exercise);
});

test('loadCodeExercise loads a code exercise by id, and nothing for a numeric, a choice or an unknown id', async () => {
  expect((await loadCodeExercise('mlp-backward'))?.kind).toBe('code');
  for (const kind of ['numeric', 'choice'] as const) {
    const other = EXERCISES.find((exercise) => exercise.kind === kind);
    expect(other, kind).toBeDefined();
    expect(await loadCodeExercise(other!.id)).toBeUndefined();
  }
  expect(await loadCodeExercise('no-such-exercise')).toBeUndefined();
  expect(await loadCodeExercise('toString')).toBeUndefined();
});
