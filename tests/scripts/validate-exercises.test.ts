// `npm run validate-exercises`: every exercise validated on a few seeds (the full run takes 100), its report's
// rows, merging and exit code, fabricated broken exercises reported with the seed that reproduces them, and the
// command itself run as an author runs it, on worker threads.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exerciseCases } from '../../exercises/cases.ts';
import type { CodeExercise, NumericExercise } from '../../exercises/define-exercise.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { variantNumbers } from '../../exercises/variant.ts';
import { exitCodeOf, isPerfect, mergeTallies, reportRows, reproduceCommand, summaryOf, tableOf } from '../../scripts/validate-exercises/report.ts';
import { checksOf, saltOf, validateExercise, type Tally } from '../../scripts/validate-exercises/validate.ts';
import { runNode } from './run-node.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
// Enough seeds to pass a generator's rarer draws, few enough for a busy 2-core machine: about 2 s in all here.
const SEEDS = Array.from({ length: 12 }, (_, s) => s);

describe.each(EXERCISES.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  test('on every seed the reference passes, the starter fails, and each known-wrong solution is rejected and named', () => {
    const tallies = validateExercise(exercise, SEEDS);
    expect(tallies.map((t) => t.solution)).toEqual(checksOf(exercise).map((c) => c.solution));
    // The table of the rows that fall short is the message, so a failure says which seed reproduces it.
    expect(tableOf(tallies.filter((t) => !isPerfect(t))), tableOf(tallies)).toBe(tableOf([]));
    for (const tally of tallies) expect(tally.runs).toBe(tally.variants === 'fixed' ? 1 : SEEDS.length);
  });
});

/** A code exercise whose known-wrong solution (x² for 2x) slips through on a seed whose every case draws x = 2. */
const doubling: CodeExercise = {
  kind: 'code',
  id: 'doubling',
  title: 'Doubling',
  prompt: 'Return 2x.',
  hints: ['Multiply by two.'],
  explanation: 'Twice x.',
  functionName: 'double',
  signature: 'double(x: number): number',
  starter: 'function double(x: number): number {\n  return 0;\n}',
  solution: 'function double(x: number): number {\n  if (x === 3) throw new Error("three");\n  return 2 * x;\n}',
  returns: 'value',
  parts: [{ name: 'y' }],
  // x = 2 four times in five; x = 3 (where the reference throws) on some cases of some seeds.
  generate: (rng) => ({ args: [rng.next() < 0.8 ? 2 : rng.choice([1, 3])] }),
  oracle: (args) => 2 * (args[0] as number),
  detectors: [],
  misconceptions: [{ id: 'squared', solution: 'function double(x: number): number {\n  return x * x;\n}', feedback: 'You squared x.' }],
};

/** The seeds among the first `count` whose cases all draw `x`. */
function seedsWhereEveryCaseIs(x: number, count: number): number[] {
  return Array.from({ length: count }, (_, s) => s).filter((s) => exerciseCases(doubling, { salt: saltOf(s) }).every((c) => c.args[0] === x));
}

/** The seeds among the first `count` with some case drawing `x`. */
function seedsWhereSomeCaseIs(x: number, count: number): number[] {
  return Array.from({ length: count }, (_, s) => s).filter((s) => exerciseCases(doubling, { salt: saltOf(s) }).some((c) => c.args[0] === x));
}

