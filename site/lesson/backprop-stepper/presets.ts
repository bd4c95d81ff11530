// The graphs of the backprop stepper, each built with the engine from its
// editable numbers: one neuron, seed 000's 2-2-1 network, seed 001's logistic
// least squares and a small softmax MLP. Every tensor is named as the lesson
// names it, so the graph and the chain-rule lines read alike. The component,
// the lesson and the tests all build the presets from here.

import { tensor, type Tensor } from '../../../engine/tensor.ts';
import { add, mul, pow, sub } from '../../../engine/ops/elementwise.ts';
import { relu, sigmoid } from '../../../engine/ops/activations.ts';
import { linear } from '../../../engine/ops/linear.ts';
import { crossEntropy, mseLoss } from '../../../engine/ops/losses.ts';

/** One editable number of a preset: an input, a weight, a bias or a target. */
export interface PresetInput {
  /** Its key in the URL and in `values` (ASCII: `w13`, `W1_0_1`). */
  key: string;
  /** Its name as the lesson writes it (`w₁₃`, `W₁[0, 1]`). */
  label: string;
  /** Its starting value. */
  value: number;
  /** Whether it is a class index (a whole number from 0 to `classes − 1`) rather than a real number. */
  classes?: number;
}

/** A stepper's graph: its editable numbers and how to build the loss from them. */
export interface Preset {
  /** The id used by `<BackpropStepper preset="…">`. */
  id: string;
  /** Its title, shown above the graph. */
  title: string;
  /** The model in words, for the caption. */
  description: string;
  /** Its editable numbers in reading order. */
  inputs: readonly PresetInput[];
  /** Builds the graph from the values by key and returns the loss (before `backward()`). */
  build(values: Readonly<Record<string, number>>): Tensor;
}

/** A scalar leaf: a parameter (with a gradient) or a given number (without). */
function scalar(values: Readonly<Record<string, number>>, key: string, label: string, requiresGrad: boolean): Tensor {
  return tensor(values[key], { requiresGrad, label });
}

/** The keys and labels of a matrix's entries, row by row: `W1_0_1`, `W₁[0, 1]`. */
function matrixInputs(key: string, label: string, rows: number[][]): PresetInput[] {
  return rows.flatMap((row, i) => row.map((value, j) => ({ key: `${key}_${i}_${j}`, label: `${label}[${i}, ${j}]`, value })));
}

/** The keys and labels of a vector's entries: `b1_2`, `b₁[2]`. */
function vectorInputs(key: string, label: string, entries: number[]): PresetInput[] {
  return entries.map((value, i) => ({ key: `${key}_${i}`, label: `${label}[${i}]`, value }));
}

/** A matrix leaf read from its entries' values. */
function matrixOf(values: Readonly<Record<string, number>>, key: string, label: string, rows: number, cols: number, requiresGrad: boolean): Tensor {
  const data = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[`${key}_${i}_${j}`]));
  return tensor(data, { requiresGrad, label });
}

/** A vector leaf read from its entries' values. */
function vectorOf(values: Readonly<Record<string, number>>, key: string, label: string, size: number, requiresGrad: boolean): Tensor {
  return tensor(Array.from({ length: size }, (_, i) => values[`${key}_${i}`]), { requiresGrad, label });
}

/** The forward pass both one-neuron presets share, z = w x + b and its sigmoid, the output named as the preset writes it. */
function sigmoidNeuron(v: Readonly<Record<string, number>>, output: string): Tensor {
  const x = scalar(v, 'x', 'x', false);
  const z = add(mul(scalar(v, 'w', 'w', true), x).named('wx'), scalar(v, 'b', 'b', true)).named('z');
  return sigmoid(z).named(output);
}

/** One neuron: z = w x + b, ŷ = σ(z), L = (ŷ − y)². */
const NEURON: Preset = {
  id: 'neuron',
  title: 'One neuron: sigmoid and squared error',
  description: 'z = w x + b, ŷ = σ(z), L = (ŷ − y)²',
  inputs: [
    { key: 'x', label: 'x', value: 2 },
    { key: 'w', label: 'w', value: 0.5 },
    { key: 'b', label: 'b', value: -0.5 },
    { key: 'y', label: 'y', value: 1 },
  ],
  build(v) {
    return mseLoss(sigmoidNeuron(v, 'ŷ'), scalar(v, 'y', 'y', false)).named('L');
  },
};

/**
 * The numbers of seed 000's 2-2-1 network as lesson 5 works it (lessons/examples/backprop.ts reads them from here), so
 * the stepper starts on the very example the lesson's table shows: unit 3's weighted sum is negative, unit 4's positive.
 */
export const SEED000_EXAMPLE = { x1: 1, x2: 2, y: 1, w13: 0.5, w23: -1, w14: -0.3, w24: 0.8, w35: 1.2, w45: -0.7 } as const;

