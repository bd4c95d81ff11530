// The small toolbox a student's exercise code may use, on plain numbers and nested
// arrays, plus stand-ins for the engine's autograd that refuse politely: in an
// exercise the student computes the gradient, so asking the engine for it must
// say why it does not work rather than fail with "Tensor is not defined".

import type { Numbers } from './define-exercise.ts';

/** What a student sees when they reach for autograd inside an exercise. */
export const AUTOGRAD_OFF_MESSAGE =
  'In this exercise you compute the gradient yourself: autograd is switched off. Use plain arrays and the helpers (matmul, transpose, map, add, sub, mul, sum, zeros, dot).';

/** The error thrown by the autograd stand-ins, recognisable by name in the grader. */
export class AutogradDisabledError extends Error {
  /** Makes the error with the standard message. */
  constructor() {
    super(AUTOGRAD_OFF_MESSAGE);
    this.name = 'AutogradDisabledError';
  }
}

type Matrix = number[][];

function sizeText(value: Numbers): string {
  if (typeof value === 'number') return 'a number';
  if (value.length > 0 && Array.isArray(value[0])) return `${value.length}×${(value[0] as number[]).length}`;
  return `a vector of ${value.length}`;
}

function isMatrix(value: unknown): value is Matrix {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

function assertMatrix(name: string, which: string, value: unknown): asserts value is Matrix {
  if (!isMatrix(value) || !value.every((row) => Array.isArray(row) && row.length === value[0].length)) {
    throw new TypeError(`${name}: ${which} must be a matrix (an array of equally long rows)`);
  }
}

/** The matrix product A B of an m×k and a k×n matrix (nested arrays), an m×n matrix. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  assertMatrix('matmul', 'A', a);
  assertMatrix('matmul', 'B', b);
  const k = a[0].length;
  if (b.length !== k) {
    throw new RangeError(`matmul: A is ${sizeText(a)} and B is ${sizeText(b)}; A's ${k} columns must match B's ${b.length} rows`);
  }
  const n = b[0].length;
  return a.map((row) => {
    const out = new Array<number>(n).fill(0);
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) out[j] += row[p] * b[p][j];
    return out;
  });
}

/** The transpose of a matrix: rows become columns. */
export function transpose(a: Matrix): Matrix {
  assertMatrix('transpose', 'its argument', a);
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** The dot product of two vectors of the same length. */
export function dot(u: number[], v: number[]): number {
  if (u.length !== v.length) throw new RangeError(`dot: the vectors have ${u.length} and ${v.length} numbers`);
  let total = 0;
  for (let i = 0; i < u.length; i++) total += u[i] * v[i];
  return total;
}

/** Applies `f` to every number of a number, vector or matrix, keeping its shape; `f` also gets the element's index. */
export function map<T extends Numbers>(a: T, f: (value: number, i: number, j: number) => number): T {
  if (typeof a === 'number') return f(a, 0, 0) as T;
  if (isMatrix(a)) return a.map((row, i) => row.map((value, j) => f(value, i, j))) as T;
  return (a as number[]).map((value, i) => f(value, i, 0)) as T;
}

function zip<T extends Numbers>(name: string, a: T, b: Numbers, f: (x: number, y: number) => number): T {
  if (typeof b === 'number') return map(a, (x) => f(x, b));
  if (typeof a === 'number') return map(b, (y) => f(a, y)) as T;
  if (a.length !== b.length || isMatrix(a) !== isMatrix(b) || (isMatrix(a) && a[0].length !== (b as Matrix)[0].length)) {
    throw new RangeError(`${name}: the shapes differ, ${sizeText(a)} and ${sizeText(b)}`);
  }
  return map(a, (x, i, j) => f(x, isMatrix(b) ? b[i][j] : (b as number[])[i]));
}

/** Elementwise a + b for two arrays of the same shape, or an array and a number. */
export function add<T extends Numbers>(a: T, b: Numbers): T {
  return zip('add', a, b, (x, y) => x + y);
}

/** Elementwise a − b for two arrays of the same shape, or an array and a number. */
export function sub<T extends Numbers>(a: T, b: Numbers): T {
  return zip('sub', a, b, (x, y) => x - y);
}

/** Elementwise a · b (not the matrix product) for two arrays of the same shape, or an array and a number. */
export function mul<T extends Numbers>(a: T, b: Numbers): T {
  return zip('mul', a, b, (x, y) => x * y);
}

/** The sum of all numbers (no axis), of each column (axis 0: a vector with one entry per column) or of each row (axis 1). */
export function sum(a: number[] | Matrix, axis?: 0 | 1): number | number[] {
  if (!isMatrix(a)) {
    if (axis === 1) throw new RangeError('sum: a vector has only axis 0');
    return (a as number[]).reduce((total, x) => total + x, 0);
  }
  if (axis === undefined) return a.reduce((total, row) => total + row.reduce((s, x) => s + x, 0), 0);
  if (axis === 0) return a[0].map((_, j) => a.reduce((total, row) => total + row[j], 0));
  return a.map((row) => row.reduce((total, x) => total + x, 0));
}

/** A vector of `n` zeros, or with `cols` a `rows`×`cols` matrix of zeros. */
export function zeros(rows: number, cols?: number): number[] & Matrix {
  if (cols === undefined) return new Array<number>(rows).fill(0) as number[] & Matrix;
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0)) as number[] & Matrix;
}

function refuse(): never {
  throw new AutogradDisabledError();
}

/** A stand-in for the engine's `Tensor` class that explains autograd is off in exercises. */
export class Tensor {
  /** Always throws: exercises do not use autograd. */
  constructor() {
    refuse();
  }
}

/** The helpers and stand-ins a student's code sees as globals, by name. */
export function studentScope(): Record<string, unknown> {
  return {
    matmul,
    transpose,
    dot,
    map,
    add,
    sub,
    mul,
    sum,
    zeros,
    Tensor,
    tensor: refuse,
    backward: refuse,
    grad: refuse,
    gradcheck: refuse,
    noGrad: refuse,
  };
}

/** One line per helper, for the page's "available helpers" box and the CLI's help. */
export const HELPER_DOCS: readonly { name: string; signature: string; summary: string }[] = [
  { name: 'matmul', signature: 'matmul(A: number[][], B: number[][]): number[][]', summary: 'the matrix product A B' },
  { name: 'transpose', signature: 'transpose(A: number[][]): number[][]', summary: 'Aᵀ, rows become columns' },
  { name: 'dot', signature: 'dot(u: number[], v: number[]): number', summary: 'the dot product u · v' },
  { name: 'map', signature: 'map(a, f: (x, i, j) => number)', summary: 'f applied to every element, same shape' },
  { name: 'add', signature: 'add(a, b)', summary: 'elementwise a + b (b may be a number)' },
  { name: 'sub', signature: 'sub(a, b)', summary: 'elementwise a − b (b may be a number)' },
  { name: 'mul', signature: 'mul(a, b)', summary: 'elementwise a · b (b may be a number); not the matrix product' },
  { name: 'sum', signature: 'sum(a, axis?: 0 | 1)', summary: 'the total, or column sums (axis 0), or row sums (axis 1)' },
  { name: 'zeros', signature: 'zeros(n) or zeros(rows, cols)', summary: 'a vector or matrix of zeros' },
];
