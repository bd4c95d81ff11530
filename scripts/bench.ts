// npm run bench [-- --json] [-- --runs N]
//
// Times, side by side in one process, the median of N runs after warm-up:
//   (a) a 64×784 by 784×256 matrix product,
//   (b) one training step (forward, cross-entropy, backward, SGD update) of a
//       784-256-10 ReLU MLP on a batch of 64,
// for four engines: this engine (float64) on its WebAssembly SIMD kernel and
// on its JavaScript kernel (the fallback), and TensorFlow.js (float32) on its
// pure-JavaScript 'cpu' backend and on its 'wasm' backend
// (@tensorflow/tfjs-backend-wasm, SIMD on, one thread, its .wasm files read
// from node_modules), the product on the wasm backend timed twice: with the
// same B every run, which it packs once and reuses (it caches XNNPACK's
// operator by B's tensor), and with a new B tensor each run, which it packs
// in each timed call, as this engine packs B in every call; and
//   (c) one training step (forward, mean squared error, backward, SGD update)
//       of a 2-16-16-1 ReLU MLP on 64 points, for a micrograd-style scalar
//       engine and for this engine,
//   (d) the arithmetic ceiling of WebAssembly SIMD here: the matrix kernel's
//       inner loop on two small packed panels that stay in the level-1 cache
//       (scripts/bench/assembly/ceiling.ts), on f64x2 and on f32x4, so that each
//       wasm matmul is also reported as a fraction of the ceiling of its own
//       precision (float64 moves two values per instruction, float32 four),
// and prints milliseconds, GFLOP/s and how many times faster each engine is
// than each peer. The engines of one benchmark run in turn, run by run, so a
// busy shared machine slows them alike; /proc/loadavg is read at the start and
// at the end. `--json` prints one row per (benchmark, engine), with its ratio
// against every other engine of that benchmark.

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Random } from '../engine/random.ts';
import { Tensor, noGrad } from '../engine/tensor.ts';
import { matmul } from '../engine/ops/matmul.ts';
import { crossEntropy, mseLoss } from '../engine/ops/losses.ts';
import { setKernelBackend, wasmKernelAvailable, type KernelBackend } from '../engine/ops/gemm.ts';
import { SGD } from '../engine/optim/sgd.ts';
import { MLP } from '../engine/nn/mlp.ts';
import { moons } from '../engine/data/moons.ts';
import { datasetTensors } from '../engine/data/tensors.ts';
import { ScalarMLP } from './bench/scalar-engine.ts';
import { compileKernels } from './build-wasm.ts';
import { loadAverage, loadText, median } from './stats.ts';

/** One measured line of the table: a (benchmark, engine) pair. */
interface Measurement {
  /** Which benchmark. */
  benchmark: string;
  /** Which engine ran it, with its backend and precision. */
  engine: string;
  /** The engine's library: 'this engine', 'TensorFlow.js' or 'micrograd-style scalars'. */
  library: string;
  /** The backend or kernel: 'wasm-simd', 'js', 'cpu', 'wasm'. */
  backend: string;
  /** The floating-point type it computes in. */
  precision: 'float32' | 'float64';
  /** How it differs from another engine of the same library and backend in the benchmark, if one does. */
  variant?: string;
  /** The median over the timed runs, in milliseconds. */
  medianMs: number;
  /** The fastest timed run, in milliseconds. */
  minMs: number;
  /** The slowest timed run, in milliseconds. */
  maxMs: number;
  /** Floating-point operations of the benchmark's matrix products per millisecond of the median, in billions per second. */
  gflops: number;
  /** For every other engine of the benchmark: its median divided by this one's (above 1: this one is faster). */
  ratioVs: Record<string, number>;
  /** For a WebAssembly SIMD matmul: its GFLOP/s as a fraction of the ceiling measured for its precision (benchmark d). */
  fractionOfCeiling?: number;
}

/** scripts/bench/assembly/ceiling.ts's exports. */
interface CeilingExports {
  fill(x: number, bits: number): void;
  loopF64x2(passes: number, steps: number): number;
  loopF32x4(passes: number, steps: number): number;
}

