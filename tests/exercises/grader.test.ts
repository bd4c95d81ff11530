import fc from 'fast-check';
import { expect, test } from 'vitest';
import { AUTOGRAD_OFF_MESSAGE, compileSubmission, getExercise, grade, gradeCode, prepareCases, runCalls } from '../../exercises/index.ts';
import type { GradeResult } from '../../exercises/index.ts';
import type { CodeExercise, NumericExercise } from '../../exercises/index.ts';

const sigmoid = getExercise('sigmoid-backward') as CodeExercise;
const mse = getExercise('mse-gradient') as CodeExercise;
const softmax = getExercise('softmax-cross-entropy-backward') as CodeExercise;
const mlp = getExercise('mlp-backward') as CodeExercise;

type Fn = (...args: unknown[]) => unknown;

function referenceOf(exercise: CodeExercise): Fn {
  const compiled = compileSubmission(exercise.solution, exercise.functionName);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.fn;
}

// A wrong answer made from the reference by one slip, so it is exactly what a detector looks for.
function slipped(exercise: CodeExercise, slip: (value: number[][], args: unknown[]) => unknown): Fn {
  const reference = referenceOf(exercise);
  return (...args) => slip(reference(...args) as number[][], args);
}

const scale = (value: number[][], factor: number) => value.map((row) => (Array.isArray(row) ? row.map((x) => x * factor) : (row as number) * factor));
const genericIds = (result: ReturnType<typeof grade>) => result.misconceptions.filter((m) => m.source === 'generic').map((m) => m.id);

test('a flipped sign is recognised by the generic sign detector', () => {
  expect(genericIds(grade(sigmoid, slipped(sigmoid, (r) => scale(r, -1))))).toEqual(['sign']);
});

test('a factor of two too many or too few is recognised', () => {
  expect(genericIds(grade(softmax, slipped(softmax, (r) => scale(r, 2))))).toEqual(['double']);
  expect(genericIds(grade(softmax, slipped(softmax, (r) => scale(r, 0.5))))).toEqual(['half']);
});

test('a sum where the loss takes a mean, and a mean taken twice, are recognised with the batch size', () => {
  const summed = grade(mse, slipped(mse, (r, [p]) => scale(r, (p as number[][]).length * (p as number[][])[0].length)));
  expect(genericIds(summed)).toEqual(['sum-vs-mean']);
  expect(summed.misconceptions[0].message).toMatch(/N = \d+ times/);
  const twice = grade(softmax, slipped(softmax, (r, [z]) => scale(r, 1 / (z as number[][]).length)));
  expect(genericIds(twice)).toEqual(['mean-twice']);
});

test('a transposed gradient is invalid, names both shapes, and is recognised as transposed', () => {
  const result = grade(mlp, (...args: unknown[]) => {
    const right = referenceOf(mlp)(...args) as Record<string, number[][]>;
    return { ...right, dW1: right.dW1[0].map((_, j) => right.dW1.map((row) => row[j])) };
  });
  expect(result.status).toBe('invalid');
  expect(result.countsAsAttempt).toBe(false);
  expect(result.problems[0]).toMatch(/^dW1 must be (\d+)×(\d+), yours is (\d+)×(\d+)$/);
  const [, r, c, r2, c2] = /^dW1 must be (\d+)×(\d+), yours is (\d+)×(\d+)$/.exec(result.problems[0])!;
  expect([r2, c2]).toEqual([c, r]);
  // mlp-backward knows this slip itself, so its own feedback speaks instead of the generic one.
  expect(result.misconceptions.map((m) => m.id)).toEqual(['transposed-weight-gradients']);
  // The other three parts are right and keep their credit.
  expect(result.parts.filter((p) => p.passed).map((p) => p.name)).toEqual(['db1', 'dW2', 'db2']);
  expect(result.score).toBe(3);
});

test('the generic transpose detector recognises a transposed matrix answer', () => {
  const decay = getExercise('weight-decay-gradient') as CodeExercise;
  const result = grade(decay, slipped(decay, (r) => r[0].map((_, j) => r.map((row) => row[j]))));
  expect(result.status).toBe('invalid');
  expect(genericIds(result)).toEqual(['transposed']);
});

