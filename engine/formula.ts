// A formula as a small tree, for the chain-rule lines of the computation-graph
// widgets (chain-rule.ts): symbols (a tensor or its gradient, x̄ = ∂L/∂x),
// numbers and arrays, products, sums, quotients, powers, transposes. The same
// tree is written twice for every line, once with symbols (w̄ = z̄ · x) and
// once with the numbers put in (0.31 × 2.0); the site typesets both as MathML,
// and `evaluate` computes the second, so a test can prove that the numbers a
// reader sees multiply out to autograd's gradient.
//
// Values are read as matrices: a scalar is 1 × 1 and a vector [n] a row 1 × n
// (a `column` node reads it as n × 1), and elementwise products, sums and
// quotients broadcast as NumPy does.

import { logistic, softmaxLine } from './formulas/activations.ts';
import type { TraceValue } from './trace.ts';

/** A formula: what a chain-rule line says, with symbols or with numbers. */
export type Formula =
  | SymbolFormula
  | { kind: 'number'; value: number }
  | { kind: 'array'; value: TraceValue }
  | { kind: 'product'; operator: ProductOperator; factors: Formula[] }
  | { kind: 'sum'; terms: Formula[] }
  | { kind: 'negate'; of: Formula }
  | { kind: 'quotient'; numerator: Formula; denominator: Formula }
  | { kind: 'power'; base: Formula; exponent: number }
  | { kind: 'transpose'; of: Formula }
  | { kind: 'column'; of: Formula }
  | { kind: 'indicator'; of: Formula }
  | { kind: 'apply'; fn: AppliedFunction; of: Formula }
  | { kind: 'rowSum'; of: Formula }
  | { kind: 'sumTo'; shape: number[]; of: Formula }
  | { kind: 'maximum'; terms: Formula[] };

/** A tensor of the graph by name, or its gradient (`bar`: x̄ = ∂L/∂x); `node` is its trace id. */
export interface SymbolFormula {
  kind: 'symbol';
  name: string;
  node: number;
  bar: boolean;
}

/**
 * How the factors of a product combine: `scalar` (·, a number times anything), `elementwise` (⊙, broadcast) and
 * `matrix` (the matrix product, written by juxtaposition).
 */
export type ProductOperator = 'scalar' | 'elementwise' | 'matrix';

/**
 * A function a formula applies by name: the logistic sigmoid, the softmax of each row, and (elementwise, or over
 * every element for Σ and mean) tanh, ReLU, exp, ln, √, the sum and the mean.
 */
export type AppliedFunction = 'σ' | 'softmax' | 'tanh' | 'ReLU' | 'exp' | 'ln' | '√' | 'Σ' | 'mean';

/** A value while evaluating: a rows × cols matrix, row-major. */
interface Matrix {
  rows: number;
  cols: number;
  data: number[];
}

/** Reads a trace value as a matrix: a scalar 1 × 1, a vector a row. */
function fromValue(value: TraceValue): Matrix {
  if (typeof value === 'number') return { rows: 1, cols: 1, data: [value] };
  if (value.length === 0 || typeof value[0] === 'number') return { rows: 1, cols: value.length, data: (value as number[]).slice() };
  const rows = value as number[][];
  return { rows: rows.length, cols: rows[0].length, data: rows.flat() };
}

/** Applies f to each pair of broadcast elements, as NumPy pairs a 1 × c row, an r × 1 column or a 1 × 1 scalar with r × c. */
function broadcast(a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  const rows = Math.max(a.rows, b.rows);
  const cols = Math.max(a.cols, b.cols);
  const fits = (m: Matrix) => (m.rows === rows || m.rows === 1) && (m.cols === cols || m.cols === 1);
  if (!fits(a) || !fits(b)) throw new RangeError(`formula: cannot broadcast ${a.rows}×${a.cols} with ${b.rows}×${b.cols}`);
  const data: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      data.push(f(a.data[(a.rows === 1 ? 0 : i) * a.cols + (a.cols === 1 ? 0 : j)], b.data[(b.rows === 1 ? 0 : i) * b.cols + (b.cols === 1 ? 0 : j)]));
    }
  }
  return { rows, cols, data };
}

