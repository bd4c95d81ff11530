// Rosenblatt's rule one update at a time, for the lab. The engine's Perceptron makes each update;
// this file walks the points in order, epoch by epoch, and stops at each mistake so the lab can
// show it: the point, its score, and the weights before and after w ← w + η y x, b ← b + η y.

import { Perceptron } from '../../../engine/index.ts';

/** A point of the plane with its label, +1 or -1. */
export interface LabelledPoint {
  /** First coordinate x₁. */
  x: number;
  /** Second coordinate x₂. */
  y: number;
  /** The class: +1 or -1. */
  label: 1 | -1;
}

/** One mistake and the update it caused. */
export interface UpdateEvent {
  kind: 'update';
  /** The epoch it happened in, from 1. */
  epoch: number;
  /** The index of the misclassified point. */
  index: number;
  /** The score w·x + b before the update (≤ 0 after multiplying by the label: the mistake). */
  score: number;
  /** The learning rate η used. */
  learningRate: number;
  /** The weights and bias before the update. */
  before: { w: [number, number]; b: number };
  /** The weights and bias after it. */
  after: { w: [number, number]; b: number };
  /** How many correctly classified points were passed over since the previous event. */
  passed: number;
}

/** The end of a run: an epoch without a mistake, or the epoch limit reached with mistakes left. */
export interface EndEvent {
  kind: 'converged' | 'gave-up';
  /** The last epoch run. */
  epoch: number;
  /** The updates made in the whole run. */
  updates: number;
  /** The mistakes made in the last epoch (0 when converged). */
  mistakes: number;
}

/** What one call to `next` found. */
export type RunEvent = UpdateEvent | EndEvent;

/** A run of Rosenblatt's rule over fixed points, visited in order, that pauses at every update. */
export class RosenblattRun {
  /** The engine's perceptron being trained. */
  readonly perceptron: Perceptron;
  /** The current epoch, from 1. */
  epoch = 1;
  /** The updates made so far. */
  updates = 0;
  /** The index of the next point to visit within the epoch. */
  position = 0;
  /** The mistakes made so far in the current epoch. */
  mistakes = 0;
  /** The end of the run once reached, or null while it goes on. */
  finished: EndEvent | null = null;

  /** A run over `points` with learning rate η, giving up after `maxEpochs`, from the given weights (zero by default). */
  constructor(
    readonly points: readonly LabelledPoint[],
    learningRate: number,
    readonly maxEpochs: number,
    start: { w: [number, number]; b: number } = { w: [0, 0], b: 0 },
  ) {
    if (points.length === 0) throw new RangeError('RosenblattRun: add at least one point first');
    if (!(learningRate > 0)) throw new RangeError(`RosenblattRun: the learning rate must be positive, got ${learningRate}`);
    if (!Number.isInteger(maxEpochs) || maxEpochs < 1) throw new RangeError(`RosenblattRun: maxEpochs must be a whole number of at least 1, got ${maxEpochs}`);
    this.perceptron = new Perceptron(2, learningRate);
    this.perceptron.weights = [...start.w];
    this.perceptron.bias = start.b;
  }

  /** The current weights and bias. */
  get state(): { w: [number, number]; b: number } {
    const [w1, w2] = this.perceptron.weights;
    return { w: [w1, w2], b: this.perceptron.bias };
  }

  /** Visits points until the next update, or the end of the run (which it then keeps returning). */
  next(): RunEvent {
    let passed = 0;
    while (this.finished === null) {
      if (this.position === this.points.length) {
        if (this.mistakes === 0) this.finished = { kind: 'converged', epoch: this.epoch, updates: this.updates, mistakes: 0 };
        else if (this.epoch >= this.maxEpochs) this.finished = { kind: 'gave-up', epoch: this.epoch, updates: this.updates, mistakes: this.mistakes };
        else {
          this.epoch++;
          this.position = 0;
          this.mistakes = 0;
        }
        continue;
      }
      const index = this.position++;
      const point = this.points[index];
      const input = [point.x, point.y];
      const before = this.state;
      const score = this.perceptron.score(input);
      if (this.perceptron.update(input, point.label)) {
        this.mistakes++;
        this.updates++;
        return { kind: 'update', epoch: this.epoch, index, score, learningRate: this.perceptron.learningRate, before, after: this.state, passed };
      }
      passed++;
    }
    return this.finished;
  }

  /** Runs to the end and returns how it ended. */
  finish(): EndEvent {
    let event = this.next();
    while (event.kind === 'update') event = this.next();
    return event;
  }
}
