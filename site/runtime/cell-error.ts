// What a reader sees when a cell goes wrong: the kind of problem, a plain message, and where in
// the cell's own code it happened. Lines and columns are 1-based, as an editor's gutter counts them.

/** The kinds of problem a run can end with. */
export type CellErrorKind = 'syntax' | 'runtime' | 'timeout' | 'stopped' | 'crash' | 'restart';

/** A problem in a run, ready to show: its kind, the error's name and message, and its place in the cell when known. */
export interface CellError {
  /** Which kind of problem: a syntax error, a thrown error, a run stopped by the watchdog or by the reader, a worker that died, or a restart. */
  kind: CellErrorKind;
  /** The error's class name, such as `TypeError`; empty for problems that are not JavaScript errors. */
  name: string;
  /** The message, without any worker stack or file name. */
  message: string;
  /** The 1-based line in the cell's code, when known. */
  line?: number;
  /** The 1-based column in the cell's code, when known. */
  column?: number;
  /** The run whose code holds the line, when it is not the run that failed (a function defined in an earlier cell). */
  runId?: number;
}

/** A syntax problem found while compiling a cell, carrying the cell's own 1-based line and column. */
export class CellSyntaxError extends Error {
  /** Records the message and the place in the cell's code. */
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
    this.name = 'SyntaxError';
  }
}
