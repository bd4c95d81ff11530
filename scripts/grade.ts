// Re-grades students' work on hidden cases, for instructors.
//
//   npm run grade -- [--out DIR] [--report] [--site-url URL] [--workers N] [--json] [--salt S] [--csv PATH] PATH...
//   npm run grade -- --exercise ID [--out DIR] [--json] [--salt S] [--cases N] [--timeout MS] FILE...
//
// A PATH is a student's progress export (.json) or a folder of them (every *.json in it, in name order): every
// exercise in an export is re-graded and flagged where the browser's claimed score differs (an exercise seeded
// per learner on the numbers its variant seed picks; a missing or unreadable seed is said, per row). With
// --exercise, each .js/.ts FILE defines the exercise's function as pasted from the page. Each submission runs in
// its own sandboxed child process (scripts/grade/sandbox.ts: no files, environment, network, processes or salt;
// time, memory and size limits), on cases seeded by the salt (--salt or GRADE_SALT; a random one is drawn and
// printed otherwise). Every file gets its own verdict: a submission that crashes, hangs or returns garbage is
// graded 0 with the reason, an export that cannot be read is one row with the reason, and the others are
// unaffected. Several exports are graded by worker processes, one per core (--workers N to choose;
// scripts/grade/batch.ts), with a progress bar on a terminal and a "graded 7/10" line per file otherwise.
//
// Writes into --out DIR (default ./grades/), saying what each file is and what it replaced:
//   grades.json           every graded row (the array --json also prints to stdout)
//   grades.csv            the same rows as CSV (--csv PATH writes it elsewhere)
//   gradebook.csv         one row per student, one column per exercise in course order, a total (for an LMS)
//   gradescope/NAME.json  each student's results in Gradescope's autograder format (results.json)
//   report.html, report.json   with --report: the class misconception report, its links against --site-url
//                         (default: the local build ./dist, relative to DIR)
// Prints a table (to stderr with --json) and a summary. Exits 0 whenever grading ran, whatever the scores; 1 if
// a file could not be written; 2 on a usage error.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { exerciseIds, findExercise, unrunnableResult } from '../exercises/index.ts';
import { gradeBatch, progressReporter } from './grade/batch.ts';
import { exerciseHomes, type CourseChoice } from './grade/course-map.ts';
import { loadCourseSelection } from '../site/course/course-config.ts';
import { fileURLToPath } from 'node:url';
import { csvDocument } from './grade/csv.ts';
import { gradebookCsv } from './grade/gradebook.ts';
import { summaryOf } from './grade/summary.ts';
import { gradescopeResults, resultFileNames } from './grade/gradescope.ts';
import { classReport, reportHtml } from './grade/report.ts';
import { gradeExportFile, noteOf, rowOf, type GradedExport, type GradeRow } from './grade/rows.ts';
import { gradeSubmission } from './grade/verdict.ts';

interface Options {
  exercise?: string;
  json: boolean;
  salt: string;
  saltGiven: boolean;
  cases: number;
  timeoutMs: number;
  out: string;
  csv?: string;
  report: boolean;
  siteUrl?: string;
  workers?: number;
  files: string[];
}

const USAGE = `usage: npm run grade -- [--out DIR] [--report] [--site-url URL] [--workers N] [--json] [--salt S] [--csv PATH] EXPORT.json|FOLDER...
       npm run grade -- --exercise ID [--out DIR] [--json] [--salt S] [--cases N] [--timeout MS] FILE...
writes into --out DIR (default ./grades/): grades.json and grades.csv (every row), gradebook.csv (one row per
student, a column per exercise, a total), gradescope/NAME.json (Gradescope's results.json, one per student) and,
with --report, report.html and report.json (the class misconception report)
exercises: ${exerciseIds().join(', ')}`;

/** The chapters and exercises of the configured course, or undefined for the whole course; a bad configuration is a usage error. */
function courseChoice(): CourseChoice | undefined {
  try {
    return loadCourseSelection(fileURLToPath(new URL('..', import.meta.url)), process.env, false);
  } catch (error) {
    return usageError((error as Error).message);
  }
}

