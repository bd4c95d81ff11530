// A student's saved progress: per exercise the code (or typed answer), attempts,
// best score and whether it is solved, in a versioned JSON document. The page keeps
// it in localStorage and exports it; the CLI re-grades an export. Loading validates
// every entry: a corrupt one is reported and set aside in `rejected` (kept, and
// exported with the rest), never a crash and never silently dropped. It also holds the
// learner's variant seed (learner-seed.ts), which picks the numbers of the exercises
// seeded per learner; an unreadable one is set aside the same way, under VARIANT_SEED_KEY.

import { learnerSeedProblem } from './learner-seed.ts';

/** The key in `rejected` (and the id of the problem) of an unreadable variant seed: not kebab-case, so never an exercise's id. */
export const VARIANT_SEED_KEY = '@variantSeed';

/** The current version of the progress document. */
export const PROGRESS_VERSION = 1;

/** The `format` tag of a progress document, so a stray JSON file is recognised as not one. */
export const PROGRESS_FORMAT = 'neural-notebook-progress';

/** One exercise's saved progress. */
export interface ExerciseProgress {
  /** The code in the editor, the typed numbers (JSON by part), or the chosen option ids (JSON array). */
  code: string;
  /** Checks that counted as attempts (invalid answers do not count). */
  attempts: number;
  /** The best score reached so far. */
  bestScore: number;
  /** The exercise's maximum score when it was graded. */
  maxScore: number;
  /** Whether an answer has passed every part. */
  solved: boolean;
  /** When this entry last changed (ISO 8601). */
  updatedAt: string;
  /**
   * The last attempts (at most HISTORY_LIMIT, oldest first): when, the score, and the ids of the misconceptions the grader
   * recognised — never the code. The class report counts them; absent in progress saved before it was kept.
   */
  history?: AttemptRecord[];
}

/** One counted attempt, as the class misconception report reads it. */
export interface AttemptRecord {
  /** When it was checked (ISO 8601). */
  at: string;
  /** The score it earned. */
  score: number;
  /** The ids of the misconceptions recognised in it (empty when none was, or when it passed). */
  misconceptions: string[];
}

/** The most attempts an entry's history keeps: the oldest go first, so the export stays small. */
export const HISTORY_LIMIT = 20;

/** Who the learner is in a class: a course code and a student id, entered once, which also fix their variant seed (learner-seed.ts). */
export interface StudentIdentity {
  /** The course code the instructor gave (`nn-2027-spring`). */
  course: string;
  /** The student's id in that course, as the school's roster has it. */
  id: string;
}

/** One Playground challenge's saved progress: met once and for good, with the goal it met (its URL form). */
export interface ChallengeProgress {
  /** Always true: a challenge is recorded when it is met. */
  met: true;
  /** The goal as it was met, in its compact URL form (`loss:0.1,units:12`). */
  goal: string;
  /** The epoch of the frame on which every condition held. */
  epoch: number;
  /** When it was first met (ISO 8601). */
  metAt: string;
}

/** The prefix of a challenge's key in `rejected`: `@challenge:xor-linear` can never be an exercise's id. */
export const CHALLENGE_KEY_PREFIX = '@challenge:';

/** An entry that failed validation, kept as it was so it can be reported, exported and repaired. */
export interface RejectedEntry {
  /** The entry exactly as loaded. */
  raw: unknown;
  /** Why it was set aside. */
  reason: string;
}

/** The whole progress document. */
export interface Progress {
  /** Always `PROGRESS_FORMAT`. */
  format: typeof PROGRESS_FORMAT;
  /** Always `PROGRESS_VERSION` once loaded. */
  version: typeof PROGRESS_VERSION;
  /** Valid entries by exercise id. */
  exercises: Record<string, ExerciseProgress>;
  /** Entries set aside by validation, by exercise id (or `*` for a whole unreadable document, `VARIANT_SEED_KEY` for the seed). */
  rejected: Record<string, RejectedEntry>;
  /** The learner's variant seed, which picks the numbers of every exercise seeded per learner; absent until one is needed. */
  variantSeed?: number;
  /** The Playground challenges met, by challenge id; absent until the first one is met. */
  challenges?: Record<string, ChallengeProgress>;
  /** The learner's course code and student id, when they entered them; absent for a learner on their own. */
  student?: StudentIdentity;
}

/** The key in `rejected` of an unreadable student identity: not kebab-case, so never an exercise's id. */
export const STUDENT_KEY = '@student';

