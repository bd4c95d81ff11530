// The lab's worker: it trains a whole run with the engine (run.ts; about 0.1 s for 300 epochs on the development
// machine, too long for a frame on the page) and keeps its weights, so the page can ask for the decision boundary
// after any epoch as the replay reaches it.

import type { LabReply, LabRequest } from './protocol.ts';
import { LAB, boundaryGrid, gridInputs, trainLab, type LabRun } from './run.ts';

const reply = (message: LabReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const inputs = gridInputs(LAB.grid);
let current: { id: number; run: LabRun } | null = null;

self.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'run') {
      const started = performance.now();
      const run = trainLab(request.settings);
      const milliseconds = performance.now() - started;
      current = { id: request.id, run };
      const weights = new Float64Array(run.weights.reduce((n, w) => n + w.length, 0));
      run.weights.forEach((w, i) => weights.set(w, i * w.length));
      // One block of hidden units per epoch; epoch 0 (no training pass yet) keeps every unit.
      const hidden = run.model.sizes.slice(1, -1).reduce((a, b) => a + b, 0);
      const masks = run.settings.dropout > 0 ? new Uint8Array((run.trained + 1) * hidden).fill(1) : new Uint8Array(0);
      if (masks.length > 0) run.masks.forEach((layers, epoch) => layers.forEach((m, k) => masks.set(m, epoch * hidden + k * m.length)));
      reply(
        {
          type: 'run',
          id: request.id,
          sizes: [...run.model.sizes],
          trainX: run.train.x,
          trainY: run.train.y,
          validationX: run.validation.x,
          validationY: run.validation.y,
          trainLoss: run.trainLoss,
          validationLoss: run.validationLoss,
          trained: run.trained,
          stopped: run.stopped,
          restoredEpoch: run.restoredEpoch,
          weights,
          masks,
          milliseconds,
        },
        [weights.buffer, masks.buffer],
      );
    } else if (current !== null && current.id === request.id) {
      const probabilities = boundaryGrid(current.run, request.epoch, LAB.grid, inputs);
      reply({ type: 'grid', id: request.id, epoch: request.epoch, size: LAB.grid, probabilities }, [probabilities.buffer]);
    }
  } catch (error) {
    reply({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
