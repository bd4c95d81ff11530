// The multilayer perceptron: Linear layers with an activation between them,
// built from a list of layer sizes, e.g. MLP([2, 8, 1]) for a 2-8-1 network.

import { Random } from '../random.ts';
import { Linear } from './linear.ts';
import type { Module } from './module.ts';
import { Sequential } from './sequential.ts';
import { Activation, type ActivationName } from './activation.ts';
import { Dropout } from './dropout.ts';
import type { Initializer } from './init.ts';

/** Options for an `MLP`. */
export interface MLPOptions {
  /** The activation after each hidden layer; 'relu' by default. */
  activation?: ActivationName;
  /** The activation after the last layer; 'identity' by default, so the network outputs logits or raw values. */
  outputActivation?: ActivationName;
  /** How to draw the first weights; torch's default U(±1/√in) unless given. */
  init?: Initializer;
  /** The generator for the weights (and dropout masks); `Random(seed)` unless given. */
  rng?: Random;
  /** The seed of a fresh generator when no `rng` is given; 0 by default. */
  seed?: number;
  /** The dropout probability after each hidden activation; no dropout layers unless given. */
  dropout?: number;
}

/** One layer of an MLP as it was built: its Linear, the activation after it, and the Dropout after that (or null). */
export interface MLPBlock {
  /** The fully connected layer. */
  readonly linear: Linear;
  /** The activation applied to its output: the hidden activation, or the output activation for the last block. */
  readonly activation: ActivationName;
  /** The dropout after the activation (hidden blocks only, when the MLP has dropout), or null. */
  readonly dropout: Dropout | null;
}

/**
 * A multilayer perceptron: Linear, activation, [Dropout], ..., Linear, output activation, as a Sequential. For small
 * dense networks trained in a hot loop (the Playground), `FastMLP` (nn/fast-mlp.ts) runs the same network without
 * building a graph, and gives the same losses and gradients.
 */
export class MLP extends Sequential {
  /** The layer sizes it was built from, input first. */
  readonly sizes: readonly number[];
  /** The activation after each hidden layer. */
  readonly activation: ActivationName;
  /** The activation after the last layer ('identity' when there is none). */
  readonly outputActivation: ActivationName;
  /** The network block by block, input side first, as built: what a fast path runs instead of the modules. */
  readonly blocks: readonly MLPBlock[];

  /** A network through the given sizes ([inputs, hidden..., outputs]), its layers drawn in order from one seeded generator. */
  constructor(sizes: readonly number[], options: MLPOptions = {}) {
    if (sizes.length < 2) throw new RangeError(`MLP: sizes needs at least an input and an output size, got [${sizes.join(', ')}]`);
    const { activation = 'relu', outputActivation = 'identity', init, dropout } = options;
    const rng = options.rng ?? new Random(options.seed ?? 0);
    const layers: Module[] = [];
    const blocks: MLPBlock[] = [];
    for (let k = 0; k + 1 < sizes.length; k++) {
      const linear = new Linear(sizes[k], sizes[k + 1], { init, rng });
      layers.push(linear);
      const last = k + 2 === sizes.length;
      let drop: Dropout | null = null;
      if (!last) {
        layers.push(new Activation(activation));
        if (dropout !== undefined && dropout > 0) layers.push((drop = new Dropout(dropout, rng.fork())));
      } else if (outputActivation !== 'identity') {
        layers.push(new Activation(outputActivation));
      }
      blocks.push({ linear, activation: last ? outputActivation : activation, dropout: drop });
    }
    super(...layers);
    this.sizes = sizes.slice();
    this.activation = activation;
    this.outputActivation = outputActivation;
    this.blocks = blocks;
  }

  /** The Linear layers in order, for looking at weights layer by layer. */
  linearLayers(): Linear[] {
    return this.blocks.map((block) => block.linear);
  }
}
