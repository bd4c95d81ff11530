// Comparing a student's output with the expected one: first its structure (is it
// a number, a vector or a matrix of the right size, with finite entries), then
// every element with numpy.isclose's rule, |s − r| ≤ atol + rtol·|r|, where atol
// scales with the largest expected entry so tiny gradients are not compared to 0.

import type { Numbers } from './define-exercise.ts';
import { readNumbers } from './returned-value.ts';

/** The relative tolerance of code exercises. */
export const RTOL = 1e-6;

/** The absolute tolerance's factor: atol = 1e-9 · max(1, max|r|). */
export const ATOL_FACTOR = 1e-9;

/** The shape of a number ([]), vector ([n]) or matrix ([rows, cols]). */
export function shapeOf(value: Numbers): number[] {
  if (typeof value === 'number') return [];
  if (value.length > 0 && Array.isArray(value[0])) return [value.length, (value[0] as number[]).length];
  return [value.length];
}

/** A shape in the course's words: "a number", "5 numbers", "4×5". */
export function shapeText(shape: readonly number[]): string {
  if (shape.length === 0) return 'a number';
  if (shape.length === 1) return `${shape[0]} number${shape[0] === 1 ? '' : 's'}`;
  return shape.join('×');
}

/** All entries of a number, vector or matrix in row-major order. */
export function flatten(value: Numbers): number[] {
  if (typeof value === 'number') return [value];
  return (value as (number | number[])[]).flat() as number[];
}

/** The index (row, column) of entry `k` of a flattened value of this shape, for messages such as "dW1[2][0]". */
export function elementIndex(shape: readonly number[], k: number): number[] {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [k];
  return [Math.floor(k / shape[1]), k % shape[1]];
}

/**
 * Checks that `value` has the structure of `expected` (a number, a vector or a matrix of the same shape, finite
 * entries) and returns the problem in the exercise's terms ("dW1 must be 4×5, yours is 5×4"), or null. Total on any
 * value: see `readNumbers`, which also gives the checked plain copy.
 */
export function structureProblem(name: string, value: unknown, expected: Numbers): string | null {
  const read = readNumbers(name, value, expected);
  return read.ok ? null : read.problem;
}

/** The absolute tolerance for an expected value: 1e-9 · max(1, max|r|). */
export function absoluteTolerance(expected: readonly number[]): number {
  return ATOL_FACTOR * Math.max(1, ...expected.map(Math.abs));
}

/** The worst element of a comparison: where, both values, and how many tolerances apart. */
export interface ElementComparison {
  /** Position in the flattened value. */
  flatIndex: number;
  /** The student's value there. */
  yours: number;
  /** The expected value there. */
  expected: number;
  /** |s − r| / (atol + rtol·|r|): at most 1 passes. */
  ratio: number;
}

/** Compares two flattened values of the same length element by element; returns whether all pass and the worst element. */
export function compareElements(yours: readonly number[], expected: readonly number[], rtol = RTOL): { pass: boolean; worst: ElementComparison } {
  const atol = absoluteTolerance(expected);
  let worst: ElementComparison = { flatIndex: 0, yours: yours[0], expected: expected[0], ratio: -1 };
  for (let k = 0; k < expected.length; k++) {
    const ratio = Math.abs(yours[k] - expected[k]) / (atol + rtol * Math.abs(expected[k]));
    // NaN never passes and is always the worst.
    if (!(ratio <= worst.ratio)) worst = { flatIndex: k, yours: yours[k], expected: expected[k], ratio: Number.isNaN(ratio) ? Infinity : ratio };
  }
  return { pass: worst.ratio <= 1, worst };
}

/** Whether `value` has `target`'s structure and agrees with it within tolerance: used to recognise misconceptions. */
export function matches(value: unknown, target: Numbers, rtol = RTOL): boolean {
  const read = readNumbers('', value, target);
  return read.ok && compareElements(flatten(read.value), flatten(target), rtol).pass;
}
