// The forward line of each op of a graph, for the backprop widgets: how its
// value is made from its inputs, with symbols and with the numbers put in
// (z = w x + b = 1 + (−0.5) = 0.5), as chain-rule.ts writes the backward lines.
// `evaluate` computes the numbers, and the tests prove the result equal to the
// op's own value, so a definition shown cannot drift from what the engine ran.

import { topologicalOrder, type Tensor } from './tensor.ts';
import {
  applied,
  column,
  difference,
  elementwiseProduct,
  evaluate,
  matrixProduct,
  numberFormula,
  quotient,
  scalarProduct,
  type Formula,
} from './formula.ts';
import type { TraceValue } from './trace.ts';

/** How an op's value is made: with symbols, with numbers, and the value the op computed. */
export interface ForwardLine {
  /** The op's trace id. */
  node: number;
  /** Its name (its label, or v with its id). */
  name: string;
  /** Its definition: w x + b. */
  symbolic: Formula;
  /** The same with this graph's numbers: 1 + (−0.5). */
  numeric: Formula;
  /** The value the op computed. */
  value: TraceValue;
}

/** How a formula refers to an input of the op. */
type Reference = (tensor: Tensor) => Formula;

/** An op's definition from its inputs, or null where it has none to show. */
type Definition = (z: Tensor, ref: Reference) => Formula | null;

/** A product read as scalar · anything or elementwise, by the shape of the output. */
function times(z: Tensor, ...factors: Formula[]): Formula {
  return z.size === 1 ? scalarProduct(...factors) : elementwiseProduct(...factors);
}

/** A loss's reduction of its terms: their mean (or sum) when there are several, the term itself when one. */
function reduce(z: Tensor, count: number, terms: Formula): Formula {
  const reduction = z.attributes.reduction ?? 'mean';
  if (reduction === 'none' || count === 1) return terms;
  return applied(reduction === 'sum' ? 'Σ' : 'mean', terms);
}

/** The definitions by op. */
const DEFINITIONS: Record<string, Definition> = {
  add: (z, ref) => ({ kind: 'sum', terms: z.parents.map(ref) }),
  sub: (z, ref) => difference(ref(z.parents[0]), ref(z.parents[1])),
  mul: (z, ref) => times(z, ref(z.parents[0]), ref(z.parents[1])),
  div: (z, ref) => quotient(ref(z.parents[0]), ref(z.parents[1])),
  neg: (z, ref) => ({ kind: 'negate', of: ref(z.parents[0]) }),
  pow: (z, ref) => ({ kind: 'power', base: ref(z.parents[0]), exponent: z.attributes.exponent ?? 1 }),
  exp: (z, ref) => applied('exp', ref(z.parents[0])),
  log: (z, ref) => applied('ln', ref(z.parents[0])),
  sqrt: (z, ref) => applied('√', ref(z.parents[0])),
  sigmoid: (z, ref) => applied('σ', ref(z.parents[0])),
  tanh: (z, ref) => applied('tanh', ref(z.parents[0])),
  relu: (z, ref) => applied('ReLU', ref(z.parents[0])),
  identity: (z, ref) => ref(z.parents[0]),
  transpose: (z, ref) => ({ kind: 'transpose', of: ref(z.parents[0]) }),
  sum: (z, ref) => ((z.attributes.axis ?? null) === null ? applied('Σ', ref(z.parents[0])) : null),
  mean: (z, ref) => ((z.attributes.axis ?? null) === null ? applied('mean', ref(z.parents[0])) : null),
  softmax: (z, ref) => ((z.attributes.axis ?? -1) === -1 || z.attributes.axis === z.ndim - 1 ? applied('softmax', ref(z.parents[0])) : null),
  // One example as the lessons write it, z = W x + b; a batch of rows as PyTorch, Y = X Wᵀ + b.
  linear: (z, ref) => {
    const [x, w, b] = z.parents;
    const product = x.ndim === 1 ? matrixProduct(ref(w), column(ref(x))) : matrixProduct(ref(x), { kind: 'transpose', of: ref(w) });
    if (b === undefined) return product;
    return { kind: 'sum', terms: [product, x.ndim === 1 ? column(ref(b)) : ref(b)] };
  },
  matmul: (z, ref) => {
    const [a, b] = z.parents;
    if (a.ndim === 1 && b.ndim === 1) return applied('Σ', elementwiseProduct(ref(a), ref(b)));
    return matrixProduct(ref(a), b.ndim === 1 ? column(ref(b)) : ref(b));
  },
  // L = mean (p − t)².
  mse_loss: (z, ref) => {
    const [p, t] = z.parents;
    return reduce(z, Math.max(p.size, t.size), { kind: 'power', base: difference(ref(p), ref(t)), exponent: 2 });
  },
  // L = mean −[t ln p + (1 − t) ln(1 − p)].
  binary_cross_entropy: (z, ref) => {
    const [p, t] = z.parents;
    const term = bernoulli(z, ref(t), ref(p));
    return reduce(z, Math.max(p.size, t.size), term);
  },
  // The same with p = σ(x).
  binary_cross_entropy_with_logits: (z, ref) => {
    const [x, t] = z.parents;
    return reduce(z, Math.max(x.size, t.size), bernoulli(z, ref(t), applied('σ', ref(x))));
  },
  // L = −(1/N) Σ y ⊙ ln softmax(z), y the one-hot rows of the classes.
  cross_entropy: (loss, ref) => {
    if ((loss.attributes.reduction ?? 'mean') === 'none') return null;
    const scores = loss.parents[0];
    const rows = scores.ndim === 2 ? scores.shape[0] : 1;
    const count = scores.shape[scores.ndim - 1];
    const oneHot = (loss.attributes.classes ?? []).map((c) => Array.from({ length: count }, (_, j) => (j === c ? 1 : 0)));
    const y: Formula = { kind: 'array', value: scores.ndim === 2 ? oneHot : oneHot[0] };
    const total = applied('Σ', elementwiseProduct(y, applied('ln', applied('softmax', ref(scores)))));
    const mean = (loss.attributes.reduction ?? 'mean') === 'mean' && rows > 1 ? quotient(total, numberFormula(rows)) : total;
    return { kind: 'negate', of: mean };
  },
};

