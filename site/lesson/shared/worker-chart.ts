// On the page, a chart a widget's worker drew (Plot into markup-document.ts): the width to ask it for, and its markup
// put in place, labelled for screen readers. The activation explorer, position to colour and the universal
// approximator draw every chart this way.

import { parseSvg } from './markup-document.ts';
import { labelChart } from './plot-accessibility.ts';

/** The width to draw a chart at: its holder's, kept between 260 and 640 px (640 while the holder has no width yet). */
export function chartWidth(holder: HTMLElement): number {
  return Math.max(260, Math.min(640, holder.clientWidth || 640));
}

/**
 * Replaces what `holder` shows with the chart in `markup`: parsed with ids unique on the page, named by its own
 * aria-label (or `fallbackName`) and described by its marks (plot-accessibility.ts). Returns the chart.
 */
export function placeChart(holder: Element, markup: string, fallbackName: string): SVGSVGElement {
  const svg = parseSvg(markup);
  labelChart(svg, fallbackName);
  holder.replaceChildren(svg);
  return svg;
}