test("an exercise's own misconception takes precedence over a generic detector on the same part", () => {
  const result = grade(softmax, slipped(softmax, (r) => scale(r, -1)));
  expect(result.misconceptions.map((m) => m.id)).toEqual(['one-hot-minus-softmax']);
});

test('a missing activation derivative is recognised', () => {
  expect(genericIds(grade(sigmoid, (_x: unknown, upstream: unknown) => upstream))).toEqual(['activation-derivative']);
});

test('partial credit scores each part of mlp-backward on its own', () => {
  const result = grade(mlp, (...args: unknown[]) => ({ ...(referenceOf(mlp)(...args) as object), db2: [0, 0, 0, 0, 0, 0, 0].slice(0, (args[4] as number[]).length) }));
  expect(result.status).toBe('failed');
  expect(result.countsAsAttempt).toBe(true);
  expect(result.score).toBe(3);
  expect(result.maxScore).toBe(4);
  expect(result.parts.find((p) => p.name === 'db2')!.passed).toBe(false);
});

test('a hand computation’s optional gradients, typed or left blank, never change its grade', () => {
  const numeric = getExercise('small-network-gradient') as NumericExercise;
  for (const extras of [{ dyhat: '', dz1: '' }, { dyhat: 'not a number', dz1: 123 }]) {
    const result = grade(numeric, { ...numeric.answer(), ...extras });
    expect(result.status, JSON.stringify(extras)).toBe('passed');
    expect(result.parts.map((p) => p.name)).toEqual(['dw1', 'db1', 'dw2', 'db2']);
  }
});

test('the unscored gradients a graph lets a student return are accepted, whatever they hold, and never scored', () => {
  const withExtras = (extras: Record<string, unknown>): Fn => (...args) => ({ ...(referenceOf(mlp)(...args) as object), ...extras });
  for (const extras of [{ dz2: [[1]], dh: 'not numbers', dz1: null }, { dz1: [[NaN]] }]) {
    const result = grade(mlp, withExtras(extras));
    expect(result.status, JSON.stringify(extras)).toBe('passed');
    expect(result.problems).toEqual([]);
    expect(result.parts.map((p) => p.name)).toEqual(['dW1', 'db1', 'dW2', 'db2']);
  }
});

test('a visible case shows its worst element with both values; hidden cases never show expected values', () => {
  const wrong = slipped(sigmoid, (r) => scale(r, -1));
  const page = grade(sigmoid, wrong);
  const worst = page.parts[0].worst!;
  expect(worst.case).toBe(0);
  expect(worst.yours).toBeCloseTo(-worst.expected, 15);
  expect(worst.where).toMatch(/^dx\[\d+\]$/);
  expect(page.parts[0].hiddenCasesFailed).toBe(page.cases.length - 1);
  const hidden = grade(sigmoid, wrong, { salt: 'hidden' });
  expect(hidden.parts[0].worst).toBeUndefined();
  expect(hidden.cases.every((c) => c.args === undefined)).toBe(true);
  expect(JSON.stringify(hidden)).not.toContain(String(worst.expected));
});

test('a missing function, a wrong type, NaN and Infinity are invalid and not attempts', () => {
  const cases: [unknown, RegExp][] = [
    ['const x = 1;', /Define a function named sigmoidBackward/],
    ['const sigmoidBackward = 3;', /must be a function/],
    [() => 3, /dx must be an array of \d+ numbers, yours is a number/],
    [(x: number[]) => x.map(() => NaN), /dx\[0\] is NaN/],
    [(x: number[]) => x.map(() => Infinity), /dx\[0\] is Infinity/],
    [(x: number[]) => x.slice(1), /dx must have \d+ numbers, yours has \d+/],
  ];
  for (const [answer, message] of cases) {
    const result = grade(sigmoid, answer);
    expect(result.status).toBe('invalid');
    expect(result.countsAsAttempt).toBe(false);
    expect(result.problems[0]).toMatch(message);
  }
});

