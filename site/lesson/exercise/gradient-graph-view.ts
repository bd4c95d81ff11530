// A wrong answer's gradients on the exercise's computation graph, under the verdict: a sentence
// saying where the answer parts from autograd's, the graph with both gradients per node and the
// first difference marked, and every node as a line of text (shape, autograd's and the student's
// worst element, what is known of it) for narrow screens and screen readers. The comparison is
// exercises/graph-comparison.ts; everything drawn comes from the answer key the build traced.

import type { CodeAnswerKey, NumericAnswerKey } from '../../../exercises/answer-key.ts';
import { RTOL, shapeText } from '../../../exercises/compare.ts';
import type { GradeResult } from '../../../exercises/grader.ts';
import { compareOnGraph, nodeName, returnedGradients, type GraphComparison, type NodeComparison, type NodeState } from '../../../exercises/graph-comparison.ts';
import type { GraphKey } from '../../../exercises/graph-key.ts';
import { parseNumericAnswer } from '../../../exercises/numeric-answer.ts';
import type { TraceNode } from '../../../engine/trace.ts';
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

/** Appends the graph of a wrong answer to the feedback `host`. */
export function renderGradientGraph(host: HTMLElement, graph: GraphKey, comparison: GraphComparison): void {
  const section = element('section', 'ex-graph');
  const title = element('h4', 'ex-graph-title', 'Your gradients on the computation graph');
  title.id = `${host.closest('course-exercise')?.getAttribute('data-exercise-id') ?? 'exercise'}-graph-title`;
  section.setAttribute('aria-labelledby', title.id);
  section.append(title, element('p', 'ex-graph-summary', comparison.summary));
  const list = element('ol', 'ex-graph-nodes');
  list.setAttribute('aria-label', 'The graph’s nodes, from the loss backward');
  // Backward order: the loss first, as the gradients flow.
  for (const verdict of [...comparison.nodes].reverse()) {
    const node = graph.trace.nodes[verdict.id];
    const item = element('li', `ex-graph-node is-${verdict.state}`, nodeLine(node, verdict));
    item.dataset.node = node.label ?? node.op;
    item.dataset.state = verdict.state;
    list.append(item);
  }
  section.append(list);
  section.dataset.first = comparison.first === null ? '' : (graph.trace.nodes[comparison.first.id].label ?? '');
  host.append(section);
}
