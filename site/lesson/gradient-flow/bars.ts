// The log scale of the gradient-flow bars: whole decades around the measured norms (at least MIN_DECADES of them, so
// a healthy network's bars do not all look alike), each norm's bar length as a percentage of the
// track, and the decades to label. Zero and non-finite norms have no bar; their text says why.

/** The fewest decades the scale spans. */
export const MIN_DECADES = 3;
/** The most decade labels drawn on the axis; wider scales label every second, third, ... decade. */
export const MAX_TICKS = 6;

/** A log scale from 10^low to 10^high (whole exponents, low < high). */
export interface LogScale {
  low: number;
  high: number;
}

/** The scale for these norms: the decades from the smallest positive finite one to the largest, widened to MIN_DECADES. */
export function logScale(norms: readonly number[]): LogScale {
  const logs = norms.filter((norm) => norm > 0 && Number.isFinite(norm)).map(Math.log10);
  if (logs.length === 0) return { low: -MIN_DECADES, high: 0 };
  // `+ 0` turns −0 (the ceiling of a small negative logarithm) into 0.
  const high = Math.ceil(Math.max(...logs)) + 0;
  // Widened downwards only: the longest bar still ends near the right edge.
  const low = Math.min(Math.floor(Math.min(...logs)), high - MIN_DECADES) + 0;
  return { low, high };
}

/** A norm's bar length in percent of the track (at least 0.5 so the smallest still shows); 0 for zero or non-finite norms. */
export function barPercent(norm: number, scale: LogScale): number {
  if (!(norm > 0 && Number.isFinite(norm))) return 0;
  const fraction = (Math.log10(norm) - scale.low) / (scale.high - scale.low);
  return Math.min(100, Math.max(0.5, 100 * fraction));
}

/**
 * The exponents to label on the axis: every decade, or every k-th from the low end so at most `maxTicks` remain
 * (MAX_TICKS, or fewer on a narrow axis).
 */
export function tickExponents(scale: LogScale, maxTicks = MAX_TICKS): number[] {
  const every = Math.ceil((scale.high - scale.low + 1) / Math.max(2, maxTicks));
  const ticks: number[] = [];
  for (let e = scale.low; e <= scale.high; e += every) ticks.push(e);
  return ticks;
}
