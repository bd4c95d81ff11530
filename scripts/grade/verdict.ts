// One answer's verdict for the grading CLI: a code answer runs in the sandbox and is
// graded here; a numeric or choice answer is graded directly. Never throws, so
// nothing about one answer, not even a fault of the grader itself, can cost another
// answer its verdict.

import { grade, gradeChoice, gradeCode, parseNumericAnswer, prepareCases, unrunnableResult } from '../../exercises/index.ts';
import type { Exercise, GradeResult } from '../../exercises/index.ts';
import { runSandboxed } from './sandbox.ts';

/** How the CLI grades: the salt and number of hidden cases, and the sandbox's time limit. */
export interface VerdictSettings {
  /** The salt of the hidden cases. */
  salt: string;
  /** How many hidden cases. */
  cases: number;
  /** Milliseconds a submission may run, compiling excluded. */
  timeoutMs: number;
}

/** The step that compares outputs with the expected ones; a parameter so a fault in it can be shown to stay contained. */
export type CodeGrader = typeof gradeCode;

function faultText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Grades a code submission in the sandbox; any failure becomes this submission's own invalid verdict with the reason. */
export async function gradeSubmission(exercise: Exercise, source: string, settings: VerdictSettings, compare: CodeGrader = gradeCode): Promise<GradeResult> {
  if (exercise.kind !== 'code') return unrunnableResult(exercise, `${exercise.id} is a ${exercise.kind} exercise; grade it from a progress export`);
  let cases: ReturnType<typeof prepareCases>;
  try {
    cases = prepareCases(exercise, { salt: settings.salt, cases: settings.cases, visibleCases: 0 });
  } catch (error) {
    return unrunnableResult(exercise, `the grader could not prepare ${exercise.id}'s cases (a fault of the course, not of this submission): ${faultText(error)}`);
  }
  const reply = await runSandboxed(
    { source, functionName: exercise.functionName, cases: cases.map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) })) },
    { timeoutMs: settings.timeoutMs },
  );
  if (!reply.ok) return unrunnableResult(exercise, reply.message);
  try {
    return compare(exercise, cases, reply.outcomes);
  } catch (error) {
    return unrunnableResult(exercise, `the grader could not compare what ${exercise.functionName} returned (${faultText(error)}); return plain numbers and arrays of the expected shape`);
  }
}

/** A saved numeric answer: JSON by part, each part a number, an array, or the text as typed. */
function numericAnswer(code: string): unknown {
  const parsed: unknown = JSON.parse(code);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).map(([part, value]) => {
      if (typeof value !== 'string') return [part, value];
      const read = parseNumericAnswer(value);
      return [part, read.ok ? read.value : value];
    }),
  );
}

/**
 * Grades a saved answer of any kind, as stored in a progress export, a numeric one seeded per learner on the numbers of
 * the export's `learnerSeed` (without one it is graded 0 with the reason); never throws.
 */
export async function gradeAnswer(exercise: Exercise, code: string, settings: VerdictSettings, learnerSeed?: number): Promise<GradeResult> {
  if (exercise.kind === 'code') return gradeSubmission(exercise, code, settings);
  let answer: unknown;
  try {
    answer = numericAnswer(code);
  } catch {
    return unrunnableResult(exercise, 'the saved answer is not JSON');
  }
  try {
    return exercise.kind === 'numeric' ? grade(exercise, answer, { learnerSeed }) : gradeChoice(exercise, answer);
  } catch (error) {
    return unrunnableResult(exercise, `the grader could not read the saved answer: ${faultText(error)}`);
  }
}
