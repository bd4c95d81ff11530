// The fast path of `MLP` for small dense networks: a fused, allocation-free
// forward and backward pass over the MLP's own parameters, for hot training
// loops such as the Playground's. The generic path builds a graph of small
// tensors for every mini-batch; for a 2-8-8-1 network on 10 points that
// bookkeeping costs more than the arithmetic (in Node on the development
// machine, about 650 epochs per second against 1,700 with this kernel), and
// its garbage makes collection pauses that drop a widget's frames.
//
// It computes what autograd computes, from the same formulas: the activations
// and losses are the registry's (formulas/), the dropout masks are drawn by
// the op's own `dropoutMask` from the MLP's Dropout generators, in the order
// of the engine's forward pass, and the gradients are written into the
// parameters' own grad buffers, so the engine's optimizers update the model
// as after `loss.backward()`. tests/engine/fast-mlp.test.ts proves its
// losses, gradients and training steps equal to autograd's within 1e-12, for
// every activation and loss it accepts.
//
// Per block k: z = h Wᵀ + b, a = f(z), h' = a ⊙ mask. Backward, from
// δ = dL/dz of the last block: dW = δᵀ h, db = Σ_rows δ, dh = δ W,
// δ_prev = dh ⊙ mask ⊙ f′(z).
//
// The products z = h Wᵀ (+ b), dW = δᵀ h and dh = δ W run through the engine's
// gemm (engine/ops/gemm.ts), so on the WebAssembly SIMD kernel where it loads.
// Where the first layer's product would run on the JavaScript kernel, that
// layer skips the inputs that are exactly zero instead, in z = x Wᵀ + b and in
// dW = δᵀ x: a term 0 · w adds nothing to a finite sum, and on images (MNIST's
// are about 80% background) the first layer, most of the work, costs a
// fraction (an epoch of the MNIST lab's 784-256-10 network in Node on the
// development machine, at load 14–17: about 21 s dense, 6.6 s skipping zeros,
// both in JavaScript; see the README's Measured table). The dense WebAssembly
// product is faster still (firstLayerSparse).

import { gradBuffer } from '../tensor.ts';
import { gemm, kernelBackend, WASM_MIN_WORK } from '../ops/gemm.ts';
import { dropoutMask } from '../ops/dropout.ts';
import {
  ACTIVATION_FUNCTIONS,
  TRAINABLE_ELEMENTWISE,
  parameterValues,
  type ElementwiseActivation,
  type ElementwiseActivationName,
  type ParameterValues,
} from '../formulas/activations.ts';
import { LOSS_FUNCTIONS, type LossFunction, type LossFunctionName } from '../formulas/losses.ts';
import type { Dropout } from './dropout.ts';
import type { MLP } from './mlp.ts';

/** Options of a `FastMLP`. */
export interface FastMLPOptions {
  /** The loss to train with, by its engine name: 'mseLoss', 'binaryCrossEntropyWithLogits', 'crossEntropy', ... */
  loss: LossFunctionName;
  /** The most rows one pass handles (256 by default); its buffers are sized for it once. */
  maxBatch?: number;
}

/** The activations a `FastMLP` can run (hidden or output): elementwise, differentiable, without a learned parameter. */
export const FAST_MLP_ACTIVATIONS: readonly ElementwiseActivationName[] = TRAINABLE_ELEMENTWISE;

/** An activation's formulas with its parameter values. */
interface Applied {
  entry: ElementwiseActivation;
  p: ParameterValues;
  identity: boolean;
}

/** The registry entry of an MLP's activation, with its default parameters, or an error naming what the fast path runs. */
function applied(name: string, where: string): Applied {
  if (!(FAST_MLP_ACTIVATIONS as readonly string[]).includes(name)) {
    throw new RangeError(`FastMLP: the ${where} activation '${name}' is not one it runs; it runs ${FAST_MLP_ACTIVATIONS.join(', ')} (use autograd otherwise)`);
  }
  const entry = ACTIVATION_FUNCTIONS[name as ElementwiseActivationName] as ElementwiseActivation;
  return { entry, p: parameterValues(entry), identity: name === 'identity' };
}

