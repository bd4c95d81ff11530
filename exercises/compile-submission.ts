// Turns a submission's source (TypeScript or JavaScript, as pasted from the page)
// into the function it defines. Types are deleted by sucrase, which keeps every
// line in place, and the code runs with the student helpers as its only globals
// beyond the language's own, so `Tensor` means the refusing stand-in.

import { transform } from 'sucrase';
import { studentScope } from './student-helpers.ts';

/** The outcome of compiling a submission: its function, or a message saying why there is none. */
export type CompiledSubmission = { ok: true; fn: (...args: unknown[]) => unknown } | { ok: false; message: string };

/** Deletes TypeScript types from a submission, keeping lines where they were; throws a SyntaxError with the line. */
export function stripSubmissionTypes(source: string): string {
  try {
    return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Error transforming [^:]*: /, '') : String(error);
    throw new SyntaxError(message);
  }
}

/** A submission made ready to run as a function body: types stripped, `export` dropped; or why it cannot run. */
export type SubmissionBody = { ok: true; body: string } | { ok: false; message: string };

/** Strips a submission's types and checks it takes no imports; the body it returns defines `functionName` when run. */
export function submissionBody(source: string, functionName: string): SubmissionBody {
  let code: string;
  try {
    code = stripSubmissionTypes(source);
  } catch (error) {
    return { ok: false, message: `Your code does not parse: ${(error as Error).message}` };
  }
  if (/^\s*import\b/m.test(code)) {
    return { ok: false, message: 'Exercises take no imports: the helpers (matmul, transpose, map, add, sub, mul, sum, zeros, dot) are already in scope.' };
  }
  // "export function f" pasted from a module is fine: the keyword is dropped, the definition kept.
  code = code.replace(/^(\s*)export\s+(default\s+)?/gm, '$1');
  return { ok: true, body: `${code}\n;return typeof ${functionName} === 'function' ? ${functionName} : typeof ${functionName};` };
}

/** Compiles `source` and returns the function named `functionName` it defines, or why it cannot. */
export function compileSubmission(source: string, functionName: string): CompiledSubmission {
  const prepared = submissionBody(source, functionName);
  if (!prepared.ok) return prepared;
  const scope = studentScope();
  const names = Object.keys(scope);
  let factory: (...values: unknown[]) => unknown;
  try {
    factory = new Function(
      ...names,
      `"use strict";\n${prepared.body}`,
    ) as (...values: unknown[]) => unknown;
  } catch (error) {
    return { ok: false, message: `Your code does not parse: ${(error as Error).message}` };
  }
  let found: unknown;
  try {
    found = factory(...names.map((name) => scope[name]));
  } catch (error) {
    if (error instanceof ReferenceError && error.message.includes(functionName)) {
      return { ok: false, message: `Define a function named ${functionName}; your code does not.` };
    }
    return { ok: false, message: `Your code threw before ${functionName} was called: ${describeError(error)}` };
  }
  if (typeof found === 'function') return { ok: true, fn: found as (...args: unknown[]) => unknown };
  if (found === 'undefined') return { ok: false, message: `Define a function named ${functionName}; your code does not.` };
  return { ok: false, message: `${functionName} must be a function, yours is a ${String(found)}.` };
}

/** A thrown value as one readable line: its name and message for errors, else its text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