/** A problem found while loading, for the page to show and the CLI to print. */
export interface ProgressProblem {
  /** The exercise id of the entry, `*` for the document, or `VARIANT_SEED_KEY` for the variant seed. */
  id: string;
  /** What is wrong. */
  reason: string;
}

/** Empty progress. */
export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: {}, rejected: {} };
}

/** Why an entry is not valid progress, or null when it is. */
export function entryProblem(entry: unknown): string | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'the entry is not an object';
  const e = entry as Record<string, unknown>;
  if (typeof e.code !== 'string') return 'code must be text';
  if (!Number.isInteger(e.attempts) || (e.attempts as number) < 0) return 'attempts must be a whole number ≥ 0';
  if (typeof e.maxScore !== 'number' || !Number.isFinite(e.maxScore) || e.maxScore <= 0) return 'maxScore must be a positive number';
  if (typeof e.bestScore !== 'number' || !Number.isFinite(e.bestScore) || e.bestScore < 0 || e.bestScore > e.maxScore) {
    return 'bestScore must be a number between 0 and maxScore';
  }
  if (typeof e.solved !== 'boolean') return 'solved must be true or false';
  if (e.solved && e.bestScore !== e.maxScore) return 'solved, but bestScore is below maxScore';
  if (typeof e.updatedAt !== 'string' || Number.isNaN(Date.parse(e.updatedAt))) return 'updatedAt must be a date';
  if (e.history !== undefined) {
    if (!Array.isArray(e.history)) return 'history must be a list of attempts';
    if (e.history.length > HISTORY_LIMIT) return `history keeps at most ${HISTORY_LIMIT} attempts`;
    for (const [index, attempt] of e.history.entries()) {
      const problem = attemptProblem(attempt, e.maxScore as number);
      if (problem !== null) return `history[${index}]: ${problem}`;
    }
  }
  return null;
}

/** Why an attempt record is not valid, or null when it is. */
export function attemptProblem(attempt: unknown, maxScore: number): string | null {
  if (attempt === null || typeof attempt !== 'object' || Array.isArray(attempt)) return 'an attempt is not an object';
  const a = attempt as Record<string, unknown>;
  if (typeof a.at !== 'string' || Number.isNaN(Date.parse(a.at))) return 'at must be a date';
  if (typeof a.score !== 'number' || !Number.isFinite(a.score) || a.score < 0 || a.score > maxScore) return 'score must be a number between 0 and maxScore';
  if (!Array.isArray(a.misconceptions) || !a.misconceptions.every((id) => typeof id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))) {
    return 'misconceptions must be a list of kebab-case ids';
  }
  return null;
}

/** The longest course code or student id: enough for any roster, short enough to show. */
export const STUDENT_FIELD_MAX = 64;

/** Why a value is not a student identity, or null when it is. */
export function studentProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the student identity is not an object';
  const v = value as Record<string, unknown>;
  for (const field of ['course', 'id'] as const) {
    const text = v[field];
    const name = field === 'course' ? 'the course code' : 'the student id';
    if (typeof text !== 'string' || text.trim() === '') return `${name} must be non-empty text`;
    if (text !== text.trim()) return `${name} must not start or end with spaces`;
    if (text.length > STUDENT_FIELD_MAX) return `${name} must be at most ${STUDENT_FIELD_MAX} characters`;
    if (/[\u0000-\u001f\u007f]/.test(text)) return `${name} must not hold control characters`;
  }
  return null;
}

/** Why a challenge's entry is not valid progress, or null when it is. */
export function challengeProblem(id: string, entry: unknown): string | null {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return 'a challenge id must be kebab-case';
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'the entry is not an object';
  const e = entry as Record<string, unknown>;
  if (e.met !== true) return 'met must be true';
  if (typeof e.goal !== 'string') return 'goal must be text';
  if (!Number.isInteger(e.epoch) || (e.epoch as number) < 0) return 'epoch must be a whole number ≥ 0';
  if (typeof e.metAt !== 'string' || Number.isNaN(Date.parse(e.metAt))) return 'metAt must be a date';
  return null;
}

/**
 * Loads progress from JSON text or parsed data: valid entries are kept, invalid ones are reported and set aside in
 * `rejected`. Never throws; `knownIds`, when given, also sets aside entries of exercises that no longer exist.
 */
