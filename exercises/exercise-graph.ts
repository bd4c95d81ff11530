// An exercise's computation graph: the optional `graph` of a code or numeric exercise. When a
// student's gradients are wrong, the page draws this graph for the visible case with autograd's
// gradient and the student's beside it on every node, and marks the first node, going backward from
// the loss, where the two part (graph-comparison.ts). The build traces the graph once
// (graph-key.ts), so the page needs no engine to draw it.
//
// A declaration says three things:
//   - `build(args)`: the same computation, made with the engine from one call's arguments (a numeric
//     exercise gets none, one seeded per learner gets `[numbers]`, its learner's numbers), returning the loss; the tensors a student can talk about are named with
//     the engine's `tensor.named('z1')` (a leaf may pass `label` to `tensor()` instead), written as
//     plain text (`z1`, `W2`, `yhat`) and shown as the course writes them (z₁, W₂, ŷ: `nodeName`);
//   - `parts`: which named tensor's gradient each scored part is; a part that is a list of numbers, element i
//     the gradient of its own scalar tensor, names them in order (`{ gradients: ['x1', 'x2'] }`), and a part
//     that is no gradient at all (an index, a verdict) maps to null (`{ wrong: null }`): the graph compares
//     the gradients, the grader scores every part;
//   - `upstream` (optional): tensors whose gradient the exercise gives (a backward function's
//     upstream argument, built as L = Σ upstream ⊙ s so that s̄ = upstream): right by definition;
//   - `intermediates` (optional): unscored gradients a student may also return (code) or type
//     (numeric), such as `dz1`; they are never scored and never make an answer invalid, but the graph
//     compares them, so a student who returns them learns exactly where the difference enters.
// Each misconception may then name the tensor where its mistake enters: `node: 'z1'`.
//
// Worked example, a one-hidden-layer network (mlp-backward.ts declares this graph):
//
//   graph: {
//     build: ([x, W1, b1, W2, b2, targets]) => {
//       const w1 = tensor(W1, { requiresGrad: true, label: 'W1' });        // ...and so on for b1, W2, b2
//       const z1 = linear(tensor(x, { label: 'x' }), w1, c1).named('z1');
//       const h = relu(z1).named('h');
//       return crossEntropy(linear(h, w2, c2).named('z2'), targets).named('L');
//     },
//     parts: { dW1: 'W1', db1: 'b1', dW2: 'W2', db2: 'b2' },
//     intermediates: { dz2: 'z2', dh: 'h', dz1: 'z1' },
//   },
//   misconceptions: [{ id: 'forgot-relu-derivative', node: 'z1', ... }],
//
// A student who forgets relu′ then sees dW2 and db2 agree, z₁ marked as the first difference with
// the chain-rule line z̄₁ = h̄ ⊙ [z₁ > 0] in autograd's numbers, and W₁, b₁ marked as following from it.

import type { Tensor } from '../engine/index.ts';

/** The computation graph of a code or numeric exercise, for drawing a wrong answer's gradients on it. */
export interface ExerciseGraph {
  /**
   * The computation with the engine for one call's arguments (a numeric exercise gets `[]`, one seeded per learner
   * `[numbers]`); returns the loss, its tensors named with `.named('z1')`.
   */
  build(args: readonly unknown[]): Tensor;
  /**
   * Per scored part, the label of the tensor whose gradient it is (`{ dW1: 'W1' }`), the labels of the scalar tensors
   * whose gradients its elements are (`{ gradients: ['x1', 'x2'] }`), or null for a part that is no gradient. Every
   * part is mapped.
   */
  parts: Record<string, PartTensor>;
  /** Unscored gradients a student may also give, by the key they return or type: `{ dz1: 'z1' }`. */
  intermediates?: Record<string, string>;
  /** Tensors whose gradient the exercise hands the student (an `upstream` argument), so right by definition: `['s']`. */
  upstream?: string[];
}

/** What a scored part is on the graph: one tensor's gradient, a list of scalar tensors' gradients, or no gradient. */
export type PartTensor = string | readonly string[] | null;

/** The labels a part's value covers, in order: none for a part that is no gradient. */
export function partLabels(tensor: PartTensor): readonly string[] {
  return tensor === null ? [] : typeof tensor === 'string' ? [tensor] : tensor;
}

/** The key of element `index` of a part spread over several tensors, as written in code: `gradients[1]`. */
export function elementKey(part: string, index: number): string {
  return `${part}[${index}]`;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** A label as the course writes it: `z1` → z₁, `W12` → W₁₂, `w2h` → w₂h, `yhat` → ŷ; other labels unchanged. */
export function nodeName(label: string): string {
  return label
    .replace(/^(\w)hat$/, '$1\u0302')
    .replace(/([A-Za-z])(\d+)/g, (_m, head: string, digits: string) => head + [...digits].map((d) => SUBSCRIPTS[Number(d)]).join(''))
    .normalize('NFC');
}

/** A key a student returns or types: a plain identifier, so it reads the same in code and in an input's label. */
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a declaration against the exercise's parts and misconceptions; returns the first problem, or null. */
export function graphDeclarationProblem(
  graph: ExerciseGraph,
  partNames: readonly string[],
  misconceptions: readonly { id: string; node?: string }[],
): string | null {
  const mapped = Object.keys(graph.parts);
  const missing = partNames.filter((name) => !mapped.includes(name));
  if (missing.length > 0) return `graph.parts must map every part to a tensor; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not mapped`;
  const unknown = mapped.filter((name) => !partNames.includes(name));
  if (unknown.length > 0) return `graph.parts maps ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a part' : 'are not parts'}`;
  for (const key of Object.keys(graph.intermediates ?? {})) {
    if (!KEY.test(key)) return `graph.intermediates: ${JSON.stringify(key)} is not a plain identifier`;
    if (partNames.includes(key)) return `graph.intermediates: ${key} is already a scored part`;
  }
  const pairs: [string, string][] = [
    ...Object.entries(graph.parts).flatMap(([key, tensor]) => {
      const labels = partLabels(tensor);
      return typeof tensor === 'string' || tensor === null ? labels.map((label) => [key, label] as [string, string]) : labels.map((label, i) => [elementKey(key, i), label] as [string, string]);
    }),
    ...Object.entries(graph.intermediates ?? {}),
  ];
  for (const [key, tensor] of Object.entries(graph.parts)) {
    if (Array.isArray(tensor) && tensor.length === 0) return `graph.parts: ${key} names an empty list of tensors (map a part that is no gradient to null)`;
  }
  if (Object.values(graph.parts).every((tensor) => tensor === null)) return 'graph.parts: no part is a gradient, so there is nothing to draw';
  for (const [, label] of pairs) if (label === '') return 'graph: a part or intermediate names an empty label';
  const named = new Map<string, string>();
  for (const [key, label] of pairs) {
    const other = named.get(label);
    if (other !== undefined) return `graph: ${other} and ${key} are both the gradient of ${label}`;
    named.set(label, key);
  }
  for (const label of graph.upstream ?? []) {
    if (label === '') return 'graph.upstream names an empty label';
    if (named.has(label)) return `graph.upstream: ${label} is given to the student, so it cannot also be ${named.get(label)}`;
  }
  for (const m of misconceptions) {
    if (m.node !== undefined && m.node === '') return `misconception ${JSON.stringify(m.id)}: node is empty`;
  }
  return null;
}
