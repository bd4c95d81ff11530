import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { getExercise } from '../../exercises/index.ts';
import { variantNumbers } from '../../exercises/variant.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const folder = join(root, 'tests/fixtures/submissions/mlp-backward');
const out = mkdtempSync(join(tmpdir(), 'grade-'));

interface Row {
  submission: string;
  exercise: string;
  score: number;
  maxScore: number;
  passed: boolean;
  status: string;
  parts: { name: string; passed: boolean }[];
  misconceptions: string[];
  problems: string[];
  flag?: string;
}

async function grade(args: string[], csv = join(out, `${args.length}-${Date.now()}.csv`)): Promise<{ rows: Row[]; stderr: string; csv: string }> {
  // execFile rejects on any exit code but 0, so every run here also proves the CLI exits 0.
  const { stdout, stderr } = await run(join(root, 'node_modules/.bin/tsx'), ['scripts/grade.ts', '--json', '--csv', csv, '--out', join(out, 'outputs'), '--timeout', '2000', ...args], { cwd: root, timeout: 150_000 });
  return { rows: JSON.parse(stdout) as Row[], stderr, csv: readFileSync(csv, 'utf8') };
}

let folderRun: Awaited<ReturnType<typeof grade>>;
const byFile = (name: string) => folderRun.rows.find((r) => r.submission.endsWith(`/${name}`))!;

beforeAll(async () => {
  const files = readdirSync(folder).map((f) => join(folder, f));
  folderRun = await grade(['--exercise', 'mlp-backward', '--salt', 'test-salt', ...files]);
}, 160_000);

test('the CLI grades a folder of submissions and exits 0 whatever the scores', () => {
  expect(folderRun.rows).toHaveLength(readdirSync(folder).length);
  expect(folderRun.stderr).toContain('salt "test-salt"');
});

test('right answers in TypeScript and in JavaScript pass on hidden cases', () => {
  for (const name of ['right.ts', 'right-plain-loops.js']) expect(byFile(name)).toMatchObject({ score: 4, maxScore: 4, passed: true });
});

test('a wrong answer earns partial credit and its misconception', () => {
  expect(byFile('forgot-relu-derivative.js')).toMatchObject({ score: 2, passed: false, misconceptions: ['forgot-relu-derivative'] });
  expect(byFile('transposed.ts').misconceptions).toEqual(['transposed-weight-gradients']);
});

test('a submission that loops forever is stopped and scored 0', () => {
  expect(byFile('loops-forever.js')).toMatchObject({ score: 0, passed: false });
  expect(byFile('loops-forever.js').problems[0]).toMatch(/^Stopped after 2 s: your code did not finish/);
});

test('a submission that throws, one that asks for autograd, and one that hogs memory score 0 with the reason', () => {
  expect(byFile('throws.ts').problems[0]).toMatch(/threw on case \d: cannot handle a batch/);
  expect(byFile('uses-autograd.js').problems[0]).toMatch(/autograd is switched off/);
  expect(byFile('hogs-memory.js').problems[0]).toMatch(/memory|stopped/);
});

test('a matrix with a hole for row 0 is that file\'s invalid verdict and the others keep theirs, in the JSON, the table and the CSV', () => {
  expect(byFile('hole-row.js')).toMatchObject({ score: 3, passed: false, status: 'invalid' });
  expect(byFile('hole-row.js').problems[0]).toMatch(/row 0 of dW1 is missing \(the array has a hole at index 0\)/);
  expect(byFile('right.ts')).toMatchObject({ score: 4, passed: true });
  expect(folderRun.stderr).toMatch(/hole-row\.js\s+mlp-backward\s+3\/4\s+invalid/);
  expect(folderRun.csv).toMatch(/hole-row\.js,mlp-backward,3,4,false,/);
});

