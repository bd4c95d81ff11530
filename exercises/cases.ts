// Seeded test cases: the same exercise, salt and index always give the same case,
// in the page and in the CLI. The page uses no salt (public cases, the first one
// shown in full); an instructor's salt gives hidden cases nobody has seen. Also the
// building blocks the definitions draw their inputs with.

// By path, not the engine's index: a seeded numeric exercise's page loads this module, and needs only the generator.
import { Random } from '../engine/random.ts';
import type { CodeExercise, ExerciseCase } from './define-exercise.ts';

/** The fewest cases a code exercise is graded on. */
export const MIN_CASES = 3;

/** A 32-bit seed from text (FNV-1a), so a salt may be any string. */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The salt of a learner's public cases: '' (the cases built into the page) for a learner on their own, and one of their
 * own for a student in a class, from the seed their course code and student id fix (learner-seed.ts), so two students
 * of a class see and are graded on different public cases, and the grading CLI recomputes the cases each one saw.
 */
export function publicSalt(learnerSeed?: number): string {
  return learnerSeed === undefined ? '' : `student-${learnerSeed}`;
}

/** The seed of case `index` of an exercise under a salt ('' for the public cases). */
export function caseSeed(exerciseId: string, salt: string, index: number): number {
  return seedFromText(`${exerciseId}\u0000${salt}\u0000${index}`);
}

/** The cases an exercise is graded on: `count` seeded cases under `salt`, at least 3 and at least the exercise's own `caseCount`. */
export function exerciseCases(exercise: CodeExercise, options: { salt?: string; count?: number } = {}): ExerciseCase[] {
  const count = Math.max(MIN_CASES, exercise.caseCount ?? MIN_CASES, options.count ?? MIN_CASES);
  return Array.from({ length: count }, (_, index) => exercise.generate(new Random(caseSeed(exercise.id, options.salt ?? '', index)), index));
}

/** `count` pairwise-different integers from [low, high], so no two dimensions of a case can be swapped unnoticed. */
export function distinctSizes(rng: Random, count: number, low: number, high: number): number[] {
  if (high - low + 1 < count) throw new RangeError(`distinctSizes: [${low}, ${high}] holds fewer than ${count} integers`);
  const pool = Array.from({ length: high - low + 1 }, (_, i) => low + i);
  return rng.shuffle(pool).slice(0, count);
}

/** A uniform number in [low, high) at least `margin` away from every point in `avoid` (kinks, zeros). */
export function awayFrom(rng: Random, low: number, high: number, avoid: readonly number[] = [], margin = 0.1): number {
  for (;;) {
    // Rounded to 1e-4 so a visible case reads well; the grading is exact on whatever is drawn.
    const x = Math.round(rng.uniform(low, high) * 1e4) / 1e4;
    if (avoid.every((point) => Math.abs(x - point) >= margin)) return x;
  }
}

/** A vector of `n` uniform numbers drawn as `awayFrom` does. */
export function vector(rng: Random, n: number, low = -1, high = 1, avoid: readonly number[] = [], margin = 0.1): number[] {
  return Array.from({ length: n }, () => awayFrom(rng, low, high, avoid, margin));
}

/** A `rows`×`cols` matrix of uniform numbers drawn as `awayFrom` does. */
export function matrix(rng: Random, rows: number, cols: number, low = -1, high = 1, avoid: readonly number[] = [], margin = 0.1): number[][] {
  return Array.from({ length: rows }, () => vector(rng, cols, low, high, avoid, margin));
}

/** `n` class indices below `classes`, every class present when n allows, in a seeded order. */
export function classIndices(rng: Random, n: number, classes: number): number[] {
  const labels = Array.from({ length: n }, (_, i) => (i < classes ? i : rng.int(classes)));
  return rng.shuffle(labels);
}
