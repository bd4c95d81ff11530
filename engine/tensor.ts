// The Tensor: float64 values with a shape, and the backward pass.
//
// An op (in engine/ops/) computes its output's values and records a backward
// rule: given dL/d(output), add dL/d(input) into each input's gradient. Calling
// `backward()` on the loss sorts the graph so that every tensor comes after all
// the tensors computed from it, then runs the rules in that order. Sorting uses
// an explicit stack instead of recursion, so a chain of 100,000 ops is fine.

import { checkShape, sameShape, shapeString, sizeOf, type Shape } from './shape.ts';
import { abs, add, clamp, div, exp, log, mul, neg, pow, sqrt, sub } from './ops/elementwise.ts';
import { argmax, max, mean, sum } from './ops/reductions.ts';
import { matmul, transpose } from './ops/matmul.ts';
import { logSoftmax, relu, sigmoid, softmax, tanh } from './ops/activations.ts';
import { reshape } from './ops/reshape.ts';

/** Options for a new tensor: whether to track its gradient, and a name shown by `trace`. */
export interface TensorOptions {
  /** Track operations on this tensor so `backward()` can fill in its `grad`. */
  requiresGrad?: boolean;
  /** A readable name (for example `W1`) shown in computation-graph widgets. */
  label?: string;
}

/**
 * What an op was called with besides its inputs (an exponent, an axis, a loss's reduction and classes), kept on its
 * output so that a reader of the graph (the chain-rule lines of `chain-rule.ts`) can restate the op's backward rule.
 */
export interface OpAttributes {
  /** pow's exponent p. */
  exponent?: number;
  /** The axis of a reduction or of softmax (null: every element). */
  axis?: number | null;
  /** Whether a reduction kept the reduced dimension as 1. */
  keepdim?: boolean;
  /** A loss's reduction. */
  reduction?: 'mean' | 'sum' | 'none';
  /** The class index of each row of a classification loss. */
  classes?: readonly number[];
  /** An activation's parameter values by name (leaky ReLU's slope). */
  parameters?: Readonly<Record<string, number>>;
}

/** A backward rule: receives dL/d(output) and adds each input's share into that input's gradient. */
export type BackwardRule = (outputGrad: Float64Array) => void;

let gradEnabled = true;

/** Whether ops currently record the graph for backpropagation (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs `fn` without recording any graph, as `torch.no_grad()`: for evaluation and for updating weights. */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** A float64 array of shape [], [n] or [rows, cols] that can record how it was computed and backpropagate through it. */
export class Tensor {
  /** The values, row-major. */
  data: Float64Array;
  /** The shape: [] for a scalar, [n] for a vector, [rows, cols] for a matrix. */
  shape: Shape;
  /** Whether `backward()` computes a gradient for this tensor. */
  requiresGrad: boolean;
  /** dL/d(this tensor) after `backward()`, accumulated with += over every path; null before the first. */
  grad: Tensor | null = null;
  /** A readable name shown by `trace`, settable by users. */
  label: string | undefined;
  /** The op that produced this tensor (`'leaf'` for a tensor created directly). */
  readonly op: string;
  /** The tensors this one was computed from (empty for a leaf). */
  readonly parents: readonly Tensor[];
  /** The backward rule recorded by the op, or null for a leaf or a tensor that needs no gradient. */
  readonly backwardRule: BackwardRule | null;
  /** What the op was called with besides its inputs (empty for most ops and for leaves). */
  readonly attributes: OpAttributes;

  /** Wraps data of the given shape; prefer `tensor(...)` or `Tensor.fromData(...)`. */
  constructor(
    data: Float64Array,
    shape: Shape,
    options: TensorOptions = {},
    /** @internal The op that made it: ops pass it, code that makes a tensor does not. */
    op = 'leaf',
    /** @internal The inputs of that op. */
    parents: readonly Tensor[] = [],
    /** @internal The op's backward rule. */
    backwardRule: BackwardRule | null = null,
    /** @internal The op's arguments besides its inputs. */
    attributes: OpAttributes = {},
  ) {
    checkShape('tensor', shape);
    if (data.length !== sizeOf(shape)) {
      throw new RangeError(`tensor: ${data.length} values cannot fill shape ${shapeString(shape)} (${sizeOf(shape)} values)`);
    }
    this.data = data;
    this.shape = shape.slice();
    this.requiresGrad = options.requiresGrad ?? false;
    this.label = options.label;
    this.op = op;
    this.parents = parents;
    this.backwardRule = backwardRule;
    this.attributes = attributes;
  }

  /** Wraps existing row-major values (not copied) in a tensor of the given shape. */
  static fromData(data: Float64Array, shape: Shape, options: TensorOptions = {}): Tensor {
    return new Tensor(data, shape, options);
  }

