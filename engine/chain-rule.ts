// The chain-rule line of each tensor of a graph, for the backprop widgets: how
// its gradient x̄ = ∂L/∂x is made from the gradients of the tensors computed
// from it. Each use of x by an op with output z contributes one term, the op's
// backward rule written as the lessons write it (w̄ = z̄ · x for z = w · x,
// z̄ = ŷ̄ · ŷ (1 − ŷ) for ŷ = σ(z), W̄ = z̄ xᵀ for z = W x + b), and x̄ is the sum
// of its terms, in the order autograd adds them.
//
// Every term is built twice from one description: with symbols, and with the
// numbers of this graph put in. `evaluate` (formula.ts) multiplies the numbers
// out, and the tests prove the result equal to autograd's gradient on every
// preset and on random compositions, so a line cannot drift from the op's
// backward rule. A term's grouping follows the op's own arithmetic
// (g · (s (1 − s)), not (g · s)(1 − s)), so scalar graphs agree to the last bit.

import { topologicalOrder, type Tensor } from './tensor.ts';
import {
  column,
  difference as minus,
  elementwiseProduct as hadamard,
  evaluate,
  matrixProduct as matrix,
  numberFormula as num,
  quotient as over,
  scalarProduct as scalar,
  type Formula,
} from './formula.ts';
import { sameShape } from './shape.ts';
import type { TraceValue } from './trace.ts';

/** One use of a tensor by an op: its share of the tensor's gradient, with symbols and with numbers. */
export interface ChainRuleTerm {
  /** The trace id of the op's output that used the tensor. */
  consumer: number;
  /** Which argument of that op the tensor was. */
  argument: number;
  /** The share as the lesson writes it: z̄ · x. */
  symbolic: Formula;
  /** The same with this graph's numbers put in: 0.31 × 2.0. */
  numeric: Formula;
  /** The numeric formula multiplied out, in the tensor's shape. */
  value: TraceValue;
}

/** How one tensor's gradient is made: the sum of its terms (none for the loss, whose gradient is 1). */
export interface ChainRuleLine {
  /** The tensor's trace id. */
  node: number;
  /** Its name (its label, or v with its id). */
  name: string;
  /** One term per use of the tensor, in the order autograd adds them. */
  terms: ChainRuleTerm[];
  /** Its gradient as autograd computed it. */
  grad: TraceValue;
  /** True for the tensor backpropagation starts from, whose gradient is the seed dL/dL = 1 (or the one given). */
  seed: boolean;
}

/** How a formula refers to a tensor of the graph: `bar` for its gradient. */
type Reference = (tensor: Tensor, bar?: boolean) => Formula;

/** The shares an op's output z sends to its inputs, one formula per differentiable argument. */
type Rule = (z: Tensor, ref: Reference) => (Formula | null)[];

/** A product that reads as scalar · anything or elementwise, by the shapes of its operands. */
function times(z: Tensor, ...factors: Formula[]): Formula {
  return z.size === 1 ? scalar(...factors) : hadamard(...factors);
}

/** An input's share, summed back to its shape where the op broadcast it. */
function reduced(input: Tensor, z: Tensor, share: Formula): Formula {
  return sameShape(input.shape, z.shape) ? share : { kind: 'sumTo', shape: input.shape.slice(), of: share };
}

/** The share of a loss term's upstream gradient: L̄ / n for the mean, L̄ for the sum and for one term. */
function lossScale(z: Tensor, ref: Reference, count: number): Formula {
  const reduction = z.attributes.reduction ?? 'mean';
  return reduction === 'mean' && count > 1 ? over(ref(z, true), num(count)) : ref(z, true);
}

