import { describe, expect, test } from 'vitest';
import { MLP, Random, binaryCrossEntropyWithLogits, circles, layerHealth, tensor } from '../../../../engine/index.ts';
import { DATA_SEED, GradientFlowRun, NOISE, POINT_COUNT, initializerOf } from '../../../../site/lesson/gradient-flow/run.ts';
import type { GradientFlowState } from '../../../../site/lesson/gradient-flow/state.ts';

const state: GradientFlowState = { depth: 5, width: 8, activation: 'tanh', init: 'xavier', lr: 0.1, seed: 3 };

describe('a gradient-flow run', () => {
  test('its measurement is the engine’s layerHealth of the same network on every training point', () => {
    const run = new GradientFlowRun(state);
    run.train(7);
    const measured = run.measure();
    const data = circles({ n: POINT_COUNT, noise: NOISE, rng: new Random(DATA_SEED) });
    const expected = layerHealth(run.model, tensor(data.x), (out) => binaryCrossEntropyWithLogits(out, tensor(data.y.map((y) => [y]))));
    expect(measured.layers).toEqual(expected);
    expect(measured.layers.map((layer) => layer.layer)).toEqual([1, 2, 3, 4, 5]);
    expect(measured.step).toBe(7);
    expect(run.model.sizes).toEqual([2, 8, 8, 8, 8, 1]);
  });

  test('the same state gives the same run; another seed other weights', () => {
    const a = new GradientFlowRun(state);
    const b = new GradientFlowRun(state);
    a.train(25);
    b.train(25);
    expect(a.measure()).toEqual(b.measure());
    const c = new GradientFlowRun({ ...state, seed: 4 });
    expect(c.model.blocks[0].linear.weight.data).not.toEqual(a.model.blocks[0].linear.weight.data);
  });

  test('the weights are drawn by the named engine initialiser from the state’s seed', () => {
    const run = new GradientFlowRun(state);
    const rng = new Random(state.seed);
    const model = new MLP([2, 8, 8, 8, 8, 1], { activation: 'tanh', init: initializerOf('xavier'), rng: rng.fork() });
    expect(run.model.blocks.map((b) => Array.from(b.linear.weight.data))).toEqual(model.blocks.map((b) => Array.from(b.linear.weight.data)));
    expect(initializerOf('gaussian').name).toBe('gaussian(1)');
    expect(initializerOf('he').name).toBe('he-normal');
  });

  test('training lowers the loss of a healthy network; a new learning rate applies to the weights it has', () => {
    const run = new GradientFlowRun({ ...state, activation: 'relu', init: 'he', lr: 0.03 });
    const before = run.measure().loss;
    run.train(400);
    expect(run.measure().loss).toBeLessThan(before);
    const weights = Array.from(run.model.blocks[0].linear.weight.data);
    run.setLearningRate(0.001);
    expect(run.state.lr).toBe(0.001);
    expect(Array.from(run.model.blocks[0].linear.weight.data)).toEqual(weights);
    expect(run.step).toBe(400);
  });

  test('a learning rate far too large diverges: training stops counting steps and says so', () => {
    const run = new GradientFlowRun({ depth: 20, width: 16, activation: 'relu', init: 'gaussian', lr: 1, seed: 1 });
    run.train(50);
    expect(run.diverged).toBe(true);
    expect(run.step).toBeLessThan(50);
    expect(Number.isFinite(run.measure().loss)).toBe(false);
  });
});
