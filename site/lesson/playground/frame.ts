// One frame of the playground from a Trainer: where training is, its losses,
// the network's output over the picture, the loss curves and, when asked, the
// network diagram's snapshot. The trainer's worker makes it itself, or a second
// worker (the painter) makes it from the trainer's parameters with a Trainer of
// the same settings: the same data and grid, so the same numbers.

import type { FrameMessage } from './protocol.ts';
import type { Trainer } from './trainer.ts';

/** The frame of `trainer` after `epoch` epochs, with the arrays to transfer rather than copy. */
export function composeFrame(
  trainer: Trainer,
  epoch: number,
  playing: boolean,
  history: FrameMessage['history'],
  network: boolean,
): { frame: FrameMessage; transfer: Transferable[] } {
  const predictions = trainer.predictions();
  const frame: FrameMessage = {
    type: 'frame',
    epoch,
    playing,
    trainLoss: trainer.trainLoss(),
    testLoss: trainer.testLoss(),
    testAccuracy: trainer.testAccuracy(),
    predictions,
    history,
  };
  const transfer: Transferable[] = [predictions.buffer, history.epochs.buffer, history.train.buffer, history.test.buffer];
  if (network) {
    frame.network = trainer.networkSnapshot();
    for (const array of [...frame.network.weights, ...frame.network.biases, ...frame.network.maps]) transfer.push(array.buffer);
  }
  return { frame, transfer };
}
