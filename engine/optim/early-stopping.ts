// Early stopping: watch a validation metric after each epoch, remember the
// weights at its best, and stop once it has not improved for `patience`
// epochs in a row, putting the best weights back (Keras's EarlyStopping with
// restore_best_weights). The weights are saved as Module.toJSON snapshots.

import type { Module, ModuleState } from '../nn/module.ts';

/** Options for `EarlyStopping`. */
export interface EarlyStoppingOptions {
  /** Stop after this many epochs in a row without improvement (as Keras counts); 5 by default. */
  patience?: number;
  /** How much better than the best a value must be to count as an improvement; 0 by default. */
  minDelta?: number;
  /** 'min' for a loss (lower is better, the default), 'max' for an accuracy. */
  mode?: 'min' | 'max';
}

/** Watches a validation metric, keeps a snapshot of the best weights, and says when to stop. */
export class EarlyStopping {
  /** The best value seen so far (Infinity or -Infinity before the first epoch). */
  bestValue: number;
  /** The epoch (counted from 0) of the best value, or -1 before the first. */
  bestEpoch = -1;
  /** The number of epochs reported so far. */
  epoch = 0;
  /** Epochs since the last improvement. */
  waited = 0;
  /** Whether the patience has run out. */
  stopped = false;
  private best: ModuleState | null = null;
  private readonly patience: number;
  private readonly minDelta: number;
  private readonly mode: 'min' | 'max';

  /** Watches `module`, whose weights it snapshots at every new best and restores when it stops. */
  constructor(readonly module: Module, options: EarlyStoppingOptions = {}) {
    this.patience = options.patience ?? 5;
    this.minDelta = options.minDelta ?? 0;
    this.mode = options.mode ?? 'min';
    if (!Number.isInteger(this.patience) || this.patience < 0) throw new RangeError(`EarlyStopping: patience must be a whole number of epochs, got ${this.patience}`);
    if (!(this.minDelta >= 0)) throw new RangeError(`EarlyStopping: minDelta must be zero or more, got ${this.minDelta}`);
    this.bestValue = this.mode === 'min' ? Infinity : -Infinity;
  }

  /**
   * Reports one epoch's validation value and returns true when training should stop; on stopping the best
   * weights are already back in the module.
   */
  step(value: number): boolean {
    if (this.stopped) return true;
    const improved = this.mode === 'min' ? value < this.bestValue - this.minDelta : value > this.bestValue + this.minDelta;
    if (improved) {
      this.bestValue = value;
      this.bestEpoch = this.epoch;
      this.best = this.module.toJSON();
      this.waited = 0;
    } else {
      this.waited++;
    }
    this.epoch++;
    if (this.waited >= this.patience && this.waited > 0) {
      this.stopped = true;
      this.restoreBest();
    }
    return this.stopped;
  }

  /** Puts the best weights seen back into the module (for when training ends by its epoch limit instead). */
  restoreBest(): void {
    if (this.best !== null) this.module.fromJSON(this.best);
  }
}
