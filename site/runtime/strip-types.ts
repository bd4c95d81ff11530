// TypeScript cells become JavaScript by blanking their types (exercises/submission/erase-types.ts, the
// same compiler that compiles an exercise's code): fast enough to run on every keypress-sized cell in
// the worker, and every character that remains stays at its line and column, so an error found in the
// JavaScript already points at the reader's own TypeScript.

import { eraseTypes, EraseTypesError } from '../../exercises/submission/erase-types.ts';
import { CellSyntaxError } from './cell-error.ts';
import { LineIndex } from './text-position.ts';

/** A cell's JavaScript, each position the same as in the cell; code that cannot be compiled is a `CellSyntaxError` at its line and column. */
export function stripTypes(source: string): string {
  try {
    return eraseTypes(source);
  } catch (error) {
    if (!(error instanceof EraseTypesError)) throw error;
    const at = new LineIndex(source).position(error.offset);
    throw new CellSyntaxError(error.message, at.line + 1, at.column + 1);
  }
}