test('asking for autograd inside an exercise fails with a message that says so', () => {
  for (const source of ['function sigmoidBackward(x) { return new Tensor(x); }', 'function sigmoidBackward(x) { backward(); }']) {
    const result = grade(sigmoid, source);
    expect(result.status).toBe('invalid');
    expect(result.problems[0]).toContain(AUTOGRAD_OFF_MESSAGE);
  }
});

test('a submission may change its arguments without spoiling the grading', () => {
  const result = grade(sigmoid, (x: number[], upstream: number[]) => {
    for (let i = 0; i < x.length; i++) {
      const s = 1 / (1 + Math.exp(-x[i]));
      x[i] = upstream[i] * s * (1 - s);
    }
    return x;
  });
  expect(result.passed).toBe(true);
});

test('TypeScript with export and types compiles to the function it defines', () => {
  const result = grade(sigmoid, `export function sigmoidBackward(x: number[], upstream: number[]): number[] {
  return x.map((v: number, i: number) => { const s: number = 1 / (1 + Math.exp(-v)); return upstream[i] * s * (1 - s); });
}`);
  expect(result.passed).toBe(true);
});

test('a chained exercise feeds the reference state forward, so one wrong step costs only that part', () => {
  const adam = getExercise('adam-step') as CodeExercise;
  const wrongT = adam.misconceptions.find((m) => m.id === 't-not-advanced')!;
  const result = grade(adam, wrongT.solution);
  expect(result.parts.filter((p) => !p.passed).map((p) => p.name)).toEqual(['t']);
});

test('a numeric answer is graded per part with its own tolerance and hides the expected values', () => {
  const numeric = getExercise('small-network-gradient') as NumericExercise;
  const answer = numeric.answer();
  const rounded = Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, Number((v as number).toPrecision(5))]));
  expect(grade(numeric, rounded).passed).toBe(true);
  const flipped = grade(numeric, { ...answer, dw2: -(answer.dw2 as number) });
  expect(flipped.score).toBe(3);
  expect(flipped.misconceptions.map((m) => m.id)).toEqual(['sign']);
  expect(flipped.parts.every((p) => p.worst === undefined)).toBe(true);
  expect(grade(numeric, { dw1: 1 }).status).toBe('invalid');
});

// The reference's dW1 with row 0 left out, as a loop that starts at 1 leaves it: the answer that used to crash the grader.
function withRowZeroMissing(): (...args: unknown[]) => unknown {
  const reference = referenceOf(mlp);
  return (...args) => {
    const right = reference(...args) as Record<string, number[][]>;
    const dW1: number[][] = [];
    for (let i = 1; i < right.dW1.length; i++) dW1[i] = right.dW1[i];
    return { ...right, dW1 };
  };
}

// The page's path: the worker runs the calls and copies the outputs, which then cross postMessage (a structured clone).
function gradeAsThePage(exercise: CodeExercise, fn: (...args: unknown[]) => unknown): GradeResult {
  const cases = prepareCases(exercise);
  return gradeCode(exercise, cases, structuredClone(runCalls(fn, cases)));
}

const ROW_ZERO = 'row 0 of dW1 is missing (the array has a hole at index 0) — did your loop start at 1?';

test('an answer with a hole in row 0 is invalid with a message naming the row, in the CLI\'s path and the page\'s', () => {
  for (const result of [grade(mlp, withRowZeroMissing()), gradeAsThePage(mlp, withRowZeroMissing())]) {
    expect(result.status).toBe('invalid');
    expect(result.countsAsAttempt).toBe(false);
    expect(result.problems).toEqual([ROW_ZERO]);
    // The other parts are still graded and keep their credit.
    expect(result.parts.filter((p) => p.passed).map((p) => p.name)).toEqual(['db1', 'dW2', 'db2']);
  }
});

