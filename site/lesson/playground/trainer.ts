// One playground run: the data, an engine MLP, an engine optimizer and the
// MLP's fast path (the engine's FastMLP), trained an epoch at a time. Plain
// TypeScript without the DOM, so the worker runs it and the unit tests run it
// in Node. Every formula, forward and backward, is the engine's.

import {
  FastMLP,
  MLP,
  Random,
  accuracy,
  batchIndices,
  createOptimizer,
  heNormal,
  heUniform,
  logistic,
  torchDefault,
  xavierNormal,
  xavierUniform,
  type Initializer,
  type LossFunctionName,
  type Optimizer,
  type Tensor,
  type RunRecord,
} from '../../../engine/index.ts';
import { softmaxLine } from '../../../engine/formulas/activations.ts';
import { addL1Gradient } from '../../../engine/optim/l1-penalty.ts';
import { networkInputs, playgroundData, type PlaygroundData } from './datasets.ts';
import type { NetworkSnapshot } from './protocol.ts';
import { WEIGHT_LIMIT } from './neuron-formula.ts';
import { recordSettings, recordSoFar, recordWeight, startRunRecord } from './run-record.ts';
import { customClasses, validPoints, type CustomPoint } from './custom-data.ts';
import { effectiveLoss, inputCount, outputCount, type InitializerName, type LossName, type OptimizerName, type PlaygroundState } from './state.ts';

/** The engine loss for each playground name: binary cross-entropy takes the single output as a logit. */
export const ENGINE_LOSS: Record<LossName, LossFunctionName> = {
  mse: 'mseLoss',
  bce: 'binaryCrossEntropyWithLogits',
  'cross-entropy': 'crossEntropy',
};

/** The engine initialiser for each playground name. */
const INITIALIZER: Record<InitializerName, () => Initializer> = {
  default: () => torchDefault,
  'xavier-uniform': () => xavierUniform(),
  'xavier-normal': () => xavierNormal(),
  'he-uniform': () => heUniform(),
  'he-normal': () => heNormal(),
};

/** The engine optimizer for a playground name (a registry name: momentum and Nesterov are SGD with μ = 0.9), over `model`'s parameters. */
export function makeOptimizer(name: OptimizerName, model: MLP, lr: number, weightDecay: number): Optimizer {
  return createOptimizer(name, model.parameters(), { lr, weightDecay });
}

/** The engine MLP a state describes: its inputs, the hidden layers, and one output (one per class for cross-entropy). */
export function makeModel(state: PlaygroundState, rng: Random): MLP {
  return new MLP([inputCount(state), ...state.layers, outputCount(state)], {
    activation: state.activation,
    init: INITIALIZER[state.init](),
    rng,
    dropout: state.dropout > 0 ? state.dropout : undefined,
  });
}

/** The side of the heat map's grid: 100 × 100 predictions per frame. */
export const GRID_SIZE = 100;
/** The number of points on the regression curve. */
export const CURVE_SIZE = 200;

/** The side of each neuron's map in the network diagram: 24 × 24 points over the picture. */
export const MAP_SIZE = 24;
/** The points along x of each neuron's curve in the network diagram, for regression. */
export const MAP_CURVE_SIZE = 48;
/** The largest |value| a weight or a bias may be set to by hand (neuron-formula.ts, which the page's check reads too). */
export { WEIGHT_LIMIT };

/** A training run of the playground: data, model and optimizer from one state, trained an epoch at a time. */
export class Trainer {
  /** The data being learned. */
  readonly data: PlaygroundData;
  /** The engine network. */
  readonly model: MLP;
  /** The engine optimizer updating it. */
  readonly optimizer: Optimizer;
  /** Epochs trained so far. */
  epoch = 0;
  private readonly kernel: FastMLP;
  private readonly loss: LossName;
  private readonly shuffle: Random;
  private batchSize: number;
  // The L1 penalty's λ₁ and the tensors it applies to: the weights, not the biases (as TensorFlow Playground).
  private l1: number;
  private readonly weights: Tensor[];
  private readonly gridX: Float64Array;
  // The network's raw outputs for the picture or the test set, before they become probabilities.
  private readonly outputs: Float64Array;
  // Softmax of `outputs`, for more than two classes.
  private readonly probabilities: Float64Array;
  // The network diagram's map points and the kernel's values there, made on first use.
  private networkMapX: Float64Array | null = null;
  private networkMapValues: Float64Array[] | null = null;
  // What the PyTorch export replays: the run as it started and the changes made since.
  private readonly runRecord: RunRecord;

  /** The settings of the run (for custom data, with at least as many classes as the points' labels need). */
  readonly state: PlaygroundState;

