// The RegularizationLab's presets: the same small noisy data set and network, trained with no regulariser
// (`overfit`), with L2 weight decay, with dropout, or with early stopping. Each preset is a starting point; every
// control can change it afterwards, and the URL remembers what differs.

import type { LabSettings } from './run.ts';

/** A preset: its settings, a title and one line saying what to watch. */
export interface LabPreset {
  id: PresetId;
  title: string;
  watch: string;
  settings: LabSettings;
}

/** The preset ids, in the order the lesson uses them. */
export const PRESET_IDS = ['overfit', 'l2', 'dropout', 'early-stopping'] as const;
/** A preset's id. */
export type PresetId = (typeof PRESET_IDS)[number];

/** The choices the L2 control offers (λ, the optimizer's weightDecay). */
export const L2_CHOICES = [0, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
/** The choices the dropout control offers (p, the probability of dropping a hidden unit). */
export const DROPOUT_CHOICES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6] as const;
/** The choices the patience control offers, in epochs (0: early stopping off). */
export const PATIENCE_CHOICES = [0, 5, 10, 20, 40] as const;
/** The training lengths offered, in epochs. */
export const EPOCH_CHOICES = [100, 300, 600] as const;
/** The largest seed the seed field accepts. */
export const SEED_MAX = 999;

/** Epochs per second of each speed, slowest first. */
export const SPEEDS = [
  { label: '10 epochs/s', epochsPerSecond: 10 },
  { label: '30 epochs/s', epochsPerSecond: 30 },
  { label: '100 epochs/s', epochsPerSecond: 100 },
] as const;

const BASE: LabSettings = { l2: 0, dropout: 0, patience: 0, epochs: 300, seed: 1 };

/** Every preset, by id. */
export const PRESETS: Readonly<Record<PresetId, LabPreset>> = {
  overfit: {
    id: 'overfit',
    title: 'Overfitting: no regulariser',
    watch: 'The training loss falls towards zero while the validation loss turns and climbs: the boundary bends around every mislabelled point.',
    settings: BASE,
  },
  l2: {
    id: 'l2',
    title: 'L2 weight decay',
    watch: 'With λ = 0.01 the weights stay small (thin lines in the network), the boundary stays smooth and the validation loss stays low.',
    settings: { ...BASE, l2: 0.01 },
  },
  dropout: {
    id: 'dropout',
    title: 'Dropout',
    watch: 'Each training step drops each hidden unit with probability 0.3, about 30% of them (crossed out); evaluation uses them all. Compare the validation loss with the overfit run.',
    settings: { ...BASE, dropout: 0.3 },
  },
  'early-stopping': {
    id: 'early-stopping',
    title: 'Early stopping',
    watch: 'Training stops once the validation loss has not improved for 20 epochs, and the weights of its best epoch (the marked one) come back.',
    settings: { ...BASE, patience: 20 },
  },
};

/** The preset with this id (the overfit one for an unknown id). */
export function presetById(id: string): LabPreset {
  return (PRESET_IDS as readonly string[]).includes(id) ? PRESETS[id as PresetId] : PRESETS.overfit;
}
