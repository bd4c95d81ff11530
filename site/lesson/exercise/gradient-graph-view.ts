// A wrong answer's gradients on the exercise's computation graph, under the verdict: a sentence
// saying where the answer parts from autograd's, the graph (the shared renderer, site/lesson/shared/
// graph/) with autograd's gradient and the student's on every node and the first difference marked,
// the engine's chain-rule line that makes the first difference's gradient, with autograd's numbers,
// and every node as a line of text. A matrix node shows its shape and, where the student gave it,
// its worst element (value, autograd's gradient, theirs), never the whole matrix. The comparison is
// exercises/graph-comparison.ts; everything drawn comes from the answer key the build traced.

import type { CodeAnswerKey, NumericAnswerKey } from '../../../exercises/answer-key.ts';
import { RTOL, shapeText } from '../../../exercises/compare.ts';
import type { GradeResult } from '../../../exercises/grader.ts';
import { compareOnGraph, nodeName, returnedGradients, type GraphComparison, type NodeComparison, type NodeState } from '../../../exercises/graph-comparison.ts';
import type { GraphKey } from '../../../exercises/graph-key.ts';
import { parseNumericAnswer } from '../../../exercises/numeric-answer.ts';
import type { TraceNode, TraceValue } from '../../../engine/trace.ts';
import { formulaMathML, lineMathML } from '../shared/graph/formula-mathml.ts';
import { highlightNode, nodeIdOf } from '../shared/graph/graph-highlight.ts';
import { graphSvg, opCaption, type NodeState as DrawnState, type NodeView } from '../shared/graph/graph-svg.ts';
import { readable } from './feedback-view.ts';

/** What each state is called in the node list and the legend. */
export const STATE_WORDS: Record<NodeState, string> = {
  agrees: 'agrees',
  differs: 'differs',
  'first-difference': 'first difference',
  inferred: 'right (follows from a gradient that agrees)',
  suspect: 'likely off (follows from the first difference)',
  unknown: 'not known from your answer',
  'no-gradient': 'no gradient (an input)',
};

/** The gradients a student gave, by key: what their function returned on the visible case, or the numbers they typed. */
export function givenGradients(key: CodeAnswerKey | NumericAnswerKey, graph: GraphKey, answer: { output?: unknown; texts?: Record<string, string> }): Record<string, unknown> {
  if (key.kind === 'code') return answer.output === undefined ? {} : returnedGradients(graph, answer.output, key.returns);
  const given: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(answer.texts ?? {})) {
    if (!(name in graph.parts || name in graph.intermediates) || text.trim() === '') continue;
    const parsed = parseNumericAnswer(text);
    if (parsed.ok) given[name] = parsed.value;
  }
  return given;
}

/** The comparison to draw for a graded answer, or null when there is none (no graph, or an answer that is right or not graded). */
export function gradientComparison(key: CodeAnswerKey | NumericAnswerKey, result: GradeResult, given: Record<string, unknown>): GraphComparison | null {
  if (key.graph === undefined || result.status !== 'failed') return null;
  const recognised = result.misconceptions.filter((m) => m.source === 'exercise').map((m) => m.id);
  return compareOnGraph(key.graph, given, recognised, key.kind === 'code' ? RTOL : key.rtol);
}

