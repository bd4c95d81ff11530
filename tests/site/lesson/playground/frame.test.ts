// The Playground's frames (site/lesson/playground/frame.ts): a frame made by the painter, a Trainer of the same
// settings given the trainer's parameters, is the frame the trainer makes itself (the heat map, the losses, the
// accuracy and the network snapshot), for a plain run, a run with dropout, more classes, regression along x and over the plane.

import { describe, expect, test } from 'vitest';
import { composeFrame } from '../../../../site/lesson/playground/frame.ts';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';
import { LossHistory } from '../../../../site/lesson/playground/loss-history.ts';
import { normalizeState, type PlaygroundState } from '../../../../site/lesson/playground/state.ts';

const history = () => {
  const h = new LossHistory();
  h.record(0, 1, 1);
  return h.snapshot();
};

const settings: [string, Partial<PlaygroundState>][] = [
  ['circles, 2-8-8-1 tanh', { data: 'circles', layers: [8, 8], activation: 'tanh', loss: 'mse', lr: 0.03 }],
  ['spiral with dropout', { data: 'spiral', layers: [6, 4], activation: 'relu', loss: 'bce', dropout: 0.2 }],
  ['more classes', { data: 'gaussian', classes: 4, layers: [5] }],
  ['regression over the plane', { data: 'plane', layers: [4] }],
  ['regression', { data: 'regression', layers: [8] }],
];

describe('composeFrame', () => {
  test.each(settings)('%s: the painter’s frame equals the trainer’s', (_, preset) => {
    const state = normalizeState({ seed: 7, ...preset });
    const trainer = new Trainer(state);
    for (let i = 0; i < 5; i++) trainer.trainEpoch();
    const painter = new Trainer(trainer.state);
    painter.setParameterValues(trainer.parameterValues());
    const own = composeFrame(trainer, trainer.epoch, true, history(), true).frame;
    const painted = composeFrame(painter, trainer.epoch, true, history(), true).frame;
    expect(painted.epoch).toBe(5);
    expect(painted.predictions).toEqual(own.predictions);
    expect(painted.trainLoss).toBe(own.trainLoss);
    expect(painted.testLoss).toBe(own.testLoss);
    expect(Object.is(painted.testAccuracy, own.testAccuracy)).toBe(true);
    expect(painted.network).toEqual(own.network);
    // The painter's copy is not the trainer's: training on changes the trainer only.
    trainer.trainEpoch();
    expect(composeFrame(trainer, 6, true, history(), false).frame.predictions).not.toEqual(painted.predictions);
  });

  test('a frame without the network snapshot transfers only its own arrays', () => {
    const trainer = new Trainer(normalizeState({}));
    const { frame, transfer } = composeFrame(trainer, 0, false, history(), false);
    expect(frame.network).toBeUndefined();
    expect(transfer).toHaveLength(4);
    expect(transfer[0]).toBe(frame.predictions.buffer);
  });

  test('parameters of another network are refused', () => {
    const a = new Trainer(normalizeState({ layers: [8, 8] }));
    const b = new Trainer(normalizeState({ layers: [4] }));
    expect(() => b.setParameterValues(a.parameterValues())).toThrow(RangeError);
  });
});
