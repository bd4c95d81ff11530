// Observable Plot as the course uses it: `plot`, and the marks a cell may name (runtime/plot-spec.ts's MARK_NAMES),
// which the widgets draw with too. Taken by name, not as the whole library's namespace, so the build leaves out what
// nothing uses (Plot's transforms, its geographic, tree, Delaunay, density and waffle marks, its interactions): the
// chunk every page with a chart loads is that much smaller. Widgets import this module statically; a cell's plot
// loads it on demand (cell/render-plot.ts).

import {
  area, areaX, areaY, arrow, axisX, axisY, barX, barY, cell, cellX, cellY, contour, dot, dotX, dotY, frame, gridX, gridY,
  line, lineX, lineY, link, raster, rect, rectX, rectY, ruleX, ruleY, text, textX, textY, tickX, tickY, vector,
} from '@observablehq/plot';
import type { MarkName } from '../../runtime/plot-spec.ts';

export {
  plot, area, areaX, areaY, arrow, axisX, axisY, barX, barY, cell, cellX, cellY, contour, dot, dotX, dotY, frame, gridX,
  gridY, line, lineX, lineY, link, raster, rect, rectX, rectY, ruleX, ruleY, text, textX, textY, tickX, tickY, vector,
} from '@observablehq/plot';
export type { Markish, Plot, PlotOptions } from '@observablehq/plot';

/** A mark's factory, as a cell's plot description names it: (data, options). */
export type MarkFactory = (data?: unknown, options?: Record<string, unknown>) => unknown;

/** Every mark a cell may use, by its name; the type makes the build fail if MARK_NAMES names one missing here. */
export const MARKS: Record<MarkName, MarkFactory> = {
  area, areaX, areaY, arrow, axisX, axisY, barX, barY, cell, cellX, cellY, contour, dot, dotX, dotY, frame, gridX, gridY,
  line, lineX, lineY, link, raster, rect, rectX, rectY, ruleX, ruleY, text, textX, textY, tickX, tickY, vector,
} as Record<MarkName, MarkFactory>;
