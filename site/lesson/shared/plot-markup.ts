// Observable Plot in a widget's worker: a chart drawn into a document of markup (markup-document.ts) and written out
// as SVG for the page to insert with `parseSvg`. Plot's evaluation and its drawings then cost the page's main thread
// nothing (on a slow phone, a few hundred milliseconds at a page's first chart, and tens for each later one).

import * as Plot from './plot.ts';
import { MarkupDocument, type MarkupElement } from './markup-document.ts';
import type { LinearScale } from './linear-scale.ts';

/** Plot's chart drawn into markup: the chart (its scales) and its <svg>, to change before it is written out. */
export function plotMarkup(options: Plot.PlotOptions): Plot.Plot & MarkupElement {
  return Plot.plot({ ...options, document: new MarkupDocument() as unknown as Document }) as unknown as Plot.Plot & MarkupElement;
}

/** A scale of a chart Plot drew, as its domain's and range's two ends (what the page needs of a linear scale). */
export function linearScaleOf(chart: Plot.Plot, name: 'x' | 'y'): LinearScale {
  const scale = chart.scale(name)!;
  return { domain: [...(scale.domain as number[])].slice(0, 2) as [number, number], range: [...(scale.range as number[])].slice(0, 2) as [number, number] };
}
