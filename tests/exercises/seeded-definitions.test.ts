import { expect, test } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeededDefinition, SEEDED_DEFINITIONS, SEEDED_GRAPH_DEFINITIONS } from '../../exercises/seeded-definitions.ts';
import { isSeeded, variantNumbers } from '../../exercises/variant.ts';
import type { NumericExercise } from '../../exercises/define-exercise.ts';

test('exactly the numeric exercises seeded per learner are listed', () => {
  const seeded = EXERCISES.filter((e) => e.kind === 'numeric' && isSeeded(e)).map((e) => e.id);
  expect(seeded.length).toBeGreaterThan(0);
  expect(Object.keys(SEEDED_DEFINITIONS).sort()).toEqual(seeded.sort());
});

test('each listed loader loads the definition the course registers, or its arithmetic: the same numbers and answers', async () => {
  for (const id of Object.keys(SEEDED_DEFINITIONS)) {
    const registered = EXERCISES.find((e) => e.id === id) as NumericExercise;
    const loaded = await loadSeededDefinition(id);
    expect([loaded.id, loaded.prompt, loaded.parts, loaded.rtol]).toEqual([registered.id, registered.prompt, registered.parts, registered.rtol]);
    expect(loaded.misconceptions.map((m) => [m.id, m.feedback])).toEqual(registered.misconceptions.map((m) => [m.id, m.feedback]));
    for (const learner of [1, 2, 77, 123456]) {
      const numbers = variantNumbers(loaded, learner);
      expect(numbers).toEqual(variantNumbers(registered, learner));
      expect(loaded.answer(numbers)).toEqual(registered.answer(numbers));
      loaded.misconceptions.forEach((m, i) => expect(m.answer(numbers)).toEqual(registered.misconceptions[i].answer(numbers)));
    }
    if (SEEDED_GRAPH_DEFINITIONS[id] !== undefined) expect(await SEEDED_GRAPH_DEFINITIONS[id]()).toBe(registered);
    else expect(loaded).toBe(registered);
  }
});

test('a seeded exercise with a graph keeps the engine out of what every learner loads', () => {
  for (const id of Object.keys(SEEDED_GRAPH_DEFINITIONS)) {
    expect(EXERCISES.find((e) => e.id === id)?.kind === 'numeric' && (EXERCISES.find((e) => e.id === id) as NumericExercise).graph).toBeTruthy();
    const source = readFileSync(join(import.meta.dirname, `../../exercises/definitions/${id}-arithmetic.ts`), 'utf8');
    expect(source).not.toMatch(/^import (?!type)[^;]*engine/m);
  }
});

test('an id that is not listed fails with the ids that are', async () => {
  await expect(loadSeededDefinition('small-network-gradient')).rejects.toThrow(`not listed in exercises/seeded-definitions.ts (listed: ${Object.keys(SEEDED_DEFINITIONS).join(', ')})`);
});