test('the same hole, written as a student writes it in source, gets the same message', () => {
  const whole = 'return { dW1: matmul(transpose(dz1), x),';
  expect(mlp.solution).toContain(whole);
  const source = mlp.solution.replace(whole, `const full = matmul(transpose(dz1), x);
  const dW1 = [];
  for (let i = 1; i < full.length; i++) dW1[i] = full[i];
  return { dW1,`);
  expect(grade(mlp, source).problems).toEqual([ROW_ZERO]);
});

test('a getter is reported and never run, a throwing Proxy and a hostile throw become messages, typed arrays pass', () => {
  let reads = 0;
  const getter = grade(mlp, (...args: unknown[]) => {
    const right = referenceOf(mlp)(...args) as Record<string, unknown>;
    return { ...right, get dW1() { reads++; return right.dW1; } };
  });
  expect(getter.problems[0]).toMatch(/^dW1 is a getter \(an accessor property\); the grader does not run getters/);
  expect(reads).toBe(0);
  const trap = () => {
    throw new Error('trap');
  };
  const proxy = gradeAsThePage(sigmoid, () => new Proxy([], { get: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, has: trap }));
  expect(proxy.status).toBe('invalid');
  expect(proxy.problems[0]).toMatch(/^dx must be an array of \d+ numbers, yours is unreadable \(reading it threw: trap; a Proxy\?\)/);
  const hostileThrow = grade(sigmoid, () => {
    throw new Proxy({}, { get: trap, getPrototypeOf: trap });
  });
  expect(hostileThrow.problems[0]).toMatch(/^sigmoidBackward threw on case 0: an error that cannot be shown as text$/);
  const typed = gradeAsThePage(sigmoid, (...args: unknown[]) => Float64Array.from(referenceOf(sigmoid)(...args) as number[]));
  expect(typed.status).toBe('passed');
});

test('a multi-step exercise names the step of a structural problem', () => {
  const adam = getExercise('adam-step') as CodeExercise;
  const result = grade(adam, (...args: unknown[]) => {
    const right = referenceOf(adam)(...args) as { param: number[]; t: number };
    return { ...right, param: right.t === 2 ? [...right.param.slice(1)] : right.param };
  });
  expect(result.problems[0]).toMatch(/^Step 2: param must have \d+ numbers, yours has \d+$/);
});

test('the grader never throws and always returns a result, whatever the function returns or the worker sends back (fast-check)', () => {
  const anything = fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true, withBoxedValues: true });
  const sigmoidCases = prepareCases(sigmoid);
  const mlpCases = prepareCases(mlp);
  fc.assert(
    fc.property(anything, anything, (returned, sent) => {
      for (const [exercise, cases] of [[sigmoid, sigmoidCases], [mlp, mlpCases]] as const) {
        const results = [
          gradeCode(exercise, cases, runCalls(() => returned, cases)),
          gradeCode(exercise, cases, sent as never),
          gradeCode(exercise, cases, cases.map((c) => c.calls.map(() => ({ ok: true, output: sent }))) as never),
        ];
        for (const result of results) {
          expect(['failed', 'invalid']).toContain(result.status);
          expect(result.parts).toHaveLength(exercise.parts.length);
          expect(result.score).toBeLessThan(result.maxScore);
        }
      }
      for (const exercise of [getExercise('small-network-gradient'), getExercise('perceptron-separable')]) {
        for (const result of [grade(exercise, returned), grade(exercise, { dw1: returned, db1: sent })]) {
          expect(['failed', 'invalid']).toContain(result.status);
          expect(result.score).toBeLessThan(result.maxScore);
        }
      }
    }),
    { numRuns: 150, seed: 20260402 },
  );
  const trap = () => {
    throw new Error('trap');
  };
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const hostile of [new Proxy([], { get: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, has: trap, getPrototypeOf: trap }), revoked]) {
    for (const exercise of [sigmoid, mlp, getExercise('small-network-gradient'), getExercise('perceptron-separable')]) {
      expect(grade(exercise, exercise.kind === 'code' ? () => hostile : hostile).status).toBe('invalid');
    }
    expect(gradeCode(mlp, mlpCases, hostile as never).status).toBe('invalid');
  }
});
