// The race's worker: it runs every racer with the engine (race.ts), computes the surface's contour lines as SVG paths
// (isolines.ts) and draws both charts with Plot as markup (charts.ts), so neither a long race, a new surface nor a
// chart's drawing blocks the page (measured on the development machine: up to 37 ms for the seven-optimizer race of
// 300 steps on a cold start, and 30–100 ms for Plot's own contours; on a 4× slower CPU, Plot's evaluation and its
// first two charts took the page's main thread 400–600 ms, and writing the contours' path strings 50–150 ms more).

import { contourChart, lossChart } from './charts.ts';
import { isolinePaths, type IsolinePath } from './isolines.ts';
import { contourLevels, runRace, surfaceOf, surfaceKey } from './race.ts';
import type { RaceReply, RaceRequest } from './protocol.ts';

const reply = (message: RaceReply) => (self as unknown as Worker).postMessage(message);

/** The contour lines of the last surface drawn, by its key: a resize or a new start redraws the chart, not the lines. */
let isolines: { key: string; lines: IsolinePath[] } | null = null;

self.addEventListener('message', (event: MessageEvent<RaceRequest>) => {
  const { id, state, widths, contour } = event.data;
  try {
    const started = performance.now();
    const paths = runRace(state);
    const raced = performance.now();
    const surface = surfaceOf(state);
    if (contour && isolines?.key !== surfaceKey(state)) isolines = { key: surfaceKey(state), lines: isolinePaths(surface, contourLevels(surface)) };
    const contoured = performance.now();
    const contourMarkup = contour ? contourChart(surface, isolines!.lines, widths.contour) : null;
    const lossMarkup = lossChart(paths, state.steps, widths.loss);
    reply({
      type: 'race',
      id,
      paths,
      contour: contourMarkup,
      loss: lossMarkup,
      milliseconds: { race: raced - started, contours: contoured - raced, charts: performance.now() - contoured },
    });
  } catch (error) {
    reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
});
