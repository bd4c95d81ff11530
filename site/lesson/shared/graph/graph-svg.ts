// A computation graph drawn as SVG, shared by the graph widgets (the backprop
// stepper; the student's gradient on the graph).
//
// API
//   const { markup, layout } = graphSvg(trace, views, { idPrefix, label, focusable });
//   element.innerHTML = markup;
// - `trace`: the engine's trace (engine/trace.ts) of the graph, for its nodes and edges.
// - `views[id]`: what node `id` shows (a `NodeView`): its name and op caption, its value, its gradient, the
//   student's gradient (`yours`) and its state (`NodeState`). A value left null is drawn as "?", so a stepper
//   can fill nodes in one at a time; a gradient or `yours` left undefined is not drawn at all.
// - States: `idle`, `current` (the step being shown), `done` (computed), and for comparing a student's
//   gradients with autograd's `agrees`, `differs`, `first-difference` (where they first part, in backward
//   order) and `unknown` (no answer to compare). graph.css colours them; every state also has a word in the
//   node's accessible name, so colour is never the only signal.
// - Every node is a `<g class="graph-node" data-node="ID" role="button">` whose accessible name is the text it
//   shows, in order (`nodeVisibleText`: a name spoken by a voice-control user matches what they see, WCAG 2.5.3),
//   and whose accessible description says what each number is (`nodeAccessibleName`: its name, op, value,
//   gradient and state); `focusable` names the one node with tabindex 0 (a roving tab stop: the
//   others have −1, and the widget moves focus with the arrow keys). Edges are
//   `<path class="graph-edge" data-from data-to>`.
// - Hover and focus: `highlightNode(root, id)` (graph-highlight.ts) marks a node, its edges and its
//   neighbours; the widget calls it from its own pointer and focus listeners, found with `nodeIdOf(target)`.
//
// The markup is a string, so it renders in Node (tests, build time) and in the page alike. It is as wide
// as its layout (layout.ts); the widget puts it in a box that scrolls sideways when the column is narrower.

import type { Trace, TraceNode, TraceValue } from '../../../../engine/trace.ts';
import { layoutGraph, type GraphLayout, type NodeSize } from './layout.ts';
import { formatNumber, superscript } from './number-format.ts';

/** How a node is drawn: stepping (idle, current, done) or comparing a student's gradient with autograd's. */
export type NodeState = 'idle' | 'current' | 'done' | 'agrees' | 'differs' | 'first-difference' | 'unknown';

/** The words that say a state in an accessible name (idle says nothing). */
export const STATE_WORDS: Readonly<Record<NodeState, string>> = {
  idle: '',
  current: 'current step',
  done: 'computed',
  agrees: 'your gradient agrees',
  differs: 'your gradient differs',
  'first-difference': 'first difference: your gradient parts from autograd here',
  unknown: 'no gradient of yours to compare',
};

/** What one node shows. */
export interface NodeView {
  /** Its name as the lesson writes it: `z₁`, `ŷ`, `W₂`. */
  name: string;
  /** A short caption of the op that made it (`σ`, `+`, `linear`), or of the leaf (`input`, `weight`). */
  op: string;
  /** Its value, or null while not yet computed (drawn as ?). */
  value: TraceValue | null;
  /** Its gradient ∂L/∂(node): a value, null while not yet computed (?), undefined for none (not drawn). */
  grad?: TraceValue | null;
  /** The student's gradient beside autograd's: a value, null for no answer, undefined for no such line. */
  yours?: TraceValue | null;
  /** How it is drawn. */
  state: NodeState;
}

/** Options of the drawing. */
export interface GraphSvgOptions {
  /** Prefix of the ids inside the SVG (its arrow marker), unique on the page. */
  idPrefix: string;
  /** The graph's accessible name, e.g. "Computation graph of one neuron". */
  label: string;
  /** The node that takes the tab stop (default: the last, the loss). */
  focusable?: number;
}

