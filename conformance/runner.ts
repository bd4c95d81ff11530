// The conformance runner: replays PyTorch's reference cases on this engine.
//
// A case (format in conformance/README.md) is a small program of ops
// over named tensors, with the values and gradients PyTorch computed in
// float64. The runner maps each op name and its attributes to an engine
// function through one table, runs the program, backpropagates from its last
// output (or, for an optimizer case, trains for a few steps) and compares every
// recorded number within the case's tolerance. It never throws on a bad case:
// an unknown op, attribute or hyperparameter, or a malformed case, becomes a
// failing result with a message. Reading files is the caller's job, so this
// module runs in the browser too.

import { Tensor, tensor } from '../engine/tensor.ts';
import { shapeString, sameShape, sizeOf } from '../engine/shape.ts';
import { abs, add, clamp, div, exp, log, mul, neg, pow, sqrt, sub } from '../engine/ops/elementwise.ts';
import { argmax, max, mean, sum } from '../engine/ops/reductions.ts';
import { matmul, transpose } from '../engine/ops/matmul.ts';
import { reshape } from '../engine/ops/reshape.ts';
import { applyClassLoss, applyPairLoss, type Reduction } from '../engine/ops/losses.ts';
import { applyElementwise, applyLearnable, applyLine, identity } from '../engine/ops/activations.ts';
import { ACTIVATION_FUNCTIONS, isLearnable, type ActivationFunction } from '../engine/formulas/activations.ts';
import { LOSS_FUNCTIONS, type LossFunction } from '../engine/formulas/losses.ts';
import { linear } from '../engine/ops/linear.ts';
import type { Optimizer, OptimizerClass } from '../engine/optim/optimizer.ts';
import { TORCH_OPTIMIZERS, torchName } from '../engine/optim/registry.ts';

/** A tensor as stored in a case: shape, row-major data, and `dtype: "int"` for class indices. */
export interface CaseTensor {
  shape: number[];
  data: number[];
  dtype?: string;
}

/** One line of a case's program: `out = op(args...; attrs)`. */
export interface ProgramStep {
  out: string;
  op: string;
  args: (string | number)[];
  attrs?: Record<string, unknown>;
}

/** Elementwise tolerance: |got - want| <= atol + rtol · |want|. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/** A case checking forward values and gradients of one program. */
export interface GradientCase {
  name: string;
  inputs?: Record<string, CaseTensor>;
  consts?: Record<string, CaseTensor>;
  program: ProgramStep[];
  expected: { values?: Record<string, CaseTensor>; grads?: Record<string, CaseTensor> };
  tolerance?: Tolerance;
  note?: string;
}

/** A case checking an optimizer's trajectory over several steps. */
export interface OptimizerCase {
  name: string;
  optimizer: string;
  hyper?: Record<string, unknown>;
  params: Record<string, CaseTensor>;
  consts?: Record<string, CaseTensor>;
  program: ProgramStep[];
  steps: number;
  expected: { losses_before_step?: number[]; params_after_step?: Record<string, CaseTensor>[] };
  tolerance?: Tolerance;
  note?: string;
}

/** The element that disagreed most: which quantity, which element, the engine's value and PyTorch's. */
export interface WorstElement {
  /** For example `values.z1`, `grads.W1`, `loss[3]` or `params[2].b1`. */
  quantity: string;
  /** The element's row-major index. */
  index: number;
  got: number;
  want: number;
  /** |got - want|. */
  error: number;
  /** error / (atol + rtol · |want|): above 1 means out of tolerance. */
  ratio: number;
}

/** The outcome of one case. */
export interface CaseResult {
  /** The file the case came from (as given to the runner). */
  file: string;
  name: string;
  ok: boolean;
  /** Why the case failed (absent when it passed). */
  message?: string;
  /** The worst element over every compared number (absent when nothing could be compared). */
  worst?: WorstElement;
}

/** The outcome of a run over many cases. */
export interface ConformanceReport {
  results: CaseResult[];
  passed: number;
  failed: number;
}

/** The default tolerance when a case gives none (that of the shipped cases). */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-7, atol: 1e-9 };

/** A failure in a case, reported as its result rather than thrown out of the runner. */
class CaseError extends Error {}