  /**
   * A fresh run of `state`: the seed draws the data, the split, the first weights, the shuffles and the dropout masks.
   * For custom data the points are the student's `points` (ignored for the other datasets).
   */
  constructor(state: PlaygroundState, points: readonly CustomPoint[] = []) {
    if (state.data === 'custom') {
      if (!validPoints(points)) throw new RangeError('Trainer: custom points must be at most 2,000 points with coordinates within ±100 and labels 0-4');
      state = { ...state, classes: Math.max(state.classes, customClasses(points)) };
    }
    this.state = state;
    const rng = new Random(state.seed);
    this.data = playgroundData(state, rng.nextUint32(), points);
    this.model = makeModel(state, rng.fork());
    this.shuffle = rng.fork();
    this.optimizer = makeOptimizer(state.optimizer, this.model, state.lr, state.l2);
    this.batchSize = state.batch;
    this.l1 = state.l1;
    this.weights = this.model.blocks.map((block) => block.linear.weight);
    this.loss = effectiveLoss(state);
    this.kernel = new FastMLP(this.model, { loss: ENGINE_LOSS[this.loss], maxBatch: Math.max(256, state.batch) });
    this.gridX = this.gridInputs();
    this.outputs = new Float64Array(Math.max(this.predictionCount, this.data.testY.length) * this.kernel.outputs);
    this.probabilities = new Float64Array(this.outputs.length);
    this.runRecord = startRunRecord(state, this.model, this.shuffle, this.data, ENGINE_LOSS[this.loss], { lr: state.lr, weightDecay: state.l2, l1: state.l1, batchSize: this.batchSize });
  }

  /** Applies the settings that take effect without a restart: learning rate, weight decay and batch size. */
  update(state: PlaygroundState): void {
    recordSettings(this.runRecord, this.epoch, { lr: this.optimizer.lr, weightDecay: this.optimizer.weightDecay, l1: this.l1, batchSize: this.batchSize }, { lr: state.lr, weightDecay: state.l2, l1: state.l1, batchSize: Math.min(state.batch, 256) });
    this.optimizer.lr = state.lr;
    this.optimizer.weightDecay = state.l2;
    this.l1 = state.l1;
    this.batchSize = Math.min(state.batch, 256);
  }

  /** Trains one epoch: the training points shuffled and cut into mini-batches, one optimizer step per batch. */
  trainEpoch(): void {
    const { trainInputs, trainY } = this.data;
    for (const rows of batchIndices(trainY.length, this.batchSize, this.shuffle)) {
      this.kernel.trainBatch(trainInputs, trainY, rows);
      if (this.l1 > 0) addL1Gradient(this.weights, this.l1);
      this.optimizer.step();
    }
    this.epoch++;
  }

  /** The run so far as the PyTorch export replays it: how it started, the epochs trained and the changes made. */
  runSoFar(): RunRecord {
    return recordSoFar(this.runRecord, this.epoch);
  }

  /** Notes for the export a weight (column null: a bias) of Linear layer `layer` set by hand to `value`; call it from any weight edit. */
  recordWeightEdit(layer: number, row: number, column: number | null, value: number): void {
    recordWeight(this.runRecord, this.epoch, layer, row, column, value);
  }

  /** The mean loss on the training points, without dropout. */
  trainLoss(): number {
    return this.kernel.meanLoss(this.data.trainInputs, this.data.trainY, this.data.trainY.length);
  }

  /** The mean loss on the test points, without dropout. */
  testLoss(): number {
    return this.kernel.meanLoss(this.data.testInputs, this.data.testY, this.data.testY.length);
  }

  /** The fraction of test points classified correctly (the most probable class; 0.5 for two), or NaN for regression. */
  testAccuracy(): number {
    const { testInputs, testY, classes } = this.data;
    if (classes < 2 || testY.length === 0) return NaN;
    const per = this.valuesPerPoint;
    const out = new Float32Array(testY.length * per);
    this.predict(testInputs, testY.length, out);
    const predicted = Array.from({ length: testY.length }, (_, r) => {
      if (per === 1) return out[r] >= 0.5 ? 1 : 0;
      let best = 0;
      for (let k = 1; k < per; k++) if (out[r * per + k] > out[r * per + best]) best = k;
      return best;
    });
    return accuracy(predicted, testY);
  }

  /**
   * Values per point of `predictions`: 1 for regression and two classes (the output, or the probability of class 1),
   * else one probability per class.
   */
  get valuesPerPoint(): number {
    return this.data.classes > 2 ? this.data.classes : 1;
  }