/** An engine of a benchmark: how to name it, how to switch to it before its runs, and one run. */
interface Contender {
  library: string;
  backend: string;
  precision: 'float32' | 'float64';
  /** How it differs from another engine of the same library and backend in the benchmark, if one does. */
  variant?: string;
  /** Makes this engine's backend the current one (TensorFlow.js switches backends asynchronously). */
  activate: () => Promise<void> | void;
  run: () => void;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsFlag = args.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 11;
if (!Number.isInteger(RUNS) || RUNS < 5) throw new RangeError(`bench: --runs must be a whole number of at least 5, got ${args[runsFlag + 1]}`);
const WARMUP = 3;

const loadAtStart = loadAverage();

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

/** The name of a contender in the table and the JSON: library, backend, precision. */
function engineName(c: { library: string; backend: string; precision: string; variant?: string }): string {
  return `${c.library} ${c.backend} (${c.precision}${c.variant === undefined ? '' : `, ${c.variant}`})`;
}

/**
 * Times several implementations of the same work in turn, run by run after warm-up, so that load from other
 * processes on a shared machine falls on all alike; each is activated (its backend made current) before each of
 * its runs, outside the timing.
 */
async function timeAll(contenders: Contender[]): Promise<ReturnType<typeof summary>[]> {
  for (let i = 0; i < WARMUP; i++) {
    for (const c of contenders) {
      await c.activate();
      c.run();
    }
  }
  const times: number[][] = contenders.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [j, c] of contenders.entries()) {
      await c.activate();
      times[j].push(once(c.run, 1));
    }
  }
  return times.map(summary);
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
/** Records one row per contender of a benchmark, each with its ratio against every other. */
function recordAll(benchmark: string, flops: number, contenders: Omit<Contender, 'activate' | 'run'>[], times: ReturnType<typeof summary>[]): void {
  contenders.forEach((c, j) => {
    const ratioVs: Record<string, number> = {};
    contenders.forEach((peer, q) => {
      if (q !== j) ratioVs[engineName(peer)] = times[q].median / times[j].median;
    });
    results.push({
      benchmark,
      engine: engineName(c),
      library: c.library,
      backend: c.backend,
      precision: c.precision,
      ...(c.variant === undefined ? {} : { variant: c.variant }),
      medianMs: times[j].median,
      minMs: times[j].min,
      maxMs: times[j].max,
      gflops: flops / (times[j].median * 1e6),
      ratioVs,
    });
  });
}

// TensorFlow.js's wasm backend in Node: its .wasm files from node_modules, SIMD on, threads off.
const require = createRequire(import.meta.url);
const tfWasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
setWasmPaths(tfWasmDist + '/');
tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend('wasm');
await tf.ready();
await tf.setBackend('cpu');
await tf.ready();
if (!wasmKernelAvailable()) throw new Error('bench: this Node has no WebAssembly SIMD, so the engine cannot run its wasm kernel');

const TF_BACKENDS = ['cpu', 'wasm'] as const;
const OUR_BACKENDS: KernelBackend[] = ['wasm', 'js'];
/** This engine on a kernel. */
const ours = (kernel: KernelBackend, run: () => void): Contender => ({
  library: 'this engine',
  backend: kernel === 'wasm' ? 'wasm-simd' : 'js',
  precision: 'float64',
  activate: () => void setKernelBackend(kernel),
  run,
});
/** TensorFlow.js on a backend. */
const theirs = (backend: (typeof TF_BACKENDS)[number], run: () => void): Contender => ({
  library: 'TensorFlow.js',
  backend,
  precision: 'float32',
  activate: async () => {
    if (tf.getBackend() !== backend) await tf.setBackend(backend);
  },
  run,
});
const rng = new Random(2024);

