// Chain-rule lines typeset as MathML Core, which the browser renders itself:
// no math library reaches the page. A line reads
//   w̄ = ū · x = 0.31 × 2 = 0.62
// the node's gradient, its terms with symbols, the same with numbers, and the
// gradient autograd computed. The same structure is also written as plain
// text (`formulaText`, `lineText`) for accessible names and tests.

import type { Formula } from '../../../../engine/formula.ts';
import type { ChainRuleLine } from '../../../../engine/chain-rule.ts';
import type { ForwardLine } from '../../../../engine/forward-line.ts';
import type { TraceValue } from '../../../../engine/trace.ts';
import { formatNumber, superscript } from './number-format.ts';

/** Whether the formula is written with symbols or with its numbers put in (× for a scalar product). */
interface Style {
  numeric: boolean;
  digits: number;
}

/** Escapes text for XML. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const mo = (op: string) => `<mo>${escape(op)}</mo>`;
/** A bracket that keeps its size (MathML would stretch it to the height of what it encloses). */
const fixed = (op: string) => `<mo stretchy="false">${escape(op)}</mo>`;
const mrow = (...parts: string[]) => `<mrow>${parts.join('')}</mrow>`;
const fenced = (inner: string) => mrow(fixed('('), inner, fixed(')'));

/** One letter (with an accent at most), then subscript digits: such a name takes its bar as an accent on the letter. */
const SHORT_NAME = /^(\p{L}\p{M}?)([₀-₉]*)$/u;


/**
 * A name, with the bar of a gradient (x̄ = ∂L/∂x) over it: an accent over one letter, a rule over a longer name
 * (w₃₅f₃), since a browser's math fonts may not stretch an accent across several letters.
 */
function name(text: string, bar: boolean): string {
  const mi = `<mi>${escape(text)}</mi>`;
  if (!bar) return mi;
  const short = SHORT_NAME.exec(text);
  if (short !== null) {
    const accented = `<mover accent="true"><mi>${escape(short[1])}</mi><mo>¯</mo></mover>`;
    // The subscript stays in its Unicode digits, as in the names without a bar, beside the accented letter.
    return short[2] === '' ? accented : `<mrow>${accented}<mi mathvariant="normal">${short[2]}</mi></mrow>`;
  }
  return `<mrow style="border-top: 0.06em solid currentColor; padding-top: 0.06em">${mi}</mrow>`;
}

/** A number; a negative one is its minus sign and digits. */
function number(value: number, style: Style): string {
  const text = formatNumber(value, style.digits);
  return text.startsWith('−') ? mrow(mo('−'), `<mn>${escape(text.slice(1))}</mn>`) : `<mn>${escape(text)}</mn>`;
}

/** A vector as a row in brackets, a matrix as a table in brackets (which stretch to its height). */
function array(value: TraceValue, style: Style, asColumn = false): string {
  if (typeof value === 'number') return number(value, style);
  const rows: number[][] = typeof value[0] === 'number' ? (asColumn ? (value as number[]).map((v) => [v]) : [value as number[]]) : (value as number[][]);
  if (rows.length === 1) {
    const entries = rows[0].map((v) => number(v, style)).join(mo(','));
    return mrow(fixed('['), entries, fixed(']'));
  }
  const table = rows.map((row) => `<mtr>${row.map((v) => `<mtd>${number(v, style)}</mtd>`).join('')}</mtr>`).join('');
  return mrow(mo('['), `<mtable>${table}</mtable>`, mo(']'));
}

/** Whether a formula needs parentheses as factor `position` of a product (or as the base of a power): a negative number after the first. */
function needsParentheses(f: Formula, position = 1): boolean {
  if (f.kind === 'power' && f.exponent === 1) return needsParentheses(f.base, position);
  if (f.kind === 'sum' || f.kind === 'negate') return true;
  if (f.kind === 'number') return f.value < 0 && position > 0;
  return false;
}

