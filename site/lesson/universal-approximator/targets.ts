// The functions the approximator can fit, sampled on the interval it shows, and the reader's own
// starting points.

/** The targets on offer: three functions, or points the reader places. */
export const TARGETS = ['sin', 'step', 'abs', 'points'] as const;

/** The name of a target on offer. */
export type TargetName = (typeof TARGETS)[number];

/** The interval shown and trained on. */
export const DOMAIN: [number, number] = [-3, 3];

const functions: Record<Exclude<TargetName, 'points'>, (x: number) => number> = {
  sin: (x) => Math.sin(2 * x),
  step: (x) => (x >= 0 ? 1 : -1),
  abs: (x) => Math.abs(x) - 1.5,
};

/** `count` evenly spaced samples of a target function over the domain (ends included). */
export function sampleTarget(name: Exclude<TargetName, 'points'>, count = 61): { x: number[]; y: number[] } {
  const [lo, hi] = DOMAIN;
  const x = Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  return { x, y: x.map(functions[name]) };
}

/** The points the reader starts from when choosing "your points": a wiggle with a jump. */
export function startingPoints(): { x: number[]; y: number[] } {
  return { x: [-2.5, -1.5, -0.8, 0, 0.6, 1.4, 2.4], y: [-1, 0.5, 1, 0.2, -0.8, 1.2, 0.4] };
}
