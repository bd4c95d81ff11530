// The messages between the race and its worker: the page sends the race's state (and whether the surface's
// contours are needed), the worker answers with every racer's path and the contour lines (as SVG paths in grid units).

import type { IsolinePath } from './isolines.ts';
import type { RacePath, RaceState } from './race.ts';

/** A request from the page. */
export interface RaceRequest {
  id: number;
  state: RaceState;
  /** Whether to compute the surface's contour lines too (only when the surface or its condition number changed). */
  contours: boolean;
}

/** The worker's answer to the request with the same id. */
export type RaceReply =
  | { type: 'race'; id: number; paths: RacePath[]; contours: IsolinePath[] | null; milliseconds: { race: number; contours: number } }
  | { type: 'error'; id: number; message: string };
