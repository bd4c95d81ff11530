// Turning a compiled body into a function in this realm (the page's worker, or the grader's own
// thread for trusted code and tests): `new Function` with the helpers' names as parameters. The
// grading CLI does the same inside its sandbox with `vm.compileFunction` instead.

import { BODY_FIRST_LINE, SUBMISSION_FILE } from './runner.ts';

/** A compiled body as a function of the helpers that returns the student's function. */
export type Factory = (...helpers: unknown[]) => unknown;

/** Makes the factory of a compiled body; a syntax error the compiler let through is thrown here. */
export function functionFactory(helperNames: readonly string[], body: string, makeFunction: FunctionConstructor = Function): Factory {
  return new makeFunction(...helperNames, body) as Factory;
}

/**
 * The stack-frame line this realm gives a body's first line (V8 counts the two lines of `new Function`'s own header),
 * found by compiling a probe that throws there; the body's own numbering when frames name no file.
 */
export function firstFrameLine(makeFunction: FunctionConstructor = Function): number {
  try {
    (new makeFunction(`"use strict";\nthrow new Error('probe');\n//# sourceURL=${SUBMISSION_FILE}`) as () => void)();
  } catch (error) {
    const match = new RegExp(`${SUBMISSION_FILE.replace('.', '\\.')}:(\\d+):\\d+`).exec(String((error as Error).stack));
    if (match !== null) return Number(match[1]);
  }
  return BODY_FIRST_LINE;
}
