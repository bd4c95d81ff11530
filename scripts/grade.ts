// Re-grades students' work on hidden cases, for instructors.
//
//   npm run grade -- --exercise ID [--json] [--salt S] [--cases N] [--timeout MS] [--csv PATH] FILE...
//   npm run grade -- [--json] [--salt S] EXPORT.json...
//
// Each .js/.ts FILE defines the exercise's function as pasted from the page; an
// EXPORT.json is a student's progress export, every exercise in it re-graded and
// flagged where the browser's claimed score differs. Code runs in a fresh worker
// thread per submission, with time and memory limits, on cases seeded by the salt
// (--salt or GRADE_SALT; a random one is drawn and printed otherwise). Writes a
// table (to stderr with --json, whose array goes to stdout) and grades.csv. Exits 0
// whenever grading ran, whatever the scores; 2 on a usage error.

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { exerciseIds, findExercise, gradeCode, gradeChoice, gradeNumeric, parseNumericAnswer, prepareCases, unrunnableResult } from '../exercises/index.ts';
import type { Exercise, GradeResult } from '../exercises/index.ts';
import { loadProgress } from '../exercises/progress.ts';
import { runIsolated } from './grade/isolated-run.ts';

/** One graded submission, as printed, written to grades.csv and emitted with --json. */
interface GradeRow {
  submission: string;
  exercise: string;
  score: number;
  maxScore: number;
  passed: boolean;
  status: GradeResult['status'] | 'unknown-exercise';
  parts: { name: string; score: number; maxScore: number; passed: boolean }[];
  misconceptions: string[];
  problems: string[];
  claimedScore?: number;
  claimedMaxScore?: number;
  flag?: string;
}

interface Options {
  exercise?: string;
  json: boolean;
  salt: string;
  saltGiven: boolean;
  cases: number;
  timeoutMs: number;
  csv: string;
  files: string[];
}

const USAGE = `usage: npm run grade -- --exercise ID [--json] [--salt S] [--cases N] [--timeout MS] [--csv PATH] FILE...
       npm run grade -- [--json] [--salt S] EXPORT.json...
exercises: ${exerciseIds().join(', ')}`;

function usageError(message: string): never {
  process.stderr.write(`grade: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const envSalt = process.env.GRADE_SALT;
  const options: Options = { json: false, salt: envSalt ?? '', saltGiven: envSalt !== undefined && envSalt !== '', cases: 5, timeoutMs: 5000, csv: 'grades.csv', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usageError(`${arg} needs a value`);
    if (arg === '--exercise') options.exercise = value();
    else if (arg === '--json') options.json = true;
    else if (arg === '--salt') {
      options.salt = value();
      options.saltGiven = true;
    } else if (arg === '--cases') options.cases = Number(value());
    else if (arg === '--timeout') options.timeoutMs = Number(value());
    else if (arg === '--csv') options.csv = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) usageError('give at least one file');
  if (!(Number.isInteger(options.cases) && options.cases >= 3)) usageError('--cases must be a whole number ≥ 3');
  if (!(options.timeoutMs > 0)) usageError('--timeout must be a positive number of milliseconds');
  if (options.exercise !== undefined && findExercise(options.exercise) === undefined) usageError(`unknown exercise ${options.exercise}`);
  if (!options.saltGiven) options.salt = randomBytes(6).toString('hex');
  return options;
}

async function gradeSource(exercise: Exercise, source: string, options: Options): Promise<GradeResult> {
  if (exercise.kind !== 'code') return unrunnableResult(exercise, `${exercise.id} is a ${exercise.kind} exercise; grade it from a progress export`);
  const cases = prepareCases(exercise, { salt: options.salt, cases: options.cases, visibleCases: 0 });
  const reply = await runIsolated(
    { source, functionName: exercise.functionName, cases: cases.map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) })) },
    { timeoutMs: options.timeoutMs },
  );
  if (!reply.ok) return unrunnableResult(exercise, reply.message);
  return gradeCode(exercise, cases, reply.outcomes);
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

async function gradeAnswer(exercise: Exercise, code: string, options: Options): Promise<GradeResult> {
  if (exercise.kind === 'code') return gradeSource(exercise, code, options);
  let answer: unknown;
  try {
    answer = numericAnswer(code);
  } catch {
    return unrunnableResult(exercise, 'the saved answer is not JSON');
  }
  return exercise.kind === 'numeric' ? gradeNumeric(exercise, answer) : gradeChoice(exercise, answer);
}

function rowOf(submission: string, result: GradeResult): GradeRow {
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

async function gradeExport(file: string, options: Options): Promise<GradeRow[]> {
  const { progress, problems } = loadProgress(readFileSync(file, 'utf8'), exerciseIds());
  const rows: GradeRow[] = [];
  for (const problem of problems) {
    rows.push({
      submission: `${file}#${problem.id}`,
      exercise: problem.id,
      score: 0,
      maxScore: 0,
      passed: false,
      status: 'unknown-exercise',
      parts: [],
      misconceptions: [],
      problems: [problem.reason],
      flag: `entry set aside: ${problem.reason}`,
    });
  }
  for (const [id, entry] of Object.entries(progress.exercises)) {
    const exercise = findExercise(id)!;
    const row = rowOf(`${file}#${id}`, await gradeAnswer(exercise, entry.code, options));
    row.claimedScore = entry.bestScore;
    row.claimedMaxScore = entry.maxScore;
    // Compare fractions: a weight changed since the student's check must not look like a discrepancy.
    if (Math.abs(entry.bestScore / entry.maxScore - row.score / row.maxScore) > 1e-9) {
      row.flag = `claimed ${entry.bestScore}/${entry.maxScore}, re-graded ${row.score}/${row.maxScore}`;
    }
    rows.push(row);
  }
  return rows;
}

