// The approximator's training worker: it owns the network and answers each request with the
// weights and loss after it, so training never blocks the page; and it draws the charts (charts.ts).

import { Trainer } from './trainer.ts';
import { approximatorCharts } from './charts.ts';
import type { ApproximatorReply, ApproximatorRequest } from './protocol.ts';

let trainer: Trainer | null = null;

const reply = (message: ApproximatorReply) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<ApproximatorRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'charts') {
      reply({ type: 'charts', id: request.id, ...approximatorCharts(request) });
      return;
    }
    if (request.type === 'reset') {
      trainer = new Trainer({ units: request.units, activation: request.activation, seed: request.seed }, request.x, request.y);
    } else if (!trainer) {
      throw new Error('the network is not set up yet');
    } else if (request.type === 'data') {
      trainer.setData(request.x, request.y);
    } else {
      trainer.train(request.steps);
    }
    reply({ type: 'state', id: request.id, steps: trainer.steps, loss: trainer.loss(), weights: trainer.weights() });
  } catch (error) {
    reply({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
