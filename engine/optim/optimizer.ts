// The base of every optimizer: the parameters it updates, a learning rate that
// schedules may change between steps, zeroing gradients, and per-parameter
// state (momentum buffers, running averages) that can be saved and restored.

import type { Tensor } from '../tensor.ts';

/** An optimizer's state as plain data: the step count, the learning rate and each parameter's buffers. */
export interface OptimizerState {
  /** Steps taken so far. */
  step: number;
  /** The current learning rate. */
  lr: number;
  /** For each parameter (in order), its named buffers. */
  buffers: Record<string, number[]>[];
}

/** The base class of the optimizers: holds the parameters, the learning rate and per-parameter buffers. */
export abstract class Optimizer {
  /** The tensors this optimizer updates, in order. */
  readonly params: Tensor[];
  /** The learning rate η; a schedule may set it between steps. */
  lr: number;
  /** Steps taken so far (PyTorch's `step` in the optimizer state). */
  stepCount = 0;
  /** Each parameter's named buffers, created on its first update. */
  protected readonly buffers: Map<string, Float64Array>[];

  /** Starts an optimizer over `params` with learning rate `lr`. */
  constructor(params: Iterable<Tensor>, lr: number) {
    this.params = Array.from(params);
    if (this.params.length === 0) throw new RangeError(`${this.constructor.name}: got an empty list of parameters`);
    if (!(lr >= 0)) throw new RangeError(`${this.constructor.name}: the learning rate must be a number >= 0, got ${lr}`);
    this.lr = lr;
    this.buffers = this.params.map(() => new Map());
  }

  /** Applies one update to every parameter that has a gradient, then counts the step. */
  step(): void {
    this.stepCount++;
    this.params.forEach((p, i) => {
      if (p.grad !== null) this.update(p.data, p.grad.data, i);
    });
  }

  /** Updates one parameter's values in place from its gradient; `index` names its buffers. */
  protected abstract update(param: Float64Array, grad: Float64Array, index: number): void;

  /** Sets every parameter's gradient to zero, keeping the buffers for the next backward pass. */
  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /** The named buffer of parameter `index`, created filled with `initial` on first use. */
  protected buffer(index: number, name: string, initial = 0): Float64Array {
    const map = this.buffers[index];
    let b = map.get(name);
    if (b === undefined) {
      b = new Float64Array(this.params[index].size).fill(initial);
      map.set(name, b);
    }
    return b;
  }

  /** Whether parameter `index` already has the named buffer (used where PyTorch creates state lazily). */
  protected hasBuffer(index: number, name: string): boolean {
    return this.buffers[index].has(name);
  }

  /** The optimizer's state as plain data, for saving alongside a model. */
  stateDict(): OptimizerState {
    return {
      step: this.stepCount,
      lr: this.lr,
      buffers: this.buffers.map((map) => Object.fromEntries(Array.from(map, ([name, b]) => [name, Array.from(b)]))),
    };
  }

  /** Restores state saved by `stateDict` from an optimizer over parameters of the same sizes. */
  loadStateDict(state: OptimizerState): void {
    if (state.buffers.length !== this.params.length) {
      throw new RangeError(`loadStateDict: the state has ${state.buffers.length} parameters but this optimizer has ${this.params.length}`);
    }
    this.stepCount = state.step;
    this.lr = state.lr;
    state.buffers.forEach((named, i) => {
      this.buffers[i].clear();
      for (const [name, values] of Object.entries(named)) {
        if (values.length !== this.params[i].size) {
          throw new RangeError(`loadStateDict: buffer ${name} of parameter ${i} has ${values.length} values, the parameter ${this.params[i].size}`);
        }
        this.buffers[i].set(name, Float64Array.from(values));
      }
    });
  }
}
