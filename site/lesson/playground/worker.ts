// The playground's training worker: trains the network in slices of a few
// milliseconds, so pause and new settings are heard at once, and answers each
// of the page's frame requests (at most two out, sent on animation frames:
// frame-pacer.ts) with the run as it is then, so frames never queue up and the
// rest of the time trains. The frame (losses, the 100 × 100 heat map from one
// batched forward pass, the loss curves) is made by a second copy of this
// script, the painter, from the parameters sent to it (frame.ts), so the
// trainer spends no time on pictures; without a painter the trainer makes it.
// The painter also draws the picture itself, on the page's canvas handed to
// it (picture-view.ts), when the page shows each frame.

/// <reference lib="webworker" />

import { pytorchScript } from '../../../engine/export/pytorch.ts';
import { LossHistory } from './loss-history.ts';
import { composeFrame } from './frame.ts';
import { Picture } from './picture.ts';
import type { DataMessage, PaintRequest, PictureMessage, ToWorker } from './protocol.ts';
import { needsRestart, type PlaygroundState } from './state.ts';
import { Trainer } from './trainer.ts';
import type { CustomPoint } from './custom-data.ts';

declare const self: DedicatedWorkerGlobalScope;

/** How long one slice of training runs before the worker looks at its messages again, in milliseconds: a frame request waits at most this long, well within a 60 Hz screen's 16.7 ms. */
const SLICE_MS = 4;
/** The shortest time between two network snapshots (the diagram's maps) while training: at most 20 a second. */
const NETWORK_INTERVAL_MS = 50;

let state: PlaygroundState | null = null;
let trainer: Trainer | null = null;
// The student's points of the run, for custom data.
let points: readonly CustomPoint[] = [];
let history = new LossHistory();
let playing = false;
let suspended = false;
// Frame requests not yet answered (the page keeps two out: frame-pacer.ts); each answer is a run that changed since the last.
let framesWanted = 0;
let changedSinceFrame = false;
let scheduled = false;
// The painter's port (the trainer's side), the run it has the settings of, and the run now (counted by restarts).
let painterPort: MessagePort | null = null;
let paintedRun = -1;
let runCount = 0;
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
  runCount++;
  history = new LossHistory();
  history.record(0, trainer.trainLoss(), trainer.testLoss());
  // With a painter, the painter sends the data (the same points) ahead of the run's first frame.
  if (painterPort === null) postData(trainer);
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

/** The points of a run, sent once so the page can draw them under the heat map. */
function postData(run: Trainer): void {
  const { features, trainX, trainY, testX, testY, domain, classes } = run.data;
  self.postMessage({ type: 'data', features, trainX, trainY, testX, testY, domain, classes });
}

/** Answers the page's frame request: the painter is sent what the frame needs, or the trainer makes it here. */
function sendFrame(): void {
  const run = trainer!;
  const snapshot = history.snapshot();
  const network = !playing || performance.now() - networkSentAt >= NETWORK_INTERVAL_MS;
  if (network) networkSentAt = performance.now();
  framesWanted--;
  changedSinceFrame = false;
  if (painterPort !== null) {
    const request: PaintRequest = { type: 'paint', epoch: run.epoch, playing, parameters: run.parameterValues(), history: snapshot, network };
    if (paintedRun !== runCount) {
      request.setup = { state: run.state, points };
      paintedRun = runCount;
    }
    painterPort.postMessage(request, [...request.parameters.map((p) => p.buffer), snapshot.epochs.buffer, snapshot.train.buffer, snapshot.test.buffer]);
    return;
  }
  const { frame, transfer } = composeFrame(run, run.epoch, playing, snapshot, network);
  self.postMessage(frame, transfer);
}

function loop(): void {
  scheduled = false;
  if (trainer === null || state === null) return;
  // A frame the page is waiting for goes first, so it is never a training slice late.
  if (framesWanted > 0 && changedSinceFrame && !suspended) sendFrame();
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
  if (framesWanted > 0 && changedSinceFrame && !suspended) sendFrame();
  if (playing && !suspended) schedule(state.speed === 'max' ? 0 : 4);
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
      framesWanted++;
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
    case 'paint-to':
      painterPort = message.port;
      paintedRun = -1;
      break;
    case 'paint-from':
      message.port.onmessage = (event: MessageEvent<PaintRequest>) => guarded(() => paint(event.data));
      return;
    case 'picture-canvas':
    case 'picture-colors':
    case 'picture-draw':
      drawPicture(message);
      return;
    case 'probe':
      if (trainer !== null && Number.isFinite(message.x) && Number.isFinite(message.y)) {
        self.postMessage({ type: 'probe', x: message.x, y: message.y, epoch: trainer.epoch, values: trainer.probe(message.x, message.y), probabilities: trainer.givesProbabilities });
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

// The painter's side: a Trainer of the run's settings (the same data and grid), given the trainer's parameters.
let painter: Trainer | null = null;

/** Makes the frame a PaintRequest describes and sends it to the page (with the data first, for a new run). */
function paint(request: PaintRequest): void {
  if (request.setup !== undefined) {
    painter = new Trainer(request.setup.state, request.setup.points);
    postData(painter);
  }
  if (painter === null) return;
  painter.setParameterValues(request.parameters);
  const { frame, transfer } = composeFrame(painter, request.epoch, request.playing, request.history, request.network);
  self.postMessage(frame, transfer);
}

// The painter's picture, on the page's canvas, and the data and predictions of its last draw.
let picture: Picture | null = null;
let pictureData: DataMessage | null = null;
let picturePredictions: Float32Array | null = null;

/** The page's picture messages: its canvas, its colours, and a draw for each frame the page shows. */
function drawPicture(message: PictureMessage): void {
  if (message.type === 'picture-canvas') picture = new Picture(message.canvas);
  else if (message.type === 'picture-colors') picture?.setColors(message.colors);
  else {
    if (message.data !== undefined) pictureData = message.data;
    if (message.predictions !== undefined) picturePredictions = message.predictions;
    if (picture !== null && pictureData !== null && picturePredictions !== null) {
      picture.draw(pictureData, picturePredictions, message.showTest, message.discrete, message.side);
    }
  }
}

/** Runs `work`, telling the page of an error rather than dying with it. */
function guarded(work: () => void): void {
  try {
    work();
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => guarded(() => handle(event.data));