// (a) The matrix product.
{
  const [m, k, n] = [64, 784, 256];
  const flops = 2 * m * k * n;
  const a = randomMatrix(m, k, rng);
  const b = randomMatrix(k, n, rng);
  const A = Tensor.fromData(a, [m, k]);
  const B = Tensor.fromData(b, [k, n]);
  const contenders: Contender[] = OUR_BACKENDS.map((kernel) => ours(kernel, () => noGrad(() => matmul(A, B))));
  const disposables: { dispose(): void }[] = [];
  for (const backend of TF_BACKENDS) {
    // Each backend's operands are made while it is current, so they live in that backend and never move.
    await tf.setBackend(backend);
    const tfA = tf.tensor2d(Float32Array.from(a), [m, k]);
    const tfB = tf.tensor2d(Float32Array.from(b), [k, n]);
    disposables.push(tfA, tfB);
    const product = (bOf: () => tf.Tensor2D) => () => {
      const c = tf.matMul(tfA, bOf());
      c.dataSync();
      c.dispose();
    };
    if (backend === 'cpu') {
      contenders.push(theirs(backend, product(() => tfB)));
      continue;
    }
    // The wasm backend keeps, for each B it has multiplied by, XNNPACK's operator with that B packed (cached by B's
    // tensor: tfjs-backend-wasm's batch_mat_mul_impl.cc), so a product with the same B again skips packing it. This
    // engine packs B in every call: a tensor's buffer can be changed in place (an optimizer's step does), so a packed
    // copy kept between calls could go stale. So TF.js wasm is timed both ways: with the same B in every run, and with
    // a new B tensor (the same values) made before each run, outside the timing, which it then packs in the timed call.
    contenders.push({ ...theirs(backend, product(() => tfB)), variant: 'the same B, packed once' });
    let freshB = tf.tensor2d(Float32Array.from(b), [k, n]);
    const newB = theirs(backend, product(() => freshB));
    contenders.push({
      ...newB,
      variant: 'a new B each call',
      activate: async () => {
        await newB.activate();
        freshB.dispose();
        freshB = tf.tensor2d(Float32Array.from(b), [k, n]);
      },
    });
    disposables.push({ dispose: () => freshB.dispose() });
  }
  recordAll('matmul 64×784 · 784×256', flops, contenders, await timeAll(contenders));
  for (const t of disposables) t.dispose();
}

// (b) One training step of a 784-256-10 ReLU MLP on a batch of 64.
{
  const sizes = [784, 256, 10];
  const batch = 64;
  const flops = trainingStepFlops(sizes, batch);
  const x = randomMatrix(batch, 784, rng).map((v) => (v + 1) / 2);
  const labels = Array.from({ length: batch }, () => rng.int(10));
  const X = Tensor.fromData(x, [batch, 784]);
  const contenders: Contender[] = OUR_BACKENDS.map((kernel) => {
    // Each kernel trains its own copy of the same network.
    const net = new MLP(sizes, { seed: 1 });
    const optimizer = new SGD(net.parameters(), { lr: 0.01 });
    return ours(kernel, () => {
      optimizer.zeroGrad();
      const loss = crossEntropy(net.forward(X), labels);
      loss.backward();
      optimizer.step();
    });
  });
  const disposables: tf.Tensor[] = [];
  const start = new MLP(sizes, { seed: 1 });
  const [first, second] = start.linearLayers();
  for (const backend of TF_BACKENDS) {
    await tf.setBackend(backend);
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
    disposables.push(w1, b1, w2, b2, tfX, tfY);
    contenders.push(
      theirs(backend, () => {
        const loss = tfOptimizer.minimize(() => {
          const hidden = tf.relu(tf.add(tf.matMul(tfX, w1), b1));
          const logits = tf.add(tf.matMul(hidden, w2), b2);
          return tf.losses.softmaxCrossEntropy(tfY, logits) as tf.Scalar;
        }, true, [w1, b1, w2, b2]);
        loss!.dataSync();
        loss!.dispose();
      }),
    );
  }
  recordAll('training step 784-256-10, batch 64', flops, contenders, await timeAll(contenders));
  for (const t of disposables) t.dispose();
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
  const contenders: Contender[] = [
    { library: 'micrograd-style scalars', backend: 'js', precision: 'float64', activate: () => {}, run: () => scalarNet.trainStep(data.x, data.y, 0.01) },
    ours('wasm', () => {
      for (let i = 0; i < 50; i++) {
        optimizer.zeroGrad();
        const loss = mseLoss(net.forward(x), y);
        loss.backward();
        optimizer.step();
      }
    }),
  ];
  const times = await timeAll(contenders);
  const [, perFifty] = times;
  times[1] = { median: perFifty.median / 50, min: perFifty.min / 50, max: perFifty.max / 50 };
  recordAll('training step 2-16-16-1, 64 points', flops, contenders, times);
}

