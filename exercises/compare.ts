// Comparing a student's output with the expected one: first its structure (is it
// a number, a vector or a matrix of the right size, with finite entries), then
// every element with numpy.isclose's rule, |s − r| ≤ atol + rtol·|r|, where atol
// scales with the largest expected entry so tiny gradients are not compared to 0.

import type { Numbers } from './define-exercise.ts';

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

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/**
 * Checks that `value` has the structure of `expected` (a number, a vector or a matrix of the same shape, finite
 * entries) and returns the problem in the exercise's terms ("dW1 must be 4×5, yours is 5×4"), or null.
 */
export function structureProblem(name: string, value: unknown, expected: Numbers): string | null {
  const shape = shapeOf(expected);
  const want = shapeText(shape);
  if (shape.length === 0) {
    if (typeof value !== 'number') return `${name} must be a number, yours is ${kindOf(value)}`;
    return finiteProblem(name, value);
  }
  if (!Array.isArray(value)) return `${name} must be ${shape.length === 1 ? 'an array of ' : ''}${want}, yours is ${kindOf(value)}`;
  if (shape.length === 1) {
    if (value.length > 0 && value.every(Array.isArray)) {
      return `${name} must be ${want}, yours is ${value.length}×${(value[0] as unknown[]).length}`;
    }
    if (value.length !== shape[0]) return `${name} must have ${want}, yours has ${value.length}`;
    return entriesProblem(name, value, (i) => `[${i}]`);
  }
  if (!value.every(Array.isArray)) {
    return `${name} must be ${want} (an array of ${shape[0]} rows), yours is ${value.length > 0 && value.every((x) => typeof x === 'number') ? `a flat array of ${value.length} numbers` : kindOf(value)}`;
  }
  const rows = value as unknown[][];
  const ragged = rows.findIndex((row) => row.length !== rows[0].length);
  if (ragged >= 0) return `${name} must be ${want}; its row ${ragged} has ${rows[ragged].length} numbers and row 0 has ${rows[0].length}`;
  if (rows.length !== shape[0] || rows[0].length !== shape[1]) return `${name} must be ${want}, yours is ${rows.length}×${rows[0]?.length ?? 0}`;
  for (let i = 0; i < rows.length; i++) {
    const problem = entriesProblem(name, rows[i], (j) => `[${i}][${j}]`);
    if (problem !== null) return problem;
  }
  return null;
}

function entriesProblem(name: string, entries: unknown[], where: (i: number) => string): string | null {
  for (let i = 0; i < entries.length; i++) {
    if (typeof entries[i] !== 'number') return `${name}${where(i)} is ${kindOf(entries[i])}, not a number`;
    const problem = finiteProblem(`${name}${where(i)}`, entries[i] as number);
    if (problem !== null) return problem;
  }
  return null;
}

function finiteProblem(name: string, x: number): string | null {
  if (Number.isNaN(x)) return `${name} is NaN (a 0/0, ∞ − ∞ or a log of a negative number somewhere?)`;
  if (!Number.isFinite(x)) return `${name} is ${x} (an overflow, or a division by zero?)`;
  return null;
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
  if (structureProblem('', value, target) !== null) return false;
  return compareElements(flatten(value as Numbers), flatten(target), rtol).pass;
}