/** The attributes of one step, with readers that check names and types. */
class Attrs {
  private readonly used = new Set<string>();

  /** Wraps a step's attributes for the named op. */
  constructor(
    private readonly op: string,
    private readonly values: Record<string, unknown>,
  ) {}

  /** The attribute under any of `names` (PyTorch's spelling first), or undefined. */
  private raw(names: string[]): unknown {
    for (const n of names) {
      if (n in this.values) {
        this.used.add(n);
        return this.values[n];
      }
    }
    return undefined;
  }

  /** A number attribute, or the default when absent. */
  number(names: string[], fallback?: number): number {
    const v = this.raw(names);
    if (v === undefined || v === null) {
      if (fallback === undefined) throw new CaseError(`op ${this.op}: attribute ${names[0]} is required`);
      return fallback;
    }
    if (typeof v !== 'number') throw new CaseError(`op ${this.op}: attribute ${names[0]} must be a number, got ${JSON.stringify(v)}`);
    return v;
  }

  /** An axis attribute: a number, or null for all elements. */
  axis(names: string[], fallback: number | null): number | null {
    const v = this.raw(names);
    if (v === undefined) return fallback;
    if (v === null) return null;
    if (typeof v === 'number') return v;
    if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number') return v[0];
    // A list of every axis of a matrix, as torch's dim=(0, 1), reduces over all elements.
    if (Array.isArray(v) && v.length === 2 && new Set(v.map((d) => (d < 0 ? d + 2 : d))).size === 2) return null;
    throw new CaseError(`op ${this.op}: attribute ${names[0]} must be an axis number or null, got ${JSON.stringify(v)}`);
  }

  /** A boolean attribute, or the default when absent. */
  boolean(names: string[], fallback: boolean): boolean {
    const v = this.raw(names);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw new CaseError(`op ${this.op}: attribute ${names[0]} must be true or false, got ${JSON.stringify(v)}`);
    return v;
  }

  /** A string attribute, or the default when absent. */
  string(names: string[], fallback: string): string {
    const v = this.raw(names);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') throw new CaseError(`op ${this.op}: attribute ${names[0]} must be a string, got ${JSON.stringify(v)}`);
    return v;
  }

  /** A list of numbers (a shape), required. */
  shape(names: string[]): number[] {
    const v = this.raw(names);
    if (!Array.isArray(v) || !v.every((d) => typeof d === 'number')) {
      throw new CaseError(`op ${this.op}: attribute ${names[0]} must be a list of sizes, got ${JSON.stringify(v)}`);
    }
    return v as number[];
  }

