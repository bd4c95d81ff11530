// Rosenblatt's perceptron (1958), the course's first learning machine. It
// predicts sgn(w·x + b) with labels ±1, and learns by one rule: on a mistake,
// w ← w + η y x and b ← b + η y, which turns the boundary towards the missed
// point. A point exactly on the boundary (y (w·x + b) = 0) counts as a mistake,
// so learning starts even from all-zero weights. If a line separates the
// classes, the rule stops making mistakes after finitely many updates
// (Novikoff); on XOR it never does.

import type { Random } from '../random.ts';

/** How a perceptron run went: mistakes per epoch, and whether an epoch passed without one. */
export interface PerceptronResult {
  /** True when the last epoch made no mistake, so the weights separate the data. */
  converged: boolean;
  /** The number of epochs run, at most the limit. */
  epochs: number;
  /** The number of mistakes (and so of updates) in each epoch, in order. */
  mistakesPerEpoch: number[];
}

/** Options for `Perceptron.fit`. */
export interface PerceptronFitOptions {
  /** The most epochs to run before giving up; 100 by default. */
  maxEpochs?: number;
  /** When given, the order of the examples is shuffled by it every epoch; otherwise they are visited in order. */
  rng?: Random;
}

/** Maps 0/1 class labels to the perceptron's -1/+1. */
export function signedLabels(labels: readonly number[]): number[] {
  return labels.map((y, i) => {
    if (y !== 0 && y !== 1) throw new RangeError(`signedLabels: label ${i} is ${y}; expected 0 or 1`);
    return 2 * y - 1;
  });
}

/** A single threshold unit trained with Rosenblatt's rule. */
export class Perceptron {
  /** The weights w, one per input. */
  weights: number[];
  /** The bias b. */
  bias = 0;

  /** A perceptron for `inputs` features with learning rate η (1 by default), starting from w = 0 and b = 0. */
  constructor(inputs: number, public learningRate = 1) {
    if (!Number.isInteger(inputs) || inputs <= 0) throw new RangeError(`Perceptron: inputs must be a positive whole number, got ${inputs}`);
    this.weights = new Array<number>(inputs).fill(0);
  }

  /** The score w·x + b, whose sign is the prediction. */
  score(x: readonly number[]): number {
    if (x.length !== this.weights.length) {
      throw new RangeError(`Perceptron: the input has ${x.length} features but the perceptron has ${this.weights.length} weights`);
    }
    let s = this.bias;
    for (let i = 0; i < x.length; i++) s += this.weights[i] * x[i];
    return s;
  }

  /** The predicted label: +1 when w·x + b > 0, otherwise -1. */
  predict(x: readonly number[]): number {
    return this.score(x) > 0 ? 1 : -1;
  }

  /** One step of the rule on one example: updates when y (w·x + b) ≤ 0 and returns whether it did. */
  update(x: readonly number[], y: number): boolean {
    if (y !== 1 && y !== -1) throw new RangeError(`Perceptron: labels must be -1 or +1, got ${y} (signedLabels maps 0/1 to ±1)`);
    if (y * this.score(x) > 0) return false;
    for (let i = 0; i < x.length; i++) this.weights[i] += this.learningRate * y * x[i];
    this.bias += this.learningRate * y;
    return true;
  }

  /** Sweeps the data, updating on every mistake, until an epoch has no mistake or the epoch limit is reached. */
  fit(data: { x: readonly (readonly number[])[]; y: readonly number[] }, options: PerceptronFitOptions = {}): PerceptronResult {
    const { maxEpochs = 100, rng } = options;
    if (data.x.length !== data.y.length) throw new RangeError(`Perceptron: ${data.x.length} inputs but ${data.y.length} labels`);
    const order = Array.from({ length: data.y.length }, (_, i) => i);
    const mistakesPerEpoch: number[] = [];
    while (mistakesPerEpoch.length < maxEpochs) {
      if (rng) rng.shuffle(order);
      let mistakes = 0;
      for (const i of order) if (this.update(data.x[i], data.y[i])) mistakes++;
      mistakesPerEpoch.push(mistakes);
      if (mistakes === 0) break;
    }
    const last = mistakesPerEpoch[mistakesPerEpoch.length - 1];
    return { converged: last === 0, epochs: mistakesPerEpoch.length, mistakesPerEpoch };
  }
}