function usageError(message: string): never {
  process.stderr.write(`grade: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const envSalt = process.env.GRADE_SALT;
  const options: Options = { json: false, salt: envSalt ?? '', saltGiven: envSalt !== undefined && envSalt !== '', cases: 5, timeoutMs: 5000, out: 'grades', report: false, files: [] };
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
    else if (arg === '--out') options.out = value();
    else if (arg === '--report') options.report = true;
    else if (arg === '--site-url') options.siteUrl = value();
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) usageError('give at least one file or folder');
  if (!(Number.isInteger(options.cases) && options.cases >= 3)) usageError('--cases must be a whole number ≥ 3');
  if (!(options.timeoutMs > 0)) usageError('--timeout must be a positive number of milliseconds');
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1)) usageError('--workers must be a whole number ≥ 1');
  if (options.exercise !== undefined && findExercise(options.exercise) === undefined) usageError(`unknown exercise ${options.exercise}`);
  if (!options.saltGiven) options.salt = randomBytes(6).toString('hex');
  return options;
}

/** The files to grade: each PATH as given, a folder replaced by the *.json files in it, in name order. */
function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // A path that does not exist is graded as a file, so it gets its own "cannot read" row.
    }
    if (!folder) files.push(path);
    else {
      const inside = readdirSync(path)
        .filter((name) => name.toLowerCase().endsWith('.json'))
        .sort();
      if (inside.length === 0) process.stderr.write(`grade: the folder ${path} holds no .json export\n`);
      files.push(...inside.map((name) => join(path, name)));
    }
  }
  return files;
}

function csvOf(rows: readonly GradeRow[]): string {
  const header = ['submission', 'exercise', 'score', 'max', 'passed', 'misconceptions', 'note'];
  return csvDocument([header, ...rows.map((r) => [r.submission, r.exercise, r.score, r.maxScore, r.passed, r.misconceptions.join(';'), noteOf(r).join('; ')])], '\n');
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

/** What a file about to be written replaces, in words, or null when nothing is there. */
function replacedFile(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'something that is not a file';
    return `the previous file (last written ${stat.mtime.toISOString()})`;
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

/** Grades code files two at a time (each is its own sandbox process, and the machine may have few cores). */
async function gradeCodeFiles(files: readonly string[], exerciseId: string, options: Options): Promise<GradedExport[]> {
  const graded: GradedExport[] = [];
  for (let i = 0; i < files.length; i += 2) {
    const rows = await Promise.all(files.slice(i, i + 2).map((file) => gradeCodeFile(file, exerciseId, options)));
    graded.push(...rows.map((row, k) => ({ file: files[i + k], name: basename(files[i + k]), rows: [row], attempts: {} })));
  }
  return graded;
}

/** The JSON form of the rows, as grades.json and --json give them. */
function rowsJson(rows: readonly GradeRow[]): string {
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
  return `${JSON.stringify(out, null, 2)}\n`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Read before grading, so a bad course configuration stops the command at once.
  const course = courseChoice();
  const exerciseId = options.exercise;
  const files = expandPaths(options.files);
  const codeFile = files.find((file) => extname(file) !== '.json');
  if (codeFile !== undefined && exerciseId === undefined) usageError(`${codeFile} is a code file: say which exercise it answers with --exercise ID`);
  const log = options.json ? process.stderr : process.stdout;
  const exports = files.filter((file) => extname(file) === '.json');
  const codeFiles = files.filter((file) => extname(file) !== '.json');
  const students: GradedExport[] = [];
  if (exports.length === 1) students.push(await gradeExportFile(exports[0], options));
  else if (exports.length > 1) students.push(...(await gradeBatch(exports, options, { workers: options.workers, onProgress: progressReporter(process.stderr) })));
  students.push(...(await gradeCodeFiles(codeFiles, exerciseId ?? '', options)));
  const rows = students.flatMap((s) => s.rows);
  log.write(tableOf(rows));
  if (options.json) process.stdout.write(rowsJson(rows));

  const out = resolve(options.out);
  const wrote: string[] = [];
  const write = (path: string, text: string, what: string) => {
    const replaced = replacedFile(path);
    try {
      writeFileSync(path, text);
      wrote.push(`  ${path}: ${what}${replaced === null ? '' : `, replacing ${replaced}`}`);
    } catch (error) {
      wrote.push(`  could not write ${path}: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  };
  try {
    mkdirSync(join(out, 'gradescope'), { recursive: true });
  } catch (error) {
    process.stderr.write(`grade: cannot make the folder ${out}: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
  write(join(out, 'grades.json'), rowsJson(rows), 'every graded row');
  write(options.csv !== undefined ? resolve(options.csv) : join(out, 'grades.csv'), csvOf(rows), 'every graded row, as CSV');
  // The course's exercises in course order: the configured course's (course.config.json or COURSE_CONFIG), else all.
  const homes = exerciseHomes(undefined, course);
  const courseExercises = homes.map((home) => findExercise(home.id)!);
  write(join(out, 'gradebook.csv'), gradebookCsv(students, courseExercises), 'the gradebook, one row per student, for an LMS');
  const names = resultFileNames(students.map((s) => s.name));
  students.forEach((student, index) => write(join(out, 'gradescope', names[index]), `${JSON.stringify(gradescopeResults(student, courseExercises), null, 2)}\n`, `${student.name}'s Gradescope results.json`));
  if (options.report) {
    const siteUrl = options.siteUrl ?? `${relative(out, resolve('dist')).split('\\').join('/') || '.'}/`;
    const report = classReport(students, homes, siteUrl);
    write(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`, 'the class misconception report, as data');
    write(join(out, 'report.html'), reportHtml(report), 'the class misconception report, to read in a browser');
  }
  log.write(`\n${summaryOf(students)}`);
  log.write(`graded on ${options.cases} hidden cases (salt ${options.saltGiven ? JSON.stringify(options.salt) : `${options.salt}, drawn at random: pass --salt ${options.salt} to repeat`}); wrote:\n${wrote.join('\n')}\n`);
}

await main();
