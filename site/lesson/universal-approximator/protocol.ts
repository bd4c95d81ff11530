// The messages between the approximator and its training worker. The page asks for a batch of
// steps and waits for the answer before asking again, so it sets the pace and stops asking while
// the widget is off-screen. It asks the worker to draw the charts too (charts.ts).

import type { HiddenActivation, NetworkWeights } from './network.ts';
import type { ApproximatorChartSettings, ApproximatorCharts } from './charts.ts';

/** A request from the page. */
export type ApproximatorRequest =
  /** Start afresh: a new network from the seed, fitting these points. */
  | { type: 'reset'; id: number; units: number; activation: HiddenActivation; seed: number; x: number[]; y: number[] }
  /** Keep the weights, fit these points instead. */
  | { type: 'data'; id: number; x: number[]; y: number[] }
  /** Take this many Adam steps. */
  | { type: 'train'; id: number; steps: number }
  /** Draw the charts of these points and weights (which need not be the worker's own: a dragged point is not sent yet). */
  | ({ type: 'charts'; id: number } & ApproximatorChartSettings);

/** The worker's answer to a request with the same id. */
export type ApproximatorReply =
  | { type: 'state'; id: number; steps: number; loss: number; weights: NetworkWeights }
  | ({ type: 'charts'; id: number } & ApproximatorCharts)
  | { type: 'error'; id: number; message: string };
