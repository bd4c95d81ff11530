// Everything the playground can be set to, as one plain object: its defaults,
// its limits, and its spelling in the page URL, so a link reproduces a run.
//
// The URL form is one query parameter whose value is `key:value` pairs joined
// by commas, e.g. `?playground=data:circles,layers:8-8,act:tanh,seed:3`; keys
// left at their defaults are left out.

import { TRAINABLE_ELEMENTWISE, type ElementwiseActivationName } from '../../../engine/formulas/activations.ts';
// The registry by its own path: this module runs on the page, which needs the names, not the engine.
import { PLANE_FEATURES, type PlaneFeature } from '../../../engine/data/plane-features.ts';
import { samePoints, type CustomPoint } from './custom-data.ts';
import { OPTIMIZERS as OPTIMIZER_REGISTRY, type OptimizerName as RegisteredOptimizerName } from '../../../engine/optim/registry.ts';

/** The inputs a plane dataset can be fed to the network as: x₁, x₂, their squares, product and sines (the engine's). */
export const INPUTS: readonly PlaneFeature[] = PLANE_FEATURES;
/** An input feature's name. */
export type InputName = PlaneFeature;

/** The datasets whose number of classes is a setting (the others have two classes, regression none); custom data needs at least its largest label + 1. */
export const MULTICLASS_DATASETS = ['spiral', 'gaussian', 'custom'] as const;

/**
 * The datasets the playground offers: six plane classification tasks, a 1-D regression (a curve over x), two
 * regressions over the plane (as TensorFlow Playground's), and the student's own points.
 */
export const DATASETS = ['circles', 'xor', 'gaussian', 'spiral', 'moons', 'checkerboard', 'regression', 'plane', 'bumps', 'custom'] as const;
/** A dataset's name. */
export type DatasetName = (typeof DATASETS)[number];

/** The regression datasets: a real-valued target, one output, mean squared error. `regression` is 1-D, the others 2-D. */
export const REGRESSION_DATASETS = ['regression', 'plane', 'bumps'] as const;

/** Whether the state's data is a regression (a real-valued target) rather than classes. */
export function isRegression(state: Pick<PlaygroundState, 'data'>): boolean {
  return (REGRESSION_DATASETS as readonly string[]).includes(state.data);
}

/**
 * The hidden-layer activations the playground offers, by the engine's names: every one of the engine's registry that
 * its fast MLP kernel trains (elementwise, differentiable, no learned parameter), so a new entry appears here by itself.
 */
export const ACTIVATIONS: readonly PlaygroundActivation[] = TRAINABLE_ELEMENTWISE;
/** A hidden-layer activation's name. */
export type PlaygroundActivation = ElementwiseActivationName;

/** The losses the playground offers: mean squared error, binary cross-entropy, softmax cross-entropy. */
export const LOSSES = ['mse', 'bce', 'cross-entropy'] as const;
/** A loss's name. */
export type LossName = (typeof LOSSES)[number];

/** The optimizers the playground offers: every one in the engine's registry (momentum and Nesterov are SGD with μ = 0.9). */
export const OPTIMIZERS = OPTIMIZER_REGISTRY.map((entry) => entry.name);
/** An optimizer's name. */
export type OptimizerName = RegisteredOptimizerName;

/** The initialisers the playground offers, by the engine's names. */
export const INITIALIZERS = ['default', 'xavier-uniform', 'xavier-normal', 'he-uniform', 'he-normal'] as const;
/** An initialiser's name. */
export type InitializerName = (typeof INITIALIZERS)[number];

/** Training speeds in epochs per second; 'max' trains as fast as the worker can. */
export const SPEEDS = ['1', '10', '100', 'max'] as const;
/** A training speed. */
export type Speed = (typeof SPEEDS)[number];

