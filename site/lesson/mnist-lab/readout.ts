// How the MNIST lab writes its numbers: percentages, seconds, download sizes, and the probabilities in words for
// screen readers.

/** A fraction as a percentage with one decimal: 0.9134 → "91.3%". */
export function formatPercent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)}%`;
}

/** A duration in milliseconds as seconds: 4186 → "4.2 s" (two decimals under a second). */
export function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${seconds.toFixed(seconds < 1 ? 2 : 1)} s`;
}

/** A size in bytes for a progress line: 721941 → "0.72 MB", 20480 → "20 kB". */
export function formatBytes(bytes: number): string {
  return bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${Math.round(bytes / 1000)} kB`;
}

/** The three most probable digits in words: "7: 93.1%, 9: 4.2%, 2: 1.0%". */
export function describeProbabilities(probabilities: ArrayLike<number>): string {
  return Array.from({ length: probabilities.length }, (_, d) => d)
    .sort((a, b) => probabilities[b] - probabilities[a] || a - b)
    .slice(0, 3)
    .map((d) => `${d}: ${formatPercent(probabilities[d])}`)
    .join(', ');
}
