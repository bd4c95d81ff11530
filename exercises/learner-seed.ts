// Where a learner's variant seed comes from: the one number, kept with their progress, that picks the
// numbers of every exercise seeded per learner (see variant.ts), so two students see different numbers
// and the grading CLI re-grades each on the numbers they saw. A learner on their own gets one drawn at
// random, once, by the page that first needs it; a student in a class gets the one their course code and
// student id fix (`learnerSeedFor`), so the instructor can recompute it from the roster.

import { seedFromText } from './cases.ts';

/** The largest seed: seeds are whole numbers in [0, 2³² − 1], what the engine's generator takes. */
export const LEARNER_SEED_MAX = 0xffff_ffff;

/** A fresh learner seed, drawn at random (from the platform's cryptographic generator when there is one). */
export function newLearnerSeed(): number {
  const cryptoApi = (globalThis as { crypto?: Pick<Crypto, 'getRandomValues'> }).crypto;
  if (cryptoApi?.getRandomValues !== undefined) return cryptoApi.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * (LEARNER_SEED_MAX + 1));
}

/** Why a stored value is not a learner seed, or null when it is one. */
export function learnerSeedProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > LEARNER_SEED_MAX) {
    return `the variant seed must be a whole number from 0 to ${LEARNER_SEED_MAX}, and it is ${JSON.stringify(value) ?? String(value)}`;
  }
  return null;
}

/** The variant seed of a student in a class: fixed by the course code and the student id, the same on any device. */
export function learnerSeedFor(course: string, studentId: string): number {
  return seedFromText(`neural-notebook\u0000student\u0000${course}\u0000${studentId}`);
}
