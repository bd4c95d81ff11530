import { describe, expect, test } from 'vitest';
import { Random } from '../../../../engine/index.ts';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';
import { normalizeState } from '../../../../site/lesson/playground/state.ts';
import { recordSettings, recordSoFar, recordWeight } from '../../../../site/lesson/playground/run-record.ts';

describe('the record of a Playground run for the PyTorch export', () => {
  test('is taken as the run starts: first weights, generator states, data and settings', () => {
    const state = normalizeState({ layers: [3, 2], dropout: 0.25, inputs: ['x1sq', 'x2sq'], optimizer: 'nesterov', lr: 0.03, l2: 0.001, batch: 12 });
    const trainer = new Trainer(state);
    const first = trainer.model.blocks.map(({ linear }) => Array.from(linear.weight.data));
    const record = trainer.runSoFar();
    expect(record).toMatchObject({ sizes: [2, 3, 2, 1], activation: 'tanh', dropout: 0.25, loss: 'binaryCrossEntropyWithLogits', optimizer: 'nesterov', lr: 0.03, weightDecay: 0.001, batchSize: 12, epochs: 0, events: [] });
    expect(record.source).toMatch(/\?playground=.*in:x1sq-x2sq/);
    expect(record.parameters.map((p) => p.weight)).toEqual(first);
    expect(record.dropoutStates).toHaveLength(2);
    expect(record.data.inputNames).toEqual(['x1sq', 'x2sq']);
    expect(record.data.trainX).toEqual(Array.from(trainer.data.trainX));
    trainer.trainEpoch();
    trainer.trainEpoch();
    // Training moves the weights and the generators, not the record of how the run started.
    const later = trainer.runSoFar();
    expect(later.epochs).toBe(2);
    expect(later.parameters.map((p) => p.weight)).toEqual(first);
    expect(later.shuffleState).toEqual(record.shuffleState);
    expect(later.dropoutStates).toEqual(record.dropoutStates);
  });

  test('the shuffle state is the one the first epoch shuffles with', () => {
    const trainer = new Trainer(normalizeState({}));
    const rng = Random.fromState(trainer.runSoFar().shuffleState);
    const expected = rng.shuffle(Array.from({ length: trainer.data.trainY.length }, (_, i) => i));
    const again = Random.fromState(trainer.runSoFar().shuffleState).shuffle(Array.from({ length: trainer.data.trainY.length }, (_, i) => i));
    expect(again).toEqual(expected);
  });

  test('live changes are recorded with the epoch they happen after, only what changed', () => {
    const state = normalizeState({ lr: 0.01, batch: 10 });
    const trainer = new Trainer(state);
    trainer.trainEpoch();
    trainer.update({ ...state, lr: 0.1 });
    trainer.update({ ...state, lr: 0.1, speed: 'max' });
    trainer.trainEpoch();
    trainer.update({ ...state, lr: 0.1, l2: 0.01, batch: 20 });
    trainer.recordWeightEdit(0, 1, null, 0.5);
    trainer.update({ ...state, lr: 0.1, l2: 0.01, batch: 20, l1: 0.003 });
    expect(trainer.runSoFar().events).toEqual([
      { epoch: 1, kind: 'settings', lr: 0.1 },
      { epoch: 2, kind: 'settings', weightDecay: 0.01, batchSize: 20 },
      { epoch: 2, kind: 'weight', layer: 0, row: 1, column: null, value: 0.5 },
      { epoch: 2, kind: 'settings', l1: 0.003 },
    ]);
  });

  test("the diagram's weight and bias edits (setWeight, setBias: layer 1 is the first hidden layer) reach the record", () => {
    const trainer = new Trainer(normalizeState({ layers: [3] }));
    trainer.trainEpoch();
    trainer.setWeight(1, 2, 1, 0.75);
    trainer.setBias(2, 0, -0.5);
    expect(trainer.runSoFar().events).toEqual([
      { epoch: 1, kind: 'weight', layer: 0, row: 2, column: 1, value: 0.75 },
      { epoch: 1, kind: 'weight', layer: 1, row: 0, column: null, value: -0.5 },
    ]);
  });

  test('a copy of the record so far does not change as the run goes on', () => {
    const trainer = new Trainer(normalizeState({}));
    const before = trainer.runSoFar();
    const record = recordSoFar(before, 3);
    recordSettings(before, 3, { lr: 1, weightDecay: 0, l1: 0, batchSize: 10 }, { lr: 2, weightDecay: 0, l1: 0, batchSize: 10 });
    recordWeight(before, 3, 0, 0, 0, 1);
    expect(record.events).toEqual([]);
    expect(record.epochs).toBe(3);
    expect(before.events).toHaveLength(2);
  });
});
