// A stepper's state in the page's URL, so that a link reproduces it: the step
// and every value that differs from the preset's, in one query parameter per
// stepper (`?stepper-neuron=7*w*0.7*b*-0.5`), so several steppers on a page
// keep their own state and leave every other parameter alone. Only characters
// a query keeps as they are (digits, letters, . - _ *) are used.

import type { Preset } from './presets.ts';
import { withParameter } from '../shared/url-state.ts';

/** What the URL holds for one stepper. */
export interface StepperState {
  step: number;
  values: Record<string, number>;
}

/** The query parameter of the stepper with this key (its id, by default its preset's). */
export function parameterName(key: string): string {
  return `stepper-${key}`;
}

/** Writes the step and the values that differ from the preset's: `7*w*0.7*b*-0.5`. */
export function encodeState(preset: Preset, state: StepperState): string {
  const parts = [String(state.step)];
  for (const input of preset.inputs) {
    const value = state.values[input.key];
    if (value !== undefined && value !== input.value) parts.push(input.key, String(value));
  }
  return parts.join('*');
}

/**
 * Reads a state written by `encodeState`, starting from the preset's values; unknown keys, numbers that do not
 * parse and class indices out of range are ignored, so an edited link still opens.
 */
export function decodeState(preset: Preset, text: string | null): StepperState {
  const values = Object.fromEntries(preset.inputs.map((input) => [input.key, input.value]));
  if (text === null || text === '') return { step: 0, values };
  const [first, ...rest] = text.split('*');
  const step = /^\d+$/.test(first) ? Number(first) : 0;
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const input = preset.inputs.find((candidate) => candidate.key === rest[i]);
    const value = Number(rest[i + 1]);
    if (input === undefined || rest[i + 1] === '' || !Number.isFinite(value)) continue;
    if (input.classes !== undefined && !(Number.isInteger(value) && value >= 0 && value < input.classes)) continue;
    values[input.key] = value;
  }
  return { step, values };
}

/** The search part of `url` with this stepper's parameter set (or removed when the state is the start), the others kept. */
export function withState(search: string, key: string, encoded: string): string {
  return withParameter(search, parameterName(key), encoded, '0');
}
