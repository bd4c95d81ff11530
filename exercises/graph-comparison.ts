// A wrong answer's gradients on the exercise's computation graph: per node, whether the student's
// gradient agrees with autograd's, and the first node going backward from the loss where the two
// part. Pure: it reads the graph key the build traced on the visible case (graph-key.ts), the values
// the student gave and the misconceptions the grader recognised, and the page draws the result.
//
// The rules, strongest evidence first:
//   1. a node whose gradient the student gave (a part, or an unscored intermediate such as dz1) is
//      compared element by element: it agrees or differs, and its worst element is kept;
//   2. a recognised misconception that names a node marks that node as where the answer parts;
//   3. otherwise the gradients flow backward, so a part that agrees (and an upstream gradient the
//      exercise gives) vouches for every node between it and the loss (inferred right), and on the path of a part that differs the first node that
//      nothing vouches for is where the answer can first part; the rest of that path is suspect.
// The first difference is the node latest in topological order (first in backward order) among the
// candidates: misconception and compared nodes when a misconception is recognised, else every
// candidate the paths give.

import type { Numbers } from './define-exercise.ts';
import { compareElements, elementIndex, flatten } from './compare.ts';
import type { GraphKey } from './graph-key.ts';
import { ownValue, readNumbers } from './returned-value.ts';
import type { TraceNode } from '../engine/index.ts';

/** What is known of one node's gradient. */
export type NodeState =
  /** The student gave it, and it agrees with autograd's. */
  | 'agrees'
  /** The student gave it, and it differs (after the first difference, going backward). */
  | 'differs'
  /** The first node, going backward from the loss, where the student's gradients part from autograd's. */
  | 'first-difference'
  /** Not given, but a gradient that agrees depends on it, so it is right. */
  | 'inferred'
  /** Not given, on the path of a wrong gradient after the first difference: likely wrong as a consequence. */
  | 'suspect'
  /** Nothing the student gave says anything about it. */
  | 'unknown'
  /** The node gets no gradient (an input, a target). */
  | 'no-gradient';

/** The worst element of a compared gradient: where it is, the student's value and autograd's. */
export interface NodeWorst {
  /** As written in code: `dz1[2][0]`. */
  where: string;
  /** The student's value there. */
  yours: number;
  /** Autograd's value there. */
  expected: number;
}

/** One node as the student sees it. */
export interface NodeComparison {
  /** The node's id in the trace. */
  id: number;
  /** What is known of its gradient. */
  state: NodeState;
  /** When the student gave this gradient: under which key, whether it agrees, and its worst element (when it agrees, autograd's largest entry). */
  given?: { key: string; agrees: boolean; worst: NodeWorst };
}

/** How the first difference is known. */
export type FirstDifferenceEvidence = 'given' | 'misconception' | 'inferred';

/** The student's gradients on the graph: every node's state, the first difference and a sentence saying what was found. */
export interface GraphComparison {
  /** Per node, in the trace's order. */
  nodes: NodeComparison[];
  /** The first node going backward where the answer parts from autograd's, and how that is known; null when every gradient on this case agrees. */
  first: { id: number; evidence: FirstDifferenceEvidence; misconception?: string } | null;
  /** What the student is told, in one or two sentences. */
  summary: string;
}

/** A node's name as drawn: its label (already as the course writes it, see graph-key.ts), or its op. */
export function nodeName(node: Pick<TraceNode, 'label' | 'op'>): string {
  return node.label ?? node.op;
}

