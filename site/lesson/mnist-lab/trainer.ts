// The MNIST lab's training: the lectures' 784-256-10 network (ReLU hidden layer, softmax and cross-entropy on the
// ten scores), trained by the engine's FastMLP (proven equal to autograd) with an optimizer from the engine's
// registry, on mini-batches of the subset. The data stays bytes; each mini-batch is converted to inputs in [0, 1]
// as it is used. It runs in the lab's worker, in the unit tests, and in scripts/measure-mnist-lab.ts, which times
// an epoch.

import { MLP } from '../../../engine/nn/mlp.ts';
import { FastMLP } from '../../../engine/nn/fast-mlp.ts';
import { createOptimizer } from '../../../engine/optim/registry.ts';
import type { Optimizer } from '../../../engine/optim/optimizer.ts';
import { Random } from '../../../engine/random.ts';
import { batchIndices } from '../../../engine/data/batches.ts';
import { accuracy } from '../../../engine/data/accuracy.ts';
import { confusionMatrix } from '../../../engine/data/confusion-matrix.ts';
import { softmaxLine } from '../../../engine/formulas/activations.ts';
import type { MnistSplit, MnistSubset } from '../../../engine/data/mnist.ts';

/** The lectures' network: 784 inputs (28×28 pixels), 256 ReLU units, 10 scores (one per digit). */
export const MNIST_LAB_SIZES = [784, 256, 10] as const;

/** How the lab trains; the defaults reach 90% test accuracy within the first epoch (tests/site/lesson/mnist-lab). */
export interface MnistTrainingOptions {
  /** The optimizer's name in the engine's registry (default 'adam'). */
  optimizer: string;
  /** Its learning rate (default 2e-3: twice Adam's default, which stops just short of 90% after one epoch). */
  lr: number;
  /** Images per mini-batch (default 64). */
  batchSize: number;
  /** The seed of the first weights and of the shuffles (default 1). */
  seed: number;
  /** How many training images the training accuracy is measured on after each epoch (default 1,000). */
  trainSample: number;
}

/** The lab's training settings. */
export const MNIST_LAB_TRAINING: MnistTrainingOptions = { optimizer: 'adam', lr: 2e-3, batchSize: 64, seed: 1, trainSample: 1000 };

/** What the network makes of a split (or its first images): accuracy, the confusion matrix and every guess. */
export interface MnistEvaluation {
  /** The fraction of images classified right. */
  accuracy: number;
  /** confusion[true digit][guessed digit], counts. */
  confusion: number[][];
  /** The network's guess for each image, in the split's order. */
  guesses: Uint8Array;
  /** The probability of the guess for each image. */
  confidence: Float64Array;
}

/** The pixels of images `indices` of a split as rows of inputs in [0, 1], written into `out` (from its start). */
export function batchInputs(split: MnistSplit, indices: ArrayLike<number>, out: Float64Array): void {
  const area = split.pixels.length / Math.max(split.count, 1);
  for (let row = 0; row < indices.length; row++) {
    const from = indices[row] * area;
    for (let p = 0; p < area; p++) out[row * area + p] = split.pixels[from + p] / 255;
  }
}

/** The ten probabilities, softmax of each row of scores, by the engine's softmax (formulas/activations.ts). */
export function probabilities(scores: Float64Array, rows: number, classes: number): Float64Array {
  const out = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) softmaxLine(scores, out, r * classes, (r + 1) * classes, 1);
  return out;
}

/** The 784-256-10 network with its optimizer, its place in the current epoch, and buffers for one mini-batch. */
export class MnistTrainer {
  /** The network (its parameters are what FastMLP reads and the optimizer updates). */
  readonly model: MLP;
  /** Epochs completed. */
  epoch = 0;
  /** Mini-batches done in the current epoch. */
  batch = 0;
  /** The mean loss of the last mini-batch (NaN before the first). */
  lastLoss = Number.NaN;
  private readonly fast: FastMLP;
  private readonly optimizer: Optimizer;
  private readonly rng: Random;
  private order: number[][];
  private readonly inputs: Float64Array;
  private readonly targets: Float64Array;
  private readonly rows: Int32Array;

