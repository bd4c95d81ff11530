// The gradient-flow presets: each a network (depth, width, activation, initialiser) and a learning rate, with one
// sentence saying what to watch. tests/site/lesson/gradient-flow/presets.test.ts measures every claim a sentence
// makes with the engine.

import type { GradientFlowState } from './state.ts';

/** A preset run. */
export interface GradientFlowPreset {
  /** The id used by `<GradientFlow preset="…">`. */
  id: string;
  /** Its title, shown above the widget. */
  title: string;
  /** One sentence: what to watch. */
  watch: string;
  /** The settings it starts with. */
  state: GradientFlowState;
}

/** The learning rate of the healthy runs, and the one too high that kills ReLUs (the dead-relu preset). */
export const LEARNING_RATE = 0.03;
export const TOO_HIGH_LEARNING_RATE = 1;

/** Every preset, in the order of the chapter. */
export const PRESETS: readonly GradientFlowPreset[] = [
  {
    id: 'vanishing-sigmoid',
    title: 'A 20-layer sigmoid network, Gaussian weights',
    watch: 'Each sigmoid passes back at most a quarter of the gradient it receives: the bars shrink layer by layer towards the input, and the first layers hardly move while the loss stays put.',
    state: { depth: 20, width: 16, activation: 'sigmoid', init: 'gaussian', lr: LEARNING_RATE, seed: 1 },
  },
  {
    id: 'tanh-xavier',
    title: 'A 20-layer tanh network, Xavier initialisation',
    watch: 'Xavier keeps the variance of the signal the same from layer to layer, and tanh’s slope is 1 at 0: the first and last bars stay within a factor of ten of each other.',
    state: { depth: 20, width: 16, activation: 'tanh', init: 'xavier', lr: LEARNING_RATE, seed: 1 },
  },
  {
    id: 'relu-he',
    title: 'A 20-layer ReLU network, He initialisation',
    watch: 'He’s variance 2/n_in makes up for the half of its inputs a ReLU zeroes: the gradient reaches the first layer as strong as the last, and the loss falls.',
    state: { depth: 20, width: 16, activation: 'relu', init: 'he', lr: LEARNING_RATE, seed: 1 },
  },
  {
    id: 'exploding',
    title: 'Weights too large: exploding gradients',
    watch: 'With N(0, 1) weights a tanh layer multiplies the gradient by more than one on its way back, so the first layer’s bar is the longest; a few steps then throw the weights so far that the units saturate.',
    state: { depth: 20, width: 32, activation: 'tanh', init: 'gaussian', lr: 0.01, seed: 1 },
  },
  {
    id: 'dead-relu',
    title: 'Too high a learning rate: dead ReLUs',
    watch: `The network of the ReLU/He run with a learning rate ${Math.round(TOO_HIGH_LEARNING_RATE / LEARNING_RATE)} times larger: the first large steps push many units’ inputs below zero for every training point; such a unit passes no gradient and never recovers. Train and watch the dead fractions climb.`,
    state: { depth: 20, width: 16, activation: 'relu', init: 'he', lr: TOO_HIGH_LEARNING_RATE, seed: 1 },
  },
];

/** The preset ids, for the props' schema. */
export const PRESET_IDS = PRESETS.map((preset) => preset.id);

/** The preset with this id; throws a RangeError naming the known ids. */
export function presetById(id: string): GradientFlowPreset {
  const preset = PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new RangeError(`unknown gradient-flow preset '${id}'; known: ${PRESET_IDS.join(', ')}`);
  return preset;
}