/** Elementwise rules by op: the shares of x (and y) for z = f(x) or f(x, y). */
const RULES: Record<string, Rule> = {
  // z = x + y: x̄ = z̄, ȳ = z̄.
  add: (z, ref) => z.parents.map((p) => reduced(p, z, ref(z, true))),
  // z = x − y: x̄ = z̄, ȳ = −z̄.
  sub: (z, ref) => [reduced(z.parents[0], z, ref(z, true)), reduced(z.parents[1], z, { kind: 'negate', of: ref(z, true) })],
  // z = x · y: x̄ = z̄ · y, ȳ = z̄ · x.
  mul: (z, ref) => {
    const [x, y] = z.parents;
    return [reduced(x, z, times(z, ref(z, true), ref(y))), reduced(y, z, times(z, ref(z, true), ref(x)))];
  },
  // z = x / y: x̄ = z̄ · 1/y, ȳ = z̄ · (−x / y²).
  div: (z, ref) => {
    const [x, y] = z.parents;
    return [
      reduced(x, z, times(z, ref(z, true), over(num(1), ref(y)))),
      reduced(y, z, times(z, ref(z, true), { kind: 'negate', of: over(ref(x), { kind: 'power', base: ref(y), exponent: 2 }) })),
    ];
  },
  // z = −x: x̄ = −z̄.
  neg: (z, ref) => [{ kind: 'negate', of: ref(z, true) }],
  // z = e^x: x̄ = z̄ · z.
  exp: (z, ref) => [times(z, ref(z, true), ref(z))],
  // z = ln x: x̄ = z̄ · 1/x.
  log: (z, ref) => [times(z, ref(z, true), over(num(1), ref(z.parents[0])))],
  // z = √x: x̄ = z̄ · 1/(2z).
  sqrt: (z, ref) => [times(z, ref(z, true), over(num(1), scalar(num(2), ref(z))))],
  // z = x^p: x̄ = z̄ · p x^(p−1).
  pow: (z, ref) => {
    const p = z.attributes.exponent ?? 1;
    if (p === 0) return [times(z, ref(z, true), num(0))];
    const x = z.parents[0];
    return [times(z, ref(z, true), scalar(num(p), { kind: 'power', base: ref(x), exponent: p - 1 }))];
  },
  // z = σ(x): x̄ = z̄ · z (1 − z).
  sigmoid: (z, ref) => [times(z, ref(z, true), times(z, ref(z), minus(num(1), ref(z))))],
  // z = tanh x: x̄ = z̄ · (1 − z²).
  tanh: (z, ref) => [times(z, ref(z, true), minus(num(1), { kind: 'power', base: ref(z), exponent: 2 }))],
  // z = relu(x): x̄ = z̄ · [x > 0].
  relu: (z, ref) => [times(z, ref(z, true), { kind: 'indicator', of: ref(z.parents[0]) })],
  // z = softplus(x) = ln(1 + e^(βx))/β: x̄ = z̄ · σ(βx) (where βx passes the threshold the slope is 1, σ(βx) within 1e-8 of it).
  softplus: (z, ref) => {
    const beta = z.attributes.parameters?.beta ?? 1;
    const x = ref(z.parents[0]);
    return [times(z, ref(z, true), { kind: 'apply', fn: 'σ', of: beta === 1 ? x : scalar(num(beta), x) })];
  },
  // z = x (the identity): x̄ = z̄.
  identity: (z, ref) => [ref(z, true)],
  // z = Σ x: x̄ = z̄ in every position that was summed.
  sum: (z, ref) => [spread(z, ref(z, true))],
  // z = mean x: x̄ = z̄ / n in every position that was averaged.
  mean: (z, ref) => {
    const x = z.parents[0];
    return [spread(z, over(ref(z, true), num(x.size / z.size)))];
  },
  // C = A B: Ā = C̄ Bᵀ, B̄ = Aᵀ C̄ (a vector on the right is a column).
  matmul: (z, ref) => {
    const [a, b] = z.parents;
    if (a.ndim === 1 && b.ndim === 1) return [scalar(ref(z, true), ref(b)), scalar(ref(z, true), ref(a))];
    const upstream = b.ndim === 1 ? column(ref(z, true)) : ref(z, true);
    const right = b.ndim === 1 ? column(ref(b)) : ref(b);
    return [matrix(upstream, { kind: 'transpose', of: right }), matrix({ kind: 'transpose', of: ref(a) }, upstream)];
  },
  // One example x (a vector) as the lessons write it, z = W x + b with column vectors: x̄ = Wᵀ z̄, W̄ = z̄ xᵀ, b̄ = z̄.
  // A batch of rows, Y = X Wᵀ + b as PyTorch writes it: X̄ = Ȳ W, W̄ = Ȳᵀ X, b̄ = Ȳ summed over the batch.
  linear: (z, ref) => {
    const [x, w, b] = z.parents;
    const shares: Formula[] =
      x.ndim === 1
        ? [matrix({ kind: 'transpose', of: ref(w) }, column(ref(z, true))), matrix(column(ref(z, true)), { kind: 'transpose', of: column(ref(x)) })]
        : [matrix(ref(z, true), ref(w)), matrix({ kind: 'transpose', of: ref(z, true) }, ref(x))];
    if (b !== undefined) shares.push(reduced(b, z, ref(z, true)));
    return shares;
  },
  // Y = Xᵀ: X̄ = Ȳᵀ.
  transpose: (z, ref) => [{ kind: 'transpose', of: ref(z, true) }],
  // s = softmax(x) along rows: x̄ = s ⊙ (s̄ − Σⱼ s̄ⱼ sⱼ).
  softmax: (z, ref) => {
    if ((z.attributes.axis ?? -1) !== -1 && (z.attributes.axis ?? -1) !== z.ndim - 1) throw new RangeError('chain rule: softmax along the first axis of a matrix has no line');
    return [hadamard(ref(z), minus(ref(z, true), { kind: 'rowSum', of: hadamard(ref(z, true), ref(z)) }))];
  },
  // L = mean (p − t)²: p̄ = L̄/n · 2 (p − t), t̄ = L̄/n · (−2 (p − t)).
  mse_loss: (z, ref) => {
    const [p, t] = z.parents;
    const difference = minus(ref(p), ref(t));
    const scale = lossUpstream(z, ref);
    return [
      reduced(p, z, times(z, scale, scalar(num(2), difference))),
      reduced(t, z, times(z, scale, { kind: 'negate', of: scalar(num(2), difference) })),
    ];
  },
  // L = mean −[t ln p + (1 − t) ln(1 − p)]: p̄ = L̄/n · (p − t) / (p (1 − p)).
  binary_cross_entropy: (z, ref) => {
    const [p, t] = z.parents;
    const share = times(z, lossUpstream(z, ref), over(minus(ref(p), ref(t)), times(z, ref(p), minus(num(1), ref(p)))));
    return [reduced(p, z, share), null];
  },
  // The same on a logit x, p = σ(x): x̄ = L̄/n · (σ(x) − t).
  binary_cross_entropy_with_logits: (z, ref) => {
    const [x, t] = z.parents;
    const share = times(z, lossUpstream(z, ref), minus({ kind: 'apply', fn: 'σ', of: ref(x) }, ref(t)));
    return [reduced(x, z, share), null];
  },
  // L = mean over rows of ln Σⱼ e^(zⱼ) − z_t: z̄ = L̄/N · (softmax(z) − y), y the one-hot rows of the classes.
  cross_entropy: (loss, ref) => {
    const scores = loss.parents[0];
    const rows = scores.ndim === 2 ? scores.shape[0] : 1;
    const upstream = (loss.attributes.reduction ?? 'mean') === 'none' ? column(ref(loss, true)) : lossScale(loss, ref, rows);
    const target: Formula = oneHot(loss, scores);
    return [hadamard(upstream, minus({ kind: 'apply', fn: 'softmax', of: ref(scores) }, target)), null];
  },
};

