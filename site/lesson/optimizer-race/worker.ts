// The race's worker: it runs every racer with the engine (race.ts) and computes the surface's contour lines as
// SVG paths (isolines.ts), so a long race or a new surface never blocks the page (measured on the development
// machine: up to 37 ms for the seven-optimizer race of 300 steps on a cold start, and 30–100 ms for Plot's own
// contours; writing the contours' path strings on the page took 50–150 ms more on a 4× slower CPU).

import { isolinePaths } from './isolines.ts';
import { contourLevels, runRace, surfaceOf } from './race.ts';
import type { RaceReply, RaceRequest } from './protocol.ts';

const reply = (message: RaceReply) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<RaceRequest>) => {
  const { id, state, contours } = event.data;
  try {
    const started = performance.now();
    const paths = runRace(state);
    const raced = performance.now();
    const lines = contours ? isolinePaths(surfaceOf(state), contourLevels(surfaceOf(state))) : null;
    reply({ type: 'race', id, paths, contours: lines, milliseconds: { race: raced - started, contours: performance.now() - raced } });
  } catch (error) {
    reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
});
