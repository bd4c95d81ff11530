// The messages between the playground's page and its training worker.

import type { PlaygroundState } from './state.ts';
import type { PlaygroundData } from './datasets.ts';

/** What the page tells the worker. */
export type ToWorker =
  /** Use these settings: a fresh run if anything but the live settings changed. */
  | { type: 'configure'; state: PlaygroundState }
  /** Start again from the first weights of the current settings. */
  | { type: 'reset' }
  /** Train continuously, or stop. */
  | { type: 'play' }
  | { type: 'pause' }
  /** Train exactly one epoch. */
  | { type: 'step' }
  /** The page has drawn the last frame and can take the next one. */
  | { type: 'frame' }
  /** Stop all work while the widget is off-screen or the tab hidden, or carry on. */
  | { type: 'suspend'; suspended: boolean }
  /** The network's exact output at one point of the picture (x, y), or at x for regression: answered with a ProbeMessage. */
  | { type: 'probe'; x: number; y: number };

/** The points of a fresh run, sent once so the page can draw them under the heat map. */
export interface DataMessage extends Pick<PlaygroundData, 'features' | 'trainX' | 'trainY' | 'testX' | 'testY' | 'domain' | 'classes'> {
  type: 'data';
}

/** One picture of the run: where training is, its losses, the network's output over the picture and the loss curves. */
export interface FrameMessage {
  type: 'frame';
  /** Epochs trained. */
  epoch: number;
  /** Whether the worker is training continuously. */
  playing: boolean;
  /** Mean training and test losses now. */
  trainLoss: number;
  testLoss: number;
  /** Fraction of test points classified correctly (NaN for regression). */
  testAccuracy: number;
  /** The output over the 100 × 100 grid, or along the regression curve. */
  predictions: Float32Array;
  /** The loss curves so far. */
  history: { epochs: Float64Array; train: Float64Array; test: Float64Array };
}

/** The answer to a probe: the network's output at (x, y) after `epoch` epochs, as `Trainer.probe` gives it. */
export interface ProbeMessage {
  type: 'probe';
  x: number;
  y: number;
  epoch: number;
  /** P(class 1) for two classes, each class's probability for more, the value for regression. */
  values: number[];
}

/** What the worker tells the page. */
export type FromWorker = DataMessage | FrameMessage | { type: 'error'; message: string } | ProbeMessage;
