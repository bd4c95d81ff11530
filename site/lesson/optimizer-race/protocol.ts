// The messages between the race and its worker: the page sends the race's state, the widths of its two charts and
// whether it needs the contour chart drawn (a new surface, or a new width); the worker answers with every racer's path
// and the charts, drawn by Plot as SVG markup (charts.ts), with the scales the page places its marks with.

import type { LossChartMarkup } from './charts.ts';
import type { ChartMarkup } from '../shared/linear-scale.ts';
import type { RacePath, RaceState } from './race.ts';

/** A request from the page. */
export interface RaceRequest {
  id: number;
  state: RaceState;
  /** The width of each chart, in CSS pixels. */
  widths: { contour: number; loss: number };
  /** Whether to draw the contour chart (only when the surface, its condition number or the chart's width changed). */
  contour: boolean;
}

/** The worker's answer to the request with the same id. */
export type RaceReply =
  | {
      type: 'race';
      id: number;
      paths: RacePath[];
      contour: ChartMarkup | null;
      loss: LossChartMarkup;
      milliseconds: { race: number; contours: number; charts: number };
    }
  | { type: 'error'; id: number; message: string };