/** Seed 000's network: two inputs, two linear hidden units, one linear output, squared error, no biases. */
const SEED000_221: Preset = {
  id: 'seed000-221',
  title: 'A 2-2-1 network, linear units',
  description: 'f₃ = w₁₃x₁ + w₂₃x₂, f₄ = w₁₄x₁ + w₂₄x₂, g₅ = w₃₅f₃ + w₄₅f₄, E = (g₅ − y)²',
  inputs: (['x1', 'x2', 'w13', 'w23', 'w14', 'w24', 'w35', 'w45', 'y'] as const).map((key) => ({
    key,
    label: key.replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]),
    value: SEED000_EXAMPLE[key],
  })),
  build(v) {
    const x1 = scalar(v, 'x1', 'x₁', false);
    const x2 = scalar(v, 'x2', 'x₂', false);
    const w = (key: string, label: string) => scalar(v, key, label, true);
    const f3 = add(mul(w('w13', 'w₁₃'), x1).named('w₁₃x₁'), mul(w('w23', 'w₂₃'), x2).named('w₂₃x₂')).named('f₃');
    const f4 = add(mul(w('w14', 'w₁₄'), x1).named('w₁₄x₁'), mul(w('w24', 'w₂₄'), x2).named('w₂₄x₂')).named('f₄');
    const g5 = add(mul(w('w35', 'w₃₅'), f3).named('w₃₅f₃'), mul(w('w45', 'w₄₅'), f4).named('w₄₅f₄')).named('g₅');
    const error = sub(g5, scalar(v, 'y', 'y', false)).named('e');
    return pow(error, 2).named('E');
  },
};

/** Seed 001's logistic least squares: z = w x + b, y = σ(z), L = ½ (y − t)². */
const LOGISTIC_LEAST_SQUARES: Preset = {
  id: 'logistic-least-squares',
  title: 'Logistic least squares',
  description: 'z = w x + b, y = σ(z), L = ½ (y − t)²',
  inputs: [
    { key: 'x', label: 'x', value: 2 },
    { key: 'w', label: 'w', value: 1.5 },
    { key: 'b', label: 'b', value: -1 },
    { key: 't', label: 't', value: 0 },
  ],
  build(v) {
    const residual = sub(sigmoidNeuron(v, 'y'), scalar(v, 't', 't', false)).named('r');
    return mul(0.5, pow(residual, 2).named('r²')).named('L');
  },
};

const W1 = [
  [0.5, -0.4],
  [-0.6, 0.3],
  [0.2, 0.7],
];
const B1 = [0.1, 0.2, -0.3];
const W2 = [
  [0.6, -0.5, 0.3],
  [-0.2, 0.4, -0.6],
  [0.1, 0.2, 0.5],
];
const B2 = [0, 0.1, -0.1];

/** A two-layer MLP with softmax cross-entropy: 2 inputs, 3 ReLU units, 3 classes, one example. */
const MLP_SOFTMAX: Preset = {
  id: 'mlp-softmax',
  title: 'A two-layer MLP with softmax cross-entropy',
  description: 'z₁ = W₁x + b₁, h = ReLU(z₁), z₂ = W₂h + b₂, L = −log softmax(z₂)ₜ',
  inputs: [
    ...vectorInputs('x', 'x', [1, 0.5]),
    ...matrixInputs('W1', 'W₁', W1),
    ...vectorInputs('b1', 'b₁', B1),
    ...matrixInputs('W2', 'W₂', W2),
    ...vectorInputs('b2', 'b₂', B2),
    { key: 't', label: 't (class)', value: 2, classes: 3 },
  ],
  build(v) {
    const x = vectorOf(v, 'x', 'x', 2, false);
    const w1 = matrixOf(v, 'W1', 'W₁', 3, 2, true);
    const b1 = vectorOf(v, 'b1', 'b₁', 3, true);
    const w2 = matrixOf(v, 'W2', 'W₂', 3, 3, true);
    const b2 = vectorOf(v, 'b2', 'b₂', 3, true);
    const z1 = linear(x, w1, b1).named('z₁');
    const h = relu(z1).named('h');
    const z2 = linear(h, w2, b2).named('z₂');
    return crossEntropy(z2, [v.t]).named('L');
  },
};

/** Every preset, in the order of the lesson. */
export const PRESETS: readonly Preset[] = [NEURON, SEED000_221, LOGISTIC_LEAST_SQUARES, MLP_SOFTMAX];

/** The preset ids, for the component's props. */
export const PRESET_IDS = PRESETS.map((p) => p.id);

/** The preset of an id, or an error naming the known ones. */
export function presetById(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new RangeError(`unknown backprop preset '${id}'; known: ${PRESET_IDS.join(', ')}`);
  return preset;
}

/** A preset's starting values by key. */
export function defaultValues(preset: Preset): Record<string, number> {
  return Object.fromEntries(preset.inputs.map((input) => [input.key, input.value]));
}
