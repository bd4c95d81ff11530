// TypeScript cells become JavaScript by deleting their types with sucrase: fast enough to run on
// every keypress-sized cell in the worker, and it keeps every line where it was. Its source map
// brings columns back too, so an error still points at the reader's own TypeScript.

import { transform } from 'sucrase';
import { CellSyntaxError } from './cell-error.ts';
import { decodeMappings, originalPosition, type MappingSegment } from './source-map.ts';
import { LineIndex, type TextPosition } from './text-position.ts';

/** JavaScript made from a cell, with a way back from its positions to the cell's own. */
export interface StrippedCode {
  /** The JavaScript. */
  code: string;
  /** The cell position (0-based) of a position (0-based) in `code`. */
  toSource(position: TextPosition): TextPosition;
}

/** Deletes TypeScript's types from a cell; a syntax error comes back as a `CellSyntaxError` at the cell's line and column. */
export function stripTypes(source: string): StrippedCode {
  let result: ReturnType<typeof transform>;
  try {
    result = transform(source, {
      transforms: ['typescript'],
      filePath: 'cell.ts',
      sourceMapOptions: { compiledFilename: 'cell.js' },
      // Leave modern syntax alone: the worker runs in a browser that understands it.
      disableESTransforms: true,
    });
  } catch (error) {
    throw asCellSyntaxError(error, source);
  }
  const lines: MappingSegment[][] = decodeMappings(result.sourceMap?.mappings ?? '');
  return { code: result.code, toSource: (position) => originalPosition(lines, position) };
}

/** JavaScript needs no stripping: the same code, and positions map to themselves. */
export function keepJavaScript(source: string): StrippedCode {
  return { code: source, toSource: (position) => position };
}

// Sucrase says "Error transforming cell.ts: Unexpected token (2:14)" and records the offset as
// `pos`; the reader wants "Unexpected token" and the place that offset is in the cell.
function asCellSyntaxError(error: unknown, source: string): Error {
  if (!(error instanceof Error)) return new CellSyntaxError(String(error), 1, 1);
  const message = error.message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
  const offset = (error as { pos?: unknown }).pos;
  if (typeof offset !== 'number') return new CellSyntaxError(message, 1, 1);
  const at = new LineIndex(source).position(offset);
  return new CellSyntaxError(message, at.line + 1, at.column + 1);
}
