import { expect, test } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { loadSeededDefinition, SEEDED_DEFINITIONS } from '../../exercises/seeded-definitions.ts';
import { isSeeded } from '../../exercises/variant.ts';

test('exactly the numeric exercises seeded per learner are listed', () => {
  const seeded = EXERCISES.filter((e) => e.kind === 'numeric' && isSeeded(e)).map((e) => e.id);
  expect(seeded.length).toBeGreaterThan(0);
  expect(Object.keys(SEEDED_DEFINITIONS).sort()).toEqual(seeded.sort());
});

test('each listed loader loads the definition the course registers', async () => {
  for (const id of Object.keys(SEEDED_DEFINITIONS)) expect(await loadSeededDefinition(id)).toBe(EXERCISES.find((e) => e.id === id));
});

test('an id that is not listed fails with the ids that are', async () => {
  await expect(loadSeededDefinition('small-network-gradient')).rejects.toThrow(/not listed in exercises\/seeded-definitions.ts \(listed: two-two-one-by-hand, critical-learning-rate\)/);
});