/** The one-hot rows of a classification loss's classes, named y. */
function oneHot(loss: Tensor, scores: Tensor): Formula {
  const classes = loss.attributes.classes ?? [];
  const count = scores.shape[scores.ndim - 1];
  const rows = classes.map((c) => Array.from({ length: count }, (_, j) => (j === c ? 1 : 0)));
  return { kind: 'array', value: scores.ndim === 2 ? rows : rows[0] };
}

/** A pair loss's upstream share: L̄/n under the mean, L̄ under the sum, and each term's own L̄ without reduction. */
function lossUpstream(z: Tensor, ref: Reference): Formula {
  if (z.attributes.reduction === 'none') return ref(z, true);
  const [p, t] = z.parents;
  return lossScale(z, ref, Math.max(p.size, t.size));
}

/** A reduction's upstream share spread over the positions it reduced: a reduced last axis reads as a column. */
function spread(z: Tensor, share: Formula): Formula {
  const x = z.parents[0];
  const axis = z.attributes.axis ?? null;
  const lastAxisOfMatrix = x.ndim === 2 && axis !== null && (axis === 1 || axis === -1) && !(z.attributes.keepdim ?? false);
  const ones: Formula = { kind: 'array', value: x.ndim === 0 ? 1 : x.ndim === 1 ? new Array<number>(x.shape[0]).fill(1) : Array.from({ length: x.shape[0] }, () => new Array<number>(x.shape[1]).fill(1)) };
  return hadamard(lastAxisOfMatrix ? column(share) : share, ones);
}