/** The gradients a student gave, by key, from what their function returned on the visible case (an object of parts, or the one part's value). */
export function returnedGradients(key: GraphKey, output: unknown, returns: 'value' | 'object'): Record<string, unknown> {
  const spread = new Set(Object.values(key.elements).flat());
  const keys = [...Object.keys(key.parts).filter((k) => !spread.has(k)), ...Object.keys(key.elements), ...Object.keys(key.intermediates)];
  const given: Record<string, unknown> = {};
  if (returns === 'value') given[keys[0]] = output;
  else {
    for (const k of keys) {
      const slot = ownValue(output, k);
      if (slot.found && slot.value !== undefined) given[k] = slot.value;
    }
  }
  // A part spread over several tensors is compared element by element, each on its own node: only a list of the right length is.
  for (const [part, elementKeys] of Object.entries(key.elements)) {
    const value = given[part];
    delete given[part];
    if (!Array.isArray(value) || value.length !== elementKeys.length) continue;
    elementKeys.forEach((k, i) => {
      const slot = ownValue(value, String(i));
      if (slot.found && slot.value !== undefined) given[k] = slot.value;
    });
  }
  return given;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function readableNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

/**
 * Compares the student's gradients with autograd's on the graph of the visible case. `given` holds the values by
 * part or intermediate key (any value: one of the wrong shape is left out), `recognised` the ids of the misconceptions
 * the grader recognised, `rtol` the exercise's tolerance.
 */
export function compareOnGraph(key: GraphKey, given: Readonly<Record<string, unknown>>, recognised: readonly string[], rtol: number): GraphComparison {
  const { nodes, edges } = key.trace;
  const children = nodes.map(() => [] as number[]);
  for (const edge of edges) children[edge.from].push(edge.to);
  // Every node a gradient flows through on its way from the loss to `id`, `id` included, latest first (backward order).
  const pathToLoss = (id: number): number[] => {
    const seen = new Set<number>([id]);
    const stack = [id];
    while (stack.length > 0) for (const child of children[stack.pop()!]) if (!seen.has(child)) (seen.add(child), stack.push(child));
    return [...seen].sort((a, b) => b - a);
  };

  const result: NodeComparison[] = nodes.map((node) => ({ id: node.id, state: node.grad === null ? 'no-gradient' : 'unknown' }));
  const keyOf = new Map<number, string>();
  const order = [...Object.entries(key.parts), ...Object.entries(key.intermediates)];
  for (const [name, id] of order) {
    keyOf.set(id, name);
    if (!(name in given)) continue;
    const expected = nodes[id].grad as Numbers;
    const read = readNumbers(name, given[name], expected);
    if (!read.ok) continue;
    const yours = flatten(read.value);
    const reference = flatten(expected);
    const compared = compareElements(yours, reference, rtol);
    const { pass } = compared;
    // Where all agree, the entry to show is autograd's largest, not an arbitrary "worst" within tolerance.
    const largest = reference.reduce((best, r, k) => (Math.abs(r) > Math.abs(reference[best]) ? k : best), 0);
    const worst = pass ? { flatIndex: largest, yours: yours[largest], expected: reference[largest] } : compared.worst;
    const where = name + elementIndex(nodes[id].shape, worst.flatIndex).map((i) => `[${i}]`).join('');
    result[id] = { id, state: pass ? 'agrees' : 'differs', given: { key: name, agrees: pass, worst: { where, yours: worst.yours, expected: worst.expected } } };
  }
  const compared = result.filter((n) => n.given !== undefined);
  const agreeing = compared.filter((n) => n.given!.agrees);
  const differing = compared.filter((n) => !n.given!.agrees).map((n) => n.id);

  // Rule 3's first half: what an agreeing gradient vouches for.
  for (const node of agreeing) for (const id of pathToLoss(node.id)) if (result[id].state === 'unknown') result[id].state = 'inferred';
  // ∂L/∂L = 1, and an upstream gradient the exercise hands over: right whatever the answer, with every node they depend on.
  const loss = nodes.length - 1;
  for (const id of [loss, ...key.upstream]) for (const at of pathToLoss(id)) if (result[at].state === 'unknown') result[at].state = 'inferred';
  const confirmed = (id: number) => result[id].state === 'agrees' || result[id].state === 'inferred';

  // Candidates: the misconceptions' nodes (unless the student's own value there agrees), and per wrong gradient the
  // first node on its way to the loss that nothing vouches for.
  const fromMisconceptions = recognised.flatMap((id) => {
    const node = key.misconceptions[id];
    return node === undefined || result[node].state === 'agrees' ? [] : [{ id: node, evidence: 'misconception' as const, misconception: id }];
  });
  const fromPaths = differing.map((wrong) => {
    const at = pathToLoss(wrong).find((id) => !confirmed(id))!;
    return { id: at, evidence: result[at].state === 'differs' ? ('given' as const) : ('inferred' as const), wrong };
  });
  const candidates =
    fromMisconceptions.length > 0
      ? [...fromMisconceptions, ...differing.map((id) => ({ id, evidence: 'given' as const }))]
      : fromPaths;
  const best = candidates.reduce<(typeof candidates)[number] | undefined>((a, c) => (a === undefined || c.id > a.id ? c : a), undefined);

  if (best !== undefined) {
    result[best.id].state = 'first-difference';
    // The rest of each wrong path, past the first difference, follows from it.
    for (const wrong of differing) for (const id of pathToLoss(wrong)) if (id < best.id && result[id].state === 'unknown') result[id].state = 'suspect';
  }
  const first =
    best === undefined
      ? null
      : { id: best.id, evidence: best.evidence, ...('misconception' in best && best.misconception !== undefined ? { misconception: best.misconception } : {}) };
  return { nodes: result, first, summary: summarise(key, result, first, fromPaths, given) };
}

function summarise(
  key: GraphKey,
  result: readonly NodeComparison[],
  first: GraphComparison['first'],
  fromPaths: readonly { id: number; wrong: number }[],
  given: Readonly<Record<string, unknown>>,
): string {
  const nodes = key.trace.nodes;
  const name = (id: number) => nodeName(nodes[id]);
  const agreeing = result.filter((n) => n.given?.agrees).map((n) => n.given!.key);
  if (first === null) {
    return agreeing.length > 0
      ? 'On the case drawn here, every gradient you gave agrees with autograd’s; the difference shows only on another case.'
      : 'None of the gradients you gave could be compared on this graph.';
  }
  // The confirmed named node nearest above the first difference, on its way to the loss (an unnamed op is no landmark).
  const above = nodesAbove(key, first.id).filter((id) => nodes[id].label !== undefined && (result[id].state === 'agrees' || result[id].state === 'inferred'));
  const nearest = above.length > 0 ? Math.min(...above) : undefined;
  const loss = nodes.length - 1;
  const agreed =
    agreeing.length === 0
      ? ''
      : `Your ${list(agreeing)} ${agreeing.length === 1 ? 'agrees' : 'agree'} with autograd’s${
          nearest === undefined ? '' : nearest === loss ? ', so the loss’s gradient is right' : `, so everything from the loss down to ${name(nearest)} is right`
        }; `;
  const start = (text: string) => (agreed === '' ? text.charAt(0).toUpperCase() + text.slice(1) : agreed + text);
  if (first.evidence === 'misconception') {
    return start(`the difference enters at ${name(first.id)}, where your answer behaves like the slip described above.`);
  }
  if (first.evidence === 'given') {
    const node = result[first.id].given!;
    return start(
      `going backward from the loss, your ${node.key} is the first gradient that differs, at ${name(first.id)} (${node.worst.where} is ${readableNumber(node.worst.yours)}, autograd’s ${readableNumber(node.worst.expected)}).`,
    );
  }
  const wrong = fromPaths.filter((p) => p.id === first.id).map((p) => p.wrong).sort((a, b) => a - b)[0];
  const between = `between ${nearest === undefined ? 'the loss' : name(nearest)} and ${name(wrong)}`;
  // Unscored gradients on that stretch that the student did not give: giving them pins the difference down.
  const stretch = Object.entries(key.intermediates)
    .filter(([k, id]) => !(k in given) && id <= first.id && id > wrong)
    .map(([k]) => k);
  const more = stretch.length === 0 ? '' : ` Give ${list(stretch)} as well (not scored) to see exactly where.`;
  return start(`the difference enters ${between}.${more}`);
}

/** The nodes a gradient passes through between the loss and `id`, `id` left out. */
function nodesAbove(key: GraphKey, id: number): number[] {
  const above = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const edge of key.trace.edges) if (edge.from === at && !above.has(edge.to)) (above.add(edge.to), stack.push(edge.to));
  }
  return [...above];
}
