// Variants of a numeric exercise seeded per learner: its numbers are drawn by its `generate` from a
// generator seeded by the learner's seed (learner-seed.ts) and the exercise's id, so one learner sees
// the same numbers on every visit and in every exercise a different set, and the grader (page or CLI)
// computes the answer for exactly those numbers. The prompt names each number by a `{{name}}`
// placeholder, typeset around when the site is built and filled in by the page.

import { Random } from '../engine/random.ts';
import { seedFromText } from './cases.ts';
import type { NumericExercise, VariantNumbers } from './define-exercise.ts';
import type { NumericGradingSpec } from './grader.ts';

/** A placeholder for a variant number in a prompt: `{{x1}}`. */
export const VARIANT_PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Whether a numeric exercise's numbers are seeded per learner. */
export function isSeeded(exercise: Pick<NumericExercise, 'generate'>): boolean {
  return exercise.generate !== undefined;
}

/** The generator seed of an exercise's variant for a learner seed: mixed with the id, so each exercise draws its own numbers. */
export function variantSeed(exerciseId: string, learnerSeed: number): number {
  return seedFromText(`${exerciseId}\u0000variant\u0000${learnerSeed}`);
}

/** The numbers a learner with this seed sees in a seeded exercise. */
export function variantNumbers(exercise: Pick<NumericExercise, 'id' | 'generate'>, learnerSeed: number): VariantNumbers {
  if (exercise.generate === undefined) throw new Error(`exercise ${JSON.stringify(exercise.id)} is not seeded per learner`);
  return exercise.generate(new Random(variantSeed(exercise.id, learnerSeed)));
}

/** The names of the placeholders in a text, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(VARIANT_PLACEHOLDER)].map((match) => match[1]))];
}

/** A variant number as the prompt shows it: a few significant digits, with a true minus sign. */
export function formatVariantNumber(value: number): string {
  return String(Number(value.toPrecision(6))).replace('-', '\u2212');
}

/** What grading a numeric exercise needs, for these numbers: its answer and known wrong answers bound to them. */
export function numericSpecFor(exercise: NumericExercise, numbers: VariantNumbers): NumericGradingSpec {
  return {
    id: exercise.id,
    parts: exercise.parts,
    rtol: exercise.rtol,
    ...(exercise.detectors === undefined ? {} : { detectors: exercise.detectors }),
    answer: () => exercise.answer(numbers),
    misconceptions: exercise.misconceptions.map((m) => ({ id: m.id, feedback: m.feedback, answer: () => m.answer(numbers) })),
  };
}
