// Learning-rate schedules: the learning rate as a function of the epoch t
// (counted from 0), and a scheduler that writes it into an optimizer's `lr`.
// Each matches the torch.optim.lr_scheduler of the same idea, so a schedule
// learned here reads the same in PyTorch.

/** The learning rate for epoch t = 0, 1, 2, ... */
export type Schedule = (epoch: number) => number;

/** η_t = η₀ for every epoch. */
export function constantSchedule(lr0: number): Schedule {
  return () => lr0;
}

/**
 * η_t = η₀ / (1 + decay · t): with decay 1 this is the lectures' η₀/t counting epochs from t = 1
 * (η₀, η₀/2, η₀/3, ...), which shrinks slowly enough that Σ η_t diverges while Σ η_t² converges.
 */
export function inverseTimeSchedule(lr0: number, decay = 1): Schedule {
  return (t) => lr0 / (1 + decay * t);
}

/** η_t = η₀ · γ^⌊t / stepSize⌋: multiply by γ every stepSize epochs, as torch's StepLR. */
export function stepSchedule(lr0: number, stepSize: number, gamma = 0.1): Schedule {
  if (!Number.isInteger(stepSize) || stepSize <= 0) throw new RangeError(`stepSchedule: stepSize must be a positive whole number, got ${stepSize}`);
  return (t) => lr0 * gamma ** Math.floor(t / stepSize);
}

/** η_t = η₀ · γ^t, as torch's ExponentialLR. */
export function exponentialSchedule(lr0: number, gamma: number): Schedule {
  return (t) => lr0 * gamma ** t;
}

/**
 * η_t = η_min + (η₀ - η_min) · (1 + cos(π t / T)) / 2 for t ≤ T, then η_min: half a cosine from η₀ down to η_min
 * over T epochs, as torch's CosineAnnealingLR (without restarts).
 */
export function cosineSchedule(lr0: number, totalEpochs: number, lrMin = 0): Schedule {
  if (!(totalEpochs > 0)) throw new RangeError(`cosineSchedule: totalEpochs must be positive, got ${totalEpochs}`);
  return (t) => lrMin + ((lr0 - lrMin) * (1 + Math.cos((Math.PI * Math.min(t, totalEpochs)) / totalEpochs))) / 2;
}

/**
 * A linear warm-up in front of another schedule: for the first T = warmupEpochs epochs
 * η_t = after(0) · (f + (1 - f) · t / T), a straight ramp from f · after(0) (f = startFactor, default 1/T) towards
 * after(0); from epoch T on, η_t = after(t - T). As torch's LinearLR(start_factor=f, total_iters=T) followed by
 * `after` in a SequentialLR with milestone T.
 */
export function warmupSchedule(after: Schedule, warmupEpochs: number, startFactor = 1 / warmupEpochs): Schedule {
  if (!Number.isInteger(warmupEpochs) || warmupEpochs <= 0) throw new RangeError(`warmupSchedule: warmupEpochs must be a positive whole number, got ${warmupEpochs}`);
  if (!(startFactor > 0 && startFactor <= 1)) throw new RangeError(`warmupSchedule: startFactor must be in (0, 1], got ${startFactor}`);
  return (t) => (t < warmupEpochs ? after(0) * (startFactor + ((1 - startFactor) * t) / warmupEpochs) : after(t - warmupEpochs));
}

/** Anything with a settable learning rate, such as every optimizer in engine/optim. */
export interface HasLearningRate {
  /** The learning rate the next step uses. */
  lr: number;
}

/** Drives an optimizer's learning rate by a schedule: sets epoch 0's rate at once, then the next epoch's on each `step()`. */
export class LRScheduler {
  /** The epoch whose rate the optimizer holds now. */
  epoch = 0;

  /** Attaches the schedule to the optimizer and sets its rate for epoch 0. */
  constructor(readonly optimizer: HasLearningRate, readonly schedule: Schedule) {
    optimizer.lr = schedule(0);
  }

  /** Moves to the next epoch (call once after each epoch's updates, as in PyTorch) and returns its learning rate. */
  step(): number {
    this.epoch++;
    this.optimizer.lr = this.schedule(this.epoch);
    return this.optimizer.lr;
  }

  /** The learning rate the optimizer uses now. */
  get lr(): number {
    return this.optimizer.lr;
  }
}
