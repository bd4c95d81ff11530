// Summaries of repeated measurements, shared by the measuring scripts (bench, lighthouse, the grade report, ...),
// and the machine's load average they report beside them.

import { readFileSync } from 'node:fs';

/** The median of some numbers (NaN when there are none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of some numbers, or null when there are none (a score or count that could not be measured). */
export function medianOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : median(values);
}

/** The load average over 1, 5 and 15 minutes (/proc/loadavg), or null where the platform has none. */
export function loadAverage(): [number, number, number] | null {
  try {
    const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
    return [one, five, fifteen];
  } catch {
    return null;
  }
}

/** A load average as printed beside a measurement: "1.64 4.66 9.25", or "unknown". */
export function loadText(load: readonly number[] | null): string {
  return load === null ? 'unknown' : load.join(' ');
}
