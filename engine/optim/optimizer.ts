// The base of every optimizer. It owns what torch.optim's optimizers share:
// the parameters, the hyper-parameters every one of them has (learning rate η,
// weight decay λ, maximize), the update's prologue, zeroing gradients, and
// per-parameter state (momentum buffers, running averages) that can be saved
// and restored. An optimizer writes only its own update rule.
//
// The prologue turns a parameter's gradient into the g its rule reads:
//   g ← -∇ when maximizing, else ∇
//   g ← g + λ θ                        (L2 weight decay, as SGD, Adagrad, RMSprop and Adam)
// AdamW decouples the decay instead: θ ← θ (1 - η λ) before its step, and g is left alone.
//
// Each optimizer class lists its hyper-parameters (torch.optim's defaults and
// the values it accepts) in a static table; the constructor fills in defaults
// and refuses values out of range from that table, and the registry, the
// conformance runner and the widgets read the same table.

import type { Tensor } from '../tensor.ts';

/** One hyper-parameter of an optimizer: its default (as torch.optim), the values it accepts, and what it means. */
export interface HyperParameter {
  /** The value used when the option is not given: a number, a flag, or a pair of numbers (Adam's betas). */
  default: number | boolean | readonly [number, number];
  /** The smallest value accepted (for a pair, by each number). */
  min?: number;
  /** The largest value accepted (for a pair, by each number). */
  max?: number;
  /** A bound every value must stay strictly below (Adam's β < 1). */
  below?: number;
  /** One line for a reader: the symbol the lectures use and what it does. */
  description: string;
}

/** An optimizer's hyper-parameters by option name (camelCase of PyTorch's name: `weightDecay` is `weight_decay`). */
export type HyperParameters = Readonly<Record<string, HyperParameter>>;

/** The options every optimizer takes. */
export interface OptimizerOptions {
  /** Learning rate η. */
  lr?: number;
  /** Weight decay λ: an L2 penalty added to the gradient as λ θ, or AdamW's decoupled shrinking. */
  weightDecay?: number;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize?: boolean;
}

/** The hyper-parameters every optimizer shares; an optimizer's table spreads these and sets its own `lr` default. */
export const COMMON_HYPERPARAMETERS = {
  weightDecay: { default: 0, min: 0, description: 'Weight decay λ: adds λ θ to the gradient (an L2 penalty of λ/2 ‖θ‖²).' },
  maximize: { default: false, description: 'Climb the objective instead of descending it (the gradient is negated).' },
} as const satisfies HyperParameters;

/** A learning rate's table entry with the optimizer's own default. */
export function learningRate(defaultValue: number): HyperParameter {
  return { default: defaultValue, min: 0, description: 'Learning rate η: the size of each step.' };
}

/** An optimizer's state as plain data: the step count, the learning rate and each parameter's buffers. */
export interface OptimizerState {
  /** Steps taken so far. */
  step: number;
  /** The current learning rate. */
  lr: number;
  /** For each parameter (in order), its named buffers. */
  buffers: Record<string, number[]>[];
}

/** An optimizer class as the registry sees it: a constructor over parameters and options, with its hyper-parameter table. */
export interface OptimizerClass {
  /** Creates the optimizer over `params`. */
  new (params: Iterable<Tensor>, options?: Record<string, unknown>): Optimizer;
  /** Its hyper-parameters: defaults, accepted values and descriptions. */
  readonly hyperparameters: HyperParameters;
}

/** Fills in an optimizer's defaults from its table and refuses unknown options and values out of range. */
export function resolveOptions(who: string, table: HyperParameters, options: object): Record<string, unknown> {
  const given = options as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (given[name] !== undefined && !Object.prototype.hasOwnProperty.call(table, name)) {
      throw new RangeError(`${who}: unknown option '${name}'; the options are ${Object.keys(table).join(', ')}`);
    }
  }
  const resolved: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const value = given[name] ?? spec.default;
    checkValue(who, name, spec, value);
    resolved[name] = Array.isArray(value) ? [...value] : value;
  }
  return resolved;
}

