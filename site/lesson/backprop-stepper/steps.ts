// The steps of the backprop stepper: a preset's graph computed by the engine,
// then walked forward (each op's value, in topological order) and backward
// (each tensor's gradient with its chain-rule line, from the loss back to the
// leaves). Pure: the element, the build and the tests share it.

import { trace, type Trace } from '../../../engine/trace.ts';
import { chainRule, type ChainRuleLine } from '../../../engine/chain-rule.ts';
import { forwardLines, type ForwardLine } from '../../../engine/forward-line.ts';
import { opCaption, type NodeView } from '../shared/graph/graph-svg.ts';
import { formatNumber, formatValue } from '../shared/graph/number-format.ts';
import { definitionText, lineText } from '../shared/graph/formula-mathml.ts';
import type { Preset } from './presets.ts';

/** A preset computed with given values: its graph, the ops in forward order and the lines in backward order. */
export interface BackpropRun {
  preset: Preset;
  values: Readonly<Record<string, number>>;
  trace: Trace;
  /** The trace ids of the ops, in the order the forward pass computes them. */
  forward: number[];
  /** The chain-rule lines, in the order the backward pass fills them in. */
  lines: ChainRuleLine[];
  /** Each op's forward line by trace id (null for a leaf). */
  definitions: (ForwardLine | null)[];
}

/** Builds the preset with these values, runs backward and reads the graph and its lines. */
export function runPreset(preset: Preset, values: Readonly<Record<string, number>>): BackpropRun {
  const loss = preset.build(values);
  loss.backward();
  const t = trace(loss);
  return {
    preset,
    values,
    trace: t,
    forward: t.nodes.filter((n) => n.op !== 'leaf').map((n) => n.id),
    lines: chainRule(loss),
    definitions: forwardLines(loss),
  };
}

/** The number of steps: one per op forward, one per gradient backward (step 0 is the start). */
export function stepCount(run: BackpropRun): number {
  return run.forward.length + run.lines.length;
}

/** What one step shows: the phase, the node it is about, every node's view, the lines so far and a sentence. */
export interface StepView {
  phase: 'start' | 'forward' | 'backward';
  /** The node of this step, or null at the start. */
  current: number | null;
  views: NodeView[];
  /** The chain-rule lines filled in so far, in backward order (the last is this step's). */
  lines: ChainRuleLine[];
  /** This forward step's line (how the op's value is made), or null outside the forward pass. */
  definition: ForwardLine | null;
  /** The step in words, for the status line. */
  status: string;
}

/** The name of a node: its label, a constant's number (the ½ of ½ r²), or v with its id. */
export function nodeName(run: BackpropRun, id: number): string {
  const node = run.trace.nodes[id];
  if (node.label !== undefined) return node.label;
  if (node.op === 'leaf' && !node.requiresGrad && typeof node.value === 'number') return formatNumber(node.value);
  return `v${id}`;
}

/** The view of the graph after `step` steps (clamped to 0 … stepCount). */
export function stepView(run: BackpropRun, step: number): StepView {
  const total = stepCount(run);
  const s = Math.max(0, Math.min(total, Math.round(step)));
  const forwardDone = Math.min(s, run.forward.length);
  const computed = new Set(run.forward.slice(0, forwardDone));
  const lines = run.lines.slice(0, Math.max(0, s - run.forward.length));
  const revealed = new Map(lines.map((l) => [l.node, l]));
  const backward = s > run.forward.length;
  const current = s === 0 ? null : backward ? lines[lines.length - 1].node : run.forward[forwardDone - 1];
  const views = run.trace.nodes.map((node): NodeView => {
    const known = node.op === 'leaf' || computed.has(node.id);
    const view: NodeView = {
      name: nodeName(run, node.id),
      op: opCaption(node),
      value: known ? node.value : null,
      state: node.id === current ? 'current' : (backward ? revealed.has(node.id) : computed.has(node.id)) ? 'done' : 'idle',
    };
    if (backward && node.requiresGrad) view.grad = revealed.has(node.id) ? node.grad : null;
    return view;
  });
  let status: string;
  if (s === 0) status = `Start: the inputs and parameters are set. ${total} steps: ${run.forward.length} forward, ${run.lines.length} backward.`;
  else if (!backward) {
    const node = run.trace.nodes[current!];
    const definition = run.definitions[node.id];
    const says = definition === null ? `${nodeName(run, node.id)} = ${formatValue(node.value)} (${opCaption(node)})` : definitionText(definition);
    status = `Forward step ${s} of ${run.forward.length}: ${says}.`;
  } else {
    status = `Backward step ${lines.length} of ${run.lines.length}: ${lineText(lines[lines.length - 1])}.`;
  }
  const definition = s > 0 && !backward ? run.definitions[current!] : null;
  return { phase: s === 0 ? 'start' : backward ? 'backward' : 'forward', current, views, lines, definition, status };
}
