// The result of a check, as the student reads it: a verdict line, one line per part (with the
// worst element of the visible case when a part is wrong), what the answer seems to have got
// wrong, and any problem that stopped it from being graded. Built as DOM, never from HTML text,
// except for the feedback rendered when the site was built.

import type { GradeResult, PartResult } from '../../../exercises/grader.ts';
import { appendMessage } from './inline-message.ts';

/** Where the view finds the build's renderings: an exercise's own feedback by id, and generic formulas by TeX. */
export interface RenderedText {
  /** The build's rendering of the exercise's own misconception (or option) feedback, or null. */
  feedback(id: string): DocumentFragment | null;
  /** The build's rendering of a formula in a generic message, or null. */
  formula(tex: string): DocumentFragment | null;
  /** The build's "Read: <section>" link to the section that teaches a misconception (site/course/teaching-sections.ts), or null. */
  teaching?(id: string): DocumentFragment | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A number as it reads in feedback: six significant digits. */
export function readable(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

function points(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

/**
 * The verdict in one sentence: parts and points agree, since a part earns its points only when it is right on every
 * case. `checkFailed` says the check itself broke (not the answer), so there is nothing in the answer to fix.
 */
export function verdict(result: GradeResult, checkFailed = false): string {
  if (result.status === 'passed') return `Correct: every part agrees on every case. Score ${result.score} of ${result.maxScore}.`;
  if (result.status === 'invalid' && checkFailed) return 'Not graded: the check itself did not finish, so your answer is unchanged and this does not count as an attempt.';
  if (result.status === 'invalid') return 'Not graded yet: fix the problem below. This check does not count as an attempt.';
  const right = result.parts.filter((part) => part.passed).length;
  if (result.parts.length === 1) return `Not yet right. Score ${result.score} of ${result.maxScore}.`;
  const head = `Not yet: ${right} of ${result.parts.length} parts right.`;
  if (result.parts.every((part) => part.maxScore === 1)) return `${head} Score ${result.score} of ${result.maxScore}.`;
  // Weighted parts: points, not parts, make the score; each part's line below says what it is worth.
  return `${head} Score ${result.score} of ${result.maxScore} points, by the weights below.`;
}

/** A part's line as text, after its mark and name: how many cases agree, its points when parts weigh differently, its worst element. */
export function partSummary(part: PartResult, result: Pick<GradeResult, 'kind' | 'parts'>): string {
  const weighted = !result.parts.every((p) => p.maxScore === 1);
  const worth = weighted ? ` (${points(part.maxScore)})` : '';
  const cases = result.kind === 'code' && part.caseCount > 0 ? `: ${part.casesPassed} of ${part.caseCount} cases agree` : part.passed ? ': right' : ': not right';
  return `${worth}${cases}.`;
}

function partLine(part: PartResult, result: GradeResult): HTMLLIElement {
  const item = element('li', `ex-part ${part.passed ? 'is-passed' : 'is-failed'}`);
  item.append(element('span', 'ex-part-mark', part.passed ? '✓' : '✗'));
  item.append(' ');
  item.append(element('code', '', part.name));
  item.append(partSummary(part, result));
  if (part.worst) {
    const worst = part.worst;
    const step = worst.step === undefined ? '' : `, step ${worst.step}`;
    item.append(` Worst element in the visible case${step}: `);
    item.append(element('code', '', worst.where));
    item.append(` is ${readable(worst.yours)}, expected ${readable(worst.expected)}.`);
  }
  if (part.hiddenCasesFailed > 0) item.append(` ${part.hiddenCasesFailed} further ${part.hiddenCasesFailed === 1 ? 'case disagrees' : 'cases disagree'}.`);
  return item;
}

/** Fills `host` with the feedback on `result`; `checkFailed` when the check broke rather than the answer. */
export function renderFeedback(host: HTMLElement, result: GradeResult, text: RenderedText, checkFailed = false): void {
  host.replaceChildren();
  host.dataset.status = result.status;
  host.append(element('p', 'ex-verdict', verdict(result, checkFailed)));
  if (result.problems.length > 0) {
    const list = element('ul', 'ex-problems');
    for (const problem of result.problems) {
      const item = element('li', '');
      appendMessage(item, problem, text.formula);
      list.append(item);
    }
    host.append(list);
  }
  if (result.status !== 'invalid' && result.kind !== 'choice') {
    const parts = element('ul', 'ex-parts');
    parts.setAttribute('aria-label', 'Parts');
    for (const part of result.parts) parts.append(partLine(part, result));
    host.append(parts);
  }
  // For a choice, the explanations go next to the options themselves.
  if (result.misconceptions.length > 0 && result.kind !== 'choice') {
    host.append(element('p', 'ex-diagnosis-title', 'What seems to be wrong:'));
    const list = element('ul', 'ex-diagnosis');
    for (const misconception of result.misconceptions) {
      const item = element('li', '');
      item.dataset.misconception = misconception.id;
      if (result.parts.length > 1) {
        item.append(element('strong', '', `${misconception.parts.join(', ')}: `));
      }
      const own = misconception.source === 'exercise' ? text.feedback(misconception.id) : null;
      if (own) item.append(own);
      else appendMessage(item, misconception.message, text.formula);
      const teaching = text.teaching?.(misconception.id);
      if (teaching) item.append(' ', teaching);
      list.append(item);
    }
    host.append(list);
  }
  const visible = result.cases.find((c) => c.visible && c.args !== undefined);
  if (result.kind === 'code' && visible?.args && result.status === 'failed') {
    const details = element('details', 'ex-case');
    details.append(element('summary', '', 'The visible case’s arguments'));
    details.append(element('pre', '', visible.args.map((arg) => JSON.stringify(arg)).join('\n')));
    host.append(details);
  }
}
