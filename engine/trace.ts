// The computation graph as plain data, for the computation-graph widgets: one
// node per tensor (its op, shape, value and gradient) and one edge from each
// input to the op that used it. Nodes come in topological order: every node
// after the nodes it was computed from, the traced tensor last.

import { topologicalOrder, type OpAttributes, type Tensor } from './tensor.ts';

/** A value as nested arrays following its shape. */
export type TraceValue = number | number[] | number[][];

/** One tensor of the graph. */
export interface TraceNode {
  /** Position in topological order, used by edges. */
  id: number;
  /** The op that produced it (`'leaf'` for an input or parameter). */
  op: string;
  /** The tensor's label: a leaf's from its options (`W1`), any tensor's from `named` (`z₁`, `ŷ`, `L`). */
  label?: string;
  shape: number[];
  value: TraceValue;
  /** dL/d(this tensor) after `backward()`, or null when none was computed. */
  grad: TraceValue | null;
  /** Whether a gradient flows to this tensor. */
  requiresGrad: boolean;
  /** What the op was called with besides its inputs (pow's exponent, a loss's reduction), when anything. */
  attributes?: OpAttributes;
}

/** An input `from` used by the op that produced `to`, as its argument number `argument`. */
export interface TraceEdge {
  from: number;
  to: number;
  argument: number;
}

/** A computation graph as nodes and edges. */
export interface Trace {
  nodes: TraceNode[];
  edges: TraceEdge[];
}

/** The graph that computed `t`, as nodes (with op, shape, value and gradient) and edges from inputs to outputs. */
export function trace(t: Tensor): Trace {
  const order = topologicalOrder(t);
  const ids = new Map<Tensor, number>();
  order.forEach((node, id) => ids.set(node, id));
  const nodes = order.map((node, id): TraceNode => {
    const entry: TraceNode = {
      id,
      op: node.op,
      shape: node.shape.slice(),
      value: node.toArray(),
      grad: node.grad === null ? null : node.grad.toArray(),
      requiresGrad: node.requiresGrad,
    };
    if (node.label !== undefined) entry.label = node.label;
    if (Object.keys(node.attributes).length > 0) entry.attributes = structuredClone(node.attributes);
    return entry;
  });
  const edges: TraceEdge[] = [];
  order.forEach((node, to) => node.parents.forEach((parent, argument) => edges.push({ from: ids.get(parent)!, to, argument })));
  return { nodes, edges };
}
