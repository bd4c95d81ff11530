// The optimizer race's presets: each a surface, a start, the racers (every optimizer of the registry, the ones
// that make the preset's point switched on, twins where two settings of one optimizer are compared) and one
// sentence saying what to watch. Numbers that follow from the surface (the critical learning rate 2/λmax) are
// computed with the engine here; tests/site/lesson/optimizer-race/presets.test.ts checks every claim a preset's
// sentence makes.

import type { SurfaceName } from '../../../engine/surfaces.ts';
import { symmetricEigenvalues2 } from '../../../engine/surfaces.ts';
import { OPTIMIZER_NAMES, surfaceOf, type Racer, type RaceState } from './race.ts';

/** A preset race. */
export interface RacePreset {
  /** The id used by `<OptimizerRace preset="…">`. */
  id: string;
  /** Its title, shown above the race. */
  title: string;
  /** One sentence: what to watch. */
  watch: string;
  /** The race it starts with. */
  state: RaceState;
  /** The racer whose update lines are shown first (an index into state.racers). */
  selected: number;
}

/** Learning rates that race well on each surface, per optimizer: where a racer starts when the surface changes. */
export const SURFACE_LEARNING_RATES: Readonly<Record<SurfaceName, Readonly<Record<string, number>>>> = {
  quadratic: { sgd: 0.1, momentum: 0.02, nesterov: 0.02, adagrad: 0.5, rmsprop: 0.05, adam: 0.1, adamw: 0.1 },
  rosenbrock: { sgd: 1e-3, momentum: 2e-4, nesterov: 2e-4, adagrad: 0.3, rmsprop: 0.01, adam: 0.1, adamw: 0.1 },
  beale: { sgd: 1e-3, momentum: 1e-4, nesterov: 1e-4, adagrad: 0.3, rmsprop: 0.01, adam: 0.05, adamw: 0.05 },
  saddle: { sgd: 0.05, momentum: 0.05, nesterov: 0.05, adagrad: 0.3, rmsprop: 0.02, adam: 0.05, adamw: 0.05 },
  'two-minima': { sgd: 0.02, momentum: 0.01, nesterov: 0.01, adagrad: 0.5, rmsprop: 0.05, adam: 0.1, adamw: 0.1 },
};

/** The racers: `featured` on (in order), then every other optimizer of the registry off, at the surface's learning rates. */
function racers(surface: SurfaceName, featured: readonly Racer[]): Racer[] {
  const rest = OPTIMIZER_NAMES.filter((name) => !featured.some((racer) => racer.optimizer === name));
  return [...featured, ...rest.map((optimizer) => ({ optimizer, options: { lr: SURFACE_LEARNING_RATES[surface][optimizer] }, on: false }))];
}

/** A featured racer at the surface's learning rate, with extra options. */
function on(surface: SurfaceName, optimizer: string, options: Racer['options'] = {}): Racer {
  return { optimizer, options: { lr: SURFACE_LEARNING_RATES[surface][optimizer], ...options }, on: true };
}

/** 2/λmax of the quadratic with condition number κ: the largest learning rate at which gradient descent converges. */
export function criticalLearningRate(condition: number): number {
  const surface = surfaceOf({ surface: 'quadratic', condition });
  const [, largest] = symmetricEigenvalues2(surface.hessian(0, 0));
  return 2 / largest;
}

const critical = criticalLearningRate(10);

