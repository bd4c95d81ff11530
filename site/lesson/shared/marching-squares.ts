// Contour lines by marching squares, written once for the figures drawn when the site is built
// (lessons/examples/figures.ts) and the optimizer race's worker (optimizer-race/isolines.ts).
//
// Values sampled on an nx × ny grid (row by row, j outer); for a level, every cell whose corners lie on both
// sides of it holds one segment (two at a saddle cell, paired by the value at the cell's centre), each end
// placed by linear interpolation along the cell's edge. Both cells that share an edge compute its crossing from
// the same two numbers in the same order, so their segments meet exactly and can be joined into polylines.

/** Which edges each corner pattern joins (corner bits: a (i, j) 1, b (i + 1, j) 2, c (i + 1, j + 1) 4, d (i, j + 1) 8; edges 0 a–b, 1 b–c, 2 d–c, 3 a–d). */
const CASES: readonly (readonly (readonly [number, number])[])[] = [
  [],
  [[3, 0]],
  [[0, 1]],
  [[3, 1]],
  [[1, 2]],
  [[3, 0], [1, 2]],
  [[0, 2]],
  [[3, 2]],
  [[2, 3]],
  [[0, 2]],
  [[0, 1], [2, 3]],
  [[1, 2]],
  [[1, 3]],
  [[0, 1]],
  [[0, 3]],
  [],
];

/** The saddle cells' other pairing, used when the centre lies on the other side from what CASES assumes. */
const SADDLE_FLIPPED: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  5: [[0, 1], [2, 3]],
  10: [[3, 0], [1, 2]],
};

/** A level set's segments on the grid and, for each end, the grid edge it lies on. */
export interface GridContour {
  /** [i₁, j₁, i₂, j₂, …] in grid units, where (i, j) is the sample values[j · nx + i]. */
  segments: number[];
  /** Per end, its edge: 2 (j · nx + i) for the edge from (i, j) to (i + 1, j), that plus 1 for the one to (i, j + 1). */
  edges: number[];
}

/** The segments of the level set `values = level` on the grid, in grid units: [i₁, j₁, i₂, j₂, …]. */
export function gridSegments(values: ArrayLike<number>, nx: number, ny: number, level: number): number[] {
  return gridContour(values, nx, ny, level).segments;
}

/** The level set `values = level` on the grid: its segments and the edge of each of their ends (to join them by). */
export function gridContour(values: ArrayLike<number>, nx: number, ny: number, level: number): GridContour {
  if (values.length !== nx * ny) throw new RangeError(`gridSegments: ${values.length} values for a ${nx} × ${ny} grid`);
  const segments: number[] = [];
  const edges: number[] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = values[j * nx + i];
      const b = values[j * nx + i + 1];
      const c = values[(j + 1) * nx + i + 1];
      const d = values[(j + 1) * nx + i];
      const index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      let pairs = CASES[index];
      if (pairs.length === 0) continue;
      // A saddle cell: CASES cuts off each corner above on its own, right when the centre is below; with the centre
      // above, the two corners above are joined across it and the corners below are cut off instead.
      if (pairs.length === 2 && (a + b + c + d) / 4 >= level) pairs = SADDLE_FLIPPED[index];
      // Where the level crosses each edge; an edge is always interpolated from its lower-index corner.
      const t = (from: number, to: number) => (level - from) / (to - from);
      const edge = (k: number): [number, number] => {
        if (k === 0) return [i + t(a, b), j];
        if (k === 1) return [i + 1, j + t(b, c)];
        if (k === 2) return [i + t(d, c), j + 1];
        return [i, j + t(a, d)];
      };
      const edgeId = (k: number) => (k === 0 ? 2 * (j * nx + i) : k === 1 ? 2 * (j * nx + i + 1) + 1 : k === 2 ? 2 * ((j + 1) * nx + i) : 2 * (j * nx + i) + 1);
      for (const [p, q] of pairs) {
        segments.push(...edge(p), ...edge(q));
        edges.push(edgeId(p), edgeId(q));
      }
    }
  }
  return { segments, edges };
}

/**
 * Joins a contour's segments into polylines, two segments meeting where their ends lie on the same grid edge (by
 * edge, not by coordinates, so a level that passes exactly through a sample joins as any other); a closed loop
 * repeats its first point at the end.
 */
export function joinSegments({ segments, edges }: GridContour): [number, number][][] {
  const ends = new Map<number, number[]>();
  const count = segments.length / 4;
  for (let s = 0; s < count; s++) for (const e of [0, 1]) ends.set(edges[2 * s + e], [...(ends.get(edges[2 * s + e]) ?? []), s]);
  const key = (s: number, e: number) => edges[2 * s + e];
  const used = new Uint8Array(count);
  const point = (s: number, e: number): [number, number] => [segments[4 * s + 2 * e], segments[4 * s + 2 * e + 1]];
  const walk = (start: number, fromEnd: number): [number, number][] => {
    const line: [number, number][] = [point(start, fromEnd)];
    let s = start;
    let e = 1 - fromEnd;
    for (;;) {
      used[s] = 1;
      line.push(point(s, e));
      const at = key(s, e);
      const next = (ends.get(at) ?? []).find((n) => used[n] === 0);
      if (next === undefined) return line;
      e = key(next, 0) === at ? 1 : 0;
      s = next;
    }
  };
  const lines: [number, number][][] = [];
  // Open pieces first, from an end that no other segment shares; what is left is closed loops.
  for (let s = 0; s < count; s++) {
    if (used[s] === 1) continue;
    const free = [0, 1].find((e) => (ends.get(key(s, e)) ?? []).length === 1);
    if (free !== undefined) lines.push(walk(s, free));
  }
  for (let s = 0; s < count; s++) if (used[s] === 0) lines.push(walk(s, 0));
  return lines;
}
