// Whether a seeded numeric exercise's variant tells its misconceptions apart: each slip's wrong answer must be
// told from the right one and from every other slip's on every part where it is wrong, so that a learner who
// makes the slip is recognised as making it. A seeded exercise's generator draws numbers until this holds.
// No imports: the page loads it with an exercise's arithmetic alone.

/** How close counts as equal and how far as told apart, relative to the larger magnitude, above a floor. */
export interface Separation {
  /** Two answers are told apart when they differ by more than this fraction of the larger (default 2%: a few typed digits). */
  readonly apart?: number;
  /** The magnitude below which `apart` is measured against this floor instead (default 1e-9). */
  readonly apartFloor?: number;
  /** The magnitude below which equality (to 1e-12 relative) is measured against this floor instead (default 1). */
  readonly sameFloor?: number;
}

/** Whether every slip's wrong parts are told from the right answer and from every other slip's values of that part. */
export function slipsDistinguishable(
  right: Readonly<Record<string, number>>,
  wrong: readonly Readonly<Record<string, number>>[],
  separation: Separation = {},
): boolean {
  const { apart: fraction = 0.02, apartFloor = 1e-9, sameFloor = 1 } = separation;
  const apart = (a: number, b: number) => Math.abs(a - b) > fraction * Math.max(Math.abs(a), Math.abs(b), apartFloor);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(sameFloor, Math.abs(b));
  return wrong.every((answer, m) =>
    Object.keys(right).every((part) => {
      if (same(answer[part], right[part])) return true;
      return apart(answer[part], right[part]) && wrong.every((other, k) => k === m || apart(answer[part], other[part]));
    }),
  );
}