  /**
   * Makes an op's output: it requires a gradient when any parent does (and grad mode is on),
   * and only then keeps the backward rule.
   */
  static fromOp(
    op: string,
    data: Float64Array,
    shape: Shape,
    parents: readonly Tensor[],
    backwardRule: BackwardRule,
    attributes: OpAttributes = {},
  ): Tensor {
    if (!gradEnabled) return new Tensor(data, shape, {}, op, [], null, attributes);
    const requiresGrad = parents.some((p) => p.requiresGrad);
    return new Tensor(data, shape, { requiresGrad }, op, parents, requiresGrad ? backwardRule : null, attributes);
  }

  /**
   * Gives this tensor a readable name (`z₁`, `ŷ`, `L`) shown by `trace` and the chain-rule lines, and returns it,
   * so an expression can be named where it is written: `sigmoid(z).named('ŷ')`.
   */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /** The number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** The number of dimensions: 0, 1 or 2. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The single value of a one-element tensor, such as a loss. */
  item(): number {
    if (this.data.length !== 1) {
      throw new RangeError(`item: the tensor has shape ${shapeString(this.shape)}; only a tensor with one element has a single value`);
    }
    return this.data[0];
  }

  /** The values as a number, an array or an array of rows, following the shape. */
  toArray(): number | number[] | number[][] {
    if (this.shape.length === 0) return this.data[0];
    if (this.shape.length === 1) return Array.from(this.data);
    const [rows, cols] = this.shape;
    const out: number[][] = [];
    for (let i = 0; i < rows; i++) out.push(Array.from(this.data.subarray(i * cols, (i + 1) * cols)));
    return out;
  }

  /**
   * Backpropagates from this tensor: fills `grad` of every tensor it depends on that requires one.
   * Without an argument the tensor must have one element (dL/dL = 1); otherwise pass dL/d(this).
   */
  backward(gradient?: Tensor): void {
    if (!this.requiresGrad) {
      throw new Error('backward: this tensor does not depend on any tensor with requiresGrad: true, so there is nothing to differentiate');
    }
    if (gradient === undefined && this.data.length !== 1) {
      throw new Error(`backward: the output has shape ${shapeString(this.shape)}; pass a gradient or reduce it to a scalar`);
    }
    if (gradient !== undefined && !sameShape(gradient.shape, this.shape)) {
      throw new RangeError(
        `backward: the gradient has shape ${shapeString(gradient.shape)} but the output has shape ${shapeString(this.shape)}`,
      );
    }
    const order = topologicalOrder(this, true);
    // Gradients of computed tensors start from zero on every pass; leaves keep accumulating, as in PyTorch.
    for (const node of order) if (node.backwardRule !== null && node.grad !== null) node.grad.data.fill(0);
    const seed = gradBuffer(this)!;
    if (gradient === undefined) seed[0] += 1;
    else for (let i = 0; i < seed.length; i++) seed[i] += gradient.data[i];
    // Reverse topological order: a tensor's gradient is complete before its rule passes it on.
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.backwardRule !== null && node.grad !== null) node.backwardRule(node.grad.data);
    }
  }

  /** Sets this tensor's gradient to zero, keeping its buffer for the next pass. */
  zeroGrad(): void {
    if (this.grad !== null) this.grad.data.fill(0);
  }

  /** The same values (shared, not copied) cut from the graph: a leaf that requires no gradient. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape, { label: this.label });
  }

  /** A copy of the values in a new leaf, with its own storage. */
  clone(options: TensorOptions = {}): Tensor {
    return new Tensor(this.data.slice(), this.shape, options);
  }

  /** Shows the shape and values, for debugging. */
  toString(): string {
    return `Tensor(${JSON.stringify(this.toArray())}, shape ${shapeString(this.shape)})`;
  }

  /** Elementwise this + other, with broadcasting. */
  add(other: Tensor | number): Tensor {
    return add(this, other);
  }

  /** Elementwise this - other, with broadcasting. */
  sub(other: Tensor | number): Tensor {
    return sub(this, other);
  }

  /** Elementwise this * other, with broadcasting. */
  mul(other: Tensor | number): Tensor {
    return mul(this, other);
  }

  /** Elementwise this / other, with broadcasting. */
  div(other: Tensor | number): Tensor {
    return div(this, other);
  }

  /** Elementwise -this. */
  neg(): Tensor {
    return neg(this);
  }

  /** Elementwise e^this. */
  exp(): Tensor {
    return exp(this);
  }

  /** Elementwise natural logarithm. */
  log(): Tensor {
    return log(this);
  }

  /** Elementwise square root. */
  sqrt(): Tensor {
    return sqrt(this);
  }

  /** Elementwise this ** exponent for a number exponent. */
  pow(exponent: number): Tensor {
    return pow(this, exponent);
  }

  /** Elementwise absolute value. */
  abs(): Tensor {
    return abs(this);
  }

  /** Elementwise clamp into [min, max]. */
  clamp(min: number, max: number): Tensor {
    return clamp(this, min, max);
  }

  /** The matrix product this · other. */
  matmul(other: Tensor): Tensor {
    return matmul(this, other);
  }

  /** The transpose of a matrix (a scalar or vector is returned unchanged). */
  transpose(): Tensor {
    return transpose(this);
  }

  /** The transpose, as NumPy's `.T`. */
  get T(): Tensor {
    return transpose(this);
  }

  /** The same values with a new shape of equal size. */
  reshape(shape: Shape): Tensor {
    return reshape(this, shape);
  }

  /** The sum of all elements, or along an axis. */
  sum(axis: number | null = null, keepdim = false): Tensor {
    return sum(this, axis, keepdim);
  }

  /** The mean of all elements, or along an axis. */
  mean(axis: number | null = null, keepdim = false): Tensor {
    return mean(this, axis, keepdim);
  }

  /** The largest element, or the largest along an axis. */
  max(axis: number | null = null, keepdim = false): Tensor {
    return max(this, axis, keepdim);
  }

  /** The index of the largest element, or of the largest along an axis (no gradient). */
  argmax(axis: number | null = null, keepdim = false): Tensor {
    return argmax(this, axis, keepdim);
  }

  /** Elementwise max(0, this). */
  relu(): Tensor {
    return relu(this);
  }

  /** Elementwise 1 / (1 + e^-this). */
  sigmoid(): Tensor {
    return sigmoid(this);
  }

  /** Elementwise hyperbolic tangent. */
  tanh(): Tensor {
    return tanh(this);
  }

  /** Softmax along an axis (the last by default). */
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }

  /** Log-softmax along an axis (the last by default). */
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }
}

