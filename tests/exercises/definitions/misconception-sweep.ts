// A sweep over many hidden-case salts: the property the grader relies on, checked far beyond the two salts of
// tests/exercises/definitions.test.ts. For every salt, the reference passes and each known-wrong solution fails and
// earns its own feedback first, so an instructor's salt can never make a misconception slip through or go unnamed.

import { expect } from 'vitest';
import { grade, type CodeExercise } from '../../../exercises/index.ts';

/** Grades the reference and every known-wrong solution of `exercise` on `count` salts and expects each to be recognised. */
export function expectRecognisedOnSalts(exercise: CodeExercise, count: number): void {
  for (let s = 0; s < count; s++) {
    const salt = `sweep-${s}`;
    expect(grade(exercise, exercise.solution, { salt }).status, `${exercise.id}: the reference under salt ${salt}`).toBe('passed');
    for (const misconception of exercise.misconceptions) {
      const result = grade(exercise, misconception.solution, { salt });
      expect(result.passed, `${misconception.id} under salt ${salt}`).toBe(false);
      expect(result.misconceptions[0]?.id, `${misconception.id} under salt ${salt}`).toBe(misconception.id);
    }
  }
}
