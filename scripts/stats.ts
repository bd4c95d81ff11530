// Summaries of repeated measurements, shared by the measuring scripts (bench, lighthouse, the grade report, ...).

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
