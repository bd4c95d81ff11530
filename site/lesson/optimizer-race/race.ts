// A race's state and its computation: which surface (and its condition number), the gradient noise and its seed,
// the start point, and the racers (an optimizer of the engine's registry with its options, on or off). Every path
// is the engine's optimizerPath; this file only decides where a path stops being drawn (non-finite, or far outside
// the plot's window) and picks the contour levels. Pure functions, shared by the element, the Astro component and
// the tests.

import { createSurface, optimizerPath, type Surface, type SurfaceName } from '../../../engine/surfaces.ts';
import { optimizerEntry, optimizerHyperparameters, OPTIMIZERS } from '../../../engine/optim/registry.ts';
import { resolveOptions } from '../../../engine/optim/optimizer.ts';

/** A value of an optimizer option: a number, a flag, or a pair (Adam's betas). */
export type OptionValue = number | boolean | readonly [number, number];

/** One runner of the race: an optimizer of the registry with its options. */
export interface Racer {
  /** The registry name (sgd, momentum, …). */
  optimizer: string;
  /** Options on top of the registry's preset (only those that differ from its defaults need be given). */
  options: Readonly<Record<string, OptionValue>>;
  /** Whether it runs. */
  on: boolean;
  /** A name that tells it from a twin of the same optimizer ("η just below 2/λmax"); default the registry's label. */
  note?: string;
}

/** Everything a race is computed from. */
export interface RaceState {
  /** The loss surface. */
  surface: SurfaceName;
  /** The quadratic's condition number κ (ignored by the other surfaces). */
  condition: number;
  /** Standard deviation σ of the Gaussian noise added to each gradient coordinate (0: exact gradients). */
  noise: number;
  /** The noise's seed: every racer draws its noise from a generator seeded with it. */
  seed: number;
  /** Where every racer starts. */
  start: readonly [number, number];
  /** The racers, in legend order. */
  racers: readonly Racer[];
  /** How many steps the race runs. */
  steps: number;
}

/** The surface names, in the order the controls list them. */
export const SURFACE_NAMES: readonly SurfaceName[] = ['quadratic', 'rosenbrock', 'beale', 'saddle', 'two-minima'];

/** The quadratic's condition numbers the control allows. */
export const CONDITION_RANGE = { min: 1, max: 200 } as const;

/** The noise σ the control allows. */
export const NOISE_RANGE = { min: 0, max: 5 } as const;

/** The surface of a state (the quadratic with its condition number). */
export function surfaceOf(state: Pick<RaceState, 'surface' | 'condition'>): Surface {
  return createSurface(state.surface, state.surface === 'quadratic' ? { condition: state.condition } : {});
}

/** The surface as its contours depend on it: its name, and the condition number of the quadratic. */
export function surfaceKey(state: Pick<RaceState, 'surface' | 'condition'>): string {
  return `${state.surface}|${state.surface === 'quadratic' ? state.condition : ''}`;
}

/** The window a path may wander in before it counts as diverged: the plot's domain widened by half on each side. */
export function raceWindow(surface: Surface): { x: [number, number]; y: [number, number] } {
  const widen = ([lo, hi]: readonly [number, number]): [number, number] => [lo - (hi - lo) / 2, hi + (hi - lo) / 2];
  return { x: widen(surface.domain.x), y: widen(surface.domain.y) };
}

/** A racer's run: its points (up to where it stopped), losses, and where and why it stopped. */
export interface RacePath {
  /** Index of the racer in the state. */
  index: number;
  /** The points drawn, points[0] the start. */
  points: [number, number][];
  /** The loss at each point. */
  losses: number[];
  /** The step at which it left the window or stopped being finite, or null. */
  divergedAt: number | null;
  /** Why it stopped: 'window' (far outside the plot) or 'overflow' (not finite), or null. */
  reason: 'window' | 'overflow' | null;
}

/** The noise option of optimizerPath for a state: none when σ is 0. */
export function noiseOf(state: Pick<RaceState, 'noise' | 'seed'>): { sigma: number; seed: number } | undefined {
  return state.noise > 0 ? { sigma: state.noise, seed: state.seed } : undefined;
}