  /** Fails on any attribute no reader asked for, so a misspelt or unsupported attribute is never silently ignored. */
  checkAllUsed(): void {
    const unknown = Object.keys(this.values).filter((k) => !this.used.has(k));
    if (unknown.length > 0) throw new CaseError(`op ${this.op}: unknown attribute ${unknown.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** A loss's `reduction` attribute ("mean" when absent), as PyTorch's. */
function reduction(a: Attrs): Reduction {
  const r = a.string(['reduction'], 'mean');
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw new CaseError(`reduction must be "mean", "sum" or "none", got "${r}"`);
  return r;
}

/** How to run one op of the case format: its number of tensor arguments (a range) and the engine call. */
interface OpEntry {
  args: [number, number];
  run: (args: Tensor[], attrs: Attrs) => Tensor;
}

/**
 * The table's entries for the registered activations and losses (formulas/), under PyTorch's op names, each
 * parameter read from the attribute of its PyTorch keyword (its default when absent), so a registered function
 * needs no line here. A learned parameter (PReLU's slope) is a second tensor argument; a name shared by several
 * entries (GELU's two forms) is told apart by their string attributes.
 */
function registryOps(): Record<string, OpEntry> {
  const ops: Record<string, OpEntry> = {};
  const variants = new Map<string, ActivationFunction[]>();
  for (const entry of Object.values(ACTIVATION_FUNCTIONS) as ActivationFunction[]) {
    variants.set(entry.torch, [...(variants.get(entry.torch) ?? []), entry]);
  }
  for (const [op, entries] of variants) {
    const learned = isLearnable(entries[0]) ? 1 : 0;
    ops[op] = {
      args: [1 + learned, 1 + learned],
      run: ([x, w], a) => {
        const entry = variant(op, entries, a);
        if (entry.kind === 'line') return applyLine(entry, x, a.number(['axis', 'dim'], -1));
        if (isLearnable(entry)) return applyLearnable(entry, x, w);
        return applyElementwise(entry, x, parameters(entry, a));
      },
    };
  }
  for (const entry of Object.values(LOSS_FUNCTIONS) as LossFunction[]) {
    ops[entry.torch] = {
      args: [2, 2],
      run: ([p, t], a) => (entry.kind === 'pair' ? applyPairLoss(entry, p, t, parameters(entry, a), reduction(a)) : applyClassLoss(entry, p, t, reduction(a))),
    };
  }
  return ops;
}

/** The values of an entry's settable parameters, from the attributes under their PyTorch keywords. */
function parameters(entry: { parameters: readonly { name: string; torch: readonly string[]; default: number; learnable?: boolean }[] }, a: Attrs): Record<string, number> {
  const values: Record<string, number> = {};
  for (const p of entry.parameters) if (p.learnable !== true) values[p.name] = a.number([...p.torch], p.default);
  return values;
}

/** The entry among those sharing a PyTorch name whose string attributes the step gives (the first when it gives none). */
function variant(op: string, entries: ActivationFunction[], a: Attrs): ActivationFunction {
  if (entries.length === 1) return entries[0];
  const keys = Object.keys(entries[0].torchAttributes ?? {});
  const given = Object.fromEntries(keys.map((k) => [k, a.string([k], entries[0].torchAttributes![k])]));
  const found = entries.find((e) => keys.every((k) => e.torchAttributes?.[k] === given[k]));
  if (found !== undefined) return found;
  const k = keys.find((key) => !entries.some((e) => e.torchAttributes?.[key] === given[key])) ?? keys[0];
  throw new CaseError(`op ${op}: ${k} must be ${entries.map((e) => `"${e.torchAttributes?.[k]}"`).join(' or ')}, got "${given[k]}"`);
}

/** The op table: every op name of the case format (PyTorch's spelling) mapped to the engine function and its attributes. */
export const OPS: Record<string, OpEntry> = {
  add: { args: [2, 2], run: ([a, b]) => add(a, b) },
  sub: { args: [2, 2], run: ([a, b]) => sub(a, b) },
  mul: { args: [2, 2], run: ([a, b]) => mul(a, b) },
  div: { args: [2, 2], run: ([a, b]) => div(a, b) },
  neg: { args: [1, 1], run: ([x]) => neg(x) },
  exp: { args: [1, 1], run: ([x]) => exp(x) },
  log: { args: [1, 1], run: ([x]) => log(x) },
  sqrt: { args: [1, 1], run: ([x]) => sqrt(x) },
  abs: { args: [1, 1], run: ([x]) => abs(x) },
  pow: { args: [1, 1], run: ([x], a) => pow(x, a.number(['exponent'])) },
  clamp: { args: [1, 1], run: ([x], a) => clamp(x, a.number(['min'], -Infinity), a.number(['max'], Infinity)) },
  matmul: { args: [2, 2], run: ([a, b]) => matmul(a, b) },
  transpose: {
    args: [1, 1],
    run: ([x], a) => {
      // torch.transpose(x, dim0, dim1): for a matrix, swapping the two axes is the transpose and swapping one with itself does nothing.
      const dim0 = a.number(['dim0'], 0);
      const dim1 = a.number(['dim1'], 1);
      const normalize = (d: number) => (d < 0 ? d + Math.max(x.ndim, 1) : d);
      return normalize(dim0) === normalize(dim1) ? identity(x) : transpose(x);
    },
  },
  reshape: { args: [1, 1], run: ([x], a) => reshape(x, a.shape(['shape'])) },
  sum: { args: [1, 1], run: ([x], a) => sum(x, a.axis(['axis', 'dim'], null), a.boolean(['keepdim'], false)) },
  mean: { args: [1, 1], run: ([x], a) => mean(x, a.axis(['axis', 'dim'], null), a.boolean(['keepdim'], false)) },
  max: { args: [1, 1], run: ([x], a) => max(x, a.axis(['axis', 'dim'], null), a.boolean(['keepdim'], false)) },
  argmax: { args: [1, 1], run: ([x], a) => argmax(x, a.axis(['axis', 'dim'], null), a.boolean(['keepdim'], false)) },
  linear: { args: [2, 3], run: ([x, w, b]) => linear(x, w, b) },
  ...registryOps(),
};

/** Turns a case tensor into an engine tensor, checking that its data fills its shape. */
function readTensor(name: string, t: CaseTensor, requiresGrad: boolean): Tensor {
  if (t === null || typeof t !== 'object' || !Array.isArray(t.shape) || !Array.isArray(t.data)) {
    throw new CaseError(`${name}: a tensor needs "shape" and "data" lists`);
  }
  if (t.shape.length > 2) throw new CaseError(`${name}: shape ${shapeString(t.shape)} has more than 2 dimensions`);
  if (t.data.length !== sizeOf(t.shape)) {
    throw new CaseError(`${name}: ${t.data.length} values cannot fill shape ${shapeString(t.shape)}`);
  }
  const data = Float64Array.from(t.data, (v) => (v === null ? NaN : Number(v)));
  if (t.dtype === 'int' && !data.every(Number.isInteger)) throw new CaseError(`${name}: an int tensor holds a non-integer`);
  return Tensor.fromData(data, t.shape, { requiresGrad, label: name });
}

/** Runs a program over the named tensors, adding each step's output to `env`; returns the last output. */
function runProgram(program: ProgramStep[], env: Map<string, Tensor>): Tensor {
  if (!Array.isArray(program) || program.length === 0) throw new CaseError('the program is empty');
  let last: Tensor | null = null;
  program.forEach((step, i) => {
    const where = `step ${i} (${step?.out ?? '?'} = ${step?.op ?? '?'})`;
    const entry = Object.prototype.hasOwnProperty.call(OPS, step.op) ? OPS[step.op] : undefined;
    if (entry === undefined) throw new CaseError(`${where}: unknown op '${step.op}'`);
    const names = Array.isArray(step.args) ? step.args : [];
    const [lo, hi] = entry.args;
    if (names.length < lo || names.length > hi) {
      throw new CaseError(`${where}: takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments, got ${names.length}`);
    }
    const args = names.map((n) => {
      if (typeof n === 'number') return tensor(n);
      const t = env.get(n);
      if (t === undefined) throw new CaseError(`${where}: argument '${n}' is not an input, a const or an earlier output`);
      return t;
    });
    const attrs = new Attrs(step.op, step.attrs ?? {});
    let out: Tensor;
    try {
      out = entry.run(args, attrs);
    } catch (e) {
      if (e instanceof CaseError) throw e;
      throw new CaseError(`${where}: ${(e as Error).message}`);
    }
    attrs.checkAllUsed();
    env.set(step.out, out);
    last = out;
  });
  return last!;
}

/** Tracks the worst element over every comparison of a case. */
class Comparison {
  worst: WorstElement | undefined;
  failures: string[] = [];

  /** Wraps a case's tolerance. */
  constructor(private readonly tolerance: Tolerance) {}

  /** Compares one quantity element by element, after checking the shapes agree. */
  tensor(quantity: string, got: Tensor | null, want: CaseTensor): void {
    const expected = readTensor(quantity, want, false);
    const values = got === null ? new Float64Array(expected.size) : got.data;
    const shape = got === null ? expected.shape : got.shape;
    if (!sameShape(shape, expected.shape)) {
      this.failures.push(`${quantity}: shape ${shapeString(shape)} differs from the expected ${shapeString(expected.shape)}`);
      return;
    }
    for (let i = 0; i < values.length; i++) this.element(quantity, i, values[i], expected.data[i]);
  }

  /** Compares one number. */
  element(quantity: string, index: number, got: number, want: number): void {
    const { rtol, atol } = this.tolerance;
    const same = got === want || (Number.isNaN(got) && Number.isNaN(want));
    const error = same ? 0 : Math.abs(got - want);
    const ratio = same ? 0 : Number.isFinite(error) ? error / (atol + rtol * Math.abs(want)) : Infinity;
    if (this.worst === undefined || ratio > this.worst.ratio || Number.isNaN(ratio)) {
      this.worst = { quantity, index, got, want, error, ratio: Number.isNaN(ratio) ? Infinity : ratio };
    }
  }

  /** Whether every comparison was within tolerance. */
  get ok(): boolean {
    return this.failures.length === 0 && (this.worst === undefined || this.worst.ratio <= 1);
  }
}

/** Reads a case's tolerance, falling back to the default. */
function toleranceOf(c: { tolerance?: Tolerance }): Tolerance {
  const t = c.tolerance;
  if (t === undefined || t === null) return DEFAULT_TOLERANCE;
  return { rtol: typeof t.rtol === 'number' ? t.rtol : DEFAULT_TOLERANCE.rtol, atol: typeof t.atol === 'number' ? t.atol : DEFAULT_TOLERANCE.atol };
}

/** Builds the named tensors of a case: leaves that need gradients, then constants. */
function environment(leaves: Record<string, CaseTensor> | undefined, consts: Record<string, CaseTensor> | undefined): Map<string, Tensor> {
  const env = new Map<string, Tensor>();
  for (const [name, t] of Object.entries(leaves ?? {})) env.set(name, readTensor(name, t, true));
  for (const [name, t] of Object.entries(consts ?? {})) {
    if (env.has(name)) throw new CaseError(`'${name}' is both an input and a const`);
    env.set(name, readTensor(name, t, false));
  }
  return env;
}

/** Runs a gradient case: forward values, then dL/d(input) for every input, against PyTorch's. */
function runGradientCase(c: GradientCase, compare: Comparison): void {
  const env = environment(c.inputs, c.consts);
  const loss = runProgram(c.program, env);
  if (!c.expected || typeof c.expected !== 'object') throw new CaseError('the case has no "expected" values');
  for (const [name, want] of Object.entries(c.expected.values ?? {})) {
    const got = env.get(name);
    if (got === undefined) throw new CaseError(`values.${name}: the program computes no tensor of that name`);
    compare.tensor(`values.${name}`, got, want);
  }
  const grads = Object.entries(c.expected.grads ?? {});
  if (grads.length === 0) return;
  if (loss.size !== 1) throw new CaseError(`the last output has shape ${shapeString(loss.shape)}; gradients need a scalar loss`);
  if (loss.requiresGrad) loss.backward();
  for (const [name, want] of grads) {
    const leaf = env.get(name);
    if (leaf === undefined || !(c.inputs && name in c.inputs)) throw new CaseError(`grads.${name}: '${name}' is not one of the case's inputs`);
    compare.tensor(`grads.${name}`, leaf.grad, want);
  }
}

/** PyTorch's spelling of an option name (the registry's map): `weightDecay` is `weight_decay`. */
export { torchName };

/**
 * The optimizers of the case format, read from the engine's registry: each torch.optim class (an entry
 * without a preset) by its name, with PyTorch's hyperparameter names mapped to its options (the registry's
 * map, which the PyTorch export uses too).
 */
export const OPTIMIZERS: Record<string, { optimizer: OptimizerClass; hyper: Record<string, string> }> = TORCH_OPTIMIZERS;

/** PyTorch flags that choose an implementation (loops, fused kernels, graph capture) without changing the numbers. */
const IMPLEMENTATION_FLAGS = new Set(['foreach', 'fused', 'capturable', 'differentiable']);

/** Builds the optimizer of a case from its name and PyTorch-named hyperparameters. */
function makeOptimizer(name: string, hyper: Record<string, unknown>, params: Tensor[]): Optimizer {
  const key = String(name).toLowerCase();
  const spec = Object.prototype.hasOwnProperty.call(OPTIMIZERS, key) ? OPTIMIZERS[key] : undefined;
  if (spec === undefined) throw new CaseError(`unknown optimizer '${name}'; known: ${Object.keys(OPTIMIZERS).join(', ')}`);
  const options: Record<string, unknown> = {};
  for (const [h, value] of Object.entries(hyper)) {
    if (IMPLEMENTATION_FLAGS.has(h)) continue;
    const option = Object.prototype.hasOwnProperty.call(spec.hyper, h) ? spec.hyper[h] : undefined;
    if (option === undefined) throw new CaseError(`optimizer ${key}: unknown hyperparameter '${h}'`);
    if (h === 'betas') {
      if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number')) {
        throw new CaseError(`optimizer ${key}: betas must be a pair of numbers, got ${JSON.stringify(value)}`);
      }
    } else if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new CaseError(`optimizer ${key}: hyperparameter ${h} must be a number or a boolean, got ${JSON.stringify(value)}`);
    }
    if (value !== null) options[option] = value;
  }
  try {
    return new spec.optimizer(params, options);
  } catch (e) {
    throw new CaseError(`optimizer ${key}: ${(e as Error).message}`);
  }
}

