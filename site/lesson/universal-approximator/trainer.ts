// Training a 1-N-1 network with the engine: full-batch mean squared error, Adam. It runs in the
// approximator's worker, and in the unit tests, where it is checked to lower the loss.

import { Adam, Random, Tensor, linear, mseLoss, noGrad, relu, sigmoid } from '../../../engine/index.ts';
import { DOMAIN } from './targets.ts';
import type { HiddenActivation, NetworkWeights } from './network.ts';

/** How to build the network and its optimizer. */
export interface TrainerOptions {
  /** Hidden units, 1 to 64. */
  units: number;
  /** The hidden nonlinearity. */
  activation: HiddenActivation;
  /** The seed of the first weights. */
  seed: number;
  /** Adam's learning rate (default 0.02). */
  lr?: number;
}

/** A 1-N-1 network with its Adam optimizer and its training data. */
export class Trainer {
  private readonly W1: Tensor;
  private readonly b1: Tensor;
  private readonly W2: Tensor;
  private readonly b2: Tensor;
  private readonly optimizer: Adam;
  private x: Tensor;
  private y: Tensor;
  /** Steps taken so far. */
  steps = 0;

  /** A network with its first weights drawn from the seed, to fit the points (x, y). */
  constructor(readonly options: TrainerOptions, x: readonly number[], y: readonly number[]) {
    const { units, activation, seed } = options;
    if (!Number.isInteger(units) || units < 1 || units > 64) throw new RangeError(`Trainer: units must be a whole number from 1 to 64, got ${units}`);
    const rng = new Random(seed);
    const [lo, hi] = DOMAIN;
    // Spread the units over the interval: each gets a slope wⱼ of random sign and a centre
    // (ReLU's hinge, the sigmoid's midpoint) uniform on it, so bⱼ = −wⱼ · centre.
    const scale = activation === 'relu' ? 1 : 3;
    const w = Array.from({ length: units }, () => (rng.next() < 0.5 ? -1 : 1) * scale * rng.uniform(0.5, 1.5));
    const b = w.map((wj) => -wj * rng.uniform(lo, hi));
    const v = Array.from({ length: units }, () => rng.normal(0, 1 / Math.sqrt(units)));
    const param = (values: number[], shape: number[]) => Tensor.fromData(Float64Array.from(values), shape, { requiresGrad: true });
    this.W1 = param(w, [units, 1]);
    this.b1 = param(b, [units]);
    this.W2 = param(v, [1, units]);
    this.b2 = param([0], [1]);
    this.optimizer = new Adam([this.W1, this.b1, this.W2, this.b2], { lr: options.lr ?? 0.02 });
    [this.x, this.y] = Trainer.tensors(x, y);
    if (x.length === 0) throw new RangeError('Trainer: give at least one point to fit');
  }

  private static tensors(x: readonly number[], y: readonly number[]): [Tensor, Tensor] {
    if (x.length !== y.length) throw new RangeError(`Trainer: ${x.length} inputs but ${y.length} targets`);
    return [Tensor.fromData(Float64Array.from(x), [x.length, 1]), Tensor.fromData(Float64Array.from(y), [y.length, 1])];
  }

  /** Replaces the points to fit, keeping the weights and the optimizer's state. */
  setData(x: readonly number[], y: readonly number[]): void {
    if (x.length === 0) throw new RangeError('Trainer: give at least one point to fit');
    [this.x, this.y] = Trainer.tensors(x, y);
  }

  private forward(): Tensor {
    const hidden = linear(this.x, this.W1, this.b1);
    return linear(this.options.activation === 'relu' ? relu(hidden) : sigmoid(hidden), this.W2, this.b2);
  }

  /** The mean squared error of the current weights on the points. */
  loss(): number {
    return noGrad(() => mseLoss(this.forward(), this.y).item());
  }

  /** Takes `count` full-batch Adam steps and returns the loss after them. */
  train(count: number): number {
    for (let i = 0; i < count; i++) {
      this.optimizer.zeroGrad();
      mseLoss(this.forward(), this.y).backward();
      this.optimizer.step();
      this.steps++;
    }
    return this.loss();
  }

  /** The current weights as plain numbers. */
  weights(): NetworkWeights {
    return { w: Array.from(this.W1.data), b: Array.from(this.b1.data), v: Array.from(this.W2.data), c: this.b2.data[0] };
  }
}
