// Drawing a plot description from the worker with Observable Plot (../shared/plot.ts). Plot (and d3 with it) loads
// only when a cell first returns a plot, so pages and cells without plots never pay for it.

import { loadFailureText } from '../../offline/load-failure.ts';
import { MARK_NAMES, type MarkName, type MarkSpec, type PlotSpec } from '../../runtime/plot-spec.ts';
import type { MarkFactory } from '../shared/plot.ts';
import { labelChart } from '../shared/plot-accessibility.ts';
import { formatCount } from '../shared/graph/number-format.ts';

const allowed = new Set<string>(MARK_NAMES);

/** Draws a plot description as an SVG (or a figure with a legend) inside the given element. */
export async function renderPlot(spec: PlotSpec, into: HTMLElement): Promise<void> {
  const Plot = await import('../shared/plot.ts').catch((error: unknown) => {
    throw new Error(loadFailureText('The plotting library', navigator.onLine, error));
  });
  const marks = spec.marks.map((mark) => makeMark(Plot.MARKS, mark));
  const chart = Plot.plot({
    width: Math.max(280, Math.min(640, into.clientWidth || 640)),
    ...spec.options,
    marks,
  } as Parameters<typeof Plot.plot>[0]);
  labelChart(chart, chartName(spec));
  into.replaceChildren(chart);
  if (spec.omitted > 0) {
    const note = document.createElement('p');
    note.className = 'cell-note';
    note.textContent = `${formatCount(spec.omitted)} data points were left out to keep the plot fast.`;
    into.append(note);
  }
}

/** A name for a plot the cell did not name (with Plot's ariaLabel or title): what it draws. */
function chartName(spec: PlotSpec): string {
  const title = spec.options.title;
  if (typeof title === 'string' && title.trim() !== '') return title;
  const marks = [...new Set(spec.marks.map((mark) => mark.mark))];
  return `A plot of ${marks.length > 0 ? marks.join(', ') : 'nothing'}`;
}

function makeMark(marks: Record<MarkName, MarkFactory>, mark: MarkSpec): unknown {
  // The description came from cell code, so only known mark names reach Plot.
  if (!allowed.has(mark.mark)) throw new Error(`plot: "${mark.mark}" is not a mark`);
  const factory = marks[mark.mark];
  return mark.data === null ? factory(mark.options) : factory(mark.data, mark.options);
}
