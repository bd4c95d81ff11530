// Module, the base of every network piece, as torch.nn.Module: it finds its
// parameters and sub-modules by looking at its own fields, so a subclass only
// has to store them (`this.weight = ...`, `this.layers = [...]`) and write
// `forward`.

import { Tensor } from '../tensor.ts';
import { shapeString } from '../shape.ts';

/** The saved parameters of a module: each parameter's dotted name with its shape and values, ready for JSON. */
export type ModuleState = Record<string, { shape: number[]; data: number[] }>;

/** A piece of a network: holds parameters (tensors with requiresGrad) and sub-modules, and maps an input to an output. */
export abstract class Module {
  /** Whether the module is in training mode (dropout active) or evaluation mode; set with `train()` and `eval()`. */
  training = true;

  /** The output for an input batch. */
  abstract forward(x: Tensor): Tensor;

  /** The direct sub-modules with their field names (array fields give `name.0`, `name.1`, ...), in field order. */
  namedChildren(): [string, Module][] {
    const children: [string, Module][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) children.push([key, value]);
      else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (item instanceof Module) children.push([`${key}.${i}`, item]);
        });
      }
    }
    return children;
  }

  /**
   * Every parameter of this module and its sub-modules with its dotted name (`layers.0.weight`), as torch's
   * named_parameters; a tensor shared by two sub-modules is listed once, under its first name, so an optimizer
   * updates it once per step.
   */
  namedParameters(): [string, Tensor][] {
    const seen = new Set<Tensor>();
    const unique: [string, Tensor][] = [];
    for (const [name, p] of this.allNamedParameters()) {
      if (seen.has(p)) continue;
      seen.add(p);
      unique.push([name, p]);
    }
    return unique;
  }

  private allNamedParameters(): [string, Tensor][] {
    const own: [string, Tensor][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Tensor && value.requiresGrad) own.push([key, value]);
    }
    const nested = this.namedChildren().flatMap(([prefix, child]) =>
      child.allNamedParameters().map(([name, p]): [string, Tensor] => [`${prefix}.${name}`, p]),
    );
    return [...own, ...nested];
  }

  /** Every parameter, for handing to an optimizer. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** The total number of learnable numbers. */
  parameterCount(): number {
    return this.parameters().reduce((sum, p) => sum + p.size, 0);
  }

  /** Sets every parameter's gradient to zero before the next backward pass. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Puts this module and all sub-modules in training mode (or evaluation mode with `false`). */
  train(mode = true): this {
    this.training = mode;
    for (const [, child] of this.namedChildren()) child.train(mode);
    return this;
  }

  /** Puts this module and all sub-modules in evaluation mode: dropout passes everything through. */
  eval(): this {
    return this.train(false);
  }

  /** The parameters' values by name, as torch's state_dict; `JSON.stringify(module)` uses it. */
  toJSON(): ModuleState {
    const state: ModuleState = {};
    for (const [name, p] of this.namedParameters()) state[name] = { shape: p.shape.slice(), data: Array.from(p.data) };
    return state;
  }

  /**
   * Copies saved values into the existing parameters (so an optimizer holding them keeps working), as torch's
   * load_state_dict with strict=True: every name must be present with its shape, and no others.
   */
  fromJSON(state: ModuleState): this {
    const parameters = new Map(this.namedParameters());
    for (const name of Object.keys(state)) {
      if (!parameters.has(name)) throw new RangeError(`fromJSON: the saved state has '${name}', which this module does not have`);
    }
    for (const [name, p] of parameters) {
      const saved = state[name];
      if (saved === undefined) throw new RangeError(`fromJSON: the saved state has no '${name}'`);
      if (saved.shape.length !== p.shape.length || saved.shape.some((d, i) => d !== p.shape[i]) || saved.data.length !== p.size) {
        throw new RangeError(`fromJSON: '${name}' is saved with shape ${shapeString(saved.shape)} but the module's has shape ${shapeString(p.shape)}`);
      }
      p.data.set(saved.data);
    }
    return this;
  }
}
