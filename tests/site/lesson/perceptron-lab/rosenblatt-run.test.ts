import { describe, expect, test } from 'vitest';
import { Perceptron, logicGate, signedLabels } from '../../../../engine/index.ts';
import { RosenblattRun } from '../../../../site/lesson/perceptron-lab/rosenblatt-run.ts';
import { labPoints } from '../../../../site/lesson/perceptron-lab/datasets.ts';

describe('the perceptron lab run', () => {
  test('the first update on AND from zero weights is w ← (0, 0) + 1·(-1)·(0, 0), b ← -1', () => {
    const run = new RosenblattRun(labPoints('and', 0), 1, 20);
    const event = run.next();
    expect(event).toMatchObject({ kind: 'update', epoch: 1, index: 0, score: 0, before: { w: [0, 0], b: 0 }, after: { w: [0, 0], b: -1 } });
  });

  test('stepping through AND ends where the engine’s fit ends, after the same number of updates', () => {
    const run = new RosenblattRun(labPoints('and', 0), 1, 20);
    const end = run.finish();
    const data = logicGate('and');
    const reference = new Perceptron(2, 1);
    const result = reference.fit({ x: data.x, y: signedLabels(data.y) }, { maxEpochs: 20 });
    expect(end.kind).toBe('converged');
    expect(end.epoch).toBe(result.epochs);
    expect(end.updates).toBe(result.mistakesPerEpoch.reduce((a, b) => a + b, 0));
    expect(run.state).toEqual({ w: reference.weights, b: reference.bias });
  });

  test('XOR gives up after the epoch limit with mistakes still made', () => {
    const end = new RosenblattRun(labPoints('xor', 0), 1, 15).finish();
    expect(end.kind).toBe('gave-up');
    expect(end.epoch).toBe(15);
    expect(end.mistakes).toBeGreaterThan(0);
  });

  test('a finished run keeps reporting its end', () => {
    const run = new RosenblattRun(labPoints('or', 0), 1, 20);
    const end = run.finish();
    expect(run.next()).toEqual(end);
  });

  test('weights that already separate the points converge in one epoch without an update', () => {
    const run = new RosenblattRun([{ x: 1, y: 0, label: 1 }, { x: 0, y: 1, label: 1 }, { x: -1, y: -1, label: -1 }], 1, 10, { w: [1, 1], b: 0 });
    expect(run.next()).toMatchObject({ kind: 'converged', epoch: 1, updates: 0 });
  });

  test('an update reports how many correct points were passed over before it', () => {
    const run = new RosenblattRun([{ x: 1, y: 1, label: 1 }, { x: 2, y: 2, label: 1 }, { x: -1, y: -1, label: 1 }], 1, 10, { w: [1, 1], b: 0 });
    expect(run.next()).toMatchObject({ kind: 'update', index: 2, passed: 2 });
  });

  test('blobs are the same points for the same seed', () => {
    expect(labPoints('blobs', 7)).toEqual(labPoints('blobs', 7));
    expect(labPoints('blobs', 7)).not.toEqual(labPoints('blobs', 8));
  });
});
