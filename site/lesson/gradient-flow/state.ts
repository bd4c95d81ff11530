// Everything a gradient-flow run can be set to, as one plain object: its choices, its limits, and its spelling in
// the page URL, so a link reproduces a run. The network is `depth` Linear layers (depth − 1 hidden layers of `width`
// units, then one output), trained with plain SGD on a small task; the widget measures how the gradient reaches
// each layer.
//
// The URL form is one query parameter per widget whose value is `key_value` pairs joined by `*`, for the fields
// that differ from the preset: `?gf-relu-he=d_12*a_tanh*lr_0.03`. Only characters a query keeps as they are
// (letters, digits, . - _ *) are used; a value that does not parse or is out of range is ignored.

import { TRAINABLE_ELEMENTWISE, type ElementwiseActivationName } from '../../../engine/formulas/activations.ts';
import { withParameter } from '../shared/url-state.ts';

/** The activations offered: every one of the engine's registry its fast MLP kernel trains, but the identity. */
export const ACTIVATIONS: readonly ElementwiseActivationName[] = TRAINABLE_ELEMENTWISE.filter((name) => name !== 'identity');

/**
 * The initialisers offered, by name: the lectures' unscaled Gaussian N(0, 1), PyTorch's default U(±1/√n_in),
 * Xavier/Glorot normal N(0, 2/(n_in + n_out)) and He/Kaiming normal N(0, 2/n_in). Biases start at zero (PyTorch's
 * default draws them as its weights).
 */
export const INITIALIZERS = ['gaussian', 'default', 'xavier', 'he'] as const;
/** An initialiser's name. */
export type InitializerName = (typeof INITIALIZERS)[number];

/** How each initialiser reads in the controls. */
export const INITIALIZER_LABELS: Readonly<Record<InitializerName, string>> = {
  gaussian: 'Gaussian N(0, 1)',
  default: 'PyTorch default U(±1/√n)',
  xavier: 'Xavier/Glorot N(0, 2/(n_in+n_out))',
  he: 'He/Kaiming N(0, 2/n_in)',
};

/** The widths offered for the hidden layers. */
export const WIDTHS = [4, 8, 16, 32, 64] as const;

/** The learning rates offered for SGD. */
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1] as const;

/** The limits of the numeric settings, shared by the controls, the props and the URL parser. */
export const LIMITS = {
  /** Linear layers, input side to output: at least one hidden layer. */
  depth: { min: 2, max: 20 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

/** The whole setting of a gradient-flow run. */
export interface GradientFlowState {
  /** The number of Linear layers (depth − 1 hidden layers and the output layer), 2 to 20. */
  depth: number;
  /** The units in each hidden layer, one of WIDTHS. */
  width: number;
  /** The activation after each hidden layer. */
  activation: ElementwiseActivationName;
  /** How the first weights are drawn. */
  init: InitializerName;
  /** SGD's learning rate, one of LEARNING_RATES. */
  lr: number;
  /** The seed of the weights and of the mini-batches. */
  seed: number;
}

/** The short keys of the URL form, by field. */
const KEYS: Readonly<Record<keyof GradientFlowState, string>> = { depth: 'd', width: 'w', activation: 'a', init: 'i', lr: 'lr', seed: 's' };

/** Whether a value is acceptable for a field (the same rule for props, controls and links). */
export function validValue<K extends keyof GradientFlowState>(field: K, value: unknown): value is GradientFlowState[K] {
  const whole = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  switch (field) {
    case 'depth':
      return whole(value, LIMITS.depth.min, LIMITS.depth.max);
    case 'width':
      return (WIDTHS as readonly unknown[]).includes(value);
    case 'activation':
      return (ACTIVATIONS as readonly unknown[]).includes(value);
    case 'init':
      return (INITIALIZERS as readonly unknown[]).includes(value);
    case 'lr':
      return (LEARNING_RATES as readonly unknown[]).includes(value);
    case 'seed':
      return whole(value, LIMITS.seed.min, LIMITS.seed.max);
  }
  return false;
}

/** The fields in URL order. */
const FIELDS = Object.keys(KEYS) as (keyof GradientFlowState)[];

/** The URL form of a state: `key_value` pairs for the fields that differ from `base`, joined by `*` ('' when none). */
export function encodeState(base: GradientFlowState, state: GradientFlowState): string {
  return FIELDS.filter((field) => state[field] !== base[field])
    .map((field) => `${KEYS[field]}_${state[field]}`)
    .join('*');
}

/** The state a URL form describes on top of `base`; unknown keys and invalid values are ignored. */
export function decodeState(base: GradientFlowState, text: string | null): GradientFlowState {
  const state: GradientFlowState = { ...base };
  if (text === null || text === '') return state;
  const fieldOf = new Map(FIELDS.map((field) => [KEYS[field], field]));
  for (const part of text.split('*')) {
    const cut = part.indexOf('_');
    if (cut < 0) continue;
    const field = fieldOf.get(part.slice(0, cut));
    if (field === undefined) continue;
    const raw = part.slice(cut + 1);
    const value: unknown = field === 'activation' || field === 'init' ? raw : /^[0-9.eE+-]+$/.test(raw) ? Number(raw) : NaN;
    if (validValue(field, value)) (state as unknown as Record<string, unknown>)[field] = value;
  }
  return state;
}

/** The query parameter of the widget with this key (its id, by default its preset's). */
export function parameterName(key: string): string {
  return `gf-${key}`;
}

/** The search part of a URL with this widget's parameter set (or removed when it is empty), the others kept. */
export function withState(search: string, key: string, encoded: string): string {
  return withParameter(search, parameterName(key), encoded, '');
}

/** The layer sizes of the network a state describes, for `features` inputs and one output. */
export function layerSizes(state: GradientFlowState, features: number): number[] {
  return [features, ...Array.from({ length: state.depth - 1 }, () => state.width), 1];
}