/** The learning rates offered in the control (a URL may give any other value within the limits). */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** The L1 coefficients offered in the control. */
export const L1_PENALTIES = [0, 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;

/** The weight-decay coefficients offered in the control. */
export const WEIGHT_DECAYS = [0, 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;

/** The whole setting of a playground: data, network, training and seed. */
export interface PlaygroundState {
  /** Which dataset to learn. */
  data: DatasetName;
  /** The number of classes of the spiral, Gaussian and custom datasets, 2 to 5 (the others have two; regression none). */
  classes: number;
  /** The features of each point the network reads, in PLANE_FEATURES order, at least one (ignored for regression). */
  inputs: InputName[];
  /**
   * How noisy the data are, 0 to 0.5: for circles, moons, spiral, checkerboard and the regressions, the standard
   * deviation of the Gaussian noise added; XOR's points get 4 times it, and each Gaussian blob's spread is 0.3 + 2 times it.
   */
  noise: number;
  /** Percentage of the points used for training (the rest is the test set), 10 to 90. */
  split: number;
  /** Mini-batch size, 1 to 100. */
  batch: number;
  /** Units in each hidden layer: 0 to 6 layers of 1 to 16 units. */
  layers: number[];
  /** The activation after each hidden layer. */
  activation: PlaygroundActivation;
  /** The loss; regression always uses mean squared error. */
  loss: LossName;
  /** The optimizer. */
  optimizer: OptimizerName;
  /** The learning rate, above 0 and at most 10. */
  lr: number;
  /** The L2 weight-decay coefficient λ, 0 to 1. */
  l2: number;
  /** The L1 penalty's coefficient λ₁ on the weights (λ₁ Σ|w| added to the loss), 0 to 1. */
  l1: number;
  /** The dropout probability after each hidden layer, 0 to 0.9. */
  dropout: number;
  /** How the first weights are drawn. */
  init: InitializerName;
  /** The seed of every random draw: data, split, weights, shuffles and dropout masks. */
  seed: number;
  /** How fast to train. */
  speed: Speed;
}

/** The number of points each dataset has, before the train/test split. */
export const POINT_COUNT = 500;

/** The setting a playground starts from: a 2-4-4-1 tanh network learning circles with Adam. */
export const DEFAULT_STATE: Readonly<PlaygroundState> = Object.freeze({
  data: 'circles',
  classes: 2,
  inputs: ['x1', 'x2'],
  noise: 0.1,
  split: 50,
  batch: 10,
  layers: [4, 4],
  activation: 'tanh',
  loss: 'bce',
  optimizer: 'adam',
  lr: 0.01,
  l2: 0,
  l1: 0,
  dropout: 0,
  init: 'xavier-uniform',
  seed: 1,
  speed: '100',
}) as Readonly<PlaygroundState>;

/** The limits of the numeric settings, shared by the controls and the URL parser. */
export const LIMITS = {
  classes: { min: 2, max: 5 },
  noise: { min: 0, max: 0.5, step: 0.01 },
  split: { min: 10, max: 90, step: 5 },
  batch: { min: 1, max: 100, step: 1 },
  layers: { min: 0, max: 6 },
  units: { min: 1, max: 16 },
  lr: { min: 0.00001, max: 10 },
  l2: { min: 0, max: 1 },
  l1: { min: 0, max: 1 },
  dropout: { min: 0, max: 0.9, step: 0.05 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

/** The short keys of the URL form, by field. */
const KEYS: Record<keyof PlaygroundState, string> = {
  data: 'data', classes: 'classes', inputs: 'in', noise: 'noise', split: 'split', batch: 'batch', layers: 'layers', activation: 'act', loss: 'loss',
  optimizer: 'opt', lr: 'lr', l2: 'l2', l1: 'l1', dropout: 'drop', init: 'init', seed: 'seed', speed: 'speed',
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The number of classes of the state's data: its `classes` for spiral, Gaussian and custom, 2 for the other plane datasets, 1 for regression. */
export function classCount(state: Pick<PlaygroundState, 'data' | 'classes'>): number {
  if (isRegression(state)) return 1;
  return (MULTICLASS_DATASETS as readonly string[]).includes(state.data) ? state.classes : 2;
}

/**
 * The loss actually used: regression has one real-valued output, so it is always trained with mean squared error;
 * more than two classes need softmax cross-entropy.
 */
export function effectiveLoss(state: PlaygroundState): LossName {
  if (isRegression(state)) return 'mse';
  return classCount(state) > 2 ? 'cross-entropy' : state.loss;
}

/** The network's outputs: one per class for softmax cross-entropy, else one (a logit, or the regression value). */
export function outputCount(state: PlaygroundState): number {
  return effectiveLoss(state) === 'cross-entropy' ? classCount(state) : 1;
}

/** The features the network reads: the chosen inputs for plane data (regression over the plane too), the one coordinate for 1-D regression. */
export function inputCount(state: PlaygroundState): number {
  return state.data === 'regression' ? 1 : state.inputs.length;
}

/** A copy of a state with every field brought within its limits (unknown names fall back to the defaults). */
export function normalizeState(partial: Partial<PlaygroundState>): PlaygroundState {
  const s = { ...DEFAULT_STATE, ...partial };
  const pick = <T extends string>(options: readonly T[], value: string, fallback: T): T =>
    (options as readonly string[]).includes(value) ? (value as T) : fallback;
  const number = (value: number, fallback: number, min: number, max: number): number =>
    Number.isFinite(value) ? clamp(value, min, max) : fallback;
  return {
    data: pick(DATASETS, s.data, DEFAULT_STATE.data),
    classes: Math.round(number(s.classes, DEFAULT_STATE.classes, LIMITS.classes.min, LIMITS.classes.max)),
    inputs: (() => {
      const chosen = Array.isArray(s.inputs) ? INPUTS.filter((name) => (s.inputs as string[]).includes(name)) : [];
      return chosen.length > 0 ? chosen : [...DEFAULT_STATE.inputs];
    })(),
    noise: number(s.noise, DEFAULT_STATE.noise, LIMITS.noise.min, LIMITS.noise.max),
    split: Math.round(number(s.split, DEFAULT_STATE.split, LIMITS.split.min, LIMITS.split.max)),
    batch: Math.round(number(s.batch, DEFAULT_STATE.batch, LIMITS.batch.min, LIMITS.batch.max)),
    layers: (Array.isArray(s.layers) ? s.layers : DEFAULT_STATE.layers)
      .slice(0, LIMITS.layers.max)
      .map((units) => Math.round(number(units, 4, LIMITS.units.min, LIMITS.units.max))),
    activation: pick(ACTIVATIONS, s.activation, DEFAULT_STATE.activation),
    loss: pick(LOSSES, s.loss, DEFAULT_STATE.loss),
    optimizer: pick(OPTIMIZERS, s.optimizer, DEFAULT_STATE.optimizer),
    lr: number(s.lr, DEFAULT_STATE.lr, LIMITS.lr.min, LIMITS.lr.max),
    l2: number(s.l2, DEFAULT_STATE.l2, LIMITS.l2.min, LIMITS.l2.max),
    l1: number(s.l1, DEFAULT_STATE.l1, LIMITS.l1.min, LIMITS.l1.max),
    dropout: number(s.dropout, DEFAULT_STATE.dropout, LIMITS.dropout.min, LIMITS.dropout.max),
    init: pick(INITIALIZERS, s.init, DEFAULT_STATE.init),
    seed: Math.round(number(s.seed, DEFAULT_STATE.seed, LIMITS.seed.min, LIMITS.seed.max)),
    speed: pick(SPEEDS, s.speed, DEFAULT_STATE.speed),
  };
}

/** The URL form of a state: `key:value` pairs for the fields that differ from the defaults, joined by commas. */
export function encodeState(state: PlaygroundState): string {
  const parts: string[] = [];
  for (const field of Object.keys(KEYS) as (keyof PlaygroundState)[]) {
    const value = state[field];
    const text = Array.isArray(value) ? value.join('-') : String(value);
    const fallback = DEFAULT_STATE[field];
    const fallbackText = Array.isArray(fallback) ? fallback.join('-') : String(fallback);
    if (text !== fallbackText) parts.push(`${KEYS[field]}:${text}`);
  }
  return parts.join(',');
}

/** The state a URL form describes; missing, unknown or out-of-range values fall back to the defaults or the limits. */
export function decodeState(text: string): PlaygroundState {
  const partial: Record<string, unknown> = {};
  const fieldOf = new Map(Object.entries(KEYS).map(([field, key]) => [key, field as keyof PlaygroundState]));
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) continue;
    const field = fieldOf.get(pair.slice(0, colon));
    const value = pair.slice(colon + 1);
    if (field === undefined) continue;
    if (field === 'layers') partial.layers = value === '' ? [] : value.split('-').map(Number);
    else if (field === 'inputs') partial.inputs = value.split('-');
    else if (typeof DEFAULT_STATE[field] === 'number') partial[field] = value === '' ? NaN : Number(value);
    else partial[field] = value;
  }
  return normalizeState(partial as Partial<PlaygroundState>);
}

/**
 * Whether changing from one state to another needs a fresh network (anything but the learning rate, the penalties,
 * batch size and speed), or, for custom data, a change of the student's points.
 */
export function needsRestart(
  before: PlaygroundState,
  after: PlaygroundState,
  pointsBefore: readonly CustomPoint[] = [],
  pointsAfter: readonly CustomPoint[] = pointsBefore,
): boolean {
  const live = new Set<keyof PlaygroundState>(['lr', 'l2', 'l1', 'batch', 'speed']);
  return (
    (Object.keys(KEYS) as (keyof PlaygroundState)[]).some((field) => !live.has(field) && String(before[field]) !== String(after[field])) ||
    (after.data === 'custom' && !samePoints(pointsBefore, pointsAfter))
  );
}
