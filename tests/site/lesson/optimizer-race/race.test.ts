import { describe, expect, test } from 'vitest';
import { contourLevels, describeOptions, optionLabel, optionsProblem, raceWindow, runRacer, surfaceOf, type RaceState } from '../../../../site/lesson/optimizer-race/race.ts';
import { createSurface, optimizerPath } from '../../../../engine/surfaces.ts';

const base: RaceState = {
  surface: 'quadratic',
  condition: 10,
  noise: 0,
  seed: 3,
  start: [-2.5, 1.2],
  steps: 40,
  racers: [{ optimizer: 'sgd', options: { lr: 0.1 }, on: true }],
};

describe('a race', () => {
  test('a racer’s path is the engine’s optimizerPath, noise and seed included', () => {
    const state = { ...base, noise: 0.7 };
    const path = runRacer(state, 0);
    expect(path.points).toEqual(optimizerPath(surfaceOf(state), 'sgd', { lr: 0.1 }, state.start, 40, { sigma: 0.7, seed: 3 }).points);
  });

  test('a path that leaves the window stops there, marked with the step', () => {
    const state = { ...base, racers: [{ optimizer: 'sgd', options: { lr: 0.3 }, on: true }] };
    const path = runRacer(state, 0);
    const window = raceWindow(surfaceOf(state));
    expect(path.reason).toBe('window');
    expect(path.points).toHaveLength(path.divergedAt!);
    for (const [x, y] of path.points) {
      expect(x).toBeGreaterThanOrEqual(window.x[0]);
      expect(y).toBeLessThanOrEqual(window.y[1]);
    }
  });

  test('a path that overflows before leaving the window is marked as overflowing', () => {
    // A window that never ends: the rosenbrock surface with a huge step overflows in the first steps.
    const state: RaceState = { ...base, surface: 'rosenbrock', start: [1.5, -0.5], racers: [{ optimizer: 'sgd', options: { lr: 1 }, on: true }] };
    const path = runRacer(state, 0);
    expect(path.divergedAt).not.toBeNull();
    expect(path.points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });

  test('options are checked by the engine: unknown values and Nesterov without momentum are refused with a reason', () => {
    expect(optionsProblem('sgd', { lr: 0.1 })).toBeNull();
    expect(optionsProblem('sgd', { lr: -1 })).toMatch(/lr/);
    expect(optionsProblem('nesterov', { momentum: 0 })).toMatch(/Nesterov/);
    expect(optionsProblem('adam', { betas: [0.9, 1] })).toMatch(/betas/);
  });

  test('the legend names η and what differs from the defaults', () => {
    expect(describeOptions({ optimizer: 'adam', options: { lr: 0.1, biasCorrection: false }, on: true })).toBe('η = 0.1, no bias correction');
    expect(describeOptions({ optimizer: 'momentum', options: { lr: 0.02, momentum: 0.5 }, on: true })).toBe('η = 0.02, μ = 0.5');
    expect(describeOptions({ optimizer: 'momentum', options: { lr: 0.02, momentum: 0.9 }, on: true })).toBe('η = 0.02');
  });

  test('settings name an option with its symbol where it has one', () => {
    expect(optionLabel('lr')).toBe('lr (η)');
    expect(optionLabel('weightDecay')).toBe('weightDecay (λ)');
    expect(optionLabel('amsgrad')).toBe('amsgrad');
  });

  test('contour levels are log-spaced on the bowls and valleys, evenly spaced where the surface goes below 0', () => {
    const log = contourLevels(createSurface('rosenbrock'));
    expect(log[1] / log[0]).toBeCloseTo(log[2] / log[1], 9);
    const even = contourLevels(createSurface('saddle'));
    expect(even[0]).toBeLessThan(0);
    expect(even[2] - even[1]).toBeCloseTo(even[1] - even[0], 9);
  });
});
