// Checking an answer in the page. A code answer runs only in the exercise kernel (a sandboxed
// worker with a watchdog): the page prepares the seeded cases, the worker calls the student's
// function on them, and the page grades the plain outputs. Numbers and choices involve no student
// code, so they are graded here directly.

import type { ChoiceExercise, CodeExercise, NumericExercise } from '../../../exercises/define-exercise.ts';
import { gradeChoice, gradeCode, gradeNumeric, prepareCases, unrunnableResult, type CallOutcome, type GradeResult } from '../../../exercises/grader.ts';
import { parseNumericAnswer } from '../../../exercises/numeric-answer.ts';
import type { Numbers } from '../../../exercises/define-exercise.ts';
import type { CellError } from '../../runtime/cell-error.ts';
import { Runtime, type WorkerLike } from '../../runtime/runtime.ts';
import { CASES, RUN_CALLS } from './run-calls-name.ts';

/** How long a check of code may run before the watchdog stops it, in milliseconds. */
export const CHECK_TIMEOUT_MS = 5_000;

/** A graded answer and, when the code failed to parse or threw at the top level, the line to mark. */
export interface Checked {
  /** The grader's verdict. */
  result: GradeResult;
  /** The 1-based line of the error in the student's code, when known. */
  errorLine?: number;
}

let runtime: Runtime | undefined;

/** The page's exercise kernel, started on first use (or early, by `warmExerciseKernel`). */
function exerciseRuntime(): Runtime {
  runtime ??= new Runtime(
    () => new Worker(new URL('./grading-worker.ts', import.meta.url), { type: 'module', name: 'exercise-kernel' }) as unknown as WorkerLike,
  );
  return runtime;
}

/** Starts the exercise kernel now, so the first Check does not wait for it. */
export function warmExerciseKernel(): void {
  exerciseRuntime().warm();
}

/** Why a check of code could not run, in one sentence; the verdict above it already says that it does not count as an attempt. */
export function unrunnableMessage(error: CellError, name: string, timeoutMs: number): string {
  const at = error.line === undefined ? '' : ` (line ${error.line})`;
  if (error.kind === 'timeout') return `Stopped after ${timeoutMs / 1000} s: your code did not finish. Does a loop never end?`;
  if (error.kind === 'syntax') return `Your code does not parse: ${error.message}${at}.`;
  if (error.kind === 'runtime') return `Your code threw before ${name} was called: ${error.name ? `${error.name}: ` : ''}${error.message}${at}.`;
  return error.message;
}

/** Grades a code answer: the student's function runs in the sandbox on the public seeded cases. */
export async function checkCode(exercise: CodeExercise, code: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<Checked> {
  const cases = prepareCases(exercise);
  const name = exercise.functionName;
  // Appended on a line of its own, so the student's lines keep their numbers in error messages.
  const driver = `\n;${RUN_CALLS}(typeof ${name} === 'function' ? ${name} : undefined, ${CASES})`;
  const result = await exerciseRuntime().run(code + driver, {
    lang: 'ts',
    timeoutMs,
    raw: true,
    scope: { [CASES]: cases.map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) })) },
  });
  if (!result.ok) {
    const { error } = result;
    return { result: unrunnableResult(exercise, unrunnableMessage(error, name, timeoutMs)), errorLine: error.line };
  }
  // A name defined by an earlier check lives on in the kernel; only this code's own definition counts.
  if (!result.defines.includes(name)) {
    return { result: unrunnableResult(exercise, `Define a function named ${name}; your code does not.`) };
  }
  if (!Array.isArray(result.raw)) return { result: unrunnableResult(exercise, 'The check returned no results. Try again.') };
  return { result: gradeCode(exercise, cases, result.raw as CallOutcome[][]) };
}

/** Grades typed numbers, one text per part; text that is not a number makes the answer invalid (not an attempt). */
export function checkNumeric(exercise: NumericExercise, texts: Record<string, string>): Checked {
  const values: Record<string, Numbers> = {};
  for (const part of exercise.parts) {
    const parsed = parseNumericAnswer(texts[part.name] ?? '');
    if (!parsed.ok) return { result: unrunnableResult(exercise, `${part.name}: ${parsed.message}.`) };
    values[part.name] = parsed.value;
  }
  return { result: gradeNumeric(exercise, values) };
}

/** Grades the chosen option ids of a choice question. */
export function checkChoice(exercise: ChoiceExercise, chosen: string[]): Checked {
  return { result: gradeChoice(exercise, exercise.multiple ? chosen : chosen[0]) };
}
