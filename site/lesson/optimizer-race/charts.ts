// The race's two charts, drawn by Observable Plot in the race's worker (into shared/markup-document.ts, as SVG markup)
// rather than on the page: Plot's evaluation and each drawing cost a slow phone a few hundred milliseconds of the
// page's main thread, which a reader feels as a page that does not answer. The page inserts the markup and draws on
// it what follows the step (the paths, the markers, the loss chart's reveal), for which each chart comes with its
// scales: both are linear in what the page places (the plane's x and y, the loss chart's step).

import * as Plot from '../shared/plot.ts';
import { linearScaleOf, plotMarkup } from '../shared/plot-markup.ts';
import { plotStyle, themeVar } from '../shared/plot-theme.ts';
import { formatNumber } from '../shared/graph/number-format.ts';
import type { Surface } from '../../../engine/surfaces.ts';
import { gridTransform, type IsolinePath } from './isolines.ts';
import type { RacePath } from './race.ts';
import { colorOf, DASHES } from './palette.ts';
import { applyScale, type ChartMarkup } from '../shared/linear-scale.ts';

/** The loss chart also says whether its y scale is logarithmic (every loss positive); its y scale's range is all the page reads of it. */
export interface LossChartMarkup extends ChartMarkup {
  log: boolean;
}

/** The height of the contour chart at a width: the plane's aspect, at most 420 px. */
export function contourHeight(surface: Surface, width: number): number {
  const { x, y } = surface.domain;
  return Math.round(Math.min(width * ((y[1] - y[0]) / (x[1] - x[0])), 420));
}

/**
 * The contour chart: the surface's contour lines (in grid units, under one transform to the chart's pixels, strokes
 * kept 1 px wide), its minima (★) and saddle points (✕) and a frame. The lines' group is `.race-contours`, placed
 * under the marks; the page clips it to the frame.
 */
export function contourChart(surface: Surface, isolines: readonly IsolinePath[], width: number): ChartMarkup {
  const { x, y } = surface.domain;
  const minima = surface.critical.filter((c) => c.kind === 'minimum').map((c) => ({ x: c.point[0], y: c.point[1] }));
  const saddles = surface.critical.filter((c) => c.kind === 'saddle').map((c) => ({ x: c.point[0], y: c.point[1] }));
  const chart = plotMarkup({
    width,
    height: contourHeight(surface, width),
    marginLeft: 40,
    marginBottom: 32,
    marginRight: 12,
    marginTop: 22,
    x: { domain: x, label: 'x', nice: false },
    y: { domain: y, label: 'y', nice: false },
    style: plotStyle,
    ariaLabel: `Contours of the ${surface.label} with each optimizer's path`,
    marks: [
      Plot.text(minima, { x: 'x', y: 'y', text: () => '★', fill: themeVar('text'), fontSize: 16 }),
      Plot.text(saddles, { x: 'x', y: 'y', text: () => '✕', fill: themeVar('text'), fontSize: 14 }),
      Plot.frame({ stroke: themeVar('border') }),
    ],
  });
  const xs = linearScaleOf(chart, 'x');
  const ys = linearScaleOf(chart, 'y');
  const document = chart.ownerDocument;
  const element = (name: string, attributes: Record<string, string | number>) => {
    const made = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
    return made;
  };
  const contours = element('g', { 'aria-hidden': 'true', class: 'race-contours' });
  const grid = element('g', {
    transform: gridTransform({ left: applyScale(xs, x[0]), right: applyScale(xs, x[1]), bottom: applyScale(ys, y[0]), top: applyScale(ys, y[1]) }),
  });
  for (const { d } of isolines) {
    grid.appendChild(element('path', { d, fill: 'none', stroke: themeVar('text-muted'), 'stroke-opacity': 0.5, 'stroke-width': 1, 'vector-effect': 'non-scaling-stroke' }));
  }
  contours.appendChild(grid);
  // Under the marks of the minima and saddles (the first text mark), over the axes.
  const firstMark = chart.children.find((child) => child.localName === 'g' && child.getAttribute('aria-label') === 'text') ?? null;
  chart.insertBefore(contours, firstMark);
  return { markup: chart.outerHTML, x: xs, y: ys };
}

/** The loss against the step for each racer, every step drawn (the page reveals it up to the step); log scale when every loss is positive. */
export function lossChart(paths: readonly RacePath[], steps: number, width: number): LossChartMarkup {
  const all = paths.flatMap((p) => p.losses);
  const log = all.length > 0 && all.every((v) => v > 0);
  const lo = all.length > 0 ? Math.min(...all) : 0;
  const hi = all.length > 0 ? Math.max(...all) : 1;
  const marks: Plot.Markish[] = paths.map((path) =>
    Plot.line(
      path.losses.map((loss, i) => ({ step: i, loss })),
      { x: 'step', y: 'loss', stroke: colorOf(path.index), strokeWidth: 2, strokeDasharray: DASHES[path.index % DASHES.length] },
    ),
  );
  const chart = plotMarkup({
    width,
    height: 200,
    marginLeft: 52,
    marginBottom: 32,
    marginRight: 12,
    x: { domain: [0, steps], label: 'step' },
    // Ticks as plain numbers (0.01, 1e−6), not Plot's SI prefixes (10m, 1µ), which read as units.
    y: log
      ? { type: 'log', domain: [Math.max(lo, hi * 1e-12), hi], label: 'loss (log scale)', tickFormat: (v: number) => formatNumber(v, 2) }
      : { domain: [lo, hi === lo ? lo + 1 : hi], label: 'loss' },
    style: plotStyle,
    marks,
  });
  return { markup: chart.outerHTML, x: linearScaleOf(chart, 'x'), y: linearScaleOf(chart, 'y'), log };
}
