// Compiling a submission (TypeScript or JavaScript, as pasted from the page) into the body of a
// function that defines the student's function and returns it. One compiler, erase-types.ts (also the
// notebook cells'), blanks the types and keeps every character where it was, so an error names the
// student's own line and column. Compiling runs
// before the time limit starts, on the page (in its worker) and in the CLI (in the parent process).

import { eraseTypes, EraseTypesError } from './erase-types.ts';
import { lineText, SUBMISSION_FILE } from './runner.ts';

/** The one set of compile-time messages a student reads. */
export const COMPILE_MESSAGES = {
  /** The code is not valid TypeScript or JavaScript. */
  doesNotParse: (detail: string, line?: number) => `Your code does not parse: ${detail}${lineText(line)}`,
  /** The code imports a module. */
  noImports: (line?: number) =>
    `Exercises take no imports: the helpers (matmul, transpose, map, add, sub, mul, sum, zeros, dot) are already in scope${lineText(line)}.`,
} as const;

/** A submission ready to become a function: its body (which returns the student's function), or why it cannot. */
export type CompiledSource = { ok: true; body: string } | { ok: false; kind: 'syntax'; message: string; line?: number };

/** The 1-based line of a character offset. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Compiles `source` into a function body that, called with the student helpers as its parameters, returns the function
 * named `functionName` (or `typeof` it when it is not one). The body's first line is "use strict", so the student's line
 * n is the body's line n + 1, and it names itself `submission.js` in stack traces.
 */
export function compileSource(source: string, functionName: string): CompiledSource {
  let code: string;
  try {
    code = eraseTypes(source);
  } catch (error) {
    if (!(error instanceof EraseTypesError)) throw error;
    const line = lineAt(source, error.offset);
    return { ok: false, kind: 'syntax', message: COMPILE_MESSAGES.doesNotParse(error.message, line), line };
  }
  const importAt = /^\s*import\b/m.exec(code);
  if (importAt !== null) {
    const line = lineAt(code, importAt.index + importAt[0].length - 'import'.length);
    return { ok: false, kind: 'syntax', message: COMPILE_MESSAGES.noImports(line), line };
  }
  // "export function f" pasted from a module is fine: the keyword is blanked like a type, the definition kept.
  code = code.replace(/^(\s*)(export\s+(?:default\s+)?)/gm, (_, indent: string, keyword: string) => indent + keyword.replace(/\S/g, ' '));
  if (!/^[A-Za-z_$][\w$]*$/.test(functionName)) throw new TypeError(`compileSource: ${JSON.stringify(functionName)} is not a function name`);
  return {
    ok: true,
    body: `"use strict";\n${code}\n;return typeof ${functionName} === 'function' ? ${functionName} : typeof ${functionName};\n//# sourceURL=${SUBMISSION_FILE}`,
  };
}

/** The message and line of an error thrown while the host compiled a body (a syntax error the type eraser let through). */
export function compileError(error: unknown, firstFrameLine: number): { message: string; line?: number } {
  let detail = 'a syntax error';
  let line: number | undefined;
  try {
    const message = error !== null && typeof error === 'object' ? Object.getOwnPropertyDescriptor(error, 'message')?.value : undefined;
    if (typeof message === 'string') detail = message;
    const stack = error !== null && typeof error === 'object' ? Object.getOwnPropertyDescriptor(error, 'stack')?.value : undefined;
    const match = typeof stack === 'string' ? new RegExp(`${SUBMISSION_FILE.replace('.', '\\.')}:(\\d+)`).exec(stack) : null;
    if (match !== null && Number(match[1]) >= firstFrameLine) line = Number(match[1]) - firstFrameLine + 1;
  } catch {
    // An error that cannot be read is still a syntax error.
  }
  return { message: COMPILE_MESSAGES.doesNotParse(detail, line), line };
}