/** One node as a line of text: its name and shape, autograd's gradient and the student's (a tensor by its worst element), and what is known. */
export function nodeLine(node: TraceNode, verdict: NodeComparison): string {
  const name = nodeName(node);
  const scalar = typeof node.grad === 'number';
  const head = scalar ? `${name}: ∂L/∂${name} = ${readable(node.grad as number)}` : `${name} (${shapeText(node.shape)})`;
  if (verdict.state === 'no-gradient') return `${name}${scalar ? '' : ` (${shapeText(node.shape)})`}: ${STATE_WORDS['no-gradient']}.`;
  const given = verdict.given;
  if (given === undefined) return `${head}; ${STATE_WORDS[verdict.state]}.`;
  if (given.agrees) return `${head}; your ${given.key} agrees.`;
  const yours = scalar
    ? `your ${given.key} = ${readable(given.worst.yours)}`
    : `your ${given.key} differs most at ${given.worst.where}: ${readable(given.worst.yours)}, autograd’s ${readable(given.worst.expected)}`;
  return `${head}; ${yours}; ${STATE_WORDS[verdict.state]}.`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** How each state is drawn by the shared renderer: what is right (given or inferred) as agreeing, what is not known as unknown. */
const DRAWN: Record<NodeState, DrawnState> = {
  agrees: 'agrees',
  differs: 'differs',
  'first-difference': 'first-difference',
  inferred: 'agrees',
  suspect: 'unknown',
  unknown: 'unknown',
  'no-gradient': 'idle',
};

/** The entry of a value at an index such as [2][1]. */
function entryAt(value: TraceValue, index: readonly number[]): number {
  return index.reduce<TraceValue>((v, i) => (v as (number | number[])[])[i] as TraceValue, value) as number;
}

/** The index of a value's entry of largest magnitude (the first, on ties). */
function largestEntry(value: TraceValue): number[] {
  const rows = typeof value === 'number' ? [[value]] : typeof value[0] === 'number' ? [value as number[]] : (value as number[][]);
  let best = [0, 0];
  rows.forEach((row, i) => row.forEach((v, j) => {
    if (Math.abs(v) > Math.abs(entryAt(rows, best))) best = [i, j];
  }));
  return typeof value !== 'number' && typeof value[0] === 'number' ? [best[1]] : best;
}

/** The index of a given gradient's worst element, from its name in code: `dW1[2][0]` → [2, 0]. */
function worstIndex(given: NonNullable<NodeComparison['given']>): number[] {
  return [...given.worst.where.slice(given.key.length).matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/**
 * What the renderer draws for one node: a number's value, gradient and the student's. A matrix or vector shows one
 * entry, named by its index: the student's worst element when they gave the gradient; else the entry the first
 * difference shows, when the shapes match (so one element can be followed along the graph); else autograd's largest.
 */
export function nodeView(node: TraceNode, verdict: NodeComparison, focus?: { shape: readonly number[]; index: readonly number[] }): NodeView {
  const name = nodeName(node);
  const state = DRAWN[verdict.state];
  const given = verdict.given;
  if (node.shape.length === 0) {
    return { name, op: opCaption(node), value: node.value, ...(node.grad === null ? {} : { grad: node.grad }), ...(given ? { yours: given.worst.yours } : {}), state };
  }
  const op = `${opCaption(node)} ${shapeText(node.shape)}`;
  const sameShape = focus !== undefined && focus.shape.length === node.shape.length && focus.shape.every((n, i) => n === node.shape[i]);
  const at = given ? worstIndex(given) : sameShape ? [...focus.index] : largestEntry(node.grad ?? node.value);
  const entry = `${name}${at.map((i) => `[${i}]`).join('')}`;
  return {
    name: entry,
    op,
    value: entryAt(node.value, at),
    ...(node.grad === null ? {} : { grad: entryAt(node.grad, at) }),
    ...(given ? { yours: given.worst.yours } : {}),
    state,
  };
}

/** The MathML inside a <math> element, to set it in a longer line. */
function inner(math: string): string {
  return math.replace(/^<math[^>]*>/, '').replace(/<\/math>$/, '');
}

/** A box that scrolls sideways when a line is wider than the column: a named region a keyboard can reach and scroll. */
function scrollBox(label: string): HTMLElement {
  const box = element('div', 'graph-scroll');
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  return box;
}

/**
 * The chain-rule line of node `id` (the first difference, or a node the student chose): with autograd's numbers for a
 * number; with symbols, and the numbers on request, for a matrix. The loss's line is L̄ = 1; an input has none.
 */
function chainRuleLine(graph: GraphKey, id: number, first: boolean): HTMLElement {
  const node = graph.trace.nodes[id];
  const name = nodeName(node);
  const line = graph.lines.find((l) => l.node === id);
  const box = element('div', `ex-graph-line${first ? ' is-first' : ''}`);
  box.dataset.node = String(id);
  if (line === undefined) {
    box.append(element('p', 'ex-graph-line-title', `${name} gets no gradient: nothing is learned for it.`));
    return box;
  }
  box.append(element('p', 'ex-graph-line-title', first ? `How autograd makes ∂L/∂${name}, where yours first parts from it:` : `How autograd makes ∂L/∂${name}:`));
  const scroll = scrollBox(`The chain-rule line of ∂L/∂${name}`);
  box.append(scroll);
  if (node.shape.length === 0 || line.terms.length === 0) {
    scroll.innerHTML = lineMathML(line);
    return box;
  }
  const left = formulaMathML({ kind: 'symbol', name: line.name, node: id, bar: true });
  const terms = line.terms.map((t) => inner(formulaMathML(t.symbolic)));
  scroll.innerHTML = `<math display="block"><mrow>${inner(left)}<mo>=</mo>${terms.join('<mo>+</mo>')}</mrow></math>`;
  const numbers = element('details', 'ex-graph-numbers');
  numbers.append(element('summary', '', 'With autograd’s numbers'));
  const numbersScroll = scrollBox(`The chain-rule line of ∂L/∂${name} with autograd’s numbers`);
  numbersScroll.innerHTML = lineMathML(line);
  numbers.append(numbersScroll);
  box.append(numbers);
  return box;
}

/** Appends the graph of a wrong answer to the feedback `host`. */
export function renderGradientGraph(host: HTMLElement, graph: GraphKey, comparison: GraphComparison): void {
  const prefix = `${host.closest('course-exercise')?.getAttribute('data-exercise-id') ?? 'exercise'}-graph`;
  const section = element('section', 'ex-graph');
  const title = element('h4', 'ex-graph-title', 'Your gradients on the computation graph');
  title.id = `${prefix}-title`;
  section.setAttribute('aria-labelledby', title.id);
  section.append(title, element('p', 'ex-graph-summary', comparison.summary));

  const nodes = graph.trace.nodes;
  const first = comparison.first?.id ?? nodes.length - 1;
  const drawing = element('div', 'graph-scroll ex-graph-drawing');
  // The element the first difference shows, followed through every node of its shape.
  const shown = comparison.first === null ? undefined : comparison.nodes[comparison.first.id].given;
  const focus = shown === undefined ? undefined : { shape: nodes[comparison.first!.id].shape, index: worstIndex(shown) };
  drawing.innerHTML = graphSvg(graph.trace, comparison.nodes.map((verdict) => nodeView(nodes[verdict.id], verdict, focus)), {
    idPrefix: prefix,
    label: 'The computation graph of the visible case: autograd’s gradient and yours on every node. Arrow keys move between nodes.',
    focusable: first,
  }).markup;
  section.append(drawing);
  const note = element('p', 'ex-graph-scroll-note', 'The graph is wider than the column: scroll it sideways, or move between its nodes with the arrow keys.');
  note.hidden = true;
  section.append(note);
  // The first difference's line; choosing another node (click, Enter or Space) shows that node's line instead.
  const lineHost = element('div', 'ex-graph-line-host');
  lineHost.setAttribute('aria-live', 'polite');
  const showLine = (id: number) => lineHost.replaceChildren(chainRuleLine(graph, id, id === comparison.first?.id));
  showLine(first);
  section.append(lineHost);

  const words = element('details', 'ex-graph-words');
  words.append(element('summary', '', 'Every node in words, from the loss backward'));
  const list = element('ol', 'ex-graph-nodes');
  // Backward order: the loss first, as the gradients flow.
  for (const verdict of [...comparison.nodes].reverse()) {
    const node = nodes[verdict.id];
    const item = element('li', `ex-graph-node is-${verdict.state}`, nodeLine(node, verdict));
    item.dataset.node = nodeName(node);
    item.dataset.id = String(node.id);
    item.dataset.state = verdict.state;
    list.append(item);
  }
  words.append(list);
  section.append(words);
  section.dataset.first = comparison.first === null ? '' : nodeName(nodes[comparison.first.id]);
  host.append(section);
  wireGraph(drawing, list, showLine);
  // Once laid out: say when the graph scrolls, and bring the first difference into view.
  requestAnimationFrame(() => {
    note.hidden = drawing.scrollWidth <= drawing.clientWidth + 1;
    const red = drawing.querySelector('.graph-node[data-state="first-difference"]');
    if (red === null || note.hidden) return;
    const box = drawing.getBoundingClientRect();
    const node = red.getBoundingClientRect();
    if (node.left < box.left || node.right > box.right) drawing.scrollLeft += node.left - box.left - Math.max(0, (box.width - node.width) / 2);
  });
}

/**
 * Keyboard and pointer: arrow keys move a roving focus between nodes; focusing or hovering a node highlights it, its
 * edges and its line in words; choosing a node (click, Enter, Space) shows its chain-rule line.
 */
function wireGraph(drawing: HTMLElement, list: HTMLElement, showLine: (id: number) => void): void {
  const svgNodes = [...drawing.querySelectorAll<SVGGElement>('.graph-node')].sort((a, b) => Number(a.dataset.node) - Number(b.dataset.node));
  const mark = (id: number | null) => {
    highlightNode(drawing, id);
    for (const item of list.querySelectorAll<HTMLElement>('li')) item.classList.toggle('is-highlighted', item.dataset.id === String(id));
  };
  drawing.addEventListener('focusin', (event) => mark(nodeIdOf(event.target)));
  drawing.addEventListener('focusout', () => mark(null));
  drawing.addEventListener('pointerover', (event) => mark(nodeIdOf(event.target)));
  drawing.addEventListener('pointerleave', () => mark(null));
  drawing.addEventListener('click', (event) => {
    const id = nodeIdOf(event.target);
    if (id !== null) showLine(id);
  });
  drawing.addEventListener('keydown', (event) => {
    const at = svgNodes.findIndex((n) => n === document.activeElement);
    if (at < 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      showLine(Number(svgNodes[at].dataset.node));
      return;
    }
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: svgNodes.length - 1 }[event.key];
    if (next === undefined || next < 0 || next >= svgNodes.length) return;
    event.preventDefault();
    svgNodes[at].setAttribute('tabindex', '-1');
    svgNodes[next].setAttribute('tabindex', '0');
    svgNodes[next].focus();
  });
}
