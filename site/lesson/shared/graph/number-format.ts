// How the graph widgets write a number: a few significant digits, a true minus
// sign, and no exponent for the sizes a lesson's graph shows.

/**
 * A number with `digits` significant digits (3 by default), trailing zeros dropped and a minus sign (−) rather than
 * a hyphen: 0.0706, −1.35, 2. Very small or large magnitudes use an exponent (1.2e−7).
 */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e-4 && magnitude < 1e6 ? String(Number(value.toPrecision(digits))) : Number(value.toPrecision(digits)).toExponential();
  return text.replace('e+', 'e').replace(/-/g, '−');
}

/**
 * A count with commas between thousands, as `toLocaleString('en')` writes it (12,345; 1,234.5; −2,000), without
 * Intl: the first `toLocaleString` in a page loads the browser's locale data, which takes tens of milliseconds of the
 * main thread (80 ms measured in Chromium), and widgets write counts as they open.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  if (whole.includes('e')) return formatNumber(value);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A value of a trace (a number, a vector or rows) as text: 0.62, [0.4, −0.25], [[1, 2], [3, 4]]. */
export function formatValue(value: number | readonly number[] | readonly (readonly number[])[], digits = 3): string {
  if (typeof value === 'number') return formatNumber(value, digits);
  return `[${value.map((v) => (typeof v === 'number' ? formatNumber(v, digits) : formatValue(v, digits))).join(', ')}]`;
}

/** A number written in superscript characters (², ⁻¹), for exponents in captions and plain-text formulas. */
export function superscript(text: string): string {
  const digits: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '−': '⁻', '.': '·' };
  return [...text].map((c) => digits[c] ?? c).join('');
}
