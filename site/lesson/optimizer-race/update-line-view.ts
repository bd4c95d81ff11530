// The race's update lines (engine/optim/update-lines.ts) as MathML and as plain text:
//   b ← μ · b + g
//     = 0.9 × [0.31, −0.2] + [1.2, 0.4]
//     = [1.479, 0.22]
// one row per step of the arithmetic, aligned at the arrow and the = signs, so a line fits a phone's width.

import type { UpdateLine } from '../../../engine/optim/update-lines.ts';
import { formulaMathMLContent, formulaText } from '../shared/graph/formula-mathml.ts';
import { formatNumber } from '../shared/graph/number-format.ts';

/** Escapes text for XML. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether the numeric side is only the value itself (g = ∇L = [1.2, 0.4] needs no middle step). */
function bare(line: UpdateLine): boolean {
  return line.numeric.kind === 'array' || line.numeric.kind === 'number';
}

/** A line's value as text: [0.852, 1.98]. */
export function valueText(value: readonly number[], digits = 4): string {
  return `[${value.map((v) => formatNumber(v, digits)).join(', ')}]`;
}

/** An update line as MathML: its target, ← or =, the symbols, then a row with the numbers and a row with the value. */
export function updateLineMathML(line: UpdateLine, digits = 4): string {
  // A table's cells are set in text style; displaystyle keeps Adam's nested fractions readable.
  const cell = (content: string, align: 'left' | 'right') => `<mtd style="text-align: ${align}; padding: 0.1em 0"><mrow displaystyle="true">${content}</mrow></mtd>`;
  const arrow = `<mo>${line.assigns ? '←' : '='}</mo>`;
  const rows = [`<mtr>${cell(`<mi>${escape(line.target)}</mi>`, 'right')}${cell(`<mrow>${arrow}${formulaMathMLContent(line.symbolic, { digits })}</mrow>`, 'left')}</mtr>`];
  if (!bare(line)) rows.push(`<mtr>${cell('', 'right')}${cell(`<mrow><mo>=</mo>${formulaMathMLContent(line.numeric, { numeric: true, digits })}</mrow>`, 'left')}</mtr>`);
  const value = formulaMathMLContent({ kind: 'array', value: line.value }, { numeric: true, digits });
  rows.push(`<mtr>${cell('', 'right')}${cell(`<mrow><mo>=</mo>${value}</mrow>`, 'left')}</mtr>`);
  return `<math display="block"><mtable>${rows.join('')}</mtable></math>`;
}

/** An update line as plain text: `b ← μ · b + g = 0.9 × [0.31, −0.2] + [1.2, 0.4] = [1.479, 0.22]`. */
export function updateLineText(line: UpdateLine, digits = 4): string {
  const parts = [`${line.target} ${line.assigns ? '←' : '='} ${formulaText(line.symbolic, false, digits)}`];
  if (!bare(line)) parts.push(formulaText(line.numeric, true, digits));
  parts.push(valueText(line.value, digits));
  return parts.join(' = ');
}
