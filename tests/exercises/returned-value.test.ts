import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NOT_PLAIN, readNumbers, readPart, toPlain } from '../../exercises/returned-value.ts';

const vector = [0.5, -1, 2];
const matrix = [
  [1, 2, 3],
  [4, 5, 6],
];

// A Proxy whose every trap throws, the most hostile value a path could hand over.
function throwingProxy(target: object): object {
  const boom = () => {
    throw new Error('trap');
  };
  return new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom });
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
}

function withGetter(values: number[], index: number, onRead: () => void): number[] {
  const array = [...values];
  Object.defineProperty(array, index, { get: () => (onRead(), 1), enumerable: true });
  return array;
}

function cyclic(): unknown[] {
  const array: unknown[] = [1, 2];
  array.push(array);
  return array;
}

// Each case: the value, the expected structure, and the message, read raw and after the worker's copy and a postMessage clone.
const cases: [string, unknown, number | number[] | number[][], RegExp][] = [
  ['a hole in row 0 of a matrix', (() => { const m: number[][] = []; m[1] = [4, 5, 6]; return m; })(), matrix, /^row 0 of g is missing \(the array has a hole at index 0\) — did your loop start at 1\?$/],
  ['a hole at the start of a vector', (() => { const v: number[] = []; v[1] = 1; v[2] = 2; return v; })(), vector, /^g\[0\] is missing \(the array has a hole at index 0\) — did your loop start at 1\?$/],
  ['a hole at the end of a vector', (() => { const v = new Array<number>(3); v[0] = 1; v[1] = 2; return v; })(), vector, /^g\[2\] is missing .* did your loop stop one short of the end\?$/],
  ['a hole inside a row', [[1, 2, 3], (() => { const r: number[] = [4]; r[2] = 6; return r; })()], matrix, /^g\[1\]\[1\] is missing \(row 1 has a hole at index 1\) — was an index skipped\?$/],
  ['a vector of the wrong length', [1, 2], vector, /^g must have 3 numbers, yours has 2$/],
  ['a matrix with the wrong number of rows', [[1, 2, 3]], matrix, /^g must be 2×3, yours is 1×3$/],
  ['a ragged matrix', [[1, 2, 3], [4, 5]], matrix, /^g must be 2×3; its row 1 has 2 numbers and row 0 has 3$/],
  ['a number where a row belongs', [[1, 2, 3], 7], matrix, /^row 1 of g is a number, not an array of 3 numbers/],
  ['a flat array for a matrix', [1, 2, 3, 4, 5, 6], matrix, /^g must be 2×3 \(an array of 2 rows\), yours is a flat array of 6 numbers$/],
  ['a matrix for a vector', [[1], [2], [3]], vector, /^g must be 3 numbers, yours is 3×1$/],
  ['text that reads as a number', ['0.5', 1, 2], vector, /^g\[0\] is text \("0\.5"\), not a number — toFixed and String give text/],
  ['a boolean', [true, 1, 2], vector, /^g\[0\] is true, not a number$/],
  ['null', [1, null, 2], vector, /^g\[1\] is null, not a number$/],
  ['undefined', [1, 2, undefined], vector, /^g\[2\] is undefined, not a number — an index past the end/],
  ['a bigint', [1n, 2, 3], vector, /^g\[0\] is a bigint \(1n\), not a number — .*Number/],
  ['an object', [{}, 2, 3], vector, /^g\[0\] is an object, not a number$/],
  ['an array where a number belongs', [[1], 2, 3], vector, /^g\[0\] is an array of 1, not a number — one level of nesting too many\?$/],
  ['NaN', [1, NaN, 3], vector, /^g\[1\] is NaN/],
  ['Infinity', [[1, 2, 3], [4, -Infinity, 6]], matrix, /^g\[1\]\[1\] is -Infinity/],
  ['a number that is text', '3', 3, /^g is text \("3"\), not a number/],
  ['a function', () => 1, vector, /^g must be an array of 3 numbers, yours is a function$/],
  ['a cycle', cyclic(), vector, /^g\[2\] is an (array of 3|array or object that contains itself \(a cycle\)), not a number/],
];

describe.each(cases)('%s', (_name, value, expected, message) => {
  test('is reported the same way raw, after the worker\'s copy, and after a postMessage clone', () => {
    for (const arrived of [value, toPlain(value), structuredClone(toPlain(value))]) {
      const read = readNumbers('g', arrived, expected);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.problem).toMatch(message);
    }
  });
});