/** Runs an optimizer case: each step zeroes the gradients, runs the program, backpropagates and steps. */
function runOptimizerCase(c: OptimizerCase, compare: Comparison): void {
  const env = environment(c.params, c.consts);
  const names = Object.keys(c.params ?? {});
  if (names.length === 0) throw new CaseError('the case has no params');
  const params = names.map((n) => env.get(n)!);
  const optimizer = makeOptimizer(c.optimizer, c.hyper ?? {}, params);
  const steps = c.steps;
  if (!Number.isInteger(steps) || steps < 0) throw new CaseError(`steps must be a whole number, got ${JSON.stringify(steps)}`);
  const losses = c.expected?.losses_before_step ?? [];
  const after = c.expected?.params_after_step ?? [];
  for (let s = 0; s < steps; s++) {
    optimizer.zeroGrad();
    const stepEnv = new Map(env);
    const loss = runProgram(c.program, stepEnv);
    if (loss.size !== 1) throw new CaseError(`the last output has shape ${shapeString(loss.shape)}; an optimizer needs a scalar loss`);
    if (s < losses.length) compare.element(`loss[${s}]`, 0, loss.data[0], losses[s]);
    if (loss.requiresGrad) loss.backward();
    optimizer.step();
    if (s < after.length) {
      for (const [name, want] of Object.entries(after[s])) {
        const p = env.get(name);
        if (p === undefined || !names.includes(name)) throw new CaseError(`params_after_step[${s}].${name}: not a parameter of the case`);
        compare.tensor(`params[${s}].${name}`, p, want);
      }
    }
  }
}

