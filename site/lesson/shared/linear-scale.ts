// A linear scale as a widget's worker sends it with a chart it drew (plot-markup.ts), for the page to place marks with
// and to read the point under the pointer: where Plot put the domain's two ends.

/** `domain[0]` lands on `range[0]`, `domain[1]` on `range[1]`, linearly between. */
export interface LinearScale {
  domain: [number, number];
  range: [number, number];
}

/** Where a linear scale takes a value. */
export function applyScale({ domain: [d0, d1], range: [r0, r1] }: LinearScale, value: number): number {
  return r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);
}

/** The value a linear scale takes to a position (its inverse). */
export function invertScale({ domain: [d0, d1], range: [r0, r1] }: LinearScale, position: number): number {
  return d0 + ((position - r0) * (d1 - d0)) / (r1 - r0);
}

/** A chart a worker drew (shared/plot-markup.ts): its SVG markup and the scales the page places marks and reads pointers with. */
export interface ChartMarkup {
  markup: string;
  x: LinearScale;
  y: LinearScale;
}
