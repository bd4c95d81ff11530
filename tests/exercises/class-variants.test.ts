import { expect, test } from 'vitest';
import { exerciseCases, publicSalt } from '../../exercises/cases.ts';
import { readAnswerKey, type CodeAnswerKey } from '../../exercises/answer-key.ts';
import { EXERCISES, getExercise, type CodeExercise, type NumericExercise } from '../../exercises/index.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';
import { answerKeyOf, grade, prepareCases } from '../../exercises/prepare-cases.ts';
import { graphKeyOf } from '../../exercises/graph-key.ts';
import { studentKeyJson } from '../../exercises/student-key.ts';
import { isSeeded, variantNumbers } from '../../exercises/variant.ts';

// A class's students each get their own variant: the course code and student id fix a seed (learner-seed.ts), which picks
// the numbers of the seeded numeric exercises and, through `publicSalt`, the public cases of the code exercises.
const alice = learnerSeedFor('nn-2027-spring', 's001');
const bob = learnerSeedFor('nn-2027-spring', 's002');

const code = (id: string): CodeExercise => {
  const exercise = getExercise(id);
  if (exercise.kind !== 'code') throw new Error(`${id} must be a code exercise`);
  return exercise;
};

test('publicSalt is empty for a learner on their own and a salt of the seed for a class student, different per student', () => {
  expect(publicSalt()).toBe('');
  expect(publicSalt(alice)).toBe(`student-${alice}`);
  expect(publicSalt(alice)).not.toBe(publicSalt(bob));
  // Different salts draw different public cases.
  const exercise = code('mlp-backward');
  expect(exerciseCases(exercise, { salt: publicSalt(alice) })).not.toEqual(exerciseCases(exercise, { salt: publicSalt(bob) }));
  expect(exerciseCases(exercise, { salt: publicSalt(alice) })).not.toEqual(exerciseCases(exercise));
});

test('the key worker\'s key of a class student is prepareCases on their salt, first case visible, with the graph traced on it', async () => {
  for (const id of ['sigmoid-backward', 'mlp-backward', 'momentum-step']) {
    const exercise = code(id);
    const key = readAnswerKey(await studentKeyJson(id, alice)) as CodeAnswerKey;
    const expected = prepareCases(exercise, { salt: publicSalt(alice), visibleCases: 1 });
    expect(key.cases).toEqual(expected);
    expect(key.cases.map((c) => c.visible)).toEqual(expected.map((_, i) => i === 0));
    // The page's count of cases, the same the CLI re-grades the variant on.
    expect(key.cases).toHaveLength(prepareCases(exercise).length);
    // Everything else is the build-time key's; only the cases (and the graph on them) are the student's own.
    const built = answerKeyOf(exercise) as CodeAnswerKey;
    expect({ ...key, cases: [], graph: undefined }).toEqual({ ...built, cases: [], graph: undefined });
    expect(key.cases[0].calls[0].args).not.toEqual(built.cases[0].calls[0].args);
    // Through JSON as the page gets it (a −0 reads back as 0).
    if (exercise.graph !== undefined) expect(key.graph).toEqual(JSON.parse(JSON.stringify(graphKeyOf(exercise, expected[0].calls[0].args))));
  }
});

test('the key worker refuses an exercise that is not code, or not in the course, by name', async () => {
  await expect(studentKeyJson('two-two-one-by-hand', alice)).rejects.toThrow(/no code exercise "two-two-one-by-hand" in this course \(only a code exercise has cases\)/);
  await expect(studentKeyJson('no-such-exercise', alice)).rejects.toThrow(/no code exercise "no-such-exercise"/);
});

test('two students of a class see different numbers in every seeded numeric exercise, and a neighbour\'s numbers fail', () => {
  const seeded = EXERCISES.filter((e): e is NumericExercise => e.kind === 'numeric' && isSeeded(e));
  expect(seeded.length).toBeGreaterThanOrEqual(4);
  for (const exercise of seeded) {
    const aliceNumbers = variantNumbers(exercise, alice);
    expect(aliceNumbers).not.toEqual(variantNumbers(exercise, bob));
    const aliceAnswer = exercise.answer(aliceNumbers);
    expect(aliceAnswer).not.toEqual(exercise.answer(variantNumbers(exercise, bob)));
    // Alice's right answer passes on her numbers; Bob typing it in is graded on his own numbers, and fails.
    expect(grade(exercise, aliceAnswer, { learnerSeed: alice })).toMatchObject({ passed: true });
    const copied = grade(exercise, aliceAnswer, { learnerSeed: bob });
    expect(copied.passed).toBe(false);
    expect(copied.score).toBeLessThan(copied.maxScore);
  }
});
