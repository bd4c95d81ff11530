// Running code in the grader's own thread: reference and known-wrong solutions when the site is
// built or the CLI prepares cases, and functions handed over directly by the tests. The same
// compiler, runner and encoder as a sandboxed submission, with one difference that the trust
// allows: a getter in a returned value is reported, never run, since nothing isolates it here.

import type { CallOutcome } from '../grader.ts';
import { studentScope } from '../student-helpers.ts';
import { compileError, compileSource } from './compile.ts';
import { firstFrameLine, functionFactory } from './function-factory.ts';
import { casesJson, readReply } from './reply.ts';
import { createRunner } from './runner.ts';
import { toPlain } from './plain.ts';

const runner = createRunner({ readAccessors: false, firstFrameLine: firstFrameLine() });

/** The outcome of compiling in this thread: the function the source defines, or a message saying why there is none. */
export type CompiledSubmission = { ok: true; fn: (...args: unknown[]) => unknown } | { ok: false; message: string; line?: number };

/** Compiles `source` in this thread and returns the function named `functionName` it defines, or why it cannot. */
export function compileSubmission(source: string, functionName: string): CompiledSubmission {
  const compiled = compileSource(source, functionName);
  if (!compiled.ok) return compiled;
  const scope = studentScope();
  const names = Object.keys(scope);
  let factory: ReturnType<typeof functionFactory>;
  try {
    factory = functionFactory(names, compiled.body);
  } catch (error) {
    return { ok: false, ...compileError(error, firstFrameLine()) };
  }
  const found = runner.find(factory, names.map((name) => scope[name]), functionName);
  if (found.ok) return found;
  const reply = readReply(found.reply, 0);
  return reply.ok ? { ok: false, message: 'the grader could not read your code' } : { ok: false, message: reply.message, ...(reply.line === undefined ? {} : { line: reply.line }) };
}

/** Runs a function on every call of every case, each on fresh copies of its arguments, and returns the outcomes as plain data. */
export function runCalls(fn: (...args: unknown[]) => unknown, cases: readonly { calls: readonly { args: unknown[] }[] }[]): CallOutcome[][] {
  const reply = readReply(runner.runCases(fn, casesJson(cases)), cases.length);
  if (!reply.ok) throw new Error(`runCalls: ${reply.message}`);
  return reply.outcomes;
}

export { toPlain };