/** −[t ln p + (1 − t) ln(1 − p)], the Bernoulli negative log-likelihood of one term. */
function bernoulli(z: Tensor, t: Formula, p: Formula): Formula {
  const one = numberFormula(1);
  return {
    kind: 'negate',
    of: { kind: 'sum', terms: [times(z, t, applied('ln', p)), times(z, difference(one, t), applied('ln', difference(one, p)))] },
  };
}

/** The ops that have a forward line. */
export const FORWARD_LINE_OPS: readonly string[] = Object.keys(DEFINITIONS);

/**
 * The forward line of every op of the graph of `root`, indexed by trace id (those of `trace(root)`): null for a
 * leaf, and for an op with no line to show.
 */
export function forwardLines(root: Tensor): (ForwardLine | null)[] {
  const order = topologicalOrder(root);
  const ids = new Map<Tensor, number>();
  order.forEach((t, id) => ids.set(t, id));
  const nameOf = (t: Tensor) => t.label ?? `v${ids.get(t)!}`;
  const constant = (t: Tensor) => t.op === 'leaf' && !t.requiresGrad && t.label === undefined && t.size === 1;
  const symbols: Reference = (t) => (constant(t) ? numberFormula(t.data[0]) : { kind: 'symbol', name: nameOf(t), node: ids.get(t)!, bar: false });
  const numbers: Reference = (t) => {
    const value = t.toArray();
    return typeof value === 'number' ? numberFormula(value) : { kind: 'array', value };
  };
  return order.map((z, id) => {
    const definition = DEFINITIONS[z.op];
    if (z.op === 'leaf' || definition === undefined) return null;
    const symbolic = definition(z, symbols);
    const numeric = definition(z, numbers);
    if (symbolic === null || numeric === null) return null;
    return { node: id, name: nameOf(z), symbolic, numeric, value: z.toArray() };
  });
}

/** A forward line's numbers multiplied out, in the op's shape (for checking it against the op's value). */
export function forwardValue(line: ForwardLine, shape: readonly number[]): TraceValue {
  return evaluate(line.numeric, shape);
}