/**
 * The fused fast path of an `MLP`: mean loss and gradients of a mini-batch without building a graph, in buffers
 * allocated once. Targets are one class index per row for a class loss (cross-entropy, NLL), else one value per
 * output per row (row-major). Dropout is applied while the model is training, as in `model.forward`.
 */
export class FastMLP {
  /** The layer sizes, input first. */
  readonly sizes: readonly number[];
  /** The loss it trains with, from the registry. */
  readonly loss: LossFunction;
  /** The most rows one pass handles. */
  readonly maxBatch: number;
  private readonly lossParameters: ParameterValues;
  private readonly weights: Float64Array[];
  private readonly biases: Float64Array[];
  private readonly weightGrads: Float64Array[];
  private readonly biasGrads: Float64Array[];
  private readonly dropouts: (Dropout | null)[];
  private readonly hidden: Applied;
  private readonly output: Applied;
  // Per layer, maxBatch rows: the pre-activations z, the activations a = f(z), the output h after dropout (and the input in h[0]), the masks.
  private readonly z: Float64Array[];
  private readonly a: Float64Array[];
  private readonly h: Float64Array[];
  private readonly masks: Float64Array[];
  private readonly deltas: Float64Array[];
  // Scratch for the loss (cross-entropy keeps each row's softmax here).
  private readonly work: Float64Array;
  // Whether the last forward pass applied dropout after layer k (else the next layer read a[k] directly).
  private readonly dropped: boolean[];
  // Per row of the last forward pass, the columns of its input that are not zero (row r's at r · inputs) and their count.
  private readonly nonZero: Int32Array;
  private readonly nonZeroCount: Int32Array;
  // Whether the last forward pass ran the first layer over the non-zero inputs only (else through gemm).
  private sparseInput = false;

  /** The fast path of `model` for the loss in `options`; it reads and writes the model's own parameters. */
  constructor(readonly model: MLP, options: FastMLPOptions) {
    const { loss, maxBatch = 256 } = options;
    this.sizes = model.sizes;
    this.maxBatch = maxBatch;
    if (!Object.prototype.hasOwnProperty.call(LOSS_FUNCTIONS, loss)) {
      throw new RangeError(`FastMLP: unknown loss '${String(loss)}'; known: ${Object.keys(LOSS_FUNCTIONS).join(', ')}`);
    }
    this.loss = LOSS_FUNCTIONS[loss];
    this.lossParameters = parameterValues(this.loss);
    const blocks = model.blocks;
    const linears = blocks.map((block) => block.linear);
    const withBias = linears.map((layer) => {
      if (layer.bias === null) throw new RangeError('FastMLP: every Linear layer needs a bias');
      return layer.bias;
    });
    this.weights = linears.map((layer) => layer.weight.data);
    this.biases = withBias.map((bias) => bias.data);
    this.weightGrads = linears.map((layer) => gradBuffer(layer.weight)!);
    this.biasGrads = withBias.map((bias) => gradBuffer(bias)!);
    // dropouts[k] follows layer k (k = 1 is the first hidden layer), as in the MLP's blocks.
    this.dropouts = [null, ...blocks.map((block) => block.dropout)];
    this.hidden = applied(model.activation, 'hidden');
    this.output = applied(model.outputActivation, 'output');
    const rows = (k: number) => new Float64Array(maxBatch * this.sizes[k]);
    this.z = this.sizes.map((_, k) => rows(k));
    this.a = this.sizes.map((_, k) => rows(k));
    this.h = this.sizes.map((_, k) => rows(k));
    this.masks = this.sizes.map((_, k) => rows(k));
    this.deltas = this.sizes.map((_, k) => rows(k));
    this.work = rows(this.sizes.length - 1);
    this.dropped = this.sizes.map(() => false);
    this.nonZero = new Int32Array(maxBatch * this.sizes[0]);
    this.nonZeroCount = new Int32Array(maxBatch);
  }