  /** The number of points `predictions` covers: a 100 × 100 grid (row 0 at the top), or 200 curve points for regression. */
  get predictionCount(): number {
    return this.data.features === 1 ? CURVE_SIZE : GRID_SIZE * GRID_SIZE;
  }

  /** The network's output over the whole picture in one batched pass, into `out` (a fresh array unless given), `valuesPerPoint` per point. */
  predictions(out = new Float32Array(this.predictionCount * this.valuesPerPoint)): Float32Array {
    this.predict(this.gridX, this.predictionCount, out);
    return out;
  }

  /**
   * The network's output at one point, exactly (in float64, not read off the grid): at (x, y) of the plane, or at x
   * for regression (y ignored). The same values as `predictions` gives per point: for two classes the probability of
   * class 1, for more each class's probability, for regression the value.
   */
  /** Whether `probe` and `predictions` give probabilities: not for squared error, which trains a raw output. */
  get givesProbabilities(): boolean {
    return this.loss !== 'mse';
  }

  probe(x: number, y: number): number[] {
    const point = this.data.features === 1 ? Float64Array.of(x) : Float64Array.of(x, y);
    const row = networkInputs(this.data.features, this.data.inputNames, point);
    const k = this.kernel.outputs;
    const z = new Float64Array(k);
    this.kernel.predict(row, 1, z);
    if (this.loss === 'bce') return [logistic(z[0])];
    if (this.loss === 'cross-entropy' && k === 2) return [logistic(z[1] - z[0])];
    if (this.loss === 'cross-entropy') {
      const p = new Float64Array(k);
      softmaxLine(z, p, 0, k, 1);
      return Array.from(p);
    }
    return [z[0]];
  }

  /**
   * What the network says at each of the first `n` input rows of x, into `out`: for two classes the probability of
   * class 1 (σ(z) of the one logit, or softmax's second entry, σ(z₁ − z₀)); for more, each class's softmax
   * probability; the raw output for squared error.
   */
  private predict(x: Float64Array, n: number, out: Float32Array): void {
    const z = this.outputs;
    this.kernel.predict(x, n, z);
    const k = this.kernel.outputs;
    if (this.loss === 'bce') for (let r = 0; r < n; r++) out[r] = logistic(z[r]);
    else if (this.loss === 'cross-entropy' && k === 2) for (let r = 0; r < n; r++) out[r] = logistic(z[2 * r + 1] - z[2 * r]);
    else if (this.loss === 'cross-entropy') {
      const p = this.probabilities;
      for (let r = 0; r < n; r++) {
        softmaxLine(z, p, r * k, (r + 1) * k, 1);
        for (let j = 0; j < k; j++) out[r * k + j] = p[r * k + j];
      }
    } else for (let r = 0; r < n; r++) out[r] = z[r];
  }

  /**
   * Every neuron's map: its value at each point of a coarse grid over the picture (MAP_SIZE², row 0 at the top), or
   * along MAP_CURVE_SIZE points of x for regression, by the engine's forward pass without dropout. Per layer, inputs
   * first: maps[k][i · points + p] is neuron i of layer k at point p (the input feature, the hidden activation, the output).
   */
  neuronMaps(): Float32Array[] {
    const curve = this.data.features === 1;
    const points = curve ? MAP_CURVE_SIZE : MAP_SIZE * MAP_SIZE;
    const sizes = this.model.sizes;
    this.networkMapX ??= this.networkMapInputs();
    this.networkMapValues ??= sizes.map((width) => new Float64Array(points * width));
    const values = this.networkMapValues;
    this.kernel.neuronValues(this.networkMapX, points, values);
    return sizes.map((width, k) => {
      // Point-major from the kernel, neuron-major for the diagram (each neuron's map contiguous).
      const map = new Float32Array(points * width);
      const layer = values[k];
      for (let p = 0; p < points; p++) for (let i = 0; i < width; i++) map[i * points + p] = layer[p * width + i];
      return map;
    });
  }

  /** The network as the diagram draws it: sizes, weights, biases (copies) and every neuron's map. */
  networkSnapshot(): NetworkSnapshot {
    const curve = this.data.features === 1;
    const linears = this.model.linearLayers();
    return {
      sizes: [...this.model.sizes],
      inputNames: [...this.data.inputNames],
      activation: this.model.activation,
      loss: this.loss,
      weights: linears.map((layer) => layer.weight.data.slice()),
      biases: linears.map((layer) => layer.bias!.data.slice()),
      side: curve ? MAP_CURVE_SIZE : MAP_SIZE,
      curve,
      maps: this.neuronMaps(),
    };
  }