export function loadProgress(input: unknown, knownIds?: readonly string[]): { progress: Progress; problems: ProgressProblem[] } {
  const progress = emptyProgress();
  const problems: ProgressProblem[] = [];
  const reject = (id: string, raw: unknown, reason: string) => {
    progress.rejected[id] = { raw, reason };
    problems.push({ id, reason });
  };
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      reject('*', input, `the saved progress is not JSON (${(error as Error).message})`);
      return { progress, problems };
    }
  }
  if (data === null || data === undefined) return { progress, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    reject('*', data, 'the saved progress is not an object');
    return { progress, problems };
  }
  const doc = data as Record<string, unknown>;
  if (doc.format !== PROGRESS_FORMAT) {
    reject('*', data, `this is not a progress file (its format is ${JSON.stringify(doc.format)}, expected "${PROGRESS_FORMAT}")`);
    return { progress, problems };
  }
  if (doc.version !== PROGRESS_VERSION) {
    reject('*', data, `progress version ${JSON.stringify(doc.version)} is not one this course reads (version ${PROGRESS_VERSION})`);
    return { progress, problems };
  }
  // Entries rejected earlier stay rejected (and kept) until someone repairs them.
  if (doc.rejected !== null && typeof doc.rejected === 'object' && !Array.isArray(doc.rejected)) {
    for (const [id, entry] of Object.entries(doc.rejected as Record<string, unknown>)) {
      const e = entry as Partial<RejectedEntry> | null;
      progress.rejected[id] = { raw: e?.raw ?? entry, reason: typeof e?.reason === 'string' ? e.reason : 'set aside earlier' };
    }
  }
  if (doc.variantSeed !== undefined) {
    const problem = learnerSeedProblem(doc.variantSeed);
    if (problem === null) progress.variantSeed = doc.variantSeed as number;
    else reject(VARIANT_SEED_KEY, doc.variantSeed, problem);
  }
  if (doc.student !== undefined) {
    const problem = studentProblem(doc.student);
    if (problem === null) {
      const student = doc.student as StudentIdentity;
      progress.student = { course: student.course, id: student.id };
    } else reject(STUDENT_KEY, doc.student, problem);
  }
  const exercises = doc.exercises;
  if (exercises === null || typeof exercises !== 'object' || Array.isArray(exercises)) {
    reject('*', data, 'the progress file has no exercises object');
    return { progress, problems };
  }
  for (const [id, entry] of Object.entries(exercises as Record<string, unknown>)) {
    const problem = entryProblem(entry);
    if (problem !== null) reject(id, entry, problem);
    else if (knownIds !== undefined && !knownIds.includes(id)) reject(id, entry, `there is no exercise ${JSON.stringify(id)} in this course`);
    else progress.exercises[id] = { ...(entry as ExerciseProgress) };
  }
  // Challenges are optional; a corrupt one is set aside like an exercise, under `@challenge:<id>`.
  if (doc.challenges !== undefined) {
    if (doc.challenges === null || typeof doc.challenges !== 'object' || Array.isArray(doc.challenges)) {
      reject(`${CHALLENGE_KEY_PREFIX}*`, doc.challenges, 'challenges must be an object of challenge entries');
    } else {
      for (const [id, entry] of Object.entries(doc.challenges as Record<string, unknown>)) {
        const problem = challengeProblem(id, entry);
        if (problem !== null) reject(`${CHALLENGE_KEY_PREFIX}${id}`, entry, problem);
        else (progress.challenges ??= {})[id] = { ...(entry as ChallengeProgress) };
      }
    }
  }
  return { progress, problems };
}

/** The progress as JSON text, for localStorage and for the export file (rejected entries included). */
export function serialiseProgress(progress: Progress): string {
  return JSON.stringify(progress, null, 2);
}

/** What a check changes: the code checked, and the grader's verdict on it. */
export interface CheckOutcome {
  /** The code or answer that was checked. */
  code: string;
  /** The score it earned. */
  score: number;
  /** The maximum score. */
  maxScore: number;
  /** Whether it passed. */
  passed: boolean;
  /** Whether it counted as an attempt. */
  countsAsAttempt: boolean;
  /** The ids of the misconceptions the grader recognised, kept in the attempt's history. */
  misconceptions?: readonly string[];
}

