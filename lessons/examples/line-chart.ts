// A line chart drawn as SVG when the site is built, for a chapter's figures: no JavaScript reaches the reader.
//
// The chart's colours are the site's custom properties set through `style` (presentation attributes cannot read
// `var(...)`), so one SVG follows light and dark mode. It is one image for screen readers: role="img" with a
// <title> naming it and a <desc> saying what it shows; the visible text is hidden from them.

import { SVG_FRAME_CLOSE, escapeSvgText, svgFrameOpen } from './svg-figure.ts';
import type { ThemeColorName } from '../../site/lesson/shared/plot-theme.ts';

/** One curve of a chart. */
export interface ChartSeries {
  /** Its name in the legend. */
  label: string;
  /** Its points (x, y), in order of x. */
  points: readonly (readonly [number, number])[];
  /** The site colour it is drawn in. */
  color: ThemeColorName;
  /** Drawn dashed, so the curves differ by more than colour. */
  dashed?: boolean;
}

/** An axis: its title and the ticks it labels. */
export interface ChartAxis {
  /** The axis title. */
  label: string;
  /** The interval shown, [low, high]. */
  domain: readonly [number, number];
  /** The values that get a tick and a label. */
  ticks: readonly number[];
}

/** What a chart shows. */
export interface LineChartSpec {
  /** A unique id for the SVG's title and description. */
  id: string;
  /** The accessible name: what the chart is. */
  title: string;
  /** The accessible description: what a sighted reader sees in it. */
  description: string;
  series: readonly ChartSeries[];
  x: ChartAxis;
  y: ChartAxis;
  /** Horizontal reference lines (y values), drawn thin. */
  rules?: readonly number[];
  /** The corner of the plot the legend sits in, where the curves leave room: top right unless given. */
  legend?: 'top-right' | 'bottom-right' | 'bottom-left';
}

const WIDTH = 460;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 66 };


/** A tick label with a true minus sign. */
function tickLabel(value: number): string {
  return String(Number(value.toPrecision(6))).replace('-', '\u2212');
}

/** The chart as an SVG string, ready for `<Fragment set:html={...} />`. */
export function lineChart(spec: LineChartSpec): string {
  const [x0, x1] = spec.x.domain;
  const [y0, y1] = spec.y.domain;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotWidth;
  const sy = (y: number): number => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotHeight;
  const at = (value: number): string => value.toFixed(1);
  const parts: string[] = [];
  parts.push(svgFrameOpen({ className: 'line-chart', id: spec.id, title: spec.title, description: spec.description, width: WIDTH, height: HEIGHT, overflowVisible: true }));
  // Grid and ticks.
  for (const tick of spec.y.ticks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${at(sy(tick))}" y2="${at(sy(tick))}" style="stroke: var(--border); stroke-width: 1" />`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${at(sy(tick))}" dy="0.32em" text-anchor="end" style="fill: var(--text-muted)">${tickLabel(tick)}</text>`);
  }
  for (const tick of spec.x.ticks) {
    parts.push(`<line x1="${at(sx(tick))}" x2="${at(sx(tick))}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom + 5}" style="stroke: var(--text-muted)" />`);
    parts.push(`<text x="${at(sx(tick))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" style="fill: var(--text-muted)">${tickLabel(tick)}</text>`);
  }
  for (const rule of spec.rules ?? []) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${at(sy(rule))}" y2="${at(sy(rule))}" style="stroke: var(--text); stroke-width: 1" />`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}" style="stroke: var(--text-muted)" />`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 6}" text-anchor="middle" style="fill: var(--text)">${escapeSvgText(spec.x.label)}</text>`);
  parts.push(`<text transform="translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" style="fill: var(--text)">${escapeSvgText(spec.y.label)}</text>`);
  // The curves, clipped to the plot's box.
  for (const series of spec.series) {
    const d = series.points
      .filter(([x]) => x >= x0 && x <= x1)
      .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${at(sx(x))},${at(sy(Math.min(y1, Math.max(y0, y))))}`)
      .join('');
    const dash = series.dashed ? '; stroke-dasharray: 7 4' : '';
    parts.push(`<path d="${d}" style="fill: none; stroke: var(--${series.color}); stroke-width: 2.5${dash}" />`);
  }
  // The legend, in a corner inside the plot (top right by default), its width estimated from the longest label.
  const corner = spec.legend ?? 'top-right';
  const legendWidth = Math.min(plotWidth - 12, 40 + 6.8 * Math.max(...spec.series.map((series) => series.label.length)));
  const legendHeight = spec.series.length * 20 + 4;
  const legendX = corner === 'bottom-left' ? MARGIN.left + 4 : WIDTH - MARGIN.right - legendWidth - 4;
  const legendY = corner === 'top-right' ? MARGIN.top + 1 : HEIGHT - MARGIN.bottom - legendHeight - 1;
  parts.push(`<rect x="${at(legendX)}" y="${legendY}" width="${at(legendWidth)}" height="${legendHeight}" style="fill: var(--bg); opacity: 0.85" />`);
  spec.series.forEach((series, i) => {
    const y = legendY + 11 + i * 20;
    const dash = series.dashed ? '; stroke-dasharray: 7 4' : '';
    parts.push(`<line x1="${at(legendX + 4)}" x2="${at(legendX + 28)}" y1="${y}" y2="${y}" style="stroke: var(--${series.color}); stroke-width: 2.5${dash}" />`);
    parts.push(`<text x="${at(legendX + 34)}" y="${y}" dy="0.32em" style="fill: var(--text)">${escapeSvgText(series.label)}</text>`);
  });
  parts.push(SVG_FRAME_CLOSE);
  return parts.join('');
}
