import { expect, test } from 'vitest';
import { LEARNER_SEED_MAX, learnerSeedFor, learnerSeedProblem, newLearnerSeed } from '../../exercises/learner-seed.ts';

test('a new learner seed is a whole number in range, and two draws differ', () => {
  const seeds = Array.from({ length: 20 }, newLearnerSeed);
  for (const seed of seeds) expect(learnerSeedProblem(seed)).toBeNull();
  expect(new Set(seeds).size).toBeGreaterThan(1);
});

test('only whole numbers from 0 to 2³² − 1 are learner seeds, and the reason names the value', () => {
  for (const good of [0, 1, LEARNER_SEED_MAX]) expect(learnerSeedProblem(good)).toBeNull();
  for (const bad of [-1, 1.5, LEARNER_SEED_MAX + 1, '12', null, Number.NaN, {}]) expect(learnerSeedProblem(bad)).toMatch(/must be a whole number/);
  expect(learnerSeedProblem('12')).toContain('"12"');
});

test('a student in a class has the seed their course code and id fix: the same anywhere, different per student and per course', () => {
  const seed = learnerSeedFor('nn-2027', 's001');
  expect(learnerSeedProblem(seed)).toBeNull();
  expect(learnerSeedFor('nn-2027', 's001')).toBe(seed);
  expect(learnerSeedFor('nn-2027', 's002')).not.toBe(seed);
  expect(learnerSeedFor('nn-2028', 's001')).not.toBe(seed);
  // The separator keeps "a" + "bc" apart from "ab" + "c".
  expect(learnerSeedFor('a', 'bc')).not.toBe(learnerSeedFor('ab', 'c'));
});