/** The options a racer runs with: its options as the engine takes them (pairs as arrays). */
export function engineOptions(racer: Racer): Record<string, unknown> {
  return Object.fromEntries(Object.entries(racer.options).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}

/** Runs one racer with the engine's optimizerPath and stops it where it leaves the window. */
export function runRacer(state: RaceState, index: number, surface: Surface = surfaceOf(state)): RacePath {
  const racer = state.racers[index];
  const path = optimizerPath(surface, racer.optimizer, engineOptions(racer), state.start, state.steps, noiseOf(state));
  const window = raceWindow(surface);
  const outside = path.points.findIndex(([x, y]) => x < window.x[0] || x > window.x[1] || y < window.y[0] || y > window.y[1]);
  if (outside > 0) return { index, points: path.points.slice(0, outside), losses: path.losses.slice(0, outside), divergedAt: outside, reason: 'window' };
  return { index, points: path.points, losses: path.losses, divergedAt: path.divergedAt, reason: path.divergedAt === null ? null : 'overflow' };
}

/** Every racer that is on, run. */
export function runRace(state: RaceState): RacePath[] {
  const surface = surfaceOf(state);
  return state.racers.flatMap((racer, index) => (racer.on ? [runRacer(state, index, surface)] : []));
}

/** Whether `options` are accepted by the optimizer (the engine's own checks, Nesterov's included); the message if not. */
export function optionsProblem(optimizer: string, options: Readonly<Record<string, OptionValue>>): string | null {
  try {
    const entry = optimizerEntry(optimizer);
    const merged = resolveOptions(entry.label, entry.optimizer.hyperparameters, { ...entry.preset, ...options });
    if (merged.nesterov === true && (!((merged.momentum as number) > 0) || merged.dampening !== 0)) return 'Nesterov momentum needs a momentum above 0 and no dampening';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A racer's name for the legend: its note or the registry's label. */
export function racerLabel(racer: Racer): string {
  const { label } = optimizerEntry(racer.optimizer);
  return racer.note === undefined ? label : `${label} (${racer.note})`;
}

/** A racer's option value, its own or the registry's default (preset included). */
export function optionValue(racer: Racer, option: string): OptionValue {
  return racer.options[option] ?? (optimizerHyperparameters(racer.optimizer)[option].default as OptionValue);
}

/** A racer's name, told from its twins: `SGD`, or `SGD #1` and `SGD #2` when the race has two SGDs. */
export function racerName(racers: readonly Racer[], index: number): string {
  const racer = racers[index];
  const twins = racers.filter((r) => r.optimizer === racer.optimizer);
  const label = optimizerEntry(racer.optimizer).label;
  if (twins.length === 1) return label;
  return `${label} #${racers.slice(0, index + 1).filter((r) => r.optimizer === racer.optimizer).length}`;
}

/** The play speeds: steps per second. */
export const SPEEDS: readonly { label: string; stepsPerSecond: number }[] = [
  { label: '2 steps/s', stepsPerSecond: 2 },
  { label: '8 steps/s', stepsPerSecond: 8 },
  { label: '30 steps/s', stepsPerSecond: 30 },
  { label: '120 steps/s', stepsPerSecond: 120 },
];

/** The registry's names, in order. */
export const OPTIMIZER_NAMES: readonly string[] = OPTIMIZERS.map((o) => o.name);

/** Contour levels for a surface: log-spaced where its values span orders of magnitude above 0, else evenly spaced. */
export function contourLevels(surface: Surface, count = 14, samples = 60): number[] {
  const { x, y } = surface.domain;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= samples; i++) {
    for (let j = 0; j <= samples; j++) {
      const v = surface.value(x[0] + ((x[1] - x[0]) * i) / samples, y[0] + ((y[1] - y[0]) * j) / samples);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const floor = Math.min(...surface.minima.map(([mx, my]) => surface.value(mx, my)), lo);
  if (floor >= 0 && hi > 0) {
    // Log-spaced from a small fraction of the range up to near the top: the floor of a valley gets as many lines as its walls.
    const bottom = Math.max(hi * 1e-4, floor + 1e-3);
    const top = hi * 0.9;
    return Array.from({ length: count }, (_, k) => bottom * (top / bottom) ** (k / (count - 1)));
  }
  // Evenly spaced, from just above the lowest value to below the top (the saddle and the two minima go below 0).
  const step = (Math.min(hi, floor + (hi - floor) * 0.6) - floor) / count;
  return Array.from({ length: count }, (_, k) => floor + step * (k + 0.5));
}

/** How the legend names an option: the symbol the update lines use. */
const OPTION_SYMBOLS: Readonly<Record<string, string>> = {
  lr: 'η',
  momentum: 'μ',
  dampening: 'τ',
  weightDecay: 'λ',
  alpha: 'α',
  eps: 'ε',
  betas: '(β₁, β₂)',
  lrDecay: 'δ',
  initialAccumulatorValue: 's₀',
};

/** An option's label in the settings: its name as torch.optim spells it in camelCase, with its symbol (`lr (η)`). */
export function optionLabel(option: string): string {
  return OPTION_SYMBOLS[option] === undefined || option === 'betas' ? option : `${option} (${OPTION_SYMBOLS[option]})`;
}

/** A racer's settings for the legend: η, then every option that differs from the registry's default (`η = 0.1, no bias correction`). */
export function describeOptions(racer: Racer): string {
  const table = optimizerHyperparameters(racer.optimizer);
  const parts = [`η = ${String(optionValue(racer, 'lr'))}`];
  for (const [option, spec] of Object.entries(table)) {
    if (option === 'lr' || racer.options[option] === undefined) continue;
    const value = racer.options[option];
    const fallback = spec.default;
    const same = Array.isArray(value) && Array.isArray(fallback) ? value[0] === fallback[0] && value[1] === fallback[1] : value === fallback;
    if (same) continue;
    if (option === 'biasCorrection') parts.push(value ? 'bias correction' : 'no bias correction');
    else if (typeof value === 'boolean') parts.push(value ? option : `no ${option}`);
    else parts.push(`${OPTION_SYMBOLS[option] ?? option} = ${Array.isArray(value) ? `(${value.join(', ')})` : String(value)}`);
  }
  return parts.join(', ');
}
