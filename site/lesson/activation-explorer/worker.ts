// The activation explorer's worker: each request (an activation and its settings) is answered with the two charts
// drawn and the numbers of the readout (charts.ts), or with what went wrong.

import { explorerCharts, type ExplorerCharts, type ExplorerSettings } from './charts.ts';

/** A request: the settings to draw, with the id its reply carries. */
export type ExplorerRequest = ExplorerSettings & { id: number };
/** The reply to a request. */
export type ExplorerReply = ({ type: 'charts'; id: number } & ExplorerCharts) | { type: 'error'; id: number; message: string };

const scope = self as unknown as Worker;

self.addEventListener('message', (event: MessageEvent<ExplorerRequest>) => {
  const { id, ...settings } = event.data;
  try {
    scope.postMessage({ type: 'charts', id, ...explorerCharts(settings) } satisfies ExplorerReply);
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) } satisfies ExplorerReply);
  }
});