describe('a fabricated code exercise with a weak case generator', () => {
  const tallies = validateExercise(doubling, SEEDS.concat(Array.from({ length: 28 }, (_, s) => 12 + s)));
  const row = (solution: string) => tallies.find((t) => t.solution === solution)!;

  test('the wrong solution that slips through is reported with the first seed it slips through on', () => {
    const slips = seedsWhereEveryCaseIs(2, 40).filter((s) => !seedsWhereSomeCaseIs(3, 40).includes(s));
    expect(slips.length).toBeGreaterThan(0);
    expect(row('squared')).toMatchObject({ role: 'wrong', runs: 40, firstFailure: { seed: Math.min(...slips, ...seedsWhereSomeCaseIs(3, 40)) } });
    expect(row('squared').met).toBe(40 - slips.length - seedsWhereSomeCaseIs(3, 40).length);
    expect(isPerfect(row('squared'))).toBe(false);
  });

  test('a reference that throws on some seeds is reported with the first of them, and every row falls short there', () => {
    const throwing = seedsWhereSomeCaseIs(3, 40);
    expect(throwing.length).toBeGreaterThan(0);
    expect(row('reference')).toMatchObject({ met: 40 - throwing.length, firstFailure: { seed: throwing[0] } });
    expect(row('reference').firstFailure!.reason).toMatch(/cases could not be prepared: doubling: the reference solution threw on case \d: three/);
    expect(row('starter')).toMatchObject({ met: 40 - throwing.length });
  });

  test('the table names each failing seed, the summary how to reproduce it, and the exit code is 1', () => {
    const table = tableOf(tallies);
    expect(table).toContain(`seed ${row('reference').firstFailure!.seed}: the cases could not be prepared`);
    const slip = seedsWhereEveryCaseIs(2, 40).find((s) => !seedsWhereSomeCaseIs(3, 40).includes(s))!;
    expect(validateExercise(doubling, [slip]).find((t) => t.solution === 'squared')!.firstFailure).toEqual({ seed: slip, reason: 'accepted: it passed every case' });
    const summary = summaryOf(tallies, { seeds: '40 seeds each', seconds: 1.25, threads: 2 });
    expect(summary).toMatch(/^3 of 3 rows fall short: 1 exercise, 40 seeds each, in 1\.3 s on 2 threads\n/);
    expect(summary).toContain(`  ${reproduceCommand('doubling', row('reference').firstFailure!.seed)}\n`);
    expect(exitCodeOf(tallies)).toBe(1);
    expect(reportRows(tallies).map((r) => r.perfect)).toEqual([false, false, false]);
  });
});

/** A numeric exercise seeded per learner whose answer, a − 2, is zero for some learners, so typing zeros passes there. */
const offset: NumericExercise = {
  kind: 'numeric',
  id: 'offset',
  title: 'Offset',
  prompt: 'Give {{a}} − 2.',
  hints: ['Subtract.'],
  explanation: 'a − 2.',
  parts: [{ name: 'y' }],
  generate: (rng) => ({ a: rng.choice([2, 5, 7]) }),
  answer: (numbers) => ({ y: numbers!.a - 2 }),
  rtol: 1e-6,
  detectors: [],
  misconceptions: [{ id: 'added', answer: (numbers) => ({ y: numbers!.a + 2 }), feedback: 'You added.' }],
};

test("a seeded numeric exercise whose starter passes on a learner's numbers is reported with that learner's seed", () => {
  const tallies = validateExercise(offset, SEEDS);
  const zeroAt = SEEDS.filter((s) => variantNumbers(offset, s).a === 2);
  expect(zeroAt.length).toBeGreaterThan(0);
  const starter = tallies.find((t) => t.role === 'starter')!;
  expect(starter).toMatchObject({ variants: 'learners', runs: 12, met: 12 - zeroAt.length, firstFailure: { seed: zeroAt[0], reason: 'an answer of zeros passed' } });
  expect(tallies.filter(isPerfect).map((t) => t.solution)).toEqual(['reference', 'added']);
  expect(exitCodeOf(tallies)).toBe(1);
});

