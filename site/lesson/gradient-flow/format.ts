// How the gradient-flow widget writes its numbers: gradient norms on the bars (compact, and as a screen reader should
// say them), factors and percentages. No engine here: the page draws with it while the worker measures.

import { formatCount } from '../shared/graph/number-format.ts';

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten as text: 10⁻⁵. */
function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

/** A factor of at least 1 as a reader says it: 2.9, 45, 4,500, 45,000, 4.5 × 10⁷. */
export function formatFactor(x: number): string {
  if (x < 10) return String(Number(x.toFixed(1)));
  if (x < 1e6) return formatCount(Number(x.toPrecision(2)));
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return `${mantissa} × ${powerOfTen(Number(exponent))}`;
}

/** A gradient norm as compact text (what each bar shows, and the tests read): 1.9e-5, 0, or "not finite". */
export function formatNorm(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return 'not finite';
  return x.toExponential(1).replace('e+', 'e');
}

/** A gradient norm as a screen reader should say it: 1.9 × 10⁻⁵. */
export function spokenNorm(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return formatNorm(x);
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return Number(exponent) === 0 ? mantissa : `${mantissa} × ${powerOfTen(Number(exponent))}`;
}

/** A fraction as a whole percentage. */
export function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}