/** Pixel metrics of the node text: an 11 px monospace font for numbers, 12 px for the header. */
const CHAR_WIDTH = 6.7;
const HEADER_CHAR_WIDTH = 7;
const LINE_HEIGHT = 14;
const PADDING_X = 7;
const HEADER_HEIGHT = 19;
const GAP = 4;

/** Escapes text for XML. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A value as rows of text: one row for a number, one entry per row for a vector (a column), each row of a matrix. */
function valueRows(value: TraceValue | null): string[] {
  if (value === null) return ['?'];
  if (typeof value === 'number') return [formatNumber(value)];
  if (value.length > 0 && typeof value[0] !== 'number') return (value as number[][]).map((row) => row.map((v) => formatNumber(v).padStart(6)).join(' '));
  return (value as number[]).map((v) => formatNumber(v));
}

/** A row of a node: part of its value, of its gradient (below a rule), or of the student's gradient (prefixed "yours"). */
interface Row {
  kind: 'value' | 'grad' | 'yours';
  prefix: string;
  text: string;
}

/** The rows of a node: its value, then its gradient and the student's when shown. */
function rowsOf(view: NodeView): Row[] {
  const rows: Row[] = [];
  const add = (kind: Row['kind'], prefix: string, value: TraceValue | null) =>
    valueRows(value).forEach((text, i) => rows.push({ kind, prefix: i === 0 ? prefix : '', text }));
  add('value', '', view.value);
  if (view.grad !== undefined) add('grad', '', view.grad);
  if (view.yours !== undefined) add('yours', 'yours ', view.yours);
  return rows;
}

/** The y of each row's baseline, with a gap (and a rule) where the value's rows end and the gradient's begin. */
function rowBaselines(rows: readonly Row[]): number[] {
  let y = HEADER_HEIGHT;
  return rows.map((row, i) => {
    if (i > 0 && row.kind !== rows[i - 1].kind) y += GAP;
    y += LINE_HEIGHT;
    return y - 3;
  });
}

/** The size a node needs for its name, caption and rows. */
export function nodeSize(view: NodeView): NodeSize {
  const rows = rowsOf(view);
  const header = (view.name.length + view.op.length + 1.5) * HEADER_CHAR_WIDTH;
  const widest = Math.max(header, ...rows.map((r) => (r.prefix.length + r.text.length) * CHAR_WIDTH));
  const baselines = rowBaselines(rows);
  return { width: Math.ceil(widest + 2 * PADDING_X), height: Math.ceil(baselines[baselines.length - 1] + 8) };
}

/** A value in words for an accessible name: 0.62, or the entries in order. */
function spoken(value: TraceValue | null): string {
  if (value === null) return 'not yet computed';
  if (typeof value === 'number') return formatNumber(value);
  return (value as (number | number[])[]).map((v) => (typeof v === 'number' ? formatNumber(v) : v.map((u) => formatNumber(u)).join(', '))).join('; ');
}

/** The text a node shows, in reading order: its accessible name (the name, the op, then each row as drawn). */
export function nodeVisibleText(view: NodeView): string {
  return [view.name, view.op, ...rowsOf(view).map((row) => `${row.prefix}${row.text}`)].join(' ');
}

/** What a node says, in words (its accessible description): name, op, value, gradient, the student's gradient and the state. */
export function nodeAccessibleName(view: NodeView): string {
  const parts = [`${view.name}, ${view.op}`, `value ${spoken(view.value)}`];
  if (view.grad !== undefined) parts.push(`gradient ${spoken(view.grad)}`);
  if (view.yours !== undefined) parts.push(view.yours === null ? 'no gradient of yours' : `your gradient ${spoken(view.yours)}`);
  if (STATE_WORDS[view.state] !== '') parts.push(STATE_WORDS[view.state]);
  return parts.join(', ');
}

