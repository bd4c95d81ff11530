// The options of the playground's select controls, each list labelled on its own.
//
// The labels were once one map keyed by value text, shared by every control; a learning rate
// of 1 and a weight decay of 10 then read "1 epoch/s" and "10 epochs/s", the speed list's labels
// for the same text. Here each control owns its labels, typed by its own values, so a list can
// neither borrow another's label nor miss one of its own.

import {
  ACTIVATIONS,
  DATASETS,
  INITIALIZERS,
  LEARNING_RATES,
  LOSSES,
  OPTIMIZERS,
  SPEEDS,
  WEIGHT_DECAYS,
  L1_PENALTIES,
  type DatasetName,
  type InitializerName,
  type LossName,
  type OptimizerName,
  type PlaygroundActivation,
  type Speed,
} from './state.ts';
import { ACTIVATION_FUNCTIONS } from '../../../engine/formulas/activations.ts';
import { OPTIMIZERS as OPTIMIZER_REGISTRY } from '../../../engine/optim/registry.ts';

/** One option of a select control: the value it sets and the text it shows. */
export interface Choice {
  /** The option's value, as the control and the URL spell it. */
  value: string;
  /** What the reader sees. */
  label: string;
}

const named = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] =>
  values.map((value) => ({ value, label: labels[value] }));

// A number reads as itself: String(0.00001) is "0.00001" (JavaScript switches to exponents only below 1e-6).
const numeric = (values: readonly number[]): Choice[] => values.map((value) => ({ value: String(value), label: String(value) }));

const DATASET_LABELS: Record<DatasetName, string> = {
  circles: 'Circles', xor: 'XOR', gaussian: 'Gaussian', spiral: 'Spiral', moons: 'Moons', checkerboard: 'Checkerboard',
  regression: 'Regression: a curve (1-D)', plane: 'Regression: a plane (2-D)', bumps: 'Regression: bumps (2-D)', custom: 'Your own points',
};

// Each activation reads as its title in the engine's registry.
const ACTIVATION_LABELS = Object.fromEntries(ACTIVATIONS.map((name) => [name, ACTIVATION_FUNCTIONS[name].title])) as Record<PlaygroundActivation, string>;

const LOSS_LABELS: Record<LossName, string> = { mse: 'Mean squared error', bce: 'Binary cross-entropy', 'cross-entropy': 'Cross-entropy (softmax)' };

// The optimizers' labels are the engine registry's, so a registered optimizer is offered with its name.
const OPTIMIZER_LABELS = Object.fromEntries(OPTIMIZER_REGISTRY.map((entry) => [entry.name, entry.label])) as Record<OptimizerName, string>;

const INITIALIZER_LABELS: Record<InitializerName, string> = {
  default: 'PyTorch default', 'xavier-uniform': 'Xavier uniform', 'xavier-normal': 'Xavier normal', 'he-uniform': 'He uniform',
  'he-normal': 'He normal',
};

const SPEED_LABELS: Record<Speed, string> = { '1': '1 epoch/s', '10': '10 epochs/s', '100': '100 epochs/s', max: 'As fast as possible' };

/** The options of every select control of the playground, by the control's `data-field`. */
export const CHOICES = {
  data: named(DATASETS, DATASET_LABELS),
  activation: named(ACTIVATIONS, ACTIVATION_LABELS),
  init: named(INITIALIZERS, INITIALIZER_LABELS),
  loss: named(LOSSES, LOSS_LABELS),
  optimizer: named(OPTIMIZERS, OPTIMIZER_LABELS),
  lr: numeric(LEARNING_RATES),
  l2: numeric(WEIGHT_DECAYS),
  l1: numeric(L1_PENALTIES),
  speed: named(SPEEDS, SPEED_LABELS),
} as const satisfies Record<string, readonly Choice[]>;