describe('the report', () => {
  const base = { exercise: 'some-exercise', kind: 'code', variants: 'salts' } as const;
  const wrong = (runs: number, met: number, recognised: number, seed?: number): Tally => ({
    ...base,
    solution: 'sign-flipped',
    role: 'wrong',
    runs,
    met,
    recognised,
    ...(seed === undefined ? {} : { firstFailure: { seed, reason: 'rejected but not recognised: failed on dx named sign' } }),
  });

  test('merging runs of other seeds adds the counts and keeps the lowest failing seed, whatever order they finish in', () => {
    const merged = mergeTallies([], [wrong(10, 10, 9, 17)]);
    mergeTallies(merged, [wrong(10, 10, 10)]);
    mergeTallies(merged, [wrong(10, 10, 8, 4)]);
    mergeTallies(merged, [wrong(10, 10, 9, 25)]);
    expect(merged).toEqual([wrong(40, 40, 36, 4)]);
  });

  test('a wrong solution rejected on every seed but not recognised on one makes the run fail, and the table says where', () => {
    const rows = [{ ...base, solution: 'reference', role: 'reference', runs: 100, met: 100 } satisfies Tally, wrong(100, 100, 99, 42)];
    expect(exitCodeOf(rows)).toBe(1);
    expect(tableOf(rows).split('\n')).toEqual([
      'exercise       solution      variants   must         met      named   first failure',
      '-------------  ------------  ---------  -----------  -------  ------  -------------',
      'some-exercise  reference     100 salts  pass         100/100',
      'some-exercise  sign-flipped  100 salts  fail, named  100/100  99/100  seed 42: rejected but not recognised: failed on dx named sign',
      '',
    ]);
    expect(reportRows(rows)[1]).toMatchObject({ perfect: false, reproduce: 'npm run validate-exercises -- --exercise some-exercise --seed 42' });
  });

  test('every row perfect exits 0 and says so; a fixed variant is named as one', () => {
    const rows: Tally[] = [
      { ...base, solution: 'reference', role: 'reference', runs: 100, met: 100 },
      wrong(100, 100, 100),
      { exercise: 'fixed-one', kind: 'numeric', variants: 'fixed', solution: 'starter', role: 'starter', runs: 1, met: 1 },
    ];
    expect(exitCodeOf(rows)).toBe(0);
    expect(tableOf(rows)).toContain('fixed-one      starter       fixed numbers: 1 variant  fail         1/1');
    expect(summaryOf(rows, { seeds: '100 seeds each', seconds: 6.04, threads: 2 })).toBe(
      'all 3 rows perfect: 2 exercises, 100 seeds each (one with a fixed variant once), in 6.0 s on 2 threads\n',
    );
  });
});

describe('the command', () => {
  const cli = (args: string[]) => runNode([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/validate-exercises.ts', ...args], ROOT);

  test('validates the chosen exercises on two threads and prints the table, with the rows as JSON on stdout', async () => {
    const run = await cli(['--exercise', 'relu-backward', '--exercise', 'count-parameters', '--seeds', '20', '--threads', '2', '--json']);
    expect(run.stderr).toMatch(/all 11 rows perfect: 2 exercises, 20 seeds each \(one with a fixed variant once\), in [\d.]+ s on 2 threads/);
    expect(run.stderr).toContain('relu-backward     inverted-mask       20 salts');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as (Tally & { perfect: boolean })[];
    expect(rows.map((r) => [r.exercise, r.solution, r.runs, r.perfect])).toEqual([
      ['relu-backward', 'reference', 20, true],
      ['relu-backward', 'starter', 20, true],
      ['relu-backward', 'relu-of-upstream', 20, true],
      ['relu-backward', 'inverted-mask', 20, true],
      ['relu-backward', 'times-relu-value', 20, true],
      ['count-parameters', 'reference', 1, true],
      ['count-parameters', 'starter', 1, true],
      ['count-parameters', 'weights-only', 1, true],
      ['count-parameters', 'bias-per-input', 1, true],
      ['count-parameters', 'input-layer-biases', 1, true],
      ['count-parameters', 'counted-units', 1, true],
    ]);
  }, 60_000);

  test('reruns one seed with --seed, and refuses a bad option or an unknown exercise with exit code 2', async () => {
    const one = await cli(['--exercise', 'sigmoid-backward', '--seed', '57']);
    expect(one.stdout).toContain('sigmoid-backward  forgot-upstream         1 salt    fail, named  1/1  1/1');
    expect(one.stdout).toContain('1 exercise, seed 57, in');
    expect(one.status).toBe(0);
    const bad = await cli(['--seeds', 'many']);
    expect(bad.stderr).toContain('--seeds must be a whole number ≥ 1, not "many"');
    expect(bad.status).toBe(2);
    const unknown = await cli(['--exercise', 'no-such-exercise']);
    expect(unknown.stderr).toContain('unknown exercise no-such-exercise');
    expect(unknown.status).toBe(2);
  }, 60_000);
});
