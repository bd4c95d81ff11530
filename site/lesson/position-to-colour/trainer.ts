// One position-to-colour network: an engine MLP from a pixel's position (x, y), or its positional encoding
// γ(x), γ(y), to the pixel's colour, trained on every pixel of the picture with the mean squared error and
// Adam, an epoch at a time through the engine's fused fast path (FastMLP). Plain TypeScript without the DOM:
// the worker runs it, and the unit tests run it in Node to measure what the encoding changes.
//
// The network's shape and the scaling from the lecture's are in network.ts.

import { FastMLP, MLP, Random, batchIndices, createOptimizer, encodePositions, type Optimizer } from '../../../engine/index.ts';
import { encodingOptions, layerSizes, type NetworkOptions } from './network.ts';
import { pixelPositions, type Picture } from './picture.ts';

/** Pixels per mini-batch: an epoch of the 64 × 64 picture is 16 Adam steps. */
export const BATCH_SIZE = 256;
/** Adam's learning rate. */
export const LEARNING_RATE = 0.005;

/** A network learning a picture, trained an epoch at a time. */
export class PictureNetwork {
  /** The engine network. */
  readonly model: MLP;
  /** Epochs trained so far. */
  epoch = 0;
  private readonly kernel: FastMLP;
  private readonly optimizer: Optimizer;
  private readonly shuffle: Random;
  private readonly inputs: Float64Array;
  private readonly pixels: number;
  private readonly outputs: Float64Array;

  /** A fresh network for `picture`: its first weights and its shuffles drawn from the seed. */
  constructor(readonly picture: Picture, readonly options: NetworkOptions) {
    const positions = pixelPositions(picture.size);
    this.inputs = options.encoding ? encodePositions(positions, 2, encodingOptions(options.frequencies)) : positions;
    this.pixels = picture.size * picture.size;
    const rng = new Random(options.seed);
    this.model = new MLP(layerSizes(options), { activation: 'relu', outputActivation: 'sigmoid', rng: rng.fork() });
    this.shuffle = rng.fork();
    this.kernel = new FastMLP(this.model, { loss: 'mseLoss', maxBatch: BATCH_SIZE });
    this.optimizer = createOptimizer('adam', this.model.parameters(), { lr: LEARNING_RATE });
    this.outputs = new Float64Array(this.pixels * 3);
  }

  /** The number of inputs per pixel. */
  get inputWidth(): number {
    return this.model.sizes[0];
  }

  /** Trains one epoch: every pixel once, shuffled into mini-batches, one Adam step per batch. */
  trainEpoch(): void {
    for (const rows of batchIndices(this.pixels, BATCH_SIZE, this.shuffle)) {
      this.kernel.trainBatch(this.inputs, this.picture.rgb, rows);
      this.optimizer.step();
    }
    this.epoch++;
  }

  /** The mean squared error over every pixel and channel (channels from 0 to 1): the training loss. */
  loss(): number {
    return this.kernel.meanLoss(this.inputs, this.picture.rgb, this.pixels);
  }

  /** The network's picture: R, G, B from 0 to 1 for each pixel, row-major (a buffer reused by the next call). */
  render(): Float64Array {
    this.kernel.predict(this.inputs, this.pixels, this.outputs);
    return this.outputs;
  }
}