/** Draws the graph: its layout and its SVG markup (see the API at the top of this file). */
export function graphSvg(trace: Trace, views: readonly NodeView[], options: GraphSvgOptions): { markup: string; layout: GraphLayout } {
  const layout = layoutGraph(trace, views.map(nodeSize));
  const focusable = options.focusable ?? trace.nodes.length - 1;
  const marker = `${options.idPrefix}-arrow`;
  const edges = layout.edges
    .map((e) => `<path class="graph-edge" data-from="${e.from}" data-to="${e.to}" d="${e.path}" marker-end="url(#${marker})"/>`)
    .join('');
  const nodes = layout.nodes
    .map((placed) => {
      const view = views[placed.id];
      const rowList = rowsOf(view);
      const baselines = rowBaselines(rowList);
      const rows = rowList
        .map((row, i) => {
          const prefix = row.prefix === '' ? '' : `<tspan class="graph-prefix">${escape(row.prefix)}</tspan>`;
          // A rule between the value and the gradient below it.
          const rule = i > 0 && row.kind !== rowList[i - 1].kind ? `<line class="graph-rule" x1="4" x2="${placed.width - 4}" y1="${baselines[i] - LINE_HEIGHT + 1}" y2="${baselines[i] - LINE_HEIGHT + 1}"/>` : '';
          return `${rule}<text class="graph-row graph-${row.kind}" x="${PADDING_X}" y="${baselines[i]}">${prefix}<tspan>${escape(row.text)}</tspan></text>`;
        })
        // A space between the texts (drawn as nothing in SVG) keeps the node's text "w param 0.5", the words of its
        // name, rather than "wparam0.5", which a checker of WCAG 2.5.3 (label in name) reads as a mismatch.
        .join(' ');
      return (
        `<g class="graph-node" data-node="${placed.id}" data-state="${view.state}" role="button" tabindex="${placed.id === focusable ? 0 : -1}" ` +
        `aria-label="${escape(nodeVisibleText(view))}" aria-description="${escape(nodeAccessibleName(view))}" transform="translate(${placed.x} ${placed.y})">` +
        `<rect class="graph-box" width="${placed.width}" height="${placed.height}" rx="6"/>` +
        `<text class="graph-name" x="${PADDING_X}" y="15">${escape(view.name)}</text> ` +
        `<text class="graph-op" x="${placed.width - PADDING_X}" y="15" text-anchor="end">${escape(view.op)}</text> ` +
        rows +
        `</g>`
      );
    })
    .join('');
  const markup =
    `<svg class="graph-svg" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
    `viewBox="0 0 ${layout.width} ${layout.height}" role="group" aria-label="${escape(options.label)}">` +
    `<defs><marker id="${marker}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M 0 0 L 8 4 L 0 8 z" class="graph-arrow"/></marker></defs>` +
    `<g class="graph-edges">${edges}</g><g class="graph-nodes">${nodes}</g></svg>`;
  return { markup, layout };
}

/** The op caption of a trace node: a symbol for arithmetic, the function's name otherwise, and the role of a leaf. */
export function opCaption(node: TraceNode): string {
  const { op } = node;
  if (op === 'leaf') return node.requiresGrad ? 'param' : node.label === undefined ? 'const' : 'input';
  if (op === 'pow' && node.attributes?.exponent !== undefined) return `x${superscript(formatNumber(node.attributes.exponent))}`;
  const captions: Record<string, string> = {
    add: '+', sub: '−', mul: '×', div: '÷', neg: '−x', pow: 'power', exp: 'exp', log: 'ln', sqrt: '√',
    sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', matmul: 'matmul', linear: 'linear', transpose: 'ᵀ',
    sum: 'Σ', mean: 'mean', softmax: 'softmax', mse_loss: 'sq. error', binary_cross_entropy: 'BCE',
    binary_cross_entropy_with_logits: 'BCE', cross_entropy: 'cross-entropy',
  };
  return captions[op] ?? op;
}