/** The ops that have a chain-rule line. */
export const CHAIN_RULE_OPS: readonly string[] = Object.keys(RULES);

/** Names a tensor: its label, or v with its trace id. */
function nameOf(t: Tensor, id: number): string {
  return t.label ?? `v${id}`;
}

/**
 * The chain-rule line of every tensor of the graph of `root` that has a gradient, in the order backpropagation
 * fills them in (root first, leaves last). Call it after `root.backward()` on leaves whose gradients started at
 * zero (leaves accumulate over passes, and the lines explain one pass); node ids are those of `trace(root)`.
 */
export function chainRule(root: Tensor): ChainRuleLine[] {
  if (root.grad === null) throw new Error('chainRule: call backward() first, so that every gradient is there to explain');
  const order = topologicalOrder(root);
  const ids = new Map<Tensor, number>();
  order.forEach((t, id) => ids.set(t, id));
  const constant = (t: Tensor) => t.op === 'leaf' && !t.requiresGrad && t.label === undefined && t.size === 1;
  const symbols: Reference = (t, bar = false) =>
    !bar && constant(t) ? num(t.data[0]) : { kind: 'symbol', name: nameOf(t, ids.get(t)!), node: ids.get(t)!, bar };
  const numbers: Reference = (t, bar = false) => {
    const source = bar ? t.grad : t;
    if (source === null) throw new Error(`chainRule: ${nameOf(t, ids.get(t)!)} has no gradient`);
    const value = source.toArray();
    return typeof value === 'number' ? num(value) : { kind: 'array', value };
  };
  const termsOf = new Map<Tensor, ChainRuleTerm[]>();
  // Reverse topological order, arguments in order: the order in which backward() adds the shares.
  for (let id = order.length - 1; id >= 0; id--) {
    const z = order[id];
    if (z.backwardRule === null || z.grad === null) continue;
    const rule = RULES[z.op];
    if (rule === undefined) throw new RangeError(`chainRule: the op '${z.op}' has no chain-rule line; ops with one: ${CHAIN_RULE_OPS.join(', ')}`);
    const symbolic = rule(z, symbols);
    const numeric = rule(z, numbers);
    z.parents.forEach((input, argument) => {
      if (!input.requiresGrad || input.grad === null) return;
      const share = symbolic[argument];
      const shareNumbers = numeric[argument];
      if (share == null || shareNumbers == null) throw new RangeError(`chainRule: '${z.op}' has no line for its argument ${argument}`);
      const list = termsOf.get(input) ?? [];
      list.push({ consumer: id, argument, symbolic: share, numeric: shareNumbers, value: evaluate(shareNumbers, input.shape) });
      termsOf.set(input, list);
    });
  }
  const lines: ChainRuleLine[] = [];
  for (let id = order.length - 1; id >= 0; id--) {
    const t = order[id];
    if (!t.requiresGrad || t.grad === null) continue;
    lines.push({ node: id, name: nameOf(t, id), terms: termsOf.get(t) ?? [], grad: t.grad.toArray(), seed: t === root });
  }
  return lines;
}