/** The matrix product, Σ_p A(i, p) B(p, j) summed in order of p. */
function multiplyMatrices(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`formula: cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const data: number[] = [];
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let total = 0;
      for (let p = 0; p < a.cols; p++) total += a.data[i * a.cols + p] * b.data[p * b.cols + j];
      data.push(total);
    }
  }
  return { rows: a.rows, cols: b.cols, data };
}

/** The transpose. */
function transposed(m: Matrix): Matrix {
  const data: number[] = [];
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) data.push(m.data[i * m.cols + j]);
  return { rows: m.cols, cols: m.rows, data };
}

/** The matrix of a shape ([] is 1 × 1, [n] a row). */
function matrixShape(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [1, shape[0]];
  return [shape[0], shape[1]];
}

/** Sums a broadcast value back to a shape: over the rows, the columns or both, as a broadcast input's gradient is. */
function sumTo(m: Matrix, shape: readonly number[]): Matrix {
  const [rows, cols] = matrixShape(shape);
  // A vector [n] reached as an n × 1 column (from a column product) is the same values.
  if (m.rows === cols && m.cols === 1 && rows === 1) return { rows, cols, data: m.data.slice() };
  if (m.rows === rows && m.cols === cols) return m;
  const out: Matrix = { rows, cols, data: new Array<number>(rows * cols).fill(0) };
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[(rows === 1 ? 0 : i) * cols + (cols === 1 ? 0 : j)] += m.data[i * m.cols + j];
  }
  return out;
}

/** The softmax of each row, by the registry's own softmaxLine. */
function rowSoftmax(m: Matrix): Matrix {
  const xs = Float64Array.from(m.data);
  const out = new Float64Array(xs.length);
  for (let i = 0; i < m.rows; i++) softmaxLine(xs, out, i * m.cols, (i + 1) * m.cols, 1);
  return { rows: m.rows, cols: m.cols, data: Array.from(out) };
}

/** Computes a formula whose symbols are all replaced by numbers, as matrices. */
function evaluateMatrix(f: Formula): Matrix {
  switch (f.kind) {
    case 'symbol':
      throw new Error(`formula: the symbol ${f.name} has no value; evaluate the formula with the numbers put in`);
    case 'number':
      return { rows: 1, cols: 1, data: [f.value] };
    case 'array':
      return fromValue(f.value);
    case 'product': {
      // Left to right, each factor in full first: a · (b · c) is evaluated as written, as the op's rule is.
      let out = evaluateMatrix(f.factors[0]);
      for (const factor of f.factors.slice(1)) {
        const next = evaluateMatrix(factor);
        out = f.operator === 'matrix' ? multiplyMatrices(out, next) : broadcast(out, next, (x, y) => x * y);
      }
      return out;
    }
    case 'sum': {
      let out = evaluateMatrix(f.terms[0]);
      for (const term of f.terms.slice(1)) {
        // a − b is a + (−b): the same floating-point number.
        out = broadcast(out, evaluateMatrix(term), (x, y) => x + y);
      }
      return out;
    }
    case 'negate': {
      const m = evaluateMatrix(f.of);
      return { ...m, data: m.data.map((v) => -v) };
    }
    case 'quotient':
      return broadcast(evaluateMatrix(f.numerator), evaluateMatrix(f.denominator), (x, y) => x / y);
    case 'power': {
      const m = evaluateMatrix(f.base);
      const p = f.exponent;
      // As pow computes it: x · x for a square, Math.pow otherwise.
      return { ...m, data: m.data.map((v) => (p === 2 ? v * v : p === 1 ? v : Math.pow(v, p))) };
    }
    case 'transpose':
      return transposed(evaluateMatrix(f.of));
    case 'column': {
      const m = evaluateMatrix(f.of);
      return m.rows === 1 ? { rows: m.cols, cols: 1, data: m.data } : m;
    }
    case 'indicator': {
      const m = evaluateMatrix(f.of);
      return { ...m, data: m.data.map((v) => (v > 0 ? 1 : 0)) };
    }
    case 'apply': {
      const m = evaluateMatrix(f.of);
      const each = (g: (v: number) => number): Matrix => ({ ...m, data: m.data.map(g) });
      switch (f.fn) {
        case 'σ':
          return each(logistic);
        case 'softmax':
          return rowSoftmax(m);
        case 'tanh':
          return each(Math.tanh);
        case 'ReLU':
          return each((v) => (v > 0 ? v : 0));
        case 'exp':
          return each(Math.exp);
        case 'ln':
          return each(Math.log);
        case '√':
          return each(Math.sqrt);
        case 'Σ':
        case 'mean': {
          const total = m.data.reduce((a, b) => a + b, 0);
          return { rows: 1, cols: 1, data: [f.fn === 'Σ' ? total : total / m.data.length] };
        }
      }
    }
    case 'rowSum': {
      const m = evaluateMatrix(f.of);
      const data: number[] = [];
      for (let i = 0; i < m.rows; i++) {
        let total = 0;
        for (let j = 0; j < m.cols; j++) total += m.data[i * m.cols + j];
        data.push(total);
      }
      return { rows: m.rows, cols: 1, data };
    }
    case 'sumTo':
      return sumTo(evaluateMatrix(f.of), f.shape);
    case 'maximum': {
      // Elementwise, as Math.max of each pair (AMSGrad's running maximum).
      let out = evaluateMatrix(f.terms[0]);
      for (const term of f.terms.slice(1)) out = broadcast(out, evaluateMatrix(term), (x, y) => Math.max(x, y));
      return out;
    }
  }
}

/**
 * Computes a formula whose symbols are all replaced by numbers (the numeric side of a chain-rule line), as a
 * value of the given shape: a number, a vector or rows.
 */
export function evaluate(f: Formula, shape: readonly number[]): TraceValue {
  const m = sumTo(evaluateMatrix(f), shape);
  const [rows, cols] = matrixShape(shape);
  if (m.rows * m.cols !== rows * cols) throw new RangeError(`formula: a ${m.rows}×${m.cols} value cannot have shape [${shape.join(', ')}]`);
  if (shape.length === 0) return m.data[0];
  if (shape.length === 1) return m.data.slice();
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(m.data.slice(i * cols, (i + 1) * cols));
  return out;
}

/** a · b · …, a product where one factor is a scalar. */
export const scalarProduct = (...factors: Formula[]): Formula => ({ kind: 'product', operator: 'scalar', factors });
/** a ⊙ b ⊙ …, the elementwise product. */
export const elementwiseProduct = (...factors: Formula[]): Formula => ({ kind: 'product', operator: 'elementwise', factors });
/** The matrix product A B …. */
export const matrixProduct = (...factors: Formula[]): Formula => ({ kind: 'product', operator: 'matrix', factors });
/** A number. */
export const numberFormula = (value: number): Formula => ({ kind: 'number', value });
/** a − b. */
export const difference = (a: Formula, b: Formula): Formula => ({ kind: 'sum', terms: [a, { kind: 'negate', of: b }] });
/** a / b. */
export const quotient = (numerator: Formula, denominator: Formula): Formula => ({ kind: 'quotient', numerator, denominator });
/** max(a, b, …), elementwise. */
export const maximum = (...terms: Formula[]): Formula => ({ kind: 'maximum', terms });
/** A vector read as a column. */
export const column = (of: Formula): Formula => ({ kind: 'column', of });
/** A function applied: σ(x), ln(x), Σ(x). */
export const applied = (fn: AppliedFunction, of: Formula): Formula => ({ kind: 'apply', fn, of });