test('a getter is reported and never run, raw or copied', () => {
  let reads = 0;
  const value = withGetter(vector, 1, () => reads++);
  const raw = readNumbers('g', value, vector);
  const copied = readNumbers('g', structuredClone(toPlain(value)), vector);
  for (const read of [raw, copied]) expect(read).toEqual({ ok: false, problem: expect.stringMatching(/^g\[1\] is a getter \(an accessor property\); the grader does not run getters/) });
  expect(reads).toBe(0);
  let partReads = 0;
  const object = { get dW() { partReads++; return vector; } };
  expect(readPart('f', object, 'dW', ['dW'])).toEqual({ ok: false, problem: expect.stringMatching(/^dW is a getter/) });
  expect(readPart('f', structuredClone(toPlain(object)), 'dW', ['dW'])).toEqual({ ok: false, problem: expect.stringMatching(/^dW is a getter/) });
  expect(partReads).toBe(0);
});

test('a Proxy whose traps throw, and a revoked one, are reported, never thrown', () => {
  for (const hostile of [throwingProxy([1, 2, 3]), throwingProxy({}), revoked()]) {
    for (const arrived of [hostile, toPlain(hostile)]) {
      const read = readNumbers('g', arrived, vector);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.problem).toMatch(/^g must be an array of 3 numbers, yours is (unreadable \(reading it threw: trap; a Proxy\?\)|an object|unreadable .*)/);
      expect(readPart('f', arrived, 'dW', ['dW']).ok).toBe(false);
    }
    expect(() => structuredClone(toPlain(hostile))).not.toThrow();
  }
});

test('a well-behaved Proxy over an array is read like the array', () => {
  expect(readNumbers('g', new Proxy([0.5, -1, 2], {}), vector)).toEqual({ ok: true, value: vector });
});

test('typed arrays are accepted as arrays, raw and copied', () => {
  const rows = [Float64Array.from([1, 2, 3]), Float32Array.from([4, 5, 6])];
  expect(readNumbers('g', Float64Array.from(vector), vector)).toEqual({ ok: true, value: vector });
  expect(readNumbers('g', rows, matrix)).toEqual({ ok: true, value: matrix });
  expect(readNumbers('g', structuredClone(toPlain(rows)), matrix)).toEqual({ ok: true, value: matrix });
});

test('the copy marks what it cannot copy and survives postMessage', () => {
  const copy = toPlain({ a: [1, , 3], b: 2n, c: () => 1, d: Symbol('s') }) as Record<string, unknown>;
  expect((copy.a as unknown[])[1]).toEqual({ [NOT_PLAIN]: 'hole' });
  expect(copy.b).toEqual({ [NOT_PLAIN]: 'bigint', detail: '2n' });
  expect(copy.c).toEqual({ [NOT_PLAIN]: 'function' });
  expect(() => structuredClone(copy)).not.toThrow();
  // A huge sparse array is not walked entry by entry.
  expect(toPlain(new Array(2 ** 31))).toEqual({ [NOT_PLAIN]: 'too-long', detail: String(2 ** 31) });
  expect(readNumbers('g', new Array(2 ** 31), vector)).toEqual({ ok: false, problem: expect.stringMatching(/^g must be an array of 3 numbers, yours is an array of 2147483648 entries$/) });
});

// Values of every kind, sparse arrays included, some wrapped in hostile Proxies or given getters.
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true, withObjectString: true }),
  fc.array(fc.oneof(fc.double(), fc.constant(undefined)), { maxLength: 5 }).map((a) => withGetter(a.length > 0 ? (a as number[]) : [1], 0, () => undefined)),
  // Built inside the property (see below), since fast-check itself would trip over a throwing Proxy while cloning it.
  fc.record({ proxyOf: fc.oneof(fc.array(fc.double(), { maxLength: 4 }), fc.object()) }),
  fc.sparseArray(fc.sparseArray(fc.double(), { maxLength: 4 }), { maxLength: 4 }),
);

test('reading never throws and always answers, on any value (fast-check)', () => {
  fc.assert(
    fc.property(hostile, fc.constantFrom<number | number[] | number[][]>(3, vector, matrix), (generated, expected) => {
      const recipe = generated as { proxyOf?: object } | null;
      const value: unknown =
        recipe !== null && typeof recipe === 'object' && Object.keys(recipe).length === 1 && Object.hasOwn(recipe, 'proxyOf') && typeof recipe.proxyOf === 'object'
          ? throwingProxy(recipe.proxyOf)
          : generated;
      for (const arrived of [value, toPlain(value)]) {
        const read = readNumbers('g', arrived, expected);
        expect(read.ok || (typeof read.problem === 'string' && read.problem.length > 0)).toBe(true);
        const part = readPart('f', arrived, 'g', ['g']);
        expect(part.ok || part.problem.length > 0).toBe(true);
      }
      expect(() => structuredClone(toPlain(value))).not.toThrow();
    }),
    { numRuns: 300, seed: 20260402 },
  );
});
