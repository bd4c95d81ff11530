// One answer's verdict for the grading CLI: a code answer runs in the sandbox and is
// graded here; a numeric or choice answer is graded directly. Never throws, so
// nothing about one answer, not even a fault of the grader itself, can cost another
// answer its verdict.

import { grade, gradeChoice, gradeCode, parseNumericAnswer, prepareCases, unrunnableResult } from '../../exercises/index.ts';
import type { Exercise, GradeResult } from '../../exercises/index.ts';
import { MIN_CASES, publicSalt } from '../../exercises/cases.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';
import type { StudentIdentity } from '../../exercises/progress.ts';
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

/** An export's entry graded twice: on the cases (or numbers) the student's page used, and on the hidden cases. */
export interface DoubleGrade {
  /** The grade on the student's own variant: what the page computed, so a claimed score that differs was edited. */
  variant: GradeResult;
  /** The grade on the hidden cases of the salt (code only); absent for numeric and choice, whose variant grade is the grade. */
  hidden?: GradeResult;
}

/**
 * Grades a saved answer twice. On the student's variant, the one their page graded: a code answer on the public cases
 * of `publicSalt(learnerSeed)` (the build-time cases for a learner without a class identity, whose `classSeed` is
 * undefined), a numeric one seeded per learner on the numbers of `learnerSeed`, a choice as it is. And, for code, on
 * the hidden cases of the settings' salt, the grade of record. Never throws.
 */
export async function gradeEntryTwice(
  exercise: Exercise,
  code: string,
  settings: VerdictSettings,
  seeds: { learnerSeed?: number; classSeed?: number } = {},
): Promise<DoubleGrade> {
  if (exercise.kind !== 'code') return { variant: await gradeAnswer(exercise, code, settings, seeds.learnerSeed) };
  // The page's count of public cases: the fewest, or the exercise's own.
  const own = { ...settings, salt: publicSalt(seeds.classSeed), cases: MIN_CASES };
  const variant = await gradeSubmission(exercise, code, own);
  const hidden = await gradeSubmission(exercise, code, settings);
  return { variant, hidden };
}

/** What a progress export says of the student: their seeds, as saved. */
export interface ExportIdentity {
  /** The saved variant seed. */
  variantSeed?: number;
  /** The course code and student id, when the student joined a class. */
  student?: StudentIdentity;
}

/** An export's entry re-graded: the grade of record, the variant's score, and what disagrees with the student's claim. */
export interface EntryVerdict {
  /** The grade of record: on hidden cases for code, on the student's own variant for numeric and choice. */
  result: GradeResult;
  /** The score on the student's own variant, the one their page computed. */
  variantScore: number;
  variantMaxScore: number;
  /** Set when the claimed score differs from the variant's re-grade: the same cases the page used, so an edited score. */
  flag?: string;
  /** What else the instructor should know: a variant passed on hidden cases failed, or a seed that disagrees with the identity. */
  notes: string[];
}

/**
 * Re-grades an export's entry (gradeEntryTwice) and compares it with the student's claim. A class student's variant is
 * the one their course code and student id fix (learnerSeedFor), whatever seed the export holds; a learner on their
 * own is graded on the saved seed and the build-time public cases. Never throws.
 */
export async function gradeExportEntry(
  exercise: Exercise,
  entry: { code: string; bestScore: number; maxScore: number },
  settings: VerdictSettings,
  identity: ExportIdentity,
): Promise<EntryVerdict> {
  const classSeed = identity.student === undefined ? undefined : learnerSeedFor(identity.student.course, identity.student.id);
  const { variant, hidden } = await gradeEntryTwice(exercise, entry.code, settings, { learnerSeed: classSeed ?? identity.variantSeed, classSeed });
  const notes: string[] = [];
  if (classSeed !== undefined && identity.variantSeed !== undefined && identity.variantSeed !== classSeed) {
    notes.push(`the export's variant seed ${identity.variantSeed} is not the one its course code and student id fix (${classSeed}); graded on the latter`);
  }
  if (hidden !== undefined && variant.passed && !hidden.passed) {
    notes.push(`passes its own public cases but scores ${hidden.score}/${hidden.maxScore} on hidden ones: hard-coded for the cases it saw, or overfitted to them`);
  }
  // Compare fractions: a weight changed since the student's check must not look like a discrepancy.
  const differs = Math.abs(entry.bestScore / entry.maxScore - variant.score / variant.maxScore) > 1e-9;
  return {
    result: hidden ?? variant,
    variantScore: variant.score,
    variantMaxScore: variant.maxScore,
    ...(differs ? { flag: `claimed ${entry.bestScore}/${entry.maxScore}, re-graded ${variant.score}/${variant.maxScore}` } : {}),
    notes,
  };
}
