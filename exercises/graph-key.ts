// The graph half of an answer key, computed when the site is built: an exercise's declared graph
// (exercise-graph.ts) traced by the engine on the visible case, with autograd's value and gradient
// on every node, the engine's chain-rule line of every gradient (with autograd's numbers), and which
// node each part, intermediate and misconception refers to. It is small data (the MLP's is nine
// nodes), so the page draws the graph and its lines without the engine. Labels are declared as plain
// text (`z1`) and carried as the course writes them (z₁).

import { trace, type Trace } from '../engine/index.ts';
import { chainRule, type ChainRuleLine } from '../engine/chain-rule.ts';
import { topologicalOrder } from '../engine/tensor.ts';
import type { Exercise } from './define-exercise.ts';
import { elementKey, nodeName, type ExerciseGraph } from './exercise-graph.ts';

/** An exercise's graph on its visible case, as the page gets it in the answer key. */
export interface GraphKey {
  /** The traced computation: nodes in topological order (the loss last) with autograd's values and gradients, and edges. */
  trace: Trace;
  /** Per scored gradient, the id of its node: a part by its name, an element of a part spread over several tensors as `gradients[1]`. */
  parts: Record<string, number>;
  /** The parts spread over several tensors: each one's element keys, in order (`{ gradients: ['gradients[0]', 'gradients[1]'] }`). */
  elements: Record<string, string[]>;
  /** Per unscored intermediate key, the id of its node. */
  intermediates: Record<string, number>;
  /** Per misconception that names one, the id of the node where its mistake enters. */
  misconceptions: Record<string, number>;
  /** The nodes whose gradient the exercise gives the student (right by definition). */
  upstream: number[];
  /** The engine's chain-rule line of every node with a gradient (loss first), with symbols and with autograd's numbers. */
  lines: ChainRuleLine[];
}

/** Traces `graph` on `args` (autograd's backward from its loss) and resolves every label to a node; throws naming a label it cannot find. */
export function traceGraph(graph: ExerciseGraph, args: readonly unknown[], misconceptions: readonly { id: string; node?: string }[], where: string): GraphKey {
  const loss = graph.build(args);
  if (loss.shape.length !== 0) throw new Error(`${where}: graph.build must return the loss, a single number; it returned shape [${loss.shape.join(', ')}]`);
  loss.backward();
  const order = topologicalOrder(loss);
  const ids = new Map<string, number>();
  order.forEach((tensor, id) => {
    if (tensor.label === undefined) return;
    if (ids.has(tensor.label)) throw new Error(`${where}: two tensors of the graph are named ${tensor.label}`);
    ids.set(tensor.label, id);
  });
  const traced = trace(loss);
  const resolve = (label: string, what: string): number => {
    const id = ids.get(label);
    if (id === undefined) throw new Error(`${where}: ${what} names ${label}, but no tensor of the graph is named so (named: ${[...ids.keys()].join(', ')})`);
    if (traced.nodes[id].grad === null) throw new Error(`${where}: ${what} names ${label}, which gets no gradient (does it require one?)`);
    return id;
  };
  const byKey = (entries: Record<string, string>, what: string) =>
    Object.fromEntries(Object.entries(entries).map(([key, label]) => [key, resolve(label, `${what} ${key}`)]));
  const partLabels: Record<string, string> = {};
  const elements: Record<string, string[]> = {};
  for (const [part, tensor] of Object.entries(graph.parts)) {
    if (tensor === null) continue;
    if (typeof tensor === 'string') partLabels[part] = tensor;
    else {
      elements[part] = tensor.map((_, i) => elementKey(part, i));
      tensor.forEach((label, i) => (partLabels[elementKey(part, i)] = label));
    }
  }
  const resolved = {
    parts: byKey(partLabels, 'part'),
    elements,
    intermediates: byKey(graph.intermediates ?? {}, 'intermediate'),
    upstream: (graph.upstream ?? []).map((label) => resolve(label, 'upstream')),
    misconceptions: Object.fromEntries(
      misconceptions.flatMap((m) => (m.node === undefined ? [] : [[m.id, resolve(m.node, `misconception ${m.id}`)]])),
    ),
  };
  // From here on the names are the course's (z₁, ŷ), in the trace and in the chain-rule lines alike.
  for (const tensor of order) if (tensor.label !== undefined) tensor.label = nodeName(tensor.label);
  return { trace: trace(loss), ...resolved, lines: chainRule(loss) };
}

/**
 * The graph key of an exercise, traced on `visibleArgs` (a code exercise's visible case; a numeric one needs none, and
 * one seeded per learner gets `[numbers]`, its learner's numbers, traced in the page), or undefined without a graph.
 */
export function graphKeyOf(exercise: Exercise, visibleArgs: readonly unknown[] = []): GraphKey | undefined {
  if (exercise.kind === 'choice' || exercise.graph === undefined) return undefined;
  return traceGraph(exercise.graph, visibleArgs, exercise.misconceptions, `exercise ${JSON.stringify(exercise.id)}`);
}
