// A lab's state in the page's URL, so a link reproduces it: the epoch shown and whatever differs from the preset
// (L2 λ, dropout p, patience, epochs, seed), in one query parameter per lab (`?lab-overfit=120*l2_0.01*drop_0.3`),
// leaving every other parameter alone. Only characters a query keeps as they are (letters, digits, . _ *) are used.
// A value that does not parse or is not one the controls offer is ignored, so an edited link still opens.

import { DROPOUT_CHOICES, EPOCH_CHOICES, L2_CHOICES, PATIENCE_CHOICES, SEED_MAX, type LabPreset } from './presets.ts';
import type { LabSettings } from './run.ts';
import { withParameter } from '../shared/url-state.ts';

/** What the URL holds for one lab: its settings and the epoch shown. */
export interface LabView {
  settings: LabSettings;
  epoch: number;
}

/** The query parameter of the lab with this key. */
export function parameterName(key: string): string {
  return `lab-${key}`;
}

/** The URL keys of the settings. */
const KEYS: Record<keyof LabSettings, string> = { l2: 'l2', dropout: 'drop', patience: 'pat', epochs: 'ep', seed: 'seed' };

/** The values each setting accepts from a URL. */
const ACCEPTS: Record<keyof LabSettings, (value: number) => boolean> = {
  l2: (v) => (L2_CHOICES as readonly number[]).includes(v),
  dropout: (v) => (DROPOUT_CHOICES as readonly number[]).includes(v),
  patience: (v) => (PATIENCE_CHOICES as readonly number[]).includes(v),
  epochs: (v) => (EPOCH_CHOICES as readonly number[]).includes(v),
  seed: (v) => Number.isInteger(v) && v >= 0 && v <= SEED_MAX,
};

/** Writes the epoch and the settings that differ from the preset: `120*l2_0.01*seed_4`. */
export function encodeView(preset: LabPreset, view: LabView): string {
  const parts = [String(view.epoch)];
  for (const field of Object.keys(KEYS) as (keyof LabSettings)[]) {
    if (view.settings[field] !== preset.settings[field]) parts.push(`${KEYS[field]}_${view.settings[field]}`);
  }
  return parts.join('*');
}

/** Reads a view written by `encodeView`, starting from the preset's; anything unknown or malformed is ignored. */
export function decodeView(preset: LabPreset, text: string | null): LabView {
  const settings: LabSettings = { ...preset.settings };
  if (text === null || text === '') return { settings, epoch: 0 };
  const [first, ...rest] = text.split('*');
  for (const part of rest) {
    const [key, value, extra] = part.split('_');
    const field = (Object.keys(KEYS) as (keyof LabSettings)[]).find((f) => KEYS[f] === key);
    if (field === undefined || value === undefined || extra !== undefined || !/^[0-9.]+$/.test(value)) continue;
    const number = Number(value);
    if (ACCEPTS[field](number)) settings[field] = number;
  }
  const epoch = /^\d+$/.test(first) ? Math.min(Number(first), settings.epochs) : 0;
  return { settings, epoch };
}

/** The search part of a URL with this lab's parameter set (or removed when the view is the preset's start), the others kept. */
export function withView(search: string, key: string, encoded: string): string {
  return withParameter(search, parameterName(key), encoded, '0');
}
