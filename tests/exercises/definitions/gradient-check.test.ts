import { expect, test } from 'vitest';
import { getExercise, grade, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { absoluteTolerance, RTOL } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('gradient-check') as CodeExercise;

type Output = { numeric: number[]; wrong: number };

/** The largest error of `values` against `expected`, in units of the grader's tolerance (at most 1 passes). */
function toleranceRatio(values: number[], expected: number[]): number {
  const atol = absoluteTolerance(expected);
  return Math.max(...values.map((v, i) => Math.abs(v - expected[i]) / (atol + RTOL * Math.abs(expected[i]))));
}

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test("the grader's tolerance sits between the central difference's error and the one-sided difference's", () => {
  // Central differences at h = 1e-5 are off by about h²/6 · L‴ plus rounding, ~1e-11: far inside the tolerance.
  // One-sided differences are off by about h/2 · L″, ~5e-6 · L″: outside it on some element of every graded set.
  for (let s = 0; s < 50; s++) {
    const cases = prepareCases(exercise, { salt: `margin-${s}` });
    let oneSidedWorst = 0;
    for (const prepared of cases) {
      const call = prepared.calls[0];
      const numeric = (call.expected as Output).numeric;
      const exact = (exercise.oracle(call.args, { args: call.args }) as Output).numeric;
      expect(toleranceRatio(numeric, exact)).toBeLessThan(0.1);
      const oneSided = call.wrong!['one-sided-difference'];
      if (!oneSided.ok) throw new Error('the one-sided solution threw');
      oneSidedWorst = Math.max(oneSidedWorst, toleranceRatio((oneSided.output as Output).numeric, exact));
    }
    expect(oneSidedWorst).toBeGreaterThan(3);
  }
});

test('on every case exactly one candidate disagrees with autograd, by at least 10%, and the public cases name each in turn', () => {
  const names = ['gradientA', 'gradientB', 'gradientC'];
  for (const salt of ['', 'candidates']) {
    const cases = prepareCases(exercise, { salt, cases: 6 });
    expect(cases.map((c) => (c.calls[0].expected as Output).wrong)).toEqual([0, 1, 2, 0, 1, 2]);
    for (const prepared of cases) {
      const args = prepared.calls[0].args;
      const exact = (exercise.oracle(args, { args }) as Output).numeric;
      const size = Math.max(...exact.map(Math.abs));
      const gaps = names.map((name) => {
        const g = compileTrusted(exercise.solution, name)(...args) as number[];
        return Math.max(...g.map((gi, i) => Math.abs(gi - exact[i]))) / size;
      });
      const wrong = (prepared.calls[0].expected as Output).wrong;
      gaps.forEach((gap, k) => (k === wrong ? expect(gap).toBeGreaterThan(0.1) : expect(gap).toBeLessThan(1e-12)));
    }
  }
});

test('a fixed answer for the wrong candidate fails: the right numeric gradient earns half the points', () => {
  const fixed = exercise.solution.replace('wrong: gaps.indexOf(Math.max(...gaps))', 'wrong: 1');
  expect(fixed).not.toBe(exercise.solution);
  const result = grade(exercise, fixed);
  expect(result.passed).toBe(false);
  expect(result.parts.map((p) => [p.name, p.passed])).toEqual([['numeric', true], ['wrong', false]]);
});

test('central differences with any step from 1e-7 to 1e-4 pass, not only the prompt\'s 1e-5', () => {
  for (const h of ['1e-4', '1e-6', '1e-7']) {
    const source = exercise.solution.replace(/const h = [\d.e-]+;/, `const h = ${h};`);
    expect(source).not.toBe(exercise.solution);
    for (const salt of ['', 'step-a', 'step-b']) expect(grade(exercise, source, { salt }).passed, `h = ${h}, salt ${salt}`).toBe(true);
  }
});

test("a student whose numeric gradient is wrong, and who then picks by the largest gap as the reference does, still gets that slip's feedback first", () => {
  // The known-wrong solutions pick the odd one out, so their `wrong` stays right; a student's usually follows the bad
  // numeric gradient instead, and may name the wrong candidate. The numeric part's feedback must still come first.
  const referencePick = /  const size = [\s\S]*?return \{ numeric, wrong: [^\n]*\n/.exec(exercise.solution)![0];
  for (const id of ['one-sided-difference', 'divided-by-h', 'all-coordinates-at-once']) {
    const misconception = exercise.misconceptions.find((m) => m.id === id)!;
    const student = misconception.solution.replace(/  const gradients = [\s\S]*?return \{ numeric, wrong: [^\n]*\n/, referencePick);
    expect(student).not.toBe(misconception.solution);
    for (let s = 0; s < 20; s++) {
      const result = grade(exercise, student, { salt: `student-${s}` });
      expect(result.passed).toBe(false);
      expect(result.misconceptions[0]?.id, `${id} under salt student-${s}`).toBe(id);
    }
  }
});
