import { describe, expect, test } from 'vitest';
import { PRESETS, PRESET_IDS, criticalLearningRate, presetById, racersFor } from '../../../../site/lesson/optimizer-race/presets.ts';
import { OPTIMIZER_NAMES, runRace, runRacer, surfaceOf, optionsProblem } from '../../../../site/lesson/optimizer-race/race.ts';
import { createSurface, optimizerPath } from '../../../../engine/surfaces.ts';

const state = (id: string) => presetById(id).state;
const last = (points: [number, number][]) => points[points.length - 1];
const distance = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('the optimizer race presets', () => {
  test('the ids are the ones the lesson places', () => {
    expect(PRESET_IDS).toEqual(['race', 'lr-too-large', 'ravine-momentum', 'adam-bias-correction', 'saddle-escape', 'two-minima', 'noisy']);
  });

  test('every preset offers every optimizer of the registry, with options the engine accepts, and a start on the plot', () => {
    for (const preset of PRESETS) {
      const names = new Set(preset.state.racers.map((r) => r.optimizer));
      expect([...names].sort()).toEqual([...OPTIMIZER_NAMES].sort());
      for (const racer of preset.state.racers) expect(optionsProblem(racer.optimizer, racer.options)).toBeNull();
      const { domain } = surfaceOf(preset.state);
      expect(preset.state.start[0]).toBeGreaterThanOrEqual(domain.x[0]);
      expect(preset.state.start[0]).toBeLessThanOrEqual(domain.x[1]);
      expect(preset.state.start[1]).toBeGreaterThanOrEqual(domain.y[0]);
      expect(preset.state.start[1]).toBeLessThanOrEqual(domain.y[1]);
      expect(preset.selected).toBeLessThan(preset.state.racers.length);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(preset.watch).toMatch(/\.$/);
    }
  });

  test('race: every optimizer runs on Rosenbrock, none diverges and each ends lower than it started', () => {
    const s = state('race');
    expect(s.surface).toBe('rosenbrock');
    const paths = runRace(s);
    expect(paths).toHaveLength(OPTIMIZER_NAMES.length);
    for (const path of paths) {
      expect(path.divergedAt).toBeNull();
      expect(path.losses[path.losses.length - 1]).toBeLessThan(path.losses[0]);
    }
  });

  test('lr-too-large: η = 1.05 · 2/λmax leaves the plot, η = 0.95 · 2/λmax converges; 2/λmax is 0.2 for κ = 10', () => {
    expect(criticalLearningRate(10)).toBeCloseTo(0.2, 12);
    const s = state('lr-too-large');
    const [above, below] = runRace(s);
    expect(s.racers[0].options.lr).toBeGreaterThan(criticalLearningRate(10));
    expect(s.racers[1].options.lr).toBeLessThan(criticalLearningRate(10));
    expect(above.reason).toBe('window');
    expect(above.divergedAt).toBeLessThan(s.steps);
    // Unstopped, the engine's own run grows without bound.
    const unstopped = optimizerPath(surfaceOf(s), 'sgd', { lr: s.racers[0].options.lr }, s.start, 10000);
    expect(unstopped.divergedAt).not.toBeNull();
    expect(below.divergedAt).toBeNull();
    expect(below.losses[below.losses.length - 1]).toBeLessThan(1e-3 * below.losses[0]);
  });

  test('ravine-momentum: at the same η, momentum and Nesterov end with a loss at least 10 times lower than SGD', () => {
    const s = state('ravine-momentum');
    expect(s.condition).toBe(50);
    const [sgd, momentum, nesterov] = runRace(s);
    expect(new Set(s.racers.slice(0, 3).map((r) => r.options.lr)).size).toBe(1);
    const end = (p: { losses: number[] }) => p.losses[p.losses.length - 1];
    for (const fast of [momentum, nesterov]) {
      expect(fast.divergedAt).toBeNull();
      expect(end(fast)).toBeLessThan(end(sgd) / 10);
    }
  });

  test('adam-bias-correction: the uncorrected first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times the corrected one, and it overshoots the minimum', () => {
    const s = state('adam-bias-correction');
    const [corrected, uncorrected] = runRace(s);
    expect(s.racers[1].options.biasCorrection).toBe(false);
    const first = (p: { points: [number, number][] }) => distance(p.points[0], p.points[1]);
    expect(first(uncorrected) / first(corrected)).toBeCloseTo(0.1 / Math.sqrt(0.001), 5);
    // Overshooting: within five steps the uncorrected run is back up the far wall, above half the starting loss,
    // while the corrected one is still walking steadily down.
    expect(Math.max(...uncorrected.losses.slice(2, 6))).toBeGreaterThan(0.5 * uncorrected.losses[0]);
    expect(uncorrected.points.slice(1, 6).some(([x]) => x > 0)).toBe(true);
    for (let t = 1; t <= 5; t++) expect(corrected.losses[t]).toBeLessThan(corrected.losses[t - 1]);
  });

  test('saddle-escape: SGD is still near the saddle after the race; momentum and Adam end at a minimum', () => {
    const s = state('saddle-escape');
    const [sgd, momentum, adam] = runRace(s);
    expect(distance(last(sgd.points), [0, 0])).toBeLessThan(0.15);
    for (const escaped of [momentum, adam]) expect(Math.min(distance(last(escaped.points), [0, 1]), distance(last(escaped.points), [0, -1]))).toBeLessThan(0.1);
  });

  test('two-minima: momentum and Nesterov end in the deeper left minimum, every other optimizer in the right one', () => {
    const s = state('two-minima');
    const surface = createSurface('two-minima');
    const [left, right] = surface.minima;
    expect(surface.value(...left)).toBeLessThan(surface.value(...right));
    for (const path of runRace(s)) {
      const name = s.racers[path.index].optimizer;
      const target = name === 'momentum' || name === 'nesterov' ? left : right;
      expect(distance(last(path.points), target), name).toBeLessThan(0.05);
    }
  });

  test('noisy: with noise SGD jitters around the minimum instead of settling; a smaller η jitters less', () => {
    const s = state('noisy');
    expect(s.noise).toBeGreaterThan(0);
    const tail = (losses: number[]) => losses.slice(-50).reduce((a, b) => a + b, 0) / 50;
    const [sgd, slow] = runRace(s);
    const exact = runRacer({ ...s, noise: 0 }, 0);
    expect(tail(exact.losses)).toBeLessThan(1e-6);
    expect(tail(sgd.losses)).toBeGreaterThan(1e-2);
    expect(tail(slow.losses)).toBeLessThan(tail(sgd.losses));
  });

  test('on another surface the racers take that surface’s learning rates', () => {
    const racers = racersFor(presetById('race'), 'quadratic');
    expect(racers[0].options.lr).toBe(0.1);
    expect(racersFor(presetById('race'), 'rosenbrock')).toEqual(presetById('race').state.racers);
  });
});
