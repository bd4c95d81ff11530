// Hostile submissions, graded in one batch by the real CLI beside a correct one: each
// must get a low or error verdict with a clear reason, the correct one must keep full
// marks, and nothing may be written anywhere but the CSV.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { MAX_SUBMISSION_BYTES } from '../../scripts/grade/sandbox.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const folder = join(root, 'tests/fixtures/submissions/hostile');
const SALT = 'salt-no-submission-may-read';

interface Row {
  submission: string;
  score: number;
  maxScore: number;
  passed: boolean;
  status: string;
  problems: string[];
}

// The CLI runs in an empty folder of its own, so any file a submission managed to write would show up there.
const cwd = mkdtempSync(join(tmpdir(), 'grade-hostile-'));
const oversized = join(cwd, 'oversized.js');
let rows: Row[] = [];
let stderr = '';
let exitCode = -1;

beforeAll(async () => {
  const right = readFileSync(join(folder, 'right.js'), 'utf8');
  writeFileSync(oversized, `${right}\n${'// padding\n'.repeat(Math.ceil(MAX_SUBMISSION_BYTES / 11) + 10)}`);
  const files = [...readdirSync(folder).map((f) => join(folder, f)), oversized];
  // The salt is given the way an instructor would, in the environment, so a submission that reads it would find it.
  const result = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/grade.ts'), '--json', '--timeout', '1500', '--exercise', 'relu-backward', ...files], {
    cwd,
    env: { ...process.env, GRADE_SALT: SALT },
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  exitCode = 0;
  rows = JSON.parse(result.stdout) as Row[];
  stderr = result.stderr;
}, 180_000);

function row(name: string): Row {
  const found = rows.find((r) => r.submission.endsWith(`/${name}`));
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
}

/** The threat was contained: zero with the reason, the correct submission still full marks, no file written but the CSV. */
function expectContained(name: string, reason: RegExp): void {
  expect(row(name)).toMatchObject({ score: 0, passed: false });
  expect(row(name).problems.join(' ')).toMatch(reason);
  expect(row('right.js')).toMatchObject({ score: 1, maxScore: 1, passed: true, status: 'passed' });
  expect(readdirSync(cwd).sort()).toEqual(['grades', 'oversized.js']);
  expect(readdirSync(join(cwd, 'grades')).sort()).toEqual(['gradebook.csv', 'grades.csv', 'grades.json', 'gradescope']);
  expect(existsSync(join(root, 'pwned.txt'))).toBe(false);
}

test('the batch grades every file and exits 0', () => {
  expect(exitCode).toBe(0);
  expect(rows).toHaveLength(readdirSync(folder).length + 1);
  expect(stderr).toContain(`${join(cwd, 'grades', 'grades.csv')}: every graded row, as CSV`);
});

test('a submission that reads the exercise definition through process.getBuiltinModule finds no process', () => {
  expectContained('reads-definition.js', /ReferenceError: process is not defined/);
});

test('a submission that writes a file writes nothing and scores 0', () => {
  expectContained('writes-file.js', /process is not defined/);
});

test('a submission that reads process.env.HOME cannot see the environment', () => {
  expectContained('reads-environment.js', /process is not defined/);
});

test('a submission that looks for the salt in the environment or argv cannot read it', () => {
  expectContained('reads-salt.js', /process is not defined/);
  expect(JSON.stringify(row('reads-salt.js'))).not.toContain(SALT);
});

test('a submission that calls fetch has no network', () => {
  expectContained('fetches.js', /ReferenceError: fetch is not defined/);
});

test('a submission that starts a process or a worker can start neither', () => {
  expectContained('spawns.js', /Worker is not defined/);
});

test('a submission that kills its own process cannot reach it, and every other file keeps its verdict', () => {
  expectContained('kills-itself.js', /process is not defined/);
});

test('a submission that loops forever at its top level is stopped by the time limit', () => {
  expectContained('loops-at-top-level.js', /Stopped after 1\.5 s: your code did not finish/);
});

test('a submission that allocates ArrayBuffers without end hits the memory cap', () => {
  expectContained('array-buffer-bomb.js', /Array buffer allocation failed|memory/);
});

test('a submission over the size limit is refused with its own message', () => {
  expectContained('oversized.js', new RegExp(`at most ${MAX_SUBMISSION_BYTES / 1024} kB of code`));
});

test('every constructor chain to Function is refused code generation', () => {
  expectContained('constructor-escapes.js', /no escape/);
  const message = row('constructor-escapes.js').problems[0];
  for (const route of ['function literal', 'arrow literal', 'async function', 'generator', 'globalThis', 'an argument', 'a helper', 'a helper error']) {
    expect(message).toContain(`${route}: Code generation from strings disallowed`);
  }
  expect(message).toMatch(/a stack frame: (?!no process)/);
});

test('a submission that uses import() gets no module and scores 0', () => {
  expectContained('dynamic-import.js', /dx must be \d+×\d+, yours is an object/);
});

test('a submission that rewrites Math, Array.prototype, JSON and String in its realm spoils only its own score', () => {
  expectContained('tampers-globals.js', /^$/);
  expect(row('tampers-globals.js').status).toBe('failed');
});

test('objects with valueOf, toJSON and Symbol.toPrimitive are not numbers', () => {
  expectContained('value-tricks.js', /dx\[0\]\[0\] is an object, not a number/);
});

test('throwing getters in a returned value are that submission’s error', () => {
  expectContained('getters.js', /a getter said no/);
});

test('a returned Proxy whose traps throw is that submission’s error', () => {
  expectContained('proxy.js', /a trap said no/);
});

test('throw null, a thrown Proxy and a thrown object whose toString throws are each described', () => {
  expectContained('throws-null.js', /it threw null, not an Error/);
  expectContained('throws-proxy.js', /not an Error and cannot be shown as text/);
  expectContained('throws-bad-to-string.js', /not an Error and cannot be shown as text/);
});

test('a returned array with a hole is a shape problem, not a crash', () => {
  // The wording of the shape problem belongs to the comparison; what matters here is that it names dx and is a verdict.
  expectContained('hole-row.js', /row 0 of dx is missing \(the array has a hole at index 0\)/);
  expect(row('hole-row.js').status).toBe('invalid');
});
