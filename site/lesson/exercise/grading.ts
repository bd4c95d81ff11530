// Checking an answer in the page, against the answer key the build wrote into it. A code answer
// runs only in a checking worker (the code worker's check role, grading-worker.ts: the submission module's compiler and runner,
// the same the grading CLI runs in its sandbox), under a watchdog that starts once the code is
// compiled; the page grades the reply here. Numbers and choices involve no student code, so they are
// graded here directly. No solution ships with the page: the key holds the reference's outputs and
// each known-wrong solution's outputs on the public cases.

import { gradeChoice, gradeCode, gradeNumeric, unrunnableResult, type ChoiceGradingSpec, type GradeResult, type NumericGradingSpec } from '../../../exercises/grader.ts';
import type { CodeAnswerKey } from '../../../exercises/answer-key.ts';
import { parseNumericAnswer } from '../../../exercises/numeric-answer.ts';
import type { Numbers } from '../../../exercises/define-exercise.ts';
import { casesJson, readReply, type RunReply } from '../../../exercises/submission/reply.ts';
import { timedOutMessage } from '../../../exercises/submission/watchdog-messages.ts';
import type { CheckMessage, CheckRequest } from './grading-protocol.ts';
import { CODE_WORKER_ROLES } from '../../runtime/code-worker-roles.ts';

/** How long a check of code may run before the watchdog stops it, in milliseconds. */
export const CHECK_TIMEOUT_MS = 5_000;

/** How long a worker may take to load and compile before the check gives up (a slow phone, a busy machine). */
const START_LIMIT_MS = 60_000;

/** A graded answer and, when the code failed to parse or threw, the line to mark. */
export interface Checked {
  /** The grader's verdict. */
  result: GradeResult;
  /** The 1-based line of the error in the student's code, when known. */
  errorLine?: number;
  /** Whether the check itself failed (its worker did not start or stopped), so there is nothing in the answer to fix. */
  checkFailed?: boolean;
  /** What the student's function returned on the visible case's first call, to draw its gradients on the exercise's graph. */
  visibleOutput?: unknown;
}

/** A problem that stopped a check of code before it could be graded: its kind, message and line when known. */
export interface RunFailure {
  /** What went wrong. */
  kind: Extract<RunReply, { ok: false }>['kind'];
  /** The error's name, when it is an error's. */
  name?: string;
  /** The message, in the submission module's words. */
  message: string;
  /** The 1-based line in the student's code, when known. */
  line?: number;
}

/** Why a check of code could not run, in one sentence; the verdict above it already says that it does not count as an attempt. */
export function unrunnableMessage(error: RunFailure, _name: string, timeoutMs: number): string {
  if (error.kind === 'timeout') return timedOutMessage(timeoutMs / 1000);
  return error.message.charAt(0).toUpperCase() + error.message.slice(1);
}

let spare: Worker | undefined;

function startWorker(): Worker {
  return new Worker(new URL('../../runtime/code-worker.ts', import.meta.url), { type: 'module', name: CODE_WORKER_ROLES.check });
}

/** Starts a checking worker now, so the first Check does not wait for it to load. */
export function warmExerciseKernel(): void {
  spare ??= startWorker();
}

/** Runs one submission in a fresh worker: compiled first, then timed; always settles, with the reply or why there is none. */
function runInWorker(request: CheckRequest, timeoutMs: number): Promise<RunReply & { caseCount?: number }> {
  const worker = spare ?? startWorker();
  // The next check gets a fresh worker, loading now while this one runs.
  spare = startWorker();
  const caseCount = (JSON.parse(request.cases) as unknown[]).length;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (reply: RunReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(reply);
    };
    const limit = (ms: number, reply: RunReply) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(reply), ms);
    };
    limit(START_LIMIT_MS, { ok: false, kind: 'crash', message: `the check could not start your code within ${START_LIMIT_MS / 1000} s. Try again.` });
    worker.addEventListener('message', (event: MessageEvent<CheckMessage>) => {
      const message = event.data;
      // The clock starts once the code is compiled: compiling never counts against the student.
      if (message.stage === 'compiled') limit(timeoutMs, { ok: false, kind: 'timeout', message: '' });
      else if (message.stage === 'done') finish(readReply(message.reply, caseCount));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish({ ok: false, kind: 'crash', message: 'the check stopped before your code finished (did it use too much memory?). Try again.' });
    });
    // A message sent before the worker has loaded waits for it.
    worker.postMessage(request);
  });
}

/** Grades a code answer: the student's function runs in a checking worker on the key's public cases. */
export async function checkCode(key: CodeAnswerKey, code: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<Checked> {
  // The worker gets a copy of the arguments; the key the grader compares against is never shared.
  const cases = structuredClone(key.cases.map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) })));
  const reply = await runInWorker({ source: code, functionName: key.functionName, cases: casesJson(cases) }, timeoutMs);
  if (!reply.ok) {
    const result = unrunnableResult(key, unrunnableMessage(reply, key.functionName, timeoutMs));
    return { result, errorLine: reply.line, ...(reply.kind === 'crash' ? { checkFailed: true } : {}) };
  }
  const errorLine = reply.outcomes.flat().find((outcome) => !outcome.ok && outcome.line !== undefined);
  const visible = reply.outcomes[key.cases.findIndex((c) => c.visible)]?.[0];
  return {
    result: gradeCode(key, key.cases, reply.outcomes),
    ...(errorLine !== undefined && !errorLine.ok ? { errorLine: errorLine.line } : {}),
    ...(visible?.ok ? { visibleOutput: visible.output } : {}),
  };
}

/** Grades typed numbers, one text per part; text that is not a number makes the answer invalid (not an attempt). */
export function checkNumeric(exercise: NumericGradingSpec, texts: Record<string, string>): Checked {
  const values: Record<string, Numbers> = {};
  for (const part of exercise.parts) {
    const parsed = parseNumericAnswer(texts[part.name] ?? '');
    if (!parsed.ok) return { result: unrunnableResult({ ...exercise, kind: 'numeric' }, `${part.name}: ${parsed.message}.`) };
    values[part.name] = parsed.value;
  }
  return { result: gradeNumeric(exercise, values) };
}

/** Grades the chosen option ids of a choice question. */
export function checkChoice(exercise: ChoiceGradingSpec, chosen: string[]): Checked {
  return { result: gradeChoice(exercise, exercise.multiple ? chosen : chosen[0]) };
}
