// The playground's training worker: trains the network in slices of a few
// milliseconds, so pause and new settings are heard at once, and sends the
// page a frame (losses, the 100 × 100 heat map from one batched forward pass,
// the loss curves) at most 60 times a second and only once the page has drawn
// the previous one, so frames never queue up and the rest of the time trains.

/// <reference lib="webworker" />

import { pytorchScript } from '../../../engine/export/pytorch.ts';
import { LossHistory } from './loss-history.ts';
import type { FrameMessage, ToWorker } from './protocol.ts';
import { needsRestart, type PlaygroundState } from './state.ts';
import { Trainer } from './trainer.ts';
import type { CustomPoint } from './custom-data.ts';

declare const self: DedicatedWorkerGlobalScope;

/** How long one slice of training runs before the worker looks at its messages again, in milliseconds. */
const SLICE_MS = 8;
/** The shortest time between two frames: at most 60 frames a second, the rate of most screens. */
const FRAME_INTERVAL_MS = 1000 / 60;
/** The shortest time between two network snapshots (the diagram's maps) while training: at most 20 a second. */
const NETWORK_INTERVAL_MS = 50;

let state: PlaygroundState | null = null;
let trainer: Trainer | null = null;
// The student's points of the run, for custom data.
let points: readonly CustomPoint[] = [];
let history = new LossHistory();
let playing = false;
let suspended = false;
let frameWanted = false;
let changedSinceFrame = false;
let scheduled = false;
let nextFrameAt = 0;
// Pacing for the limited speeds: epochs trained since `paceStart`.
let paceStart = 0;
let pacedEpochs = 0;
// When the last network snapshot went out, and whether the network changed since (a fresh one is due at once when paused).
let networkSentAt = -Infinity;

// A message to ourselves runs the next slice as soon as the queue is free, without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
channel.port1.onmessage = () => loop();

function schedule(delay: number): void {
  if (scheduled) return;
  scheduled = true;
  if (delay === 0) channel.port2.postMessage(null);
  else setTimeout(() => loop(), delay);
}

function restart(next: PlaygroundState): void {
  state = next;
  trainer = new Trainer(next, points);
  history = new LossHistory();
  history.record(0, trainer.trainLoss(), trainer.testLoss());
  const { features, trainX, trainY, testX, testY, domain, classes } = trainer.data;
  self.postMessage({ type: 'data', features, trainX, trainY, testX, testY, domain, classes });
  resetPace();
  changedSinceFrame = true;
}

function resetPace(): void {
  paceStart = performance.now();
  pacedEpochs = 0;
}

function trainOneEpoch(): void {
  const run = trainer!;
  run.trainEpoch();
  pacedEpochs++;
  if (history.wants(run.epoch)) history.record(run.epoch, run.trainLoss(), run.testLoss());
  changedSinceFrame = true;
}

function sendFrame(): void {
  const run = trainer!;
  const predictions = run.predictions();
  const snapshot = history.snapshot();
  const frame: FrameMessage = {
    type: 'frame',
    epoch: run.epoch,
    playing,
    trainLoss: run.trainLoss(),
    testLoss: run.testLoss(),
    testAccuracy: run.testAccuracy(),
    predictions,
    history: snapshot,
  };
  const transfer: Transferable[] = [predictions.buffer, snapshot.epochs.buffer, snapshot.train.buffer, snapshot.test.buffer];
  if (!playing || performance.now() - networkSentAt >= NETWORK_INTERVAL_MS) {
    frame.network = run.networkSnapshot();
    networkSentAt = performance.now();
    for (const array of [...frame.network.weights, ...frame.network.biases, ...frame.network.maps]) transfer.push(array.buffer);
  }
  frameWanted = false;
  changedSinceFrame = false;
  nextFrameAt = performance.now() + FRAME_INTERVAL_MS;
  self.postMessage(frame, transfer);
}

function loop(): void {
  scheduled = false;
  if (trainer === null || state === null) return;
  if (playing && !suspended) {
    const start = performance.now();
    if (state.speed === 'max') {
      do trainOneEpoch();
      while (performance.now() - start < SLICE_MS);
    } else {
      const due = Math.floor(((start - paceStart) * Number(state.speed)) / 1000);
      while (pacedEpochs < due && performance.now() - start < SLICE_MS) trainOneEpoch();
    }
  }
  const frameDue = frameWanted && changedSinceFrame && !suspended;
  if (frameDue && performance.now() >= nextFrameAt) sendFrame();
  if (playing && !suspended) schedule(state.speed === 'max' ? 0 : 4);
  else if (frameDue && frameWanted) schedule(Math.max(0, Math.ceil(nextFrameAt - performance.now())));
}

/** Sends the page the run so far as a PyTorch script, or why it cannot be written; training is not touched. */
function exportRun(): void {
  if (trainer === null) return;
  const epochs = trainer.epoch;
  try {
    self.postMessage({ type: 'export', epochs, script: pytorchScript(trainer.runSoFar()) });
  } catch (error) {
    self.postMessage({ type: 'export', epochs, error: error instanceof Error ? error.message : String(error) });
  }
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'configure': {
      const next = message.state;
      const before = points;
      points = message.points ?? [];
      if (state === null || trainer === null || needsRestart(state, next, before, points)) restart(next);
      else {
        if (next.speed !== state.speed) resetPace();
        state = next;
        trainer.update(next);
        changedSinceFrame = true;
      }
      break;
    }
    case 'reset':
      if (state !== null) restart(state);
      break;
    case 'play':
      playing = true;
      resetPace();
      changedSinceFrame = true;
      break;
    case 'pause':
      playing = false;
      changedSinceFrame = true;
      break;
    case 'step':
      playing = false;
      if (trainer !== null) trainOneEpoch();
      break;
    case 'frame':
      frameWanted = true;
      break;
    case 'suspend':
      suspended = message.suspended;
      // Time spent away does not count as epochs owed.
      if (!suspended) resetPace();
      break;
    case 'set-weight':
      networkSetWeight(message);
      break;
    case 'export':
      exportRun();
      break;
    case 'probe':
      if (trainer !== null && Number.isFinite(message.x) && Number.isFinite(message.y)) {
        self.postMessage({ type: 'probe', x: message.x, y: message.y, epoch: trainer.epoch, values: trainer.probe(message.x, message.y) });
      }
      return;
  }
  schedule(0);
}

/** A weight or bias set by hand: training pauses, the engine parameter changes, and a fresh frame shows it. */
function networkSetWeight(message: Extract<ToWorker, { type: 'set-weight' }>): void {
  playing = false;
  if (trainer === null) return;
  if (message.from === null) trainer.setBias(message.layer, message.to, message.value);
  else trainer.setWeight(message.layer, message.to, message.from, message.value);
  changedSinceFrame = true;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
