// Sequential, as torch.nn.Sequential: modules applied one after another, the
// output of each the input of the next.

import type { Tensor } from '../tensor.ts';
import { Module } from './module.ts';

/** A chain of modules applied in order; its parameters are named `layers.0.weight`, `layers.0.bias`, ... */
export class Sequential extends Module {
  /** The modules, in the order they are applied. */
  readonly layers: Module[];

  /** A chain of the given modules. */
  constructor(...layers: Module[]) {
    super();
    this.layers = layers;
  }

  /** The input passed through every layer in turn. */
  forward(x: Tensor): Tensor {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }
}