/** The MathML of a formula (without the <math> element). */
function render(f: Formula, style: Style): string {
  switch (f.kind) {
    case 'symbol':
      return name(f.name, f.bar);
    case 'number':
      return number(f.value, style);
    case 'array':
      return array(f.value, style);
    case 'product': {
      const operator = f.operator === 'matrix' ? '\u2062' : f.operator === 'elementwise' ? '⊙' : style.numeric ? '×' : '·';
      const factors = f.factors.map((factor, i) => (needsParentheses(factor, i) ? fenced(render(factor, style)) : render(factor, style)));
      return mrow(...factors.flatMap((factor, i) => (i === 0 ? [factor] : [mo(operator), factor])));
    }
    case 'sum':
      // One flat row, so that each − and + is read as a binary operator and spaced as one.
      return mrow(
        ...f.terms.flatMap((term, i) => {
          if (term.kind === 'negate') return [mo('−'), term.of.kind === 'sum' ? fenced(render(term.of, style)) : render(term.of, style)];
          if (term.kind === 'number' && term.value < 0 && i > 0) return [mo('−'), number(-term.value, style)];
          return i === 0 ? [render(term, style)] : [mo('+'), render(term, style)];
        }),
      );
    case 'negate':
      return mrow(mo('−'), needsParentheses(f.of) ? fenced(render(f.of, style)) : render(f.of, style));
    case 'quotient':
      return `<mfrac>${render(f.numerator, style)}${render(f.denominator, style)}</mfrac>`;
    case 'power': {
      if (f.exponent === 1) return render(f.base, style);
      const base = needsParentheses(f.base) || f.base.kind === 'product' ? fenced(render(f.base, style)) : render(f.base, style);
      return `<msup>${base}${number(f.exponent, style)}</msup>`;
    }
    case 'transpose':
      // A vector's transpose is written as what it is: a row vector's as a column, a column's as a row.
      if (f.of.kind === 'array' && Array.isArray(f.of.value) && typeof f.of.value[0] === 'number') return array(f.of.value, style, true);
      if (f.of.kind === 'column' && f.of.of.kind === 'array') return array(f.of.of.value, style);
      if (f.of.kind === 'column') return `<msup>${render(f.of.of, style)}<mi mathvariant="normal">T</mi></msup>`;
      return `<msup>${f.of.kind === 'symbol' || f.of.kind === 'array' ? render(f.of, style) : fenced(render(f.of, style))}<mi mathvariant="normal">T</mi></msup>`;
    case 'column':
      return f.of.kind === 'array' ? array(f.of.value, style, true) : render(f.of, style);
    case 'indicator':
      return mrow(fixed('['), render(f.of, style), mo('>'), '<mn>0</mn>', fixed(']'));
    case 'apply':
      if (f.fn === '√') return `<msqrt>${render(f.of, style)}</msqrt>`;
      return mrow(f.fn === 'Σ' ? '<mo>∑</mo>' : `<mi>${escape(f.fn)}</mi>`, fenced(render(f.of, style)));
    case 'rowSum':
      return mrow('<munder><mo>∑</mo><mi>j</mi></munder>', fenced(render(f.of, style)));
    case 'sumTo':
      return mrow('<munder><mo>∑</mo><mtext>batch</mtext></munder>', fenced(render(f.of, style)));
    case 'maximum':
      return mrow('<mi>max</mi>', fenced(f.terms.map((term) => render(term, style)).join(mo(','))));
  }
}

/** A formula as MathML, with symbols or (numeric) with its numbers, inside a <math> element. */
export function formulaMathML(f: Formula, options: { numeric?: boolean; digits?: number; display?: boolean } = {}): string {
  const style: Style = { numeric: options.numeric ?? false, digits: options.digits ?? 3 };
  return `<math${options.display === true ? ' display="block"' : ''}>${render(f, style)}</math>`;
}

/** A formula's MathML without the <math> element, to compose into a larger expression (the race's update lines). */
export function formulaMathMLContent(f: Formula, options: { numeric?: boolean; digits?: number } = {}): string {
  return render(f, { numeric: options.numeric ?? false, digits: options.digits ?? 3 });
}

/** The parts of a chain-rule line: its gradient's symbol, the terms with symbols, with numbers, and the result. */
function lineParts(line: ChainRuleLine): { left: Formula; symbolic: Formula | null; numeric: Formula | null; result: Formula } {
  const left: Formula = { kind: 'symbol', name: line.name, node: line.node, bar: true };
  const result: Formula = typeof line.grad === 'number' ? { kind: 'number', value: line.grad } : { kind: 'array', value: line.grad };
  if (line.terms.length === 0) return { left, symbolic: null, numeric: null, result };
  const join = (parts: Formula[]): Formula => (parts.length === 1 ? parts[0] : { kind: 'sum', terms: parts });
  const numeric = join(line.terms.map((t) => t.numeric));
  // b̄ = z̄ = −0.177 needs no middle step: a lone number is the result itself.
  const bare = numeric.kind === 'number' || numeric.kind === 'array';
  return { left, symbolic: join(line.terms.map((t) => t.symbolic)), numeric: bare ? null : numeric, result };
}

/** Lines longer than this (as text) are set on rows, one step per row, aligned at =. */
const ONE_ROW = 40;

/** An equation as MathML: left = step = step …, on one row when short, else a table of rows aligned at =. */
function equationMathML(left: string, steps: string[], text: string): string {
  if (text.length <= ONE_ROW) return `<math display="block">${mrow(left, ...steps.flatMap((step) => [mo('='), step]))}</math>`;
  const cell = (content: string, align: 'left' | 'right') => `<mtd style="text-align: ${align}; padding: 0.15em 0">${content}</mtd>`;
  const rows = steps.map((step, i) => `<mtr>${cell(i === 0 ? left : '', 'right')}${cell(mrow(mo('='), step), 'left')}</mtr>`);
  return `<math display="block"><mtable>${rows.join('')}</mtable></math>`;
}

