// The messages between the playground's page and its training worker.

import type { PlaygroundState } from './state.ts';
import type { PlaygroundData } from './datasets.ts';
import type { CustomPoint } from './custom-data.ts';
import type { PlaygroundColors } from '../shared/colors.ts';

/** What the page tells the worker. */
export type ToWorker =
  /** Use these settings (and, for custom data, these points): a fresh run if anything but the live settings changed. */
  | { type: 'configure'; state: PlaygroundState; points?: readonly CustomPoint[] }
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
  /**
   * Set one parameter of the network (training pauses): the weight from neuron `from` of layer − 1 to neuron `to` of
   * `layer` (1 is the first hidden layer), or that neuron's bias when `from` is null.
   */
  | { type: 'set-weight'; layer: number; to: number; from: number | null; value: number }
  /** To a trainer: send what a frame needs (a PaintRequest) through this port to a painter, which draws it, instead of drawing it here. */
  | { type: 'paint-to'; port: MessagePort }
  /** To a second worker: be a painter, making the page's frames from the PaintRequests arriving on this port. */
  | { type: 'paint-from'; port: MessagePort }
  /** Write the run so far (the epochs trained, the changes made) as a PyTorch script. */
  | { type: 'export' }
  /** The network's exact output at one point of the picture (x, y), or at x for regression: answered with a ProbeMessage. */
  | { type: 'probe'; x: number; y: number }
  | PictureMessage;

/**
 * To a painter: draw the picture on the page's canvas, handed over (picture-view.ts). First the canvas, then the
 * colours (again after a theme change), then one draw per frame the page shows: the data when it is new since the
 * last draw, the predictions when they are (transferred, not copied), and the switches and size of this draw. A draw
 * without data or predictions uses the last ones sent (a redraw: new colours, a switch, a new width).
 */
export type PictureMessage =
  | { type: 'picture-canvas'; canvas: OffscreenCanvas }
  | { type: 'picture-colors'; colors: PlaygroundColors }
  | { type: 'picture-draw'; data?: DataMessage; predictions?: Float32Array; showTest: boolean; discrete: boolean; side: number };

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
  /** The network drawn: weights, biases and every neuron's map (at most about 20 times a second while training). */
  network?: NetworkSnapshot;
}

/**
 * The network as a diagram draws it: its sizes, weights and biases now, and every neuron's value over a coarse grid
 * of the picture (its map), computed by the engine's forward pass.
 */
export interface NetworkSnapshot {
  /** Layer sizes, the inputs first, the outputs last. */
  sizes: number[];
  /** The inputs' names: plane features (x1, x1sq, ...) or 'x' for regression. */
  inputNames: string[];
  /** The hidden activation's engine name (tanh, relu, ...). */
  activation: string;
  /** The playground loss the outputs feed: 'bce' (one logit), 'cross-entropy' (one logit per class) or 'mse'. */
  loss: string;
  /** Per layer k = 1, 2, ...: weights[k − 1] of shape (sizes[k], sizes[k − 1]), row-major, as the engine's Linear. */
  weights: Float64Array[];
  /** Per layer k = 1, 2, ...: biases[k − 1] with sizes[k] entries. */
  biases: Float64Array[];
  /** Points per map: a side × side grid over the picture (row 0 at the top), or `side` points along x for regression. */
  side: number;
  /** Whether the maps are curves over x (regression) rather than grids over the plane. */
  curve: boolean;
  /** Per layer (inputs first): maps[k][i · points + p] is neuron i's value at point p (the input, f(z), or the output). */
  maps: Float32Array[];
}

/** The answer to a probe: the network's output at (x, y) after `epoch` epochs, as `Trainer.probe` gives it. */
export interface ProbeMessage {
  type: 'probe';
  x: number;
  y: number;
  epoch: number;
  /** P(class 1) for two classes, each class's probability for more, the value for regression. */
  values: number[];
  /** Whether the values are probabilities: false for squared error, whose output is a raw value even for classes. */
  probabilities: boolean;
}

/** What the worker tells the page. */
export type FromWorker = DataMessage | FrameMessage | { type: 'error'; message: string } | ExportMessage | ProbeMessage;

/** The run so far as a PyTorch script that reproduces it (engine/export/pytorch.ts), or why there is none. */
export type ExportMessage = { type: 'export'; epochs: number; script: string } | { type: 'export'; epochs: number; error: string };

/**
 * From the trainer to the painter: the run as it is now (its parameters, epochs and loss curves), from which the
 * painter makes the page's FrameMessage with a Trainer of the same settings (the same data, the same grid). The
 * first request of a run carries its settings and points.
 */
export interface PaintRequest {
  type: 'paint';
  /** A fresh Trainer is due: the settings and the points of the run. */
  setup?: { state: PlaygroundState; points: readonly CustomPoint[] };
  epoch: number;
  playing: boolean;
  /** Every parameter of the model, in the order of `model.parameters()`. */
  parameters: Float64Array[];
  history: FrameMessage['history'];
  /** Whether the frame carries a network snapshot. */
  network: boolean;
}