function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(rows: readonly GradeRow[]): string {
  const header = ['submission', 'exercise', 'score', 'max', 'passed', 'misconceptions', 'note'];
  const lines = rows.map((r) =>
    [r.submission, r.exercise, r.score, r.maxScore, r.passed, r.misconceptions.join(';'), [r.flag, ...r.problems].filter(Boolean).join('; ')].map(csvField).join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

function tableOf(rows: readonly GradeRow[]): string {
  const cells = rows.map((r) => [
    r.submission,
    r.exercise,
    `${r.score}/${r.maxScore}`,
    r.passed ? 'passed' : r.status,
    r.misconceptions.join(', '),
    r.flag ?? r.problems[0] ?? '',
  ]);
  const header = ['submission', 'exercise', 'score', 'result', 'misconceptions', 'note'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (c: string[]) => c.map((x, i) => (x.length > widths[i] ? `${x.slice(0, widths[i] - 1)}…` : x.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rows: GradeRow[] = [];
  const pending: Promise<GradeRow>[] = [];
  for (const file of options.files) {
    if (extname(file) === '.json') {
      rows.push(...(await Promise.all(pending.splice(0))));
      rows.push(...(await gradeExport(file, options)));
      continue;
    }
    if (options.exercise === undefined) usageError(`${file} is a code file: say which exercise it answers with --exercise ID`);
    if (!['.js', '.ts', '.mjs', '.mts'].includes(extname(file))) usageError(`${file}: submissions are .js or .ts files`);
    const exercise = findExercise(options.exercise)!;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      rows.push(rowOf(file, unrunnableResult(exercise, `cannot read ${basename(file)}: ${(error as Error).message}`)));
      continue;
    }
    pending.push(gradeSource(exercise, source, options).then((result) => rowOf(file, result)));
    // Two submissions at a time: each is its own worker thread, and the machine may have few cores.
    if (pending.length === 2) rows.push(...(await Promise.all(pending.splice(0))));
  }
  rows.push(...(await Promise.all(pending)));
  writeFileSync(options.csv, csvOf(rows));
  const log = options.json ? process.stderr : process.stdout;
  log.write(tableOf(rows));
  log.write(`\n${rows.length} graded on ${options.cases} hidden cases (salt ${options.saltGiven ? JSON.stringify(options.salt) : `${options.salt}, drawn at random: pass --salt ${options.salt} to repeat`}); wrote ${options.csv}\n`);
  if (options.json) {
    const out = rows.map(({ submission, exercise, score, maxScore, passed, parts, misconceptions, status, problems, claimedScore, claimedMaxScore, flag }) => ({
      submission,
      exercise,
      score,
      maxScore,
      passed,
      parts,
      misconceptions,
      status,
      problems,
      ...(claimedScore !== undefined ? { claimedScore, claimedMaxScore } : {}),
      ...(flag !== undefined ? { flag } : {}),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  }
}

await main();