/** Every preset, in the order of the chapter. */
export const PRESETS: readonly RacePreset[] = [
  {
    id: 'race',
    title: 'Every optimizer on the Rosenbrock valley',
    watch: 'All of them find the curved valley quickly; watch which ones then make progress along its flat floor towards (1, 1).',
    state: {
      surface: 'rosenbrock',
      condition: 10,
      noise: 0,
      seed: 1,
      start: [-1.5, 2.5],
      steps: 300,
      racers: racers('rosenbrock', OPTIMIZER_NAMES.map((name) => on('rosenbrock', name))),
    },
    selected: 5,
  },
  {
    id: 'lr-too-large',
    title: 'A learning rate just above 2/λmax',
    watch: 'Both runs zig-zag across the steep direction: just below 2/λmax the zig-zag shrinks, just above it grows until the run leaves the plot.',
    state: {
      surface: 'quadratic',
      condition: 10,
      noise: 0,
      seed: 1,
      start: [-2.5, 1.2],
      steps: 60,
      racers: racers('quadratic', [on('quadratic', 'sgd', { lr: Number((1.05 * critical).toPrecision(6)) }), on('quadratic', 'sgd', { lr: Number((0.95 * critical).toPrecision(6)) })]),
    },
    selected: 0,
  },
  {
    id: 'ravine-momentum',
    title: 'Momentum through a ravine (κ = 50)',
    watch: 'With the same learning rate, plain gradient descent crawls along the shallow floor while momentum and Nesterov build up speed along it.',
    state: {
      surface: 'quadratic',
      condition: 50,
      noise: 0,
      seed: 1,
      start: [-2.5, 1.2],
      steps: 100,
      racers: racers('quadratic', [on('quadratic', 'sgd', { lr: 0.02 }), on('quadratic', 'momentum', { lr: 0.02 }), on('quadratic', 'nesterov', { lr: 0.02 })]),
    },
    selected: 1,
  },
  {
    id: 'adam-bias-correction',
    title: 'Adam’s first ten steps, with and without bias correction',
    watch: 'Corrected, Adam’s first steps move each coordinate about η; uncorrected, the first is (1 − β₁)/√(1 − β₂) ≈ 3.2 times longer, and within three steps it has overshot the minimum far up the opposite wall.',
    state: {
      surface: 'quadratic',
      condition: 10,
      noise: 0,
      seed: 1,
      start: [-0.6, 0.4],
      steps: 30,
      racers: racers('quadratic', [on('quadratic', 'adam'), on('quadratic', 'adam', { biasCorrection: false })]),
    },
    selected: 1,
  },
  {
    id: 'saddle-escape',
    title: 'Escaping a saddle point',
    watch: 'Started a hair off the ridge, gradient descent slides into the saddle and lingers there; momentum and Adam roll off it to a minimum.',
    state: {
      surface: 'saddle',
      condition: 10,
      noise: 0,
      seed: 1,
      start: [-1.8, 0.001],
      steps: 60,
      racers: racers('saddle', [on('saddle', 'sgd'), on('saddle', 'momentum'), on('saddle', 'adam')]),
    },
    selected: 0,
  },
  {
    id: 'two-minima',
    title: 'Which minimum?',
    watch: 'From the same start, momentum and Nesterov carry enough speed over the ridge into the deeper left valley; the others settle in the nearer, shallower one.',
    state: {
      surface: 'two-minima',
      condition: 10,
      noise: 0,
      seed: 1,
      start: [1.8, 0.5],
      steps: 200,
      racers: racers('two-minima', OPTIMIZER_NAMES.map((name) => on('two-minima', name))),
    },
    selected: 1,
  },
  {
    id: 'noisy',
    title: 'Noisy gradients: the mini-batch picture',
    watch: 'With noise in every gradient, gradient descent no longer settles at the minimum but jitters around it; a smaller learning rate jitters less but arrives later.',
    state: {
      surface: 'quadratic',
      condition: 10,
      noise: 1,
      seed: 1,
      start: [-2.5, 1.2],
      steps: 150,
      racers: racers('quadratic', [on('quadratic', 'sgd'), on('quadratic', 'sgd', { lr: 0.02 }), on('quadratic', 'adam')]),
    },
    selected: 0,
  },
];

/** The preset ids, for the props' schema. */
export const PRESET_IDS = PRESETS.map((preset) => preset.id);

/** The preset with this id; throws a RangeError naming the known ids. */
export function presetById(id: string): RacePreset {
  const preset = PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new RangeError(`unknown optimizer-race preset '${id}'; known: ${PRESET_IDS.join(', ')}`);
  return preset;
}

/** The preset's racers on another surface: the same racers, each at that surface's learning rate for its optimizer. */
export function racersFor(preset: RacePreset, surface: SurfaceName): Racer[] {
  if (surface === preset.state.surface) return preset.state.racers.map((racer) => ({ ...racer, options: { ...racer.options } }));
  return preset.state.racers.map((racer) => ({ ...racer, options: { ...racer.options, lr: SURFACE_LEARNING_RATES[surface][racer.optimizer] } }));
}
