// Numbers as a reader types them into a numeric exercise: a number, "1, -2" for a vector,
// "1 2; 3 4" for a matrix, each to six significant digits.

import type { Numbers } from '../../../exercises/define-exercise.ts';

/** A number, vector or matrix written in the form the numeric inputs accept. */
export function formatNumbers(value: Numbers | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  if (value.length > 0 && Array.isArray(value[0])) return (value as number[][]).map((row) => formatNumbers(row)).join('; ');
  return (value as number[]).map((x) => formatNumbers(x)).join(', ');
}