  /**
   * Whether the first layer of a pass over `count` rows runs over the non-zero inputs only: whenever its product
   * would run on the JavaScript kernel. On the WebAssembly SIMD kernel the dense product is faster even on MNIST's
   * images, about 80% zeros (an epoch of the MNIST lab, in Node at load 16–18: 8.1 s dense on WebAssembly, 19.8 s
   * skipping zeros in JavaScript with the other layers on WebAssembly, 17.9 s all on JavaScript).
   */
  private firstLayerSparse(count: number): boolean {
    return kernelBackend() === 'js' || count * this.sizes[0] * this.sizes[1] < WASM_MIN_WORK;
  }

  /** The number of outputs of the network. */
  get outputs(): number {
    return this.sizes[this.sizes.length - 1];
  }

  /**
   * Forward pass over `count` rows of `x` (row-major, `sizes[0]` per row): the rows `rows[start + r]` when `rows`
   * is given, else rows start, start + 1, ...; dropout is applied when `training`. The outputs end up in
   * a[last] (z[last] when the output activation is the identity).
   */
  private forward(x: ArrayLike<number>, rows: ArrayLike<number> | null, start: number, count: number, training: boolean): Float64Array {
    const inputs = this.sizes[0];
    const h0 = this.h[0];
    const nonZero = this.nonZero;
    const sparse = this.firstLayerSparse(count);
    this.sparseInput = sparse;
    for (let r = 0; r < count; r++) {
      const source = (rows === null ? start + r : rows[start + r]) * inputs;
      // The non-zero columns are listed only when the first layer will use them.
      let n = 0;
      for (let j = 0; j < inputs; j++) {
        const v = x[source + j];
        h0[r * inputs + j] = v;
        if (sparse && v !== 0) nonZero[r * inputs + n++] = j;
      }
      this.nonZeroCount[r] = n;
    }
    const last = this.sizes.length - 1;
    for (let k = 1; k <= last; k++) {
      const fanIn = this.sizes[k - 1];
      const fanOut = this.sizes[k];
      const W = this.weights[k - 1];
      const b = this.biases[k - 1];
      const hIn = k === 1 || this.dropped[k - 1] ? this.h[k - 1] : this.a[k - 1];
      const z = this.z[k];
      if (k === 1 && sparse) {
        for (let r = 0; r < count; r++) {
          // The input's non-zero columns only, in the same order.
          const from = r * fanIn;
          const n = this.nonZeroCount[r];
          for (let i = 0; i < fanOut; i++) {
            let sum = b[i];
            const row = i * fanIn;
            for (let t = 0; t < n; t++) {
              const j = nonZero[from + t];
              sum += W[row + j] * hIn[from + j];
            }
            z[r * fanOut + i] = sum;
          }
        }
      } else {
        // z = b + h Wᵀ, Wᵀ(j, i) = W[i * fanIn + j]: strides (1, fanIn).
        for (let r = 0; r < count; r++) z.set(b, r * fanOut);
        gemm(count, fanOut, fanIn, hIn, fanIn, 1, W, 1, fanIn, z, true);
      }
      const n = count * fanOut;
      const { entry, p, identity } = k === last ? this.output : this.hidden;
      if (k === last && identity) return z;
      const a = this.a[k];
      const f = entry.f;
      for (let e = 0; e < n; e++) a[e] = f(z[e], p);
      if (k === last) return a;
      const dropout = training ? this.dropouts[k] : null;
      this.dropped[k] = dropout !== null && dropout.training && dropout.p > 0;
      if (this.dropped[k]) {
        const mask = this.masks[k];
        const hOut = this.h[k];
        dropoutMask(mask, n, dropout!.p, dropout!.rng);
        for (let e = 0; e < n; e++) hOut[e] = a[e] * mask[e];
      }
    }
    return this.z[last];
  }

