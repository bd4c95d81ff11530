// The approximator's two charts, drawn by Plot in its worker as SVG markup (shared/plot-markup.ts): the target (a thick
// faded curve, or the reader's points as dots) with the network's fit over it, and each hidden unit's contribution
// vⱼ g(wⱼ x + bⱼ) with the output bias c dashed, so the reader sees the pieces add up to the fit. Plot's evaluation and
// its drawing then cost the page's main thread nothing (half a second on a slow phone when the widget first drew).

import * as Plot from '../shared/plot.ts';
import { linearScaleOf, plotMarkup } from '../shared/plot-markup.ts';
import { plotStyle, themeVar } from '../shared/plot-theme.ts';
import type { ChartMarkup } from '../shared/linear-scale.ts';
import { evaluate, type HiddenActivation, type NetworkWeights } from './network.ts';
import { DOMAIN } from './targets.ts';

/** What the page asks to draw: the points fitted, as dots (the reader's) or a curve (a function's samples), the network. */
export interface ApproximatorChartSettings {
  width: number;
  x: number[];
  y: number[];
  /** Draw the points as dots the reader can drag (their own points), not as the target's curve. */
  dots: boolean;
  activation: HiddenActivation;
  /** The network's weights, or null before the worker has made one: then only the target is drawn. */
  weights: NetworkWeights | null;
}

/** The two charts: the fit's markup with its scales (the page reads a dragged point's place with them), the pieces'. */
export interface ApproximatorCharts {
  fit: ChartMarkup;
  pieces: string;
}

/** How many x the fit and the pieces are evaluated at, over the domain. */
export const GRID_POINTS = 241;

/**
 * The y domains shown: the fit's is the points' range with a margin of a quarter of it (at least 0.5) on each side;
 * the pieces' is that with the same margin again, since a unit's contribution often reaches past the target.
 */
export function yDomains(y: readonly number[]): { fit: [number, number]; pieces: [number, number] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of y) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  const pad = Math.max(0.5, 0.25 * (hi - lo));
  return { fit: [lo - pad, hi + pad], pieces: [lo - 2 * pad, hi + 2 * pad] };
}

/** Evaluates the network over the domain with the engine and draws both charts. */
export function approximatorCharts({ width, x, y, dots, activation, weights }: ApproximatorChartSettings): ApproximatorCharts {
  if (x.length === 0 || x.length !== y.length) throw new RangeError(`the approximator's chart needs as many y as x, at least one: got ${x.length} and ${y.length}`);
  const [lo, hi] = DOMAIN;
  const grid = Array.from({ length: GRID_POINTS }, (_, i) => lo + ((hi - lo) * i) / (GRID_POINTS - 1));
  const domains = yDomains(y);
  const points = x.map((value, i) => ({ x: value, y: y[i] }));
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: themeVar('border') })];
  marks.push(
    dots
      ? Plot.dot(points, { x: 'x', y: 'y', r: 6, fill: themeVar('text-muted'), stroke: themeVar('bg-raised') })
      : Plot.line(points, { x: 'x', y: 'y', stroke: themeVar('text-muted'), strokeOpacity: 0.5, strokeWidth: 7 }),
  );
  let pieceRows: { x: number; y: number; unit: number }[] = [];
  if (weights !== null) {
    const { fit, pieces } = evaluate(weights, activation, grid);
    marks.push(Plot.line(grid.map((value, i) => ({ x: value, y: fit[i] })), { x: 'x', y: 'y', stroke: themeVar('accent'), strokeWidth: 2.5, clip: true }));
    pieceRows = pieces.flatMap((piece, unit) => grid.map((value, i) => ({ x: value, y: piece[i], unit })));
  }
  const common = { width, marginLeft: 44, style: plotStyle, x: { domain: DOMAIN, label: 'x', grid: true } };
  const fitChart = plotMarkup({ ...common, height: 230, y: { domain: domains.fit, label: 'y', grid: true }, ariaLabel: 'The target and the network’s fit', marks });
  const piecesChart = plotMarkup({
    ...common,
    height: 190,
    y: { label: 'contribution', grid: true, domain: domains.pieces },
    color: { type: 'ordinal', scheme: 'observable10' },
    ariaLabel: 'Each hidden unit’s contribution',
    marks: [
      Plot.ruleY([0], { stroke: themeVar('border') }),
      Plot.line(pieceRows, { x: 'x', y: 'y', z: 'unit', stroke: 'unit', strokeWidth: 1.5, strokeOpacity: 0.85, clip: true }),
      Plot.ruleY([weights?.c ?? 0], { stroke: themeVar('text'), strokeDasharray: '4 4' }),
    ],
  });
  return {
    fit: { markup: fitChart.outerHTML, x: linearScaleOf(fitChart, 'x'), y: linearScaleOf(fitChart, 'y') },
    pieces: piecesChart.outerHTML,
  };
}