/** Throws a RangeError naming the option when `value` is not of the kind of its default or out of range. */
function checkValue(who: string, name: string, spec: HyperParameter, value: unknown): void {
  const numbers = Array.isArray(spec.default) ? value : [value];
  const kind = Array.isArray(spec.default) ? 'a pair of numbers' : typeof spec.default === 'boolean' ? 'true or false' : 'a number';
  if (typeof spec.default === 'boolean') {
    if (typeof value !== 'boolean') throw new RangeError(`${who}: ${name} must be ${kind}, got ${String(value)}`);
    return;
  }
  const valid =
    Array.isArray(numbers) &&
    numbers.length === (Array.isArray(spec.default) ? 2 : 1) &&
    numbers.every((v) => typeof v === 'number' && !Number.isNaN(v) && (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max) && (spec.below === undefined || v < spec.below));
  if (!valid) {
    const bounds = [spec.min !== undefined ? `>= ${spec.min}` : '', spec.max !== undefined ? `<= ${spec.max}` : '', spec.below !== undefined ? `< ${spec.below}` : '']
      .filter((b) => b !== '')
      .join(' and ');
    throw new RangeError(`${who}: ${name} must be ${kind}${bounds ? ` ${bounds}` : ''}, got ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
  }
}

/** The base class of the optimizers: the parameters, the shared hyper-parameters, the update's prologue and per-parameter buffers. */
export abstract class Optimizer {
  /** The tensors this optimizer updates, in order. */
  readonly params: Tensor[];
  /** The learning rate η; a schedule may set it between steps. */
  lr: number;
  /** Weight decay λ; may be changed between steps. */
  weightDecay: number;
  /** Whether to ascend instead of descend. */
  maximize: boolean;
  /** Steps taken so far (PyTorch's `step` in the optimizer state). */
  stepCount = 0;
  /** Each parameter's named buffers, created on its first update. */
  protected readonly buffers: Map<string, Float64Array>[];
  /** Whether weight decay shrinks the weights directly, θ ← θ (1 - η λ) (AdamW), rather than entering the gradient. */
  protected readonly decoupledWeightDecay: boolean = false;
  /** Every hyper-parameter with its default filled in, by option name; a subclass reads its own from here. */
  private readonly resolved: Record<string, unknown>;
  /** Per parameter, the buffer the prologue writes g into when it differs from the gradient (not part of the state). */
  private readonly gradients: (Float64Array | undefined)[];

  /** Starts an optimizer over `params`, filling in its class's defaults and checking `options` against its table. */
  constructor(params: Iterable<Tensor>, options: object = {}) {
    const who = new.target.name;
    this.params = Array.from(params);
    if (this.params.length === 0) throw new RangeError(`${who}: got an empty list of parameters`);
    const table = (new.target as unknown as Partial<OptimizerClass>).hyperparameters;
    if (table === undefined) throw new TypeError(`${who}: an optimizer class needs a static \`hyperparameters\` table (see optim/sgd.ts)`);
    this.resolved = resolveOptions(who, table, options);
    this.lr = this.resolved.lr as number;
    this.weightDecay = this.resolved.weightDecay as number;
    this.maximize = this.resolved.maximize as boolean;
    this.buffers = this.params.map(() => new Map());
    this.gradients = this.params.map(() => undefined);
  }

  /** The options this optimizer was created with, defaults filled in (typed by the subclass's options). */
  protected settings<O extends OptimizerOptions>(): Required<O> {
    return this.resolved as Required<O>;
  }

  /** Applies one update to every parameter that has a gradient, then counts the step. */
  step(): void {
    this.stepCount++;
    this.params.forEach((p, i) => {
      if (p.grad !== null) this.update(p.data, this.gradient(p.data, p.grad.data, i), i);
    });
  }

  /** The prologue: the g the update rule reads (negated when maximizing, plus λ θ), after AdamW's decoupled shrinking of θ. */
  protected gradient(theta: Float64Array, grad: Float64Array, index: number): Float64Array {
    const { maximize, lr } = this;
    const decay = this.weightDecay;
    if (this.decoupledWeightDecay && decay !== 0) {
      const shrink = 1 - lr * decay;
      for (let i = 0; i < theta.length; i++) theta[i] *= shrink;
    }
    const coupled = this.decoupledWeightDecay ? 0 : decay;
    if (!maximize && coupled === 0) return grad;
    let g = this.gradients[index];
    if (g === undefined || g.length !== grad.length) g = this.gradients[index] = new Float64Array(grad.length);
    // One tight loop per case (x - g is exactly -g + x in floating point, so the order matches torch's).
    const n = grad.length;
    if (!maximize) for (let i = 0; i < n; i++) g[i] = grad[i] + coupled * theta[i];
    else if (coupled === 0) for (let i = 0; i < n; i++) g[i] = -grad[i];
    else for (let i = 0; i < n; i++) g[i] = coupled * theta[i] - grad[i];
    return g;
  }

  /** The update rule: changes one parameter's values in place from g (the prologue's gradient); `index` names its buffers. */
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