  /**
   * The summed per-sample loss of `count` rows whose outputs are `out`, with targets read at row `rows[start + r]`
   * (or `start + r`); when `gradient` is set, also writes dL/d(output) of the mean loss into deltas[last].
   */
  private lossSum(out: Float64Array, y: ArrayLike<number>, rows: ArrayLike<number> | null, start: number, count: number, gradient: boolean): number {
    const outputs = this.outputs;
    const delta = this.deltas[this.sizes.length - 1];
    const loss = this.loss;
    let total = 0;
    if (loss.kind === 'class') {
      // Mean over the rows: dL/dz = (1/N) ∂ℓ/∂z.
      const scale = 1 / count;
      const work = this.work;
      for (let r = 0; r < count; r++) {
        const t = y[rows === null ? start + r : rows[start + r]];
        if (!(Number.isInteger(t) && t >= 0 && t < outputs)) throw new RangeError(`FastMLP: class ${t} is not an index between 0 and ${outputs - 1}`);
        const from = r * outputs;
        total += loss.loss(out, work, from, outputs, t);
        if (gradient) for (let k = 0; k < outputs; k++) delta[from + k] = scale * loss.dscore(out, work, from + k, k === t);
      }
      return total;
    }
    // Mean over rows and outputs: dL/dp = (1/(N · outputs)) ∂ℓ/∂p; a sample's loss is the mean over its outputs.
    const { loss: l, dp } = loss;
    const p = this.lossParameters;
    const scale = 1 / (count * outputs);
    for (let r = 0; r < count; r++) {
      const source = (rows === null ? start + r : rows[start + r]) * outputs;
      let sample = 0;
      for (let k = 0; k < outputs; k++) {
        const e = r * outputs + k;
        sample += l(out[e], y[source + k], p);
        if (gradient) delta[e] = scale * dp(out[e], y[source + k], p);
      }
      total += sample / outputs;
    }
    return total;
  }

  /**
   * One training pass over the mini-batch `rows` of (x, y): forward (with dropout while the model trains), the mean
   * loss, and its gradient written (not added) into every parameter's grad buffer, as `zeroGrad()` then
   * `loss.backward()` would. Returns the loss.
   */
  trainBatch(x: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>): number {
    const count = rows.length;
    if (count > this.maxBatch) throw new RangeError(`FastMLP: a batch of ${count} rows is more than the ${this.maxBatch} it was sized for`);
    const last = this.sizes.length - 1;
    const out = this.forward(x, rows, 0, count, this.model.training);
    const loss = this.lossSum(out, y, rows, 0, count, true) / count;
    if (!this.output.identity) {
      // Through the output activation: dL/dz = dL/da · f′(z).
      const { entry, p } = this.output;
      const df = entry.df;
      const delta = this.deltas[last];
      const z = this.z[last];
      const a = this.a[last];
      for (let e = 0, n = count * this.outputs; e < n; e++) delta[e] *= df(z[e], a[e], p);
    }
    const { entry, p } = this.hidden;
    const df = entry.df;
    for (let k = last; k >= 1; k--) {
      const fanIn = this.sizes[k - 1];
      const fanOut = this.sizes[k];
      const W = this.weights[k - 1];
      const gW = this.weightGrads[k - 1];
      const gb = this.biasGrads[k - 1];
      const delta = this.deltas[k];
      const hIn = k === 1 || this.dropped[k - 1] ? this.h[k - 1] : this.a[k - 1];
      gb.fill(0);
      for (let r = 0; r < count; r++) for (let i = 0; i < fanOut; i++) gb[i] += delta[r * fanOut + i];
      if (k === 1 && this.sparseInput) {
        // dW = δᵀ x over the input's non-zero columns only (the others add 0).
        gW.fill(0);
        const nonZero = this.nonZero;
        for (let r = 0; r < count; r++) {
          const from = r * fanIn;
          const n = this.nonZeroCount[r];
          for (let i = 0; i < fanOut; i++) {
            const d = delta[r * fanOut + i];
            const row = i * fanIn;
            for (let t = 0; t < n; t++) {
              const j = nonZero[from + t];
              gW[row + j] += d * hIn[from + j];
            }
          }
        }
      } else {
        // dW = δᵀ h, δᵀ(i, r) = δ[r * fanOut + i]: strides (1, fanOut).
        gemm(fanOut, fanIn, count, delta, 1, fanOut, hIn, fanIn, 1, gW, false);
      }
      if (k === 1) break;
      const previous = this.deltas[k - 1];
      const z = this.z[k - 1];
      const a = this.a[k - 1];
      const mask = this.dropped[k - 1] ? this.masks[k - 1] : null;
      // dh = δ W, then δ_prev = dh ⊙ mask ⊙ f′(z).
      gemm(count, fanIn, fanOut, delta, fanOut, 1, W, fanIn, 1, previous, false);
      for (let e = 0, n = count * fanIn; e < n; e++) {
        const sum = previous[e];
        previous[e] = (mask === null ? sum : sum * mask[e]) * df(z[e], a[e], p);
      }
    }
    return loss;
  }