/**
 * A chain-rule line as MathML: x̄ = (terms) = (numbers) = gradient, the numbers left out where they are the
 * gradient itself; the loss's line is L̄ = 1. A long line is a table of rows aligned at its = signs.
 */
export function lineMathML(line: ChainRuleLine, digits = 3): string {
  const { left, symbolic, numeric, result } = lineParts(line);
  const symbols: Style = { numeric: false, digits };
  const numbers: Style = { numeric: true, digits };
  const steps = [symbolic === null ? null : render(symbolic, symbols), numeric === null ? null : render(numeric, numbers), render(result, numbers)].filter(
    (step): step is string => step !== null,
  );
  return equationMathML(render(left, symbols), steps, lineText(line, digits));
}

/** The value of a line as a formula: a number or an array. */
function valueFormula(value: TraceValue): Formula {
  return typeof value === 'number' ? { kind: 'number', value } : { kind: 'array', value };
}

/** A forward line as MathML: z = w x + b = 1 + (−0.5) = 0.5. */
export function definitionMathML(line: ForwardLine, digits = 3): string {
  const symbols: Style = { numeric: false, digits };
  const numbers: Style = { numeric: true, digits };
  const left = render({ kind: 'symbol', name: line.name, node: line.node, bar: false }, symbols);
  return equationMathML(left, [render(line.symbolic, symbols), render(line.numeric, numbers), render(valueFormula(line.value), numbers)], definitionText(line, digits));
}

/** A forward line as plain text: `z = wx + b = 1 + (−0.5) = 0.5`. */
export function definitionText(line: ForwardLine, digits = 3): string {
  return [line.name, formulaText(line.symbolic, false, digits), formulaText(line.numeric, true, digits), formulaText(valueFormula(line.value), true, digits)].join(' = ');
}

/** A formula as plain text, for accessible names and tests: `ū · x`, `0.31 × 2`. */
export function formulaText(f: Formula, numeric = false, digits = 3): string {
  const text = (g: Formula): string => formulaText(g, numeric, digits);
  const wrapped = (g: Formula, position = 1): string => (needsParentheses(g, position) ? `(${text(g)})` : text(g));
  switch (f.kind) {
    case 'symbol':
      return f.bar ? `${f.name}\u0304` : f.name;
    case 'number':
      return formatNumber(f.value, digits);
    case 'array':
      return typeof f.value === 'number'
        ? formatNumber(f.value, digits)
        : `[${(f.value as (number | number[])[]).map((v) => (typeof v === 'number' ? formatNumber(v, digits) : `[${v.map((u) => formatNumber(u, digits)).join(', ')}]`)).join(', ')}]`;
    case 'product': {
      const operator = f.operator === 'matrix' ? ' ' : f.operator === 'elementwise' ? ' ⊙ ' : numeric ? ' × ' : ' · ';
      return f.factors.map((factor, i) => wrapped(factor, i)).join(operator);
    }
    case 'sum':
      return f.terms
        .map((term, i) => {
          if (term.kind === 'negate') return `${i === 0 ? '−' : ' − '}${wrapped(term.of)}`;
          if (term.kind === 'number' && term.value < 0 && i > 0) return ` − ${formatNumber(-term.value, digits)}`;
          return i === 0 ? text(term) : ` + ${text(term)}`;
        })
        .join('');
    case 'negate':
      return `−${wrapped(f.of)}`;
    case 'quotient':
      return `${wrapped(f.numerator)} / ${f.denominator.kind === 'product' ? `(${text(f.denominator)})` : wrapped(f.denominator)}`;
    case 'power':
      return f.exponent === 1 ? text(f.base) : `${f.base.kind === 'product' ? `(${text(f.base)})` : wrapped(f.base)}${superscript(formatNumber(f.exponent))}`;
    case 'transpose':
      // A column vector's transpose is the row its numbers are written as.
      if (f.of.kind === 'column' && f.of.of.kind === 'array') return text(f.of.of);
      return `${wrapped(f.of)}ᵀ`;
    case 'column':
      return text(f.of);
    case 'indicator':
      return `[${text(f.of)} > 0]`;
    case 'apply':
      return f.fn === 'Σ' ? `Σ(${text(f.of)})` : `${f.fn}(${text(f.of)})`;
    case 'rowSum':
      return `Σⱼ(${text(f.of)})`;
    case 'sumTo':
      return `Σ_batch(${text(f.of)})`;
    case 'maximum':
      return `max(${f.terms.map(text).join(', ')})`;
  }
}

/** A chain-rule line as plain text: `w̄ = ū · x = 0.31 × 2 = 0.62`. */
export function lineText(line: ChainRuleLine, digits = 3): string {
  const { left, symbolic, numeric, result } = lineParts(line);
  const parts = [formulaText(left)];
  if (symbolic !== null) parts.push(formulaText(symbolic, false, digits));
  if (numeric !== null) parts.push(formulaText(numeric, true, digits));
  parts.push(formulaText(result, true, digits));
  return parts.join(' = ');
}