  /** Copies of every parameter of the model, in the order of `model.parameters()`: what a painter needs to draw the network. */
  parameterValues(): Float64Array[] {
    return this.model.parameters().map((parameter) => parameter.data.slice());
  }

  /** Makes the model's parameters these values (from `parameterValues` of a Trainer of the same settings). */
  setParameterValues(values: readonly Float64Array[]): void {
    const parameters = this.model.parameters();
    if (values.length !== parameters.length || values.some((v, i) => v.length !== parameters[i].data.length)) {
      throw new RangeError(`setParameterValues: the values do not fit this network (${values.length} arrays for ${parameters.length} parameters)`);
    }
    parameters.forEach((parameter, i) => parameter.data.set(values[i]));
  }

  /**
   * Sets one weight of the engine's model by hand: from neuron `from` of layer − 1 to neuron `to` of `layer` (1 is
   * the first hidden layer; neurons count from 0). The fast path reads the model's parameters, so the next pass uses it.
   */
  setWeight(layer: number, to: number, from: number, value: number): void {
    const linear = this.editableLayer(layer, to, value);
    const fanIn = linear.weight.shape[1];
    if (!(Number.isInteger(from) && from >= 0 && from < fanIn)) throw new RangeError(`setWeight: layer ${layer - 1} has no neuron ${from} (it has ${fanIn})`);
    linear.weight.data[to * fanIn + from] = value;
    this.recordWeightEdit(layer - 1, to, from, value);
  }

  /** Sets the bias of neuron `to` of `layer` (1 is the first hidden layer) by hand. */
  setBias(layer: number, to: number, value: number): void {
    this.editableLayer(layer, to, value).bias!.data[to] = value;
    this.recordWeightEdit(layer - 1, to, null, value);
  }

  /** The Linear layer feeding `layer`, after checking the layer, the neuron and the value. */
  private editableLayer(layer: number, to: number, value: number): ReturnType<MLP['linearLayers']>[number] {
    const linears = this.model.linearLayers();
    if (!(Number.isInteger(layer) && layer >= 1 && layer <= linears.length)) throw new RangeError(`setWeight: there is no layer ${layer} (layers 1 to ${linears.length} have weights)`);
    const linear = linears[layer - 1];
    const fanOut = linear.weight.shape[0];
    if (!(Number.isInteger(to) && to >= 0 && to < fanOut)) throw new RangeError(`setWeight: layer ${layer} has no neuron ${to} (it has ${fanOut})`);
    if (!(Number.isFinite(value) && Math.abs(value) <= WEIGHT_LIMIT)) throw new RangeError(`setWeight: ${value} is not a number from −${WEIGHT_LIMIT} to ${WEIGHT_LIMIT}`);
    return linear;
  }

  /** The network inputs of the maps' points: cell centres of the coarse grid, top row first, or evenly spaced x. */
  private networkMapInputs(): Float64Array {
    const [x0, x1, y0, y1] = this.data.domain;
    if (this.data.features === 1) {
      return Float64Array.from({ length: MAP_CURVE_SIZE }, (_, i) => x0 + ((x1 - x0) * i) / (MAP_CURVE_SIZE - 1));
    }
    const points = new Float64Array(MAP_SIZE * MAP_SIZE * 2);
    for (let row = 0; row < MAP_SIZE; row++) {
      for (let col = 0; col < MAP_SIZE; col++) {
        const k = row * MAP_SIZE + col;
        points[2 * k] = x0 + ((x1 - x0) * (col + 0.5)) / MAP_SIZE;
        points[2 * k + 1] = y1 - ((y1 - y0) * (row + 0.5)) / MAP_SIZE;
      }
    }
    return networkInputs(this.data.features, this.data.inputNames, points);
  }

  /** The inputs of the picture: cell centres of the grid, top row first, or evenly spaced x for the curve. */
  private gridInputs(): Float64Array {
    const [x0, x1, y0, y1] = this.data.domain;
    if (this.data.features === 1) {
      return Float64Array.from({ length: CURVE_SIZE }, (_, i) => x0 + ((x1 - x0) * i) / (CURVE_SIZE - 1));
    }
    const inputs = new Float64Array(GRID_SIZE * GRID_SIZE * 2);
    for (let row = 0; row < GRID_SIZE; row++) {
      for (let col = 0; col < GRID_SIZE; col++) {
        const k = row * GRID_SIZE + col;
        inputs[2 * k] = x0 + ((x1 - x0) * (col + 0.5)) / GRID_SIZE;
        inputs[2 * k + 1] = y1 - ((y1 - y0) * (row + 0.5)) / GRID_SIZE;
      }
    }
    return networkInputs(this.data.features, this.data.inputNames, inputs);
  }
}