  /**
   * The inverted-dropout mask the last training pass drew after hidden layer `layer` (1 is the first) for its
   * `row`-th row: 1/(1 − p) where a unit was kept, 0 where it was dropped; null when that pass dropped nothing there.
   */
  dropoutMask(layer: number, row: number): Float64Array | null {
    if (!(Number.isInteger(layer) && layer >= 1 && layer < this.sizes.length - 1)) throw new RangeError(`FastMLP: layer ${layer} is not a hidden layer (1 to ${this.sizes.length - 2})`);
    if (!this.dropped[layer]) return null;
    const units = this.sizes[layer];
    return this.masks[layer].slice(row * units, (row + 1) * units);
  }

  /** The mean loss over the first `n` rows of (x, y), without dropout and without touching the gradients. */
  meanLoss(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
    let total = 0;
    for (let start = 0; start < n; start += this.maxBatch) {
      const count = Math.min(this.maxBatch, n - start);
      const out = this.forward(x, null, start, count, false);
      total += this.lossSum(out, y, null, start, count, false);
    }
    return total / n;
  }

  /**
   * Every neuron's value for the first `n` rows of x, without dropout, layer by layer: `out[k]` receives, row by
   * row, layer k's `sizes[k]` values — the input row for k = 0, the hidden activation f(z) for a hidden layer, the
   * output (after the output activation) for the last. What a network diagram draws under each neuron; it reads the
   * model's parameters as they are now, so an edited weight shows at once.
   */
  neuronValues(x: ArrayLike<number>, n: number, out: readonly (Float64Array | Float32Array)[]): void {
    const last = this.sizes.length - 1;
    if (out.length !== this.sizes.length) throw new RangeError(`FastMLP: neuronValues needs one array per layer (${this.sizes.length}), got ${out.length}`);
    for (let k = 0; k <= last; k++) {
      if (out[k].length < n * this.sizes[k]) throw new RangeError(`FastMLP: neuronValues' array for layer ${k} holds ${out[k].length} values, fewer than ${n} rows × ${this.sizes[k]}`);
    }
    for (let start = 0; start < n; start += this.maxBatch) {
      const count = Math.min(this.maxBatch, n - start);
      const output = this.forward(x, null, start, count, false);
      for (let k = 0; k <= last; k++) {
        // Without dropout the hidden layers' outputs are their activations a[k]; the input is in h[0].
        const values = k === 0 ? this.h[0] : k === last ? output : this.a[k];
        const width = this.sizes[k];
        const target = out[k];
        const offset = start * width;
        for (let e = 0, m = count * width; e < m; e++) target[offset + e] = values[e];
      }
    }
  }

  /**
   * The network's outputs (after the output activation, without dropout) for the first `n` rows of x, written into
   * `out` row by row, `outputs` values per row.
   */
  predict(x: ArrayLike<number>, n: number, out: Float64Array | Float32Array): void {
    const outputs = this.outputs;
    for (let start = 0; start < n; start += this.maxBatch) {
      const count = Math.min(this.maxBatch, n - start);
      const values = this.forward(x, null, start, count, false);
      const offset = start * outputs;
      for (let e = 0, m = count * outputs; e < m; e++) out[offset + e] = values[e];
    }
  }
}