test('grades.csv has a row per submission with the required columns', () => {
  const lines = folderRun.csv.trim().split('\n');
  expect(lines[0]).toBe('submission,exercise,score,max,passed,misconceptions,note');
  expect(lines).toHaveLength(folderRun.rows.length + 1);
  expect(lines.some((l) => l.includes('forgot-relu-derivative.js,mlp-backward,2,4,false,forgot-relu-derivative'))).toBe(true);
});

test('a progress export is re-graded, with claimed scores that differ flagged and bad entries labelled by what is wrong', async () => {
  const csv = join(mkdtempSync(join(tmpdir(), 'grade-csv-')), 'export.csv');
  const first = await grade(['--salt', 'test-salt', join(root, 'tests/fixtures/submissions/progress-export.json')], csv);
  const row = (id: string) => first.rows.find((r) => r.exercise === id)!;
  expect(row('sigmoid-backward')).toMatchObject({ passed: true });
  expect(row('sigmoid-backward').flag).toBeUndefined();
  expect(row('relu-backward')).toMatchObject({ passed: false, misconceptions: ['relu-of-upstream'] });
  expect(row('relu-backward').flag).toBe('claimed 1/1, re-graded 0/1');
  expect(row('perceptron-separable')).toMatchObject({ passed: true });
  expect(row('tanh-backward').flag).toMatch(/set aside: attempts/);
  expect(row('tanh-backward').status).toBe('rejected-entry');
  expect(row('softmax-cross-entropy-backward')).toMatchObject({ status: 'rejected-entry', problems: ['code must be text'] });
  expect(row('no-such-exercise').status).toBe('unknown-exercise');

  // Each reason is said once in the CSV's note.
  const note = first.csv.split('\n').find((line) => line.includes('#softmax-cross-entropy-backward'))!;
  expect(note.match(/code must be text/g)).toHaveLength(1);

  // The CLI says where it wrote the CSV, and on a second run what it replaced.
  expect(first.stderr).toContain(`${csv}: every graded row, as CSV\n`);
  const second = await grade(['--salt', 'test-salt', join(root, 'tests/fixtures/submissions/progress-export.json')], csv);
  expect(second.stderr).toContain(`${csv}: every graded row, as CSV, replacing the previous file (last written `);
}, 150_000);

test('an export with an exercise seeded per learner is re-graded on its variant; a missing or unreadable seed is said and costs no other row', async () => {
  const exercise = getExercise('two-two-one-by-hand');
  if (exercise.kind !== 'numeric') throw new Error('two-two-one-by-hand must be numeric');
  const folder = mkdtempSync(join(tmpdir(), 'grade-seeded-'));
  const typed = JSON.stringify(Object.fromEntries(Object.entries(exercise.answer(variantNumbers(exercise, 4242))).map(([part, value]) => [part, String(value)])));
  const entry = { code: typed, attempts: 1, bestScore: 6, maxScore: 6, solved: true, updatedAt: '2026-01-05T10:00:00.000Z' };
  const other = { code: '["xor"]', attempts: 1, bestScore: 0, maxScore: 1, solved: false, updatedAt: '2026-01-05T10:00:00.000Z' };
  const write = (name: string, extra: Record<string, unknown>) => {
    const path = join(folder, name);
    writeFileSync(path, JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: { 'two-two-one-by-hand': entry, 'perceptron-separable': other }, rejected: {}, ...extra }));
    return path;
  };
  const files = [write('mine.json', { variantSeed: 4242 }), write('someone-else.json', { variantSeed: 4243 }), write('no-seed.json', {}), write('bad-seed.json', { variantSeed: 'x' })];
  const { rows } = await grade(['--salt', 'seeded', ...files]);
  const row = (file: string, id: string) => rows.find((r) => r.submission.endsWith(`${file}#${id}`))!;
  expect(row('mine.json', 'two-two-one-by-hand')).toMatchObject({ score: 6, maxScore: 6, passed: true });
  expect(row('mine.json', 'two-two-one-by-hand').flag).toBeUndefined();
  expect(row('someone-else.json', 'two-two-one-by-hand')).toMatchObject({ passed: false, flag: expect.stringMatching(/^claimed 6\/6, re-graded \d\/6$/) });
  for (const file of ['no-seed.json', 'bad-seed.json']) {
    expect(row(file, 'two-two-one-by-hand')).toMatchObject({ score: 0, status: 'invalid' });
    expect(row(file, 'two-two-one-by-hand').problems[0]).toMatch(/variant seed that picked them is missing or unreadable.*the answer itself is kept/);
    // The other exercise of the same export is graded as ever.
    expect(row(file, 'perceptron-separable')).toMatchObject({ status: 'failed' });
  }
  expect(row('bad-seed.json', '@variantSeed')).toMatchObject({ status: 'rejected-entry', problems: [expect.stringMatching(/variant seed must be a whole number .* "x"/)] });
}, 150_000);

