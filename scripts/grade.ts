// Re-grades students' work on hidden cases, for instructors.
//
//   npm run grade -- --exercise ID [--json] [--salt S] [--cases N] [--timeout MS] [--csv PATH] FILE...
//   npm run grade -- [--json] [--salt S] [--csv PATH] EXPORT.json...
//
// Each .js/.ts FILE defines the exercise's function as pasted from the page; an
// EXPORT.json is a student's progress export, every exercise in it re-graded and
// flagged where the browser's claimed score differs (an exercise seeded per learner on
// the numbers its variant seed picks; a missing or unreadable seed is said, per row). Each submission runs in its own
// sandboxed child process (scripts/grade/sandbox.ts: no files, environment, network,
// processes or salt; time, memory and size limits), on cases seeded by the salt
// (--salt or GRADE_SALT; a random one is drawn and printed otherwise). Every file
// gets its own verdict: a submission that crashes, hangs or returns garbage is
// graded 0 with the reason and the others are unaffected. Prints a table (to stderr
// with --json, whose array goes to stdout) and writes the CSV to --csv PATH (default
// grades.csv in the current folder), saying where, and what it replaced. Exits 0
// whenever grading ran, whatever the scores; 1 if the CSV could not be written; 2 on
// a usage error.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { exerciseIds, findExercise, unrunnableResult } from '../exercises/index.ts';
import type { GradeResult } from '../exercises/index.ts';
import { loadProgress, VARIANT_SEED_KEY } from '../exercises/progress.ts';
import { gradeExportEntry, gradeSubmission } from './grade/verdict.ts';

/** One graded submission, as printed, written to grades.csv and emitted with --json. */
interface GradeRow {
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
  variantScore?: number;
  variantMaxScore?: number;
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

function setAside(submission: string, exercise: string, status: GradeRow['status'], reason: string): GradeRow {
  return { submission, exercise, score: 0, maxScore: 0, passed: false, status, parts: [], misconceptions: [], problems: [reason], flag: `entry set aside: ${reason}` };
}

async function gradeExport(file: string, options: Options): Promise<GradeRow[]> {
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
    const status = problem.id === '*' ? 'unreadable' : known.includes(problem.id) || problem.id === VARIANT_SEED_KEY ? 'rejected-entry' : 'unknown-exercise';
    rows.push(setAside(problem.id === '*' ? file : `${file}#${problem.id}`, problem.id, status, problem.reason));
  }
  for (const [id, entry] of Object.entries(progress.exercises)) {
    const exercise = findExercise(id)!;
    // Graded on the student's own variant (the numbers and public cases their page used) and on hidden cases (the grade of record).
    const verdict = await gradeExportEntry(exercise, entry, options, progress);
    const row = rowOf(`${file}#${id}`, verdict.result);
    row.problems.push(...verdict.notes);
    Object.assign(row, { variantScore: verdict.variantScore, variantMaxScore: verdict.variantMaxScore, claimedScore: entry.bestScore, claimedMaxScore: entry.maxScore, flag: verdict.flag });
    rows.push(row);
  }
  return rows;
}

/** The note of a row: its flag and its problems, each said once (a flag that quotes a problem already says it). */
function noteOf(row: GradeRow): string[] {
  const notes: string[] = [];
  for (const note of [row.flag, ...row.problems]) {
    if (note !== undefined && note !== '' && !notes.some((said) => said.includes(note))) notes.push(note);
  }
  return notes;
}

function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(rows: readonly GradeRow[]): string {
  const header = ['submission', 'exercise', 'score', 'max', 'passed', 'misconceptions', 'note'];
  const lines = rows.map((r) =>
    [r.submission, r.exercise, r.score, r.maxScore, r.passed, r.misconceptions.join(';'), noteOf(r).join('; ')].map(csvField).join(','),
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
    noteOf(r).join('; '),
  ]);
  const header = ['submission', 'exercise', 'score', 'result', 'misconceptions', 'note'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  // A long submission path keeps its end, the file's own name; other long cells keep their start.
  const cut = (x: string, i: number) => (i === 0 ? `…${x.slice(x.length - widths[i] + 1)}` : `${x.slice(0, widths[i] - 1)}…`);
  const line = (c: string[]) => c.map((x, i) => (x.length > widths[i] ? cut(x, i) : x.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/** What the CSV about to be written replaces, in words, or null when nothing is there. */
function replacedFile(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'something that is not a file';
    const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').length;
    return `the previous file (${Math.max(0, lines - 1)} rows, last written ${stat.mtime.toISOString()})`;
  } catch {
    return 'an existing file';
  }
}

async function gradeCodeFile(file: string, exerciseId: string, options: Options): Promise<GradeRow> {
  const exercise = findExercise(exerciseId)!;
  if (!['.js', '.ts', '.mjs', '.mts'].includes(extname(file))) return rowOf(file, unrunnableResult(exercise, `${basename(file)}: submissions are .js or .ts files`));
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return rowOf(file, unrunnableResult(exercise, `cannot read ${basename(file)}: ${(error as Error).message}`));
  }
  return rowOf(file, await gradeSubmission(exercise, source, options));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const exerciseId = options.exercise;
  const codeFile = options.files.find((file) => extname(file) !== '.json');
  if (codeFile !== undefined && exerciseId === undefined) usageError(`${codeFile} is a code file: say which exercise it answers with --exercise ID`);
  const rows: GradeRow[] = [];
  const pending: Promise<GradeRow>[] = [];
  for (const file of options.files) {
    if (extname(file) === '.json') {
      rows.push(...(await Promise.all(pending.splice(0))));
      rows.push(...(await gradeExport(file, options)));
      continue;
    }
    pending.push(gradeCodeFile(file, exerciseId!, options));
    // Two submissions at a time: each is its own process, and the machine may have few cores.
    if (pending.length === 2) rows.push(...(await Promise.all(pending.splice(0))));
  }
  rows.push(...(await Promise.all(pending)));
  const log = options.json ? process.stderr : process.stdout;
  log.write(tableOf(rows));
  if (options.json) {
    const out = rows.map(({ submission, exercise, score, maxScore, passed, parts, misconceptions, status, problems, claimedScore, claimedMaxScore, variantScore, variantMaxScore, flag }) => ({
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
      ...(variantScore !== undefined ? { variantScore, variantMaxScore } : {}),
      ...(flag !== undefined ? { flag } : {}),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  }
  const csvPath = resolve(options.csv);
  const replaced = replacedFile(csvPath);
  let wrote: string;
  try {
    writeFileSync(csvPath, csvOf(rows));
    wrote = `wrote ${csvPath}${replaced === null ? '' : `, replacing ${replaced}`}`;
  } catch (error) {
    wrote = `could not write the CSV to ${csvPath}: ${(error as Error).message}`;
    process.exitCode = 1;
  }
  log.write(`\n${rows.length} graded on ${options.cases} hidden cases (salt ${options.saltGiven ? JSON.stringify(options.salt) : `${options.salt}, drawn at random: pass --salt ${options.salt} to repeat`}); ${wrote}\n`);
}

await main();
