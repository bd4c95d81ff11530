// npm run bench [-- --json] [-- --runs N]
//
// Times, side by side, the median of N runs after warm-up:
//   (a) a 64×784 by 784×256 matrix product,
//   (b) one training step (forward, cross-entropy, backward, SGD update) of a
//       784-256-10 ReLU MLP on a batch of 64,
// for this engine (float64) and for TensorFlow.js on its pure-JavaScript CPU
// backend (float32), and
//   (c) one training step (forward, mean squared error, backward, SGD update)
//       of a 2-16-16-1 ReLU MLP on 64 points, for a micrograd-style scalar
//       engine and for this engine,
// and prints milliseconds, GFLOP/s and how many times faster this engine is.
// The two sides of each comparison run alternately, so a busy shared machine
// slows both alike.

import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { Random } from '../engine/random.ts';
import { Tensor, noGrad } from '../engine/tensor.ts';
import { matmul } from '../engine/ops/matmul.ts';
import { crossEntropy, mseLoss } from '../engine/ops/losses.ts';
import { SGD } from '../engine/optim/sgd.ts';
import { MLP } from '../engine/nn/mlp.ts';
import { moons } from '../engine/data/moons.ts';
import { datasetTensors } from '../engine/data/tensors.ts';
import { ScalarMLP } from './bench/scalar-engine.ts';
import { median } from './stats.ts';

