import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { getExercise } from '../../exercises/index.ts';
import { gradeBatch, progressReporter } from '../../scripts/grade/batch.ts';
import type { GradedExport } from '../../scripts/grade/rows.ts';
import { parseCsv } from './rfc4180.ts';

// Batch grading of a class folder: worker processes share the files, a corrupt or missing file is one row with
// the reason, the results keep the files' order, and progress is a plain line per file when stderr is no terminal.

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'grade-batch-'));
const AT = '2026-03-01T10:00:00.000Z';

function entry(code: string, score: number, maxScore: number) {
  return { code, attempts: 1, bestScore: score, maxScore, solved: score === maxScore, updatedAt: AT, history: [{ at: AT, score, misconceptions: [] }] };
}

function writeExport(name: string, id: string, exercises: Record<string, unknown>): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify({ format: 'neural-notebook-progress', version: 1, student: { course: 'nn-2027', id }, exercises, rejected: {} }));
  return path;
}

const counts = getExercise('count-parameters');
const sigmoid = getExercise('sigmoid-backward');
if (counts.kind !== 'numeric' || sigmoid.kind !== 'code') throw new Error('count-parameters must be numeric and sigmoid-backward code');
const rightCounts = JSON.stringify(Object.fromEntries(Object.entries(counts.answer({})).map(([part, value]) => [part, String(value)])));
const files = [
  writeExport('a-right.json', 's1, "the first"', { 'count-parameters': entry(rightCounts, 2, 2), 'sigmoid-backward': entry(sigmoid.solution, 1, 1) }),
  // A tampered claim: the wrong choice claims full marks.
  writeExport('b-tampered.json', 's2', { 'perceptron-separable': entry('["xor"]', 1, 1) }),
  join(folder, 'c-corrupt.json'),
  join(folder, 'd-missing.json'),
];
writeFileSync(files[2], '{"format": "neural-notebook-progress", "vers');

let graded: GradedExport[] = [];
const progress: [number, number, string][] = [];

beforeAll(async () => {
  graded = await gradeBatch(files, { salt: 'batch', cases: 3, timeoutMs: 3000 }, { workers: 2, onProgress: (done, total, g) => progress.push([done, total, g.file]) });
}, 120_000);

test('every file gets its result, in the order given, whichever worker graded it', () => {
  expect(graded.map((g) => g.file)).toEqual(files);
  expect(progress.map(([done, total]) => `${done}/${total}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
  expect(new Set(progress.map(([, , file]) => file))).toEqual(new Set(files));
});

test('a right export is graded in full, a code answer in its own sandbox, and named by its student id', () => {
  expect(graded[0]).toMatchObject({ name: 's1, "the first"', student: { course: 'nn-2027', id: 's1, "the first"' } });
  expect(graded[0].rows.map((r) => [r.exercise, r.score, r.passed])).toEqual([
    ['count-parameters', 2, true],
    ['sigmoid-backward', 1, true],
  ]);
  expect(graded[0].attempts['count-parameters']).toMatchObject({ attempts: 1, maxScore: 2 });
});

test('a tampered claim is flagged; a corrupt and a missing file are each one row with the reason', () => {
  expect(graded[1].rows[0]).toMatchObject({ exercise: 'perceptron-separable', score: 0, flag: 'claimed 1/1, re-graded 0/1' });
  expect(graded[2]).toMatchObject({ unreadable: expect.stringMatching(/not JSON/) });
  expect(graded[2].rows).toHaveLength(1);
  expect(graded[3]).toMatchObject({ unreadable: expect.stringMatching(/cannot read d-missing\.json/) });
});

test('progress is a plain "graded 7/10" line per file without a terminal, and a redrawn bar on one', () => {
  const plain: string[] = [];
  const report = progressReporter({ write: (text: string) => plain.push(text), isTTY: false });
  report(1, 2, graded[0]);
  report(2, 2, graded[1]);
  expect(plain).toEqual(['graded 1/2 a-right.json\n', 'graded 2/2 b-tampered.json\n']);
  const tty: string[] = [];
  const bar = progressReporter({ write: (text: string) => tty.push(text), isTTY: true });
  bar(1, 2, graded[0]);
  bar(2, 2, graded[1]);
  expect(tty[0]).toMatch(/^\r\[#{15} {15}\] graded 1\/2$/);
  expect(tty[1]).toMatch(/^\r\[#{30}\] graded 2\/2\n$/);
});

test('the CLI grades the folder with a progress line per file and a summary, and its gradebook reads back', async () => {
  const out = mkdtempSync(join(tmpdir(), 'grade-batch-out-'));
  // execFile's stderr is a pipe, not a terminal, and it rejects on any exit code but 0.
  const { stdout, stderr } = await run(join(root, 'node_modules/.bin/tsx'), ['scripts/grade.ts', '--salt', 'batch', '--out', out, '--workers', '2', folder], { cwd: root, timeout: 120_000 });
  expect(stderr.match(/^graded \d\/3 [a-z-]+\.json$/gm)).toHaveLength(3);
  expect(stdout).toContain('2 students, 3 answers graded, mean total 1.5\n1 flagged: s2\n1 unreadable: c-corrupt.json (');
  const table = parseCsv(readFileSync(join(out, 'gradebook.csv'), 'utf8'));
  const total = table[0].indexOf('total');
  expect(table.slice(2).map((r) => [r[0], r[total]])).toEqual([
    ['s1, "the first"', '3'],
    ['s2', '0'],
    ['c-corrupt.json', '0'],
  ]);
}, 130_000);

test('with a course configuration the outputs hold that course alone, in its order; a bad configuration stops the command first', async () => {
  const out = mkdtempSync(join(tmpdir(), 'grade-course-out-'));
  const env = { ...process.env, COURSE_CONFIG: 'tests/fixtures/course/three-chapters.json' };
  await run(join(root, 'node_modules/.bin/tsx'), ['scripts/grade.ts', '--salt', 'batch', '--out', out, '--workers', '1', files[0]], { cwd: root, timeout: 120_000, env });
  const [header] = parseCsv(readFileSync(join(out, 'gradebook.csv'), 'utf8'));
  const columns = header.slice(3, header.indexOf('total'));
  // perceptron's exercises but perceptron-separable, then backprop's but the two excluded, then relu-backward.
  expect(columns[0]).toBe('perceptron-update');
  expect(columns).not.toContain('perceptron-separable');
  expect(columns).not.toContain('gradient-check');
  expect(columns.at(-1)).toBe('relu-backward');
  expect(columns.indexOf('sigmoid-backward')).toBeGreaterThan(0);
  expect(columns).not.toContain('count-parameters');

  const bad = join(folder, 'bad-course.json');
  writeFileSync(bad, JSON.stringify({ title: 'A course', chapters: ['no-such-chapter'] }));
  const failed = await run(join(root, 'node_modules/.bin/tsx'), ['scripts/grade.ts', '--out', out, files[0]], { cwd: root, timeout: 60_000, env: { ...process.env, COURSE_CONFIG: bad } }).catch((error: { code: number; stderr: string }) => error);
  expect('code' in failed && failed.code).toBe(2);
  expect((failed as { stderr: string }).stderr).toContain('no-such-chapter');
}, 130_000);