// (d) The arithmetic ceiling: the kernel's inner loop with its two panels in the level-1 cache, float64 and float32.
const CEILING = 'ceiling: the kernel\'s inner loop on panels in L1';
{
  const exports = new WebAssembly.Instance(new WebAssembly.Module((await compileKernels('scripts/bench/assembly/ceiling.ts')) as Uint8Array<ArrayBuffer>), {}).exports as unknown as CeilingExports;
  const steps = 128;
  // About 2 ms a run at full speed, like the matmul it is set beside.
  const passes = 8000;
  const loops = { f64x2: exports.loopF64x2, f32x4: exports.loopF32x4 };
  const contenders: Contender[] = (['f64x2', 'f32x4'] as const).map((vector) => ({
    library: 'WebAssembly SIMD',
    backend: vector,
    precision: vector === 'f64x2' ? 'float64' : 'float32',
    activate: () => exports.fill(0.5, vector === 'f64x2' ? 64 : 32),
    run: () => void loops[vector](passes, steps),
  }));
  // V8 may first run WebAssembly from its baseline compiler and use the optimized code, compiled in the background,
  // from a later call on: many short calls and a pause before the timed runs give it the chance.
  for (const [vector, loop] of Object.entries(loops)) {
    exports.fill(0.5, vector === 'f64x2' ? 64 : 32);
    for (let i = 0; i < 200; i++) loop(10, steps);
  }
  await new Promise((done) => setTimeout(done, 200));
  const times = await timeAll(contenders);
  contenders.forEach((c, j) => {
    // A step is 8 multiplies and 8 adds on every lane.
    const lanes = c.backend === 'f64x2' ? 2 : 4;
    recordAll(CEILING, passes * steps * 16 * lanes, [c], [times[j]]);
  });
  for (const row of results) {
    if (!row.benchmark.startsWith('matmul') || !(row.backend === 'wasm-simd' || row.backend === 'wasm')) continue;
    const ceiling = results.find((r) => r.benchmark === CEILING && r.precision === row.precision)!;
    row.fractionOfCeiling = row.gflops / ceiling.gflops;
  }
}

const loadAtEnd = loadAverage();
if (asJson) {
  const report = {
    runs: RUNS,
    warmup: WARMUP,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAtEnd,
    tfjsVersion: tf.version.tfjs,
    tfjsWasm: { simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'), wasmFiles: tfWasmDist },
    results,
  };
  console.log(JSON.stringify(report, null, 2));
} else {
  const header = ['benchmark', 'engine', 'median ms', 'min ms', 'GFLOP/s', 'times faster than'];
  const short = (name: string): string => name.replace('TensorFlow.js', 'TF.js').replace('this engine', 'ours');
  const rows = results.map((r) => [
    r.benchmark,
    r.engine,
    r.medianMs.toFixed(3),
    r.minMs.toFixed(3),
    r.gflops >= 0.01 ? r.gflops.toFixed(2) : r.gflops.toPrecision(2),
    Object.entries(r.ratioVs).map(([peer, ratio]) => `${short(peer)} ${ratio.toFixed(2)}×`).join(', '),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]): string => cells.map((c, j) => (j >= 2 && j <= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ');
  console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, TensorFlow.js ${tf.version.tfjs} (wasm backend: SIMD on, threads off)`);
  console.log(`load average at start ${loadText(loadAtStart)}, at end ${loadText(loadAtEnd)}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('GFLOP/s counts the matrix products only (a training step: forward, dW of every layer, dX of all but the first).');
  const fractions = results.filter((r) => r.fractionOfCeiling !== undefined);
  if (fractions.length > 0) {
    const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;
    console.log(`Of the ceiling of its precision (${CEILING}): ${fractions.map((r) => `${short(r.engine)} ${percent(r.fractionOfCeiling!)}`).join(', ')}.`);
  }
}
