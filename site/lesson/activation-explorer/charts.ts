// The activation explorer's two charts, f above f′ (autograd solid, central differences dashed) with the stretches
// where |f′| falls below the threshold shaded, drawn by Plot in the explorer's worker as SVG markup
// (shared/plot-markup.ts), with the numbers the explorer's readout shows. Plot's evaluation and the curves' sampling
// then cost the page's main thread nothing (a few hundred milliseconds on a slow phone when the explorer came into view).

import * as Plot from '../shared/plot.ts';
import { plotMarkup } from '../shared/plot-markup.ts';
import { plotStyle, themeVar } from '../shared/plot-theme.ts';
import { activationById } from './catalogue.ts';
import { computeCurves, vanishingIntervals } from './curves.ts';

/** What the explorer asks for: the activation by id, its parameter, the range of x, the threshold and the width. */
export interface ExplorerSettings {
  activation: string;
  parameter: number;
  range: number;
  threshold: number;
  width: number;
}

/** The two charts as markup, and the numbers the readout states. */
export interface ExplorerCharts {
  f: string;
  derivative: string;
  /** How many points the curves were sampled at. */
  points: number;
  /** The largest |autograd − formula| and |autograd − central difference| over them. */
  maxDifference: number;
  numericDifference: number;
  /** The stretches of x where |f′| is below the threshold. */
  vanishing: [number, number][];
}

/** A y domain covering both derivative curves with a margin, and never thinner than [−0.1, 1.1] around the data. */
export function paddedDomain(a: Float64Array, b: Float64Array): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const values of [a, b]) for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = 0.08 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** Samples the activation, differentiates it both ways, and draws f and f′. */
export function explorerCharts({ activation: id, parameter, range, threshold, width }: ExplorerSettings): ExplorerCharts {
  const activation = activationById(id);
  const curves = computeCurves(activation, parameter, range);
  const vanishing = vanishingIntervals(curves.x, curves.autograd, threshold);
  const rows = Array.from(curves.x, (x, i) => ({ x, f: curves.f[i], autograd: curves.autograd[i], numeric: curves.numeric[i] }));
  const shade = Plot.rect(vanishing, { x1: '0', x2: '1', fill: themeVar('bad'), fillOpacity: 0.12 });
  const common = { width, height: 190, marginLeft: 44, style: plotStyle, x: { domain: [-range, range], label: 'x', grid: true } };
  const f = plotMarkup({
    ...common,
    y: { label: 'f(x)', grid: true },
    ariaLabel: `${activation.name}: f(x)`,
    marks: [shade, Plot.ruleY([0], { stroke: themeVar('border') }), Plot.line(rows, { x: 'x', y: 'f', stroke: themeVar('text'), strokeWidth: 2 })],
  });
  const derivative = plotMarkup({
    ...common,
    y: { label: 'f′(x)', grid: true, domain: paddedDomain(curves.autograd, curves.numeric) },
    ariaLabel: `${activation.name}: f′(x) by autograd and by central differences of f`,
    marks: [
      shade,
      Plot.ruleY([0], { stroke: themeVar('border') }),
      Plot.line(rows, { x: 'x', y: 'autograd', stroke: themeVar('accent'), strokeWidth: 4, strokeOpacity: 0.8 }),
      Plot.line(rows, { x: 'x', y: 'numeric', stroke: themeVar('focus'), strokeWidth: 1.5, strokeDasharray: '5 4' }),
    ],
  });
  return {
    f: f.outerHTML,
    derivative: derivative.outerHTML,
    points: curves.x.length,
    maxDifference: curves.maxDifference,
    numericDifference: curves.numericDifference,
    vanishing,
  };
}
