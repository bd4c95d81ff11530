// Turning whatever a cell threw into a `CellError` that points at the reader's code. The stack of
// an error lists frames such as `at train (cell-3.js:4:11)` (V8) or `train@cell-3.js:4:11`
// (SpiderMonkey); the first frame in a cell's script is the line to show, whatever engine or
// worker frames sit above it, and the rest of the stack is noise a reader does not need.

import { CellSyntaxError, type CellError } from './cell-error.ts';

/** Maps a 1-based position in a run's script to the 1-based position in that run's cell. */
export type Locator = (line: number, column: number) => { line: number; column: number } | undefined;

const CELL_FRAME = /cell-(\d+)\.js:(\d+):(\d+)/;

/** Describes a thrown value as a `CellError`, placed with the locator of the run whose frame is nearest the throw. */
export function describeError(thrown: unknown, runId: number, locatorOf: (runId: number) => Locator | undefined): CellError {
  if (thrown instanceof CellSyntaxError) {
    return { kind: 'syntax', name: 'SyntaxError', message: thrown.message, line: thrown.line, column: thrown.column };
  }
  const { name, message, stack } = readError(thrown);
  const error: CellError = { kind: name === 'SyntaxError' ? 'syntax' : 'runtime', name, message };
  for (const frame of stack.split('\n')) {
    const match = CELL_FRAME.exec(frame);
    if (!match) continue;
    const frameRun = Number(match[1]);
    const position = locatorOf(frameRun)?.(Number(match[2]), Number(match[3]));
    if (!position) continue;
    error.line = position.line;
    error.column = position.column;
    if (frameRun !== runId) error.runId = frameRun;
    break;
  }
  return error;
}

// Reading an arbitrary thrown value must never throw in turn: a getter may throw, `throw null` happens.
function readError(thrown: unknown): { name: string; message: string; stack: string } {
  try {
    if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null && 'message' in thrown)) {
      const record = thrown as { name?: unknown; message?: unknown; stack?: unknown };
      return {
        name: typeof record.name === 'string' ? record.name : 'Error',
        message: String(record.message),
        stack: typeof record.stack === 'string' ? record.stack : '',
      };
    }
    return { name: '', message: `threw ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`, stack: '' };
  } catch {
    return { name: '', message: 'threw a value that cannot be shown', stack: '' };
  }
}
