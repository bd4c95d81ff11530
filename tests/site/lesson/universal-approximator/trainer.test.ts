import { describe, expect, test } from 'vitest';
import { Trainer } from '../../../../site/lesson/universal-approximator/trainer.ts';
import { evaluate } from '../../../../site/lesson/universal-approximator/network.ts';
import { sampleTarget, startingPoints } from '../../../../site/lesson/universal-approximator/targets.ts';

describe('the universal approximator', () => {
  test('sixteen ReLU units trained with Adam bring the loss on sin(2x) below a tenth of where it started', () => {
    const { x, y } = sampleTarget('sin');
    const trainer = new Trainer({ units: 16, activation: 'relu', seed: 3 }, x, y);
    const start = trainer.loss();
    const end = trainer.train(600);
    expect(end).toBeLessThan(start / 10);
    expect(trainer.steps).toBe(600);
  });

  test('sigmoid units fit the step', () => {
    const { x, y } = sampleTarget('step');
    const trainer = new Trainer({ units: 8, activation: 'sigmoid', seed: 1 }, x, y);
    const start = trainer.loss();
    expect(trainer.train(400)).toBeLessThan(start / 5);
  });

  test('the same seed gives the same weights and losses', () => {
    const { x, y } = startingPoints();
    const a = new Trainer({ units: 5, activation: 'relu', seed: 9 }, x, y);
    const b = new Trainer({ units: 5, activation: 'relu', seed: 9 }, x, y);
    expect(a.train(50)).toBe(b.train(50));
    expect(a.weights()).toEqual(b.weights());
  });

  test('the units’ contributions plus the output bias add up to the network’s output', () => {
    const { x, y } = sampleTarget('abs', 11);
    const trainer = new Trainer({ units: 4, activation: 'relu', seed: 2 }, x, y);
    trainer.train(20);
    const weights = trainer.weights();
    const { fit, pieces } = evaluate(weights, 'relu', x);
    expect(pieces).toHaveLength(4);
    const mse = fit.reduce((total, f, i) => total + (f - y[i]) ** 2, 0) / x.length;
    expect(mse).toBeCloseTo(trainer.loss(), 12);
  });

  test('a unit count outside 1 to 64 is a readable error', () => {
    expect(() => new Trainer({ units: 65, activation: 'relu', seed: 0 }, [0], [0])).toThrow(/units must be a whole number from 1 to 64/);
  });
});