/** Progress after one check of an exercise: the code is saved, an attempt counted when it counts, the best score kept. */
export function recordCheck(progress: Progress, id: string, outcome: CheckOutcome, now: Date = new Date()): Progress {
  const before = progress.exercises[id];
  const bestScore = Math.max(before?.bestScore ?? 0, outcome.score);
  const entry: ExerciseProgress = {
    code: outcome.code,
    attempts: (before?.attempts ?? 0) + (outcome.countsAsAttempt ? 1 : 0),
    bestScore,
    maxScore: outcome.maxScore,
    solved: (before?.solved ?? false) || outcome.passed,
    updatedAt: now.toISOString(),
  };
  const history = before?.history ?? [];
  const attempt: AttemptRecord = { at: entry.updatedAt, score: outcome.score, misconceptions: [...(outcome.misconceptions ?? [])] };
  const kept = outcome.countsAsAttempt ? [...history, attempt].slice(-HISTORY_LIMIT) : history;
  if (kept.length > 0) entry.history = kept;
  if (entry.solved) entry.bestScore = entry.maxScore;
  return { ...progress, exercises: { ...progress.exercises, [id]: entry } };
}

/** Progress after saving the editor's code without checking it. */
export function recordCode(progress: Progress, id: string, code: string, maxScore: number, now: Date = new Date()): Progress {
  const before = progress.exercises[id] ?? { attempts: 0, bestScore: 0, maxScore, solved: false };
  return { ...progress, exercises: { ...progress.exercises, [id]: { ...before, code, updatedAt: now.toISOString() } } };
}

/** Imported progress merged into the current one: per exercise, the more advanced entry wins (solved, then best score, then newer). */
export function mergeProgress(current: Progress, imported: Progress): Progress {
  const exercises = { ...current.exercises };
  for (const [id, theirs] of Object.entries(imported.exercises)) {
    const ours = exercises[id];
    const winner = ours === undefined || rank(theirs) > rank(ours) ? theirs : ours;
    const merged: ExerciseProgress = { ...winner, attempts: Math.max(theirs.attempts, ours?.attempts ?? 0) };
    const history = mergeHistories(ours?.history, theirs.history);
    if (history === undefined) delete merged.history;
    else merged.history = history;
    exercises[id] = merged;
  }
  // The learner keeps the seed they have: their saved numbers stay theirs. A browser without one adopts the imported one.
  const variantSeed = current.variantSeed ?? imported.variantSeed;
  // A challenge met in either is met; the earlier meeting is kept.
  const challenges = { ...imported.challenges, ...current.challenges };
  for (const [id, theirs] of Object.entries(imported.challenges ?? {})) {
    const ours = current.challenges?.[id];
    if (ours !== undefined && Date.parse(theirs.metAt) < Date.parse(ours.metAt)) challenges[id] = theirs;
  }
  // The identity entered in this browser stands; a browser without one adopts the imported one.
  const student = current.student ?? imported.student;
  return {
    ...current,
    exercises,
    rejected: { ...imported.rejected, ...current.rejected },
    ...(variantSeed === undefined ? {} : { variantSeed }),
    ...(student === undefined ? {} : { student: { ...student } }),
    ...(Object.keys(challenges).length === 0 ? {} : { challenges }),
  };
}

/** Progress after a challenge is met on a frame at `epoch` with `goal`; a challenge met before keeps its first meeting. */
export function recordChallenge(progress: Progress, id: string, goal: string, epoch: number, now: Date = new Date()): Progress {
  if (progress.challenges?.[id] !== undefined) return progress;
  return { ...progress, challenges: { ...progress.challenges, [id]: { met: true, goal, epoch, metAt: now.toISOString() } } };
}

/** Whether the challenge `id` is met in this progress. */
export function challengeMet(progress: Progress, id: string): boolean {
  return progress.challenges?.[id]?.met === true;
}

/** Two histories as one: each attempt once (by time, score and misconceptions), in time order, the newest HISTORY_LIMIT kept. */
function mergeHistories(a: readonly AttemptRecord[] | undefined, b: readonly AttemptRecord[] | undefined): AttemptRecord[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  const byKey = new Map<string, AttemptRecord>();
  for (const attempt of [...(a ?? []), ...(b ?? [])]) byKey.set(`${attempt.at}|${attempt.score}|${attempt.misconceptions.join(',')}`, attempt);
  const all = [...byKey.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  return all.slice(-HISTORY_LIMIT).map((attempt) => ({ ...attempt, misconceptions: [...attempt.misconceptions] }));
}

function rank(entry: ExerciseProgress): number {
  // Solved outranks any score; a better fraction outranks a newer date.
  return (entry.solved ? 4 : 0) + (entry.bestScore / entry.maxScore) * 2 + Date.parse(entry.updatedAt) / 1e15;
}

/** How many of the given exercises are solved, for the home page's per-lesson progress. */
export function solvedCount(progress: Progress, ids: readonly string[]): { solved: number; total: number } {
  return { solved: ids.filter((id) => progress.exercises[id]?.solved === true).length, total: ids.length };
}
