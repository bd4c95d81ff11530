// The messages between the lab and its worker: the page asks for a run (the worker trains it whole, a few hundred
// full-batch epochs of a small network, and sends back what the page draws) and then for the decision boundary
// after any epoch of it.

import type { LabSettings } from './run.ts';

/** A request from the page: train a run, or draw the boundary of the current run after one epoch. */
export type LabRequest =
  | { type: 'run'; id: number; settings: LabSettings }
  | { type: 'grid'; id: number; epoch: number };

/** A finished run, as the page draws it. */
export interface RunReply {
  type: 'run';
  id: number;
  /** The layer sizes, input first. */
  sizes: number[];
  /** Training and validation points: x row-major (two per point), y the class (0 or 1). */
  trainX: Float64Array;
  trainY: Float64Array;
  validationX: Float64Array;
  validationY: Float64Array;
  /** Mean losses after each epoch (index 0 before training). */
  trainLoss: Float64Array;
  validationLoss: Float64Array;
  /** Epochs trained, whether early stopping stopped the run, and the epoch whose weights it ends with. */
  trained: number;
  stopped: boolean;
  restoredEpoch: number;
  /** Each epoch's weight matrices, flat: (trained + 1) blocks of the same length. */
  weights: Float64Array;
  /** Each epoch's dropout mask of the shown point over the hidden units (1 kept, 0 dropped), or empty without dropout. */
  masks: Uint8Array;
  /** How long the run took to train, in milliseconds. */
  milliseconds: number;
}

/** The boundary after one epoch: the probability of class 1 on a size × size grid, top row first. */
export interface GridReply {
  type: 'grid';
  id: number;
  epoch: number;
  size: number;
  probabilities: Float32Array;
}

/** What the worker answers. */
export type LabReply = RunReply | GridReply | { type: 'error'; id: number; message: string };