/** Runs one case of either kind; never throws, a problem with the case is its failure message. */
export function runCase(c: unknown, file = ''): CaseResult {
  const name = c !== null && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string' ? (c as { name: string }).name : '(unnamed case)';
  let compare = new Comparison(DEFAULT_TOLERANCE);
  try {
    if (c === null || typeof c !== 'object') throw new CaseError('a case must be an object');
    compare = new Comparison(toleranceOf(c as GradientCase));
    if ('optimizer' in c) runOptimizerCase(c as OptimizerCase, compare);
    else runGradientCase(c as GradientCase, compare);
  } catch (e) {
    const message = e instanceof CaseError ? e.message : `the runner failed: ${(e as Error).message ?? String(e)}`;
    return { file, name, ok: false, message, worst: compare.worst };
  }
  if (compare.ok) return { file, name, ok: true, worst: compare.worst };
  const message = compare.failures.length > 0 ? compare.failures.join('; ') : 'out of tolerance';
  return { file, name, ok: false, message, worst: compare.worst };
}

/** Runs every case of one parsed file (`{ cases: [...] }`); a file without a case list is one failing result. */
export function runCaseFile(json: unknown, file = ''): CaseResult[] {
  const cases = json !== null && typeof json === 'object' ? (json as { cases?: unknown }).cases : undefined;
  if (!Array.isArray(cases)) return [{ file, name: '(file)', ok: false, message: 'the file has no "cases" list' }];
  return cases.map((c) => runCase(c, file));
}

/** Totals a list of results. */
export function summarize(results: CaseResult[]): ConformanceReport {
  const passed = results.filter((r) => r.ok).length;
  return { results, passed, failed: results.length - passed };
}

/** One line describing a failing case: its name, the worst element, and got versus want. */
export function describeFailure(r: CaseResult): string {
  let line = `FAIL ${r.name}`;
  if (r.file) line += ` (${r.file})`;
  line += `: ${r.message ?? 'failed'}`;
  if (r.worst) {
    const w = r.worst;
    line += `; worst ${w.quantity}[${w.index}]: got ${w.got} want ${w.want} (|diff| ${w.error.toExponential(3)}, ${w.ratio.toPrecision(3)}× tolerance)`;
  }
  return line;
}
