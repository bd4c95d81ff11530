// The definitions of the numeric exercises seeded per learner, each loaded on its own: a page with one
// of them loads its arithmetic (a few kilobytes) to compute the numbers and the answer of the learner's
// variant, and no other definition (each is a chunk of its own, which scripts/page-javascript.ts counts only on a
// page with that exercise). A seeded exercise is listed here once; the tests check the list against the exercises
// that have `generate`.

import type { NumericExercise } from './define-exercise.ts';

/** Loads each seeded numeric exercise's arithmetic (its numbers and answers, without the engine), by id. */
export const SEEDED_DEFINITIONS: Readonly<Record<string, () => Promise<NumericExercise>>> = {
  'two-two-one-by-hand': () => import('./definitions/two-two-one-by-hand-arithmetic.ts').then((module) => module.default),
  'critical-learning-rate': () => import('./definitions/critical-learning-rate.ts').then((module) => module.default),
  'he-init-variance': () => import('./definitions/he-init-variance.ts').then((module) => module.default),
  'sigmoid-shrinkage': () => import('./definitions/sigmoid-shrinkage.ts').then((module) => module.default),
};

/**
 * Loads the whole definition of each seeded exercise that declares a graph, by id: the page loads it only when an
 * answer is wrong, to trace the graph on the learner's numbers (it brings the engine with it).
 */
export const SEEDED_GRAPH_DEFINITIONS: Readonly<Record<string, () => Promise<NumericExercise>>> = {
  'two-two-one-by-hand': () => import('./definitions/two-two-one-by-hand.ts').then((module) => module.default),
};

/** The definition of a seeded exercise, loaded; an id not listed is a fault of the course, said with the ids that are. */
export async function loadSeededDefinition(id: string): Promise<NumericExercise> {
  const load = SEEDED_DEFINITIONS[id];
  if (load === undefined) throw new Error(`exercise ${JSON.stringify(id)} is seeded per learner but not listed in exercises/seeded-definitions.ts (listed: ${Object.keys(SEEDED_DEFINITIONS).join(', ')})`);
  return load();
}