/** One measured line of the table. */
interface Measurement {
  /** Which benchmark: 'matmul', 'mlp-step' or 'small-mlp-step'. */
  benchmark: string;
  /** Which engine ran it. */
  engine: string;
  /** The median over the timed runs, in milliseconds. */
  medianMs: number;
  /** The fastest timed run, in milliseconds. */
  minMs: number;
  /** The slowest timed run, in milliseconds. */
  maxMs: number;
  /** Floating-point operations of the benchmark's matrix products per millisecond of the median, in billions per second. */
  gflops: number;
  /** The baseline engine's median divided by this one's (above 1: this one is faster); null for the baseline itself. */
  speedup: number | null;
  /** The engine the speedup is measured against. */
  baseline: string;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsFlag = args.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 11;
if (!Number.isInteger(RUNS) || RUNS < 5) throw new RangeError(`bench: --runs must be a whole number of at least 5, got ${args[runsFlag + 1]}`);
const WARMUP = 3;

/** The median, fastest and slowest of a list of times. */
function summary(times: number[]): { median: number; min: number; max: number } {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** Milliseconds per call of `fn`, averaged over `repeat` back-to-back calls. */
function once(fn: () => void, repeat: number): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

/**
 * Times two implementations of the same work, alternating them run by run after warm-up, so that load from other
 * processes on a shared machine falls on both alike. `repeatB` calls of `b` make one of its runs when `b` is too
 * quick for the timer to resolve one call.
 */
function timePair(a: () => void, b: () => void, repeatB = 1): [ReturnType<typeof summary>, ReturnType<typeof summary>] {
  for (let i = 0; i < WARMUP; i++) {
    a();
    once(b, repeatB);
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    timesA.push(once(a, 1));
    timesB.push(once(b, repeatB));
  }
  return [summary(timesA), summary(timesB)];
}

/**
 * Floating-point operations (a multiply and an add each) of the matrix products in one training step of an MLP:
 * the forward product of every layer, dW of every layer, and dX of every layer but the first (whose input needs no
 * gradient). Elementwise work (activations, loss, update) is left out: it is a small fraction and engines differ in it.
 */
function trainingStepFlops(sizes: readonly number[], batch: number): number {
  let flops = 0;
  for (let k = 0; k + 1 < sizes.length; k++) {
    const product = 2 * batch * sizes[k] * sizes[k + 1];
    flops += product * (k === 0 ? 2 : 3);
  }
  return flops;
}

function randomMatrix(rows: number, cols: number, rng: Random): Float64Array {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(-1, 1);
  return data;
}

const results: Measurement[] = [];
function record(benchmark: string, engine: string, flops: number, t: { median: number; min: number; max: number }, baseline: string, baselineMs: number | null): void {
  results.push({
    benchmark,
    engine,
    medianMs: t.median,
    minMs: t.min,
    maxMs: t.max,
    gflops: flops / (t.median * 1e6),
    speedup: baselineMs === null ? null : baselineMs / t.median,
    baseline,
  });
}

await tf.setBackend('cpu');
await tf.ready();
const rng = new Random(2024);

// (a) The matrix product.
{
  const [m, k, n] = [64, 784, 256];
  const flops = 2 * m * k * n;
  const a = randomMatrix(m, k, rng);
  const b = randomMatrix(k, n, rng);
  const tfA = tf.tensor2d(Float32Array.from(a), [m, k]);
  const tfB = tf.tensor2d(Float32Array.from(b), [k, n]);
  const A = Tensor.fromData(a, [m, k]);
  const B = Tensor.fromData(b, [k, n]);
  const [tfTime, ours] = timePair(
    () => {
      const c = tf.matMul(tfA, tfB);
      c.dataSync();
      c.dispose();
    },
    () => noGrad(() => matmul(A, B)),
  );
  record('matmul 64×784 · 784×256', 'TensorFlow.js cpu (float32)', flops, tfTime, 'TensorFlow.js cpu (float32)', null);
  record('matmul 64×784 · 784×256', 'this engine (float64)', flops, ours, 'TensorFlow.js cpu (float32)', tfTime.median);
  tfA.dispose();
  tfB.dispose();
}

// (b) One training step of a 784-256-10 ReLU MLP on a batch of 64.
{
  const sizes = [784, 256, 10];
  const batch = 64;
  const flops = trainingStepFlops(sizes, batch);
  const x = randomMatrix(batch, 784, rng).map((v) => (v + 1) / 2);
  const labels = Array.from({ length: batch }, () => rng.int(10));
  const net = new MLP(sizes, { seed: 1 });
  const [first, second] = net.linearLayers();

  // TensorFlow.js starts from the same weights; its Dense layers store the kernel as (in, out), so it gets Wᵀ.
  const variable = (t: Tensor, transpose: boolean): tf.Variable => {
    const value = transpose ? tf.tensor2d(Float32Array.from(t.data), t.shape as [number, number]).transpose() : tf.tensor(Float32Array.from(t.data), t.shape);
    return tf.variable(value);
  };
  const w1 = variable(first.weight, true);
  const b1 = variable(first.bias!, false);
  const w2 = variable(second.weight, true);
  const b2 = variable(second.bias!, false);
  const tfX = tf.tensor2d(Float32Array.from(x), [batch, 784]);
  const tfY = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
  const tfOptimizer = tf.train.sgd(0.01);
  const X = Tensor.fromData(x, [batch, 784]);
  const optimizer = new SGD(net.parameters(), { lr: 0.01 });
  const [tfTime, ours] = timePair(
    () => {
      const loss = tfOptimizer.minimize(() => {
        const hidden = tf.relu(tf.add(tf.matMul(tfX, w1), b1));
        const logits = tf.add(tf.matMul(hidden, w2), b2);
        return tf.losses.softmaxCrossEntropy(tfY, logits) as tf.Scalar;
      }, true, [w1, b1, w2, b2]);
      loss!.dataSync();
      loss!.dispose();
    },
    () => {
      optimizer.zeroGrad();
      const loss = crossEntropy(net.forward(X), labels);
      loss.backward();
      optimizer.step();
    },
  );
  record('training step 784-256-10, batch 64', 'TensorFlow.js cpu (float32)', flops, tfTime, 'TensorFlow.js cpu (float32)', null);
  record('training step 784-256-10, batch 64', 'this engine (float64)', flops, ours, 'TensorFlow.js cpu (float32)', tfTime.median);
  for (const t of [w1, b1, w2, b2, tfX, tfY]) t.dispose();
}

// (c) Scalars against tensors: one training step of a 2-16-16-1 ReLU MLP on 64 points.
{
  const sizes = [2, 16, 16, 1];
  const data = moons({ n: 64, noise: 0.1, seed: 3 });
  const flops = trainingStepFlops(sizes, data.y.length);
  const scalarNet = new ScalarMLP(sizes, new Random(4));
  const net = new MLP(sizes, { seed: 4 });
  const optimizer = new SGD(net.parameters(), { lr: 0.01 });
  const { x, y } = datasetTensors(data, 'column');
  // One tensor step takes a fraction of a millisecond, so each of its runs is the mean of 50 steps.
  const [scalar, ours] = timePair(
    () => scalarNet.trainStep(data.x, data.y, 0.01),
    () => {
      optimizer.zeroGrad();
      const loss = mseLoss(net.forward(x), y);
      loss.backward();
      optimizer.step();
    },
    50,
  );
  record('training step 2-16-16-1, 64 points', 'micrograd-style scalars (float64)', flops, scalar, 'micrograd-style scalars (float64)', null);
  record('training step 2-16-16-1, 64 points', 'this engine (float64)', flops, ours, 'micrograd-style scalars (float64)', scalar.median);
}

if (asJson) {
  const report = {
    runs: RUNS,
    warmup: WARMUP,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    results,
  };
  console.log(JSON.stringify(report, null, 2));
} else {
  const header = ['benchmark', 'engine', 'median ms', 'min ms', 'GFLOP/s', 'speedup'];
  const rows = results.map((r) => [
    r.benchmark,
    r.engine,
    r.medianMs.toFixed(3),
    r.minMs.toFixed(3),
    r.gflops >= 0.01 ? r.gflops.toFixed(2) : r.gflops.toPrecision(2),
    r.speedup === null ? 'baseline' : `${r.speedup.toFixed(2)}× vs ${r.baseline.split(' (')[0]}`,
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => (j >= 2 && j <= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ');
  console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, TensorFlow.js ${tf.version.tfjs} on '${tf.getBackend()}'`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('GFLOP/s counts the matrix products only (a training step: forward, dW of every layer, dX of all but the first).');
}
