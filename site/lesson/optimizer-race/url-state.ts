// A race's state in the page's URL, so that a link reproduces it: the step, and whatever differs from the preset
// (surface, condition number, noise and seed, start, the racer shown, each racer switched on or off and its
// options), in one query parameter per race (`?race-ravine-momentum=40*n_0.5*r0_1_lr_0.03`), so several races
// on a page keep their own state and leave every other parameter alone. Only characters a query keeps as they
// are (letters, digits, . - _ *) are used. A value that does not parse or is out of range is ignored, so an
// edited or truncated link still opens.

import { optimizerHyperparameters } from '../../../engine/optim/registry.ts';
import type { SurfaceName } from '../../../engine/surfaces.ts';
import { racersFor, type RacePreset } from './presets.ts';
import { CONDITION_RANGE, NOISE_RANGE, SURFACE_NAMES, optionsProblem, surfaceOf, type OptionValue, type Racer, type RaceState } from './race.ts';
import { withParameter } from '../shared/url-state.ts';

/** What the URL holds for one race: the race itself, the step shown and the racer whose update lines are shown. */
export interface RaceView {
  state: RaceState;
  step: number;
  selected: number;
}

/** The query parameter of the race with this key (its id, by default its preset's). */
export function parameterName(key: string): string {
  return `race-${key}`;
}

/** The view a preset starts at. */
export function presetView(preset: RacePreset): RaceView {
  return { state: { ...preset.state, start: [...preset.state.start], racers: racersFor(preset, preset.state.surface) }, step: 0, selected: preset.selected };
}

/** Whether two option values are the same. */
function sameValue(a: OptionValue, b: OptionValue): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : a === b;
}

/** An option's value: the racer's own or the registry's default. */
function valueOf(racer: Racer, option: string): OptionValue {
  return racer.options[option] ?? (optimizerHyperparameters(racer.optimizer)[option].default as OptionValue);
}

/** An option value as URL tokens: a number as itself, a flag as 1 or 0, a pair as two numbers. */
function tokens(value: OptionValue): string[] {
  if (typeof value === 'boolean') return [value ? '1' : '0'];
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

/** Writes the step and what differs from the preset: `40*s_beale*r2_0`. */
export function encodeView(preset: RacePreset, view: RaceView): string {
  const { state } = view;
  const start = preset.state;
  const parts = [String(view.step)];
  if (state.surface !== start.surface) parts.push(`s_${state.surface}`);
  if (state.condition !== start.condition) parts.push(`k_${state.condition}`);
  if (state.noise !== start.noise) parts.push(`n_${state.noise}`);
  if (state.seed !== start.seed) parts.push(`seed_${state.seed}`);
  // The start a link without x and y gets: the preset's, or the surface's own when the surface changed.
  const baseStart = state.surface === start.surface ? start.start : surfaceOf(state).start;
  if (state.start[0] !== baseStart[0]) parts.push(`x_${state.start[0]}`);
  if (state.start[1] !== baseStart[1]) parts.push(`y_${state.start[1]}`);
  if (view.selected !== preset.selected) parts.push(`sel_${view.selected}`);
  const base = racersFor(preset, state.surface);
  state.racers.forEach((racer, i) => {
    const changed = Object.keys(optimizerHyperparameters(racer.optimizer)).filter((option) => !sameValue(valueOf(racer, option), valueOf(base[i], option)));
    if (racer.on === base[i].on && changed.length === 0) return;
    parts.push([`r${i}`, racer.on ? '1' : '0', ...changed.flatMap((option) => [option, ...tokens(valueOf(racer, option))])].join('_'));
  });
  return parts.join('*');
}

/** A finite number from text (not empty), or null. */
function parseNumber(text: string | undefined): number | null {
  if (text === undefined || text === '' || !/^[-+0-9.eE]+$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Reads one racer's part (`1_lr_0.03_nesterov_1`) onto a copy of its base, skipping what does not parse or is refused. */
function decodeRacer(base: Racer, fields: string[]): Racer {
  const racer: Racer = { ...base, options: { ...base.options } };
  if (fields[0] === '1' || fields[0] === '0') racer.on = fields[0] === '1';
  const table = optimizerHyperparameters(racer.optimizer);
  let i = 1;
  while (i < fields.length) {
    const option = fields[i];
    const spec = Object.prototype.hasOwnProperty.call(table, option) ? table[option] : undefined;
    if (spec === undefined) {
      i += 1;
      continue;
    }
    let value: OptionValue | null = null;
    if (typeof spec.default === 'boolean') {
      value = fields[i + 1] === '1' ? true : fields[i + 1] === '0' ? false : null;
      i += 2;
    } else if (Array.isArray(spec.default)) {
      const a = parseNumber(fields[i + 1]);
      const b = parseNumber(fields[i + 2]);
      value = a === null || b === null ? null : [a, b];
      i += 3;
    } else {
      value = parseNumber(fields[i + 1]);
      i += 2;
    }
    if (value === null) continue;
    const next = { ...racer.options, [option]: value };
    if (optionsProblem(racer.optimizer, next) === null) racer.options = next;
  }
  return racer;
}

/** Reads a view written by `encodeView`, starting from the preset's; anything unknown, malformed or out of range is ignored. */
export function decodeView(preset: RacePreset, text: string | null): RaceView {
  const view = presetView(preset);
  if (text === null || text === '') return view;
  const [first, ...rest] = text.split('*');
  const parts = rest.map((part) => part.split('_'));
  const field = (key: string): string | undefined => parts.find((p) => p[0] === key && p.length === 2)?.[1];
  const state = view.state;
  const surface = field('s');
  if (surface !== undefined && (SURFACE_NAMES as readonly string[]).includes(surface)) state.surface = surface as SurfaceName;
  const racers = racersFor(preset, state.surface);
  state.racers = racers;
  const condition = parseNumber(field('k'));
  if (condition !== null && condition >= CONDITION_RANGE.min && condition <= CONDITION_RANGE.max) state.condition = condition;
  const noise = parseNumber(field('n'));
  if (noise !== null && noise >= NOISE_RANGE.min && noise <= NOISE_RANGE.max) state.noise = noise;
  const seed = parseNumber(field('seed'));
  if (seed !== null && Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 31) state.seed = seed;
  const x = parseNumber(field('x'));
  const y = parseNumber(field('y'));
  // A start must lie on the plot; a changed surface without a start of its own starts at the surface's.
  const { domain, start } = surfaceOf(state);
  if (state.surface !== preset.state.surface) state.start = [...start];
  const inside = (value: number | null, [lo, hi]: readonly [number, number]) => value !== null && value >= lo && value <= hi;
  state.start = [inside(x, domain.x) ? x! : state.start[0], inside(y, domain.y) ? y! : state.start[1]];
  const selected = parseNumber(field('sel'));
  if (selected !== null && Number.isInteger(selected) && selected >= 0 && selected < state.racers.length) view.selected = selected;
  for (const part of parts) {
    const match = /^r(\d+)$/.exec(part[0]);
    if (match === null) continue;
    const index = Number(match[1]);
    if (index >= racers.length) continue;
    racers[index] = decodeRacer(racers[index], part.slice(1));
  }
  const step = /^\d+$/.test(first) ? Number(first) : 0;
  view.step = Math.min(step, state.steps);
  return view;
}

/** The search part of a URL with this race's parameter set (or removed when the view is the preset's start), the others kept. */
export function withView(search: string, key: string, encoded: string): string {
  return withParameter(search, parameterName(key), encoded, '0');
}