/**
 * The gradient storage of a tensor that requires a gradient, created as zeros on first use and reused after;
 * null when the tensor needs no gradient. Backward rules add into it with +=.
 */
export function gradBuffer(t: Tensor): Float64Array | null {
  if (!t.requiresGrad) return null;
  if (t.grad === null) t.grad = new Tensor(new Float64Array(t.data.length), t.shape);
  return t.grad.data;
}

/**
 * The tensors `root` depends on, each after all of its parents, `root` last. With `gradOnly`, only tensors that
 * require a gradient are visited. Iterative, so depth is limited by memory rather than the call stack.
 */
export function topologicalOrder(root: Tensor, gradOnly = false): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: Tensor[] = [root];
  const nextParent: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const i = nextParent[top];
    if (i < node.parents.length) {
      nextParent[top] = i + 1;
      const parent = node.parents[i];
      if (!visited.has(parent) && (!gradOnly || parent.requiresGrad)) {
        visited.add(parent);
        stack.push(parent);
        nextParent.push(0);
      }
    } else {
      stack.pop();
      nextParent.pop();
      order.push(node);
    }
  }
  return order;
}

/** Reads nested arrays into flat values and a shape, checking that rows have equal lengths. */
function flatten(values: number | readonly number[] | readonly (readonly number[])[]): { data: Float64Array; shape: Shape } {
  if (typeof values === 'number') return { data: Float64Array.of(values), shape: [] };
  if (values.length === 0 || typeof values[0] === 'number') {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') throw new TypeError(`tensor: element ${i} is not a number; rows must all be numbers or all be arrays`);
    }
    return { data: Float64Array.from(values as readonly number[]), shape: [values.length] };
  }
  const rows = values as readonly (readonly number[])[];
  const cols = rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) throw new TypeError(`tensor: row ${i} is not an array; rows must all be numbers or all be arrays`);
    if (row.length !== cols) throw new RangeError(`tensor: row ${i} has ${row.length} values but row 0 has ${cols}`);
    row.forEach((v, j) => {
      if (typeof v !== 'number') throw new TypeError(`tensor: element [${i}, ${j}] is not a number (tensors have at most 2 dimensions)`);
      data[i * cols + j] = v;
    });
  });
  return { data, shape: [rows.length, cols] };
}

/** A new leaf tensor from a number, an array or an array of rows. */
export function tensor(values: number | readonly number[] | readonly (readonly number[])[], options: TensorOptions = {}): Tensor {
  const { data, shape } = flatten(values);
  return new Tensor(data, shape, options);
}

/** A new leaf tensor of zeros. */
export function zeros(shape: Shape, options: TensorOptions = {}): Tensor {
  checkShape('zeros', shape);
  return new Tensor(new Float64Array(sizeOf(shape)), shape, options);
}

/** A new leaf tensor of ones. */
export function ones(shape: Shape, options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** A new leaf tensor with every element equal to `value`. */
export function full(shape: Shape, value: number, options: TensorOptions = {}): Tensor {
  checkShape('full', shape);
  return new Tensor(new Float64Array(sizeOf(shape)).fill(value), shape, options);
}

/** A tensor unchanged, or a number as a scalar constant tensor, so ops accept both. */
export function asTensor(x: Tensor | number): Tensor {
  return typeof x === 'number' ? new Tensor(Float64Array.of(x), []) : x;
}
