// One graded export: what `npm run grade` reads from a student's progress export and the rows it grades from it.
// gradeExport grades one export file into rows, each answer on the student's own variant and on hidden cases in the sandbox; gradeExportFile adds
// who the student is and the attempt history the class report counts. Neither throws: an export that cannot be
// read is one row with the reason.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { exerciseIds, findExercise } from '../../exercises/index.ts';
import type { GradeResult } from '../../exercises/index.ts';
import { loadProgress, STUDENT_KEY, VARIANT_SEED_KEY } from '../../exercises/progress.ts';
import type { AttemptRecord, StudentIdentity } from '../../exercises/progress.ts';
import { gradeExportEntry, type VerdictSettings } from './verdict.ts';

/** One graded submission, as printed, written to grades.csv and grades.json and emitted with --json. */
export interface GradeRow {
  submission: string;
  exercise: string;
  score: number;
  maxScore: number;
  passed: boolean;
  status: GradeResult['status'] | 'unknown-exercise' | 'rejected-entry' | 'unreadable';
  parts: { name: string; score: number; maxScore: number; passed: boolean }[];
  misconceptions: string[];
  problems: string[];
  claimedScore?: number;
  claimedMaxScore?: number;
  /** The re-grade on the student's own variant (their numbers, their public cases): what the page graded. */
  variantScore?: number;
  variantMaxScore?: number;
  flag?: string;
}

/** One exercise of an export as the class report reads it: the attempts counted and the recent history, never the code. */
export interface ExportAttempts {
  attempts: number;
  /** The maximum score the entry was graded out of: an attempt below it failed. */
  maxScore: number;
  history: AttemptRecord[];
}

/** A graded export (or code file): who, its rows, and its attempts by exercise. */
export interface GradedExport {
  /** The file graded. */
  file: string;
  /** The student's name in the gradebook: the export's student id when it has one, else the file's name. */
  name: string;
  /** The student identity the export holds, if any. */
  student?: StudentIdentity;
  /** The graded rows. */
  rows: GradeRow[];
  /** Each valid entry's attempts and history, by exercise id. */
  attempts: Record<string, ExportAttempts>;
  /** Why the file as a whole could not be read, when it could not. */
  unreadable?: string;
}

export function rowOf(submission: string, result: GradeResult): GradeRow {
  return {
    submission,
    exercise: result.exercise,
    score: result.score,
    maxScore: result.maxScore,
    passed: result.passed,
    status: result.status,
    parts: result.parts.map((p) => ({ name: p.name, score: p.score, maxScore: p.maxScore, passed: p.passed })),
    misconceptions: result.misconceptions.map((m) => m.id),
    problems: result.problems,
  };
}

export function setAside(submission: string, exercise: string, status: GradeRow['status'], reason: string): GradeRow {
  return { submission, exercise, score: 0, maxScore: 0, passed: false, status, parts: [], misconceptions: [], problems: [reason], flag: `entry set aside: ${reason}` };
}

/** Grades one export file into rows: every valid entry re-graded on hidden cases and flagged where its claim differs. */
export async function gradeExport(file: string, options: VerdictSettings): Promise<GradeRow[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [setAside(file, '*', 'unreadable', `cannot read ${basename(file)}: ${(error as Error).message}`)];
  }
  const known = exerciseIds();
  const { progress, problems } = loadProgress(text, known);
  const rows: GradeRow[] = [];
  for (const problem of problems) {
    // An entry of an exercise the course has is a rejected entry; only an id it lacks is an unknown exercise.
    const status = problem.id === '*' ? 'unreadable' : known.includes(problem.id) || problem.id === VARIANT_SEED_KEY || problem.id === STUDENT_KEY ? 'rejected-entry' : 'unknown-exercise';
    rows.push(setAside(problem.id === '*' ? file : `${file}#${problem.id}`, problem.id, status, problem.reason));
  }
  for (const [id, entry] of Object.entries(progress.exercises)) {
    const exercise = findExercise(id)!;
    // Graded on the student's own variant (the numbers and public cases their page used) and on hidden cases (the grade of record).
    const verdict = await gradeExportEntry(exercise, entry, options, progress);
    const row = rowOf(`${file}#${id}`, verdict.result);
    row.problems.push(...verdict.notes);
    Object.assign(row, { variantScore: verdict.variantScore, variantMaxScore: verdict.variantMaxScore, claimedScore: entry.bestScore, claimedMaxScore: entry.maxScore });
    if (verdict.flag !== undefined) row.flag = verdict.flag;
    rows.push(row);
  }
  return rows;
}

/** Grades one export file and says who the student is and what they attempted, for the gradebook and the report. */
export async function gradeExportFile(file: string, options: VerdictSettings): Promise<GradedExport> {
  const rows = await gradeExport(file, options);
  const graded: GradedExport = { file, name: basename(file), rows, attempts: {} };
  const whole = rows.find((row) => row.exercise === '*');
  if (whole !== undefined) {
    graded.unreadable = whole.problems[0] ?? 'unreadable';
    return graded;
  }
  // The file was read a moment ago; read it again for the student and the histories (loadProgress never throws).
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    graded.unreadable = `cannot read ${basename(file)}: ${(error as Error).message}`;
    return graded;
  }
  const { progress } = loadProgress(text, exerciseIds());
  if (progress.student !== undefined) {
    graded.student = progress.student;
    graded.name = progress.student.id;
  }
  for (const [id, entry] of Object.entries(progress.exercises)) graded.attempts[id] = { attempts: entry.attempts, maxScore: entry.maxScore, history: entry.history ?? [] };
  return graded;
}

/** The note of a row: its flag and its problems, each said once (a flag that quotes a problem already says it). */
export function noteOf(row: GradeRow): string[] {
  const notes: string[] = [];
  for (const note of [row.flag, ...row.problems]) {
    if (note !== undefined && note !== '' && !notes.some((said) => said.includes(note))) notes.push(note);
  }
  return notes;
}