  /** A fresh network on `subset`, its weights and shuffles drawn from `options.seed`. */
  constructor(readonly subset: MnistSubset, readonly options: MnistTrainingOptions = MNIST_LAB_TRAINING) {
    const area = subset.rows * subset.cols;
    if (area !== MNIST_LAB_SIZES[0]) throw new RangeError(`MnistTrainer: images of ${subset.rows}×${subset.cols} do not give the network's ${MNIST_LAB_SIZES[0]} inputs`);
    this.model = new MLP(MNIST_LAB_SIZES, { activation: 'relu', seed: options.seed });
    this.fast = new FastMLP(this.model, { loss: 'crossEntropy', maxBatch: Math.max(options.batchSize, 64) });
    this.optimizer = createOptimizer(options.optimizer, this.model.parameters(), { lr: options.lr });
    this.rng = new Random(options.seed + 1);
    this.order = batchIndices(subset.train.count, options.batchSize, this.rng);
    this.inputs = new Float64Array(this.fast.maxBatch * area);
    this.targets = new Float64Array(this.fast.maxBatch);
    this.rows = Int32Array.from({ length: this.fast.maxBatch }, (_, i) => i);
  }

  /** Mini-batches in one epoch. */
  get batchesPerEpoch(): number {
    return this.order.length;
  }

  /** Trains on the next mini-batch of the epoch; returns true when it was the epoch's last (the next epoch is then shuffled). */
  step(): boolean {
    const indices = this.order[this.batch];
    const { train } = this.subset;
    batchInputs(train, indices, this.inputs);
    for (let r = 0; r < indices.length; r++) this.targets[r] = train.labels[indices[r]];
    // trainBatch writes (does not add) every gradient, so no zeroGrad is needed.
    this.lastLoss = this.fast.trainBatch(this.inputs, this.targets, this.rows.subarray(0, indices.length));
    this.optimizer.step();
    this.batch += 1;
    if (this.batch < this.order.length) return false;
    this.batch = 0;
    this.epoch += 1;
    this.order = batchIndices(train.count, this.options.batchSize, this.rng);
    return true;
  }

  /** The ten scores (logits) of the network for `count` rows of inputs in [0, 1]. */
  scores(inputs: Float64Array, count: number): Float64Array {
    const out = new Float64Array(count * 10);
    this.fast.predict(inputs, count, out);
    return out;
  }

  /** The ten probabilities for one image of 784 inputs in [0, 1]. */
  classify(inputs: Float64Array): Float64Array {
    return probabilities(this.scores(inputs, 1), 1, 10);
  }

  /** Accuracy, confusion matrix and guesses on the first `count` images of a split (all by default). */
  evaluate(split: MnistSplit, count = split.count): MnistEvaluation {
    const chunk = this.fast.maxBatch;
    const guesses = new Uint8Array(count);
    const confidence = new Float64Array(count);
    const indices = new Int32Array(chunk);
    for (let start = 0; start < count; start += chunk) {
      const n = Math.min(chunk, count - start);
      for (let r = 0; r < n; r++) indices[r] = start + r;
      batchInputs(split, indices.subarray(0, n), this.inputs);
      const p = probabilities(this.scores(this.inputs, n), n, 10);
      for (let r = 0; r < n; r++) {
        let best = 0;
        for (let k = 1; k < 10; k++) if (p[r * 10 + k] > p[r * 10 + best]) best = k;
        guesses[start + r] = best;
        confidence[start + r] = p[r * 10 + best];
      }
    }
    const labels = split.labels.subarray(0, count);
    return { accuracy: accuracy(guesses, labels), confusion: confusionMatrix(guesses, labels, 10), guesses, confidence };
  }
}
