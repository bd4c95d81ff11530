import { describe, expect, test } from 'vitest';
import {
  LRScheduler,
  constantSchedule,
  cosineSchedule,
  exponentialSchedule,
  inverseTimeSchedule,
  stepSchedule,
  warmupSchedule,
} from '../../engine/optim/schedules.ts';
import { SGD } from '../../engine/optim/sgd.ts';
import { tensor } from '../../engine/tensor.ts';

const first = (schedule: (t: number) => number, count: number): number[] => Array.from({ length: count }, (_, t) => schedule(t));

describe('learning-rate schedules', () => {
  test('constant keeps η₀', () => {
    expect(first(constantSchedule(0.3), 4)).toEqual([0.3, 0.3, 0.3, 0.3]);
  });

  test('inverse time gives η₀, η₀/2, η₀/3, ...', () => {
    const lr0 = 0.9;
    first(inverseTimeSchedule(lr0), 6).forEach((lr, t) => expect(lr).toBeCloseTo(lr0 / (t + 1), 15));
  });

  test('inverse time with a decay rate gives η₀ / (1 + decay · t)', () => {
    first(inverseTimeSchedule(1, 0.5), 5).forEach((lr, t) => expect(lr).toBeCloseTo(1 / (1 + 0.5 * t), 15));
  });

  test('step multiplies by γ every stepSize epochs', () => {
    const lrs = first(stepSchedule(1, 3, 0.5), 8);
    expect(lrs).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  test('exponential multiplies by γ every epoch', () => {
    const lrs = first(exponentialSchedule(2, 0.9), 5);
    lrs.forEach((lr, t) => expect(lr).toBeCloseTo(2 * 0.9 ** t, 15));
    lrs.slice(1).forEach((lr, t) => expect(lr / lrs[t]).toBeCloseTo(0.9, 14));
  });

  test('cosine falls from η₀ through the midpoint to η_min at T and stays there', () => {
    const schedule = cosineSchedule(1, 10, 0.1);
    expect(schedule(0)).toBeCloseTo(1, 15);
    expect(schedule(5)).toBeCloseTo((1 + 0.1) / 2, 15);
    expect(schedule(10)).toBeCloseTo(0.1, 15);
    expect(schedule(12)).toBeCloseTo(0.1, 15);
    const lrs = first(schedule, 11);
    lrs.slice(1).forEach((lr, t) => expect(lr).toBeLessThan(lrs[t]));
  });

  test('warm-up ramps linearly from startFactor · η₀ towards η₀ over T epochs, then runs the schedule after it from its epoch 0', () => {
    const after = cosineSchedule(0.5, 20);
    const schedule = warmupSchedule(after, 4, 0.1);
    const ramp = first(schedule, 4);
    ramp.forEach((lr, t) => expect(lr).toBeCloseTo(0.5 * (0.1 + (0.9 * t) / 4), 15));
    ramp.slice(1).forEach((lr, t) => expect(lr - ramp[t]).toBeCloseTo(0.5 * 0.9 / 4, 15));
    for (let t = 4; t < 30; t++) expect(schedule(t)).toBe(after(t - 4));
    // The default start factor is 1/T, so the first epoch takes η₀ / T.
    expect(warmupSchedule(constantSchedule(1), 5)(0)).toBeCloseTo(0.2, 15);
  });

  test('warm-up refuses a warm-up length that is not a positive whole number and a start factor outside (0, 1]', () => {
    expect(() => warmupSchedule(constantSchedule(1), 0)).toThrow(/positive whole number/);
    expect(() => warmupSchedule(constantSchedule(1), 2.5)).toThrow(/positive whole number/);
    expect(() => warmupSchedule(constantSchedule(1), 3, 0)).toThrow(/startFactor/);
    expect(() => warmupSchedule(constantSchedule(1), 3, 1.5)).toThrow(/startFactor/);
  });

  test('a scheduler sets the optimizer rate for epoch 0 at once and the next one on each step', () => {
    const optimizer = { lr: 123 };
    const scheduler = new LRScheduler(optimizer, stepSchedule(0.1, 2, 0.1));
    const seen = [optimizer.lr];
    for (let epoch = 0; epoch < 4; epoch++) seen.push(scheduler.step());
    first(stepSchedule(0.1, 2, 0.1), 5).forEach((lr, t) => expect(seen[t]).toBe(lr));
    expect(scheduler.epoch).toBe(4);
    expect(scheduler.lr).toBe(optimizer.lr);
  });

  test('a scheduled SGD takes steps of the scheduled size: θ moves by η_t · g in epoch t', () => {
    const theta = tensor([0], { requiresGrad: true });
    const optimizer = new SGD([theta], { lr: 1 });
    const schedule = exponentialSchedule(0.5, 0.5);
    const scheduler = new LRScheduler(optimizer, schedule);
    const moves: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      const before = theta.data[0];
      optimizer.zeroGrad();
      // The loss 3θ has gradient 3 everywhere.
      theta.mul(3).sum().backward();
      optimizer.step();
      moves.push(before - theta.data[0]);
      scheduler.step();
    }
    moves.forEach((move, t) => expect(move).toBeCloseTo(3 * schedule(t), 14));
  });

  test('bad settings are explained', () => {
    expect(() => stepSchedule(1, 0)).toThrow(/stepSize must be a positive whole number/);
    expect(() => cosineSchedule(1, 0)).toThrow(/totalEpochs must be positive/);
  });
});
