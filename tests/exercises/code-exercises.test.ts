import { expect, test } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { CODE_EXERCISES, findCodeExercise } from '../../exercises/code-exercises.ts';

// The key worker's list (exercises/code-exercises.ts) is kept by hand beside the course's (index.ts): it must hold
// exactly the code exercises, the same definitions, in the same order.
test('the code exercises listed for the key worker are exactly the course\'s code exercises, in course order', () => {
  const code = EXERCISES.filter((exercise) => exercise.kind === 'code');
  expect(code.length).toBeGreaterThan(0);
  expect(CODE_EXERCISES.map((exercise) => exercise.id)).toEqual(code.map((exercise) => exercise.id));
  CODE_EXERCISES.forEach((exercise, i) => expect(exercise).toBe(code[i]));
});

test('findCodeExercise finds a code exercise by id, and nothing for a numeric, a choice or an unknown id', () => {
  expect(findCodeExercise('mlp-backward')?.kind).toBe('code');
  for (const kind of ['numeric', 'choice'] as const) {
    const other = EXERCISES.find((exercise) => exercise.kind === kind);
    expect(other, kind).toBeDefined();
    expect(findCodeExercise(other!.id)).toBeUndefined();
  }
  expect(findCodeExercise('no-such-exercise')).toBeUndefined();
});