test('an export with a class identity is re-graded on that student\'s own cases and numbers: right answers pass unflagged, an edited score is flagged', async () => {
  const exercise = getExercise('two-two-one-by-hand');
  if (exercise.kind !== 'numeric') throw new Error('two-two-one-by-hand must be numeric');
  const student = { course: 'nn-2027-spring', id: 's001' };
  const seed = learnerSeedFor(student.course, student.id);
  const folder = mkdtempSync(join(tmpdir(), 'grade-class-'));
  const typed = JSON.stringify(Object.fromEntries(Object.entries(exercise.answer(variantNumbers(exercise, seed))).map(([part, value]) => [part, String(value)])));
  const sigmoid = 'function sigmoidBackward(x: number[], upstream: number[]): number[] {\n  return x.map((v, i) => upstream[i] * (1 / (1 + Math.exp(-v))) * (1 - 1 / (1 + Math.exp(-v))));\n}\n';
  const at = '2026-01-05T10:00:00.000Z';
  const write = (name: string, numericScore: number, reluScore: number) => {
    const path = join(folder, name);
    const exercises = {
      'two-two-one-by-hand': { code: typed, attempts: 1, bestScore: numericScore, maxScore: 6, solved: numericScore === 6, updatedAt: at },
      'sigmoid-backward': { code: sigmoid, attempts: 1, bestScore: 1, maxScore: 1, solved: true, updatedAt: at },
      // Wrong everywhere: it passes the derivative on where it should stop it.
      'relu-backward': { code: 'function reluBackward(x, upstream) { return upstream; }', attempts: 1, bestScore: reluScore, maxScore: 1, solved: reluScore === 1, updatedAt: at },
    };
    writeFileSync(path, JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises, rejected: {}, variantSeed: seed, student }));
    return path;
  };
  const { rows } = await grade(['--salt', 'class', write('honest.json', 6, 0), write('edited.json', 6, 1)]);
  const row = (file: string, id: string) => rows.find((r) => r.submission.endsWith(`${file}#${id}`))! as Row & { variantScore?: number; variantMaxScore?: number };
  expect(row('honest.json', 'two-two-one-by-hand')).toMatchObject({ score: 6, passed: true, variantScore: 6, variantMaxScore: 6 });
  expect(row('honest.json', 'sigmoid-backward')).toMatchObject({ score: 1, passed: true, variantScore: 1, variantMaxScore: 1 });
  expect(row('honest.json', 'relu-backward')).toMatchObject({ score: 0, passed: false, variantScore: 0 });
  for (const id of ['two-two-one-by-hand', 'sigmoid-backward', 'relu-backward']) expect(row('honest.json', id).flag).toBeUndefined();
  // The claimed score edited in the file differs from the re-grade on the very cases the page used.
  expect(row('edited.json', 'relu-backward').flag).toBe('claimed 1/1, re-graded 0/1');
  expect(row('edited.json', 'two-two-one-by-hand').flag).toBeUndefined();
}, 150_000);
