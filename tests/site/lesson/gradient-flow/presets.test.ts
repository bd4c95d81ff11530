import { describe, expect, test } from 'vitest';
import { gradientTrend } from '../../../../engine/index.ts';
import { gradientFlowProps } from '../../../../site/lesson/gradient-flow/props.ts';
import { PRESETS, PRESET_IDS, presetById } from '../../../../site/lesson/gradient-flow/presets.ts';
import { GradientFlowRun } from '../../../../site/lesson/gradient-flow/run.ts';
import { decodeState, encodeState, validValue, type GradientFlowState } from '../../../../site/lesson/gradient-flow/state.ts';

/** The last layer's gradient norm over the first's, measured on a fresh run of a preset after `steps` SGD steps. */
function lastOverFirst(id: string, steps = 0): number {
  const run = new GradientFlowRun(presetById(id).state);
  run.train(steps);
  return gradientTrend(run.measure().layers)!.lastOverFirst;
}

describe('the presets parse', () => {
  test('the five ids of the chapter, each accepted by the props schema, with every setting one the controls offer', () => {
    expect(PRESET_IDS).toEqual(['vanishing-sigmoid', 'tanh-xavier', 'relu-he', 'exploding', 'dead-relu']);
    for (const preset of PRESETS) {
      expect(gradientFlowProps.safeParse({ preset: preset.id }).success).toBe(true);
      for (const [field, value] of Object.entries(preset.state)) expect(validValue(field as keyof GradientFlowState, value), `${preset.id}.${field}`).toBe(true);
      // A link with nothing in it is the preset itself.
      expect(decodeState(preset.state, encodeState(preset.state, preset.state))).toEqual(preset.state);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(preset.watch).toMatch(/\.$/);
    }
    expect(() => presetById('vanishing')).toThrow(/unknown gradient-flow preset 'vanishing'; known: vanishing-sigmoid, tanh-xavier/);
  });

  test('the issue’s settings: 20 layers; sigmoid with Gaussian weights, ReLU with He, tanh with Xavier', () => {
    expect(presetById('vanishing-sigmoid').state).toMatchObject({ depth: 20, activation: 'sigmoid', init: 'gaussian' });
    expect(presetById('relu-he').state).toMatchObject({ depth: 20, activation: 'relu', init: 'he' });
    expect(presetById('tanh-xavier').state).toMatchObject({ depth: 20, activation: 'tanh', init: 'xavier' });
    expect(presetById('exploding').state).toMatchObject({ init: 'gaussian' });
    expect(presetById('dead-relu').state).toMatchObject({ activation: 'relu' });
  });
});

describe('each preset does what its sentence says, measured with the engine', () => {
  test('vanishing-sigmoid: the first layer’s gradient is over 100× smaller than the last’s, before and while training, and the loss stays put', () => {
    expect(lastOverFirst('vanishing-sigmoid')).toBeGreaterThan(100);
    expect(lastOverFirst('vanishing-sigmoid', 300)).toBeGreaterThan(100);
    const run = new GradientFlowRun(presetById('vanishing-sigmoid').state);
    const before = run.measure().loss;
    const weights = run.model.blocks.map((block) => Float64Array.from(block.linear.weight.data));
    run.train(300);
    expect(Math.abs(run.measure().loss - before)).toBeLessThan(0.5);
    expect(run.measure().accuracy).toBeLessThan(0.7);
    // How far each layer's weights moved, relative to where they started: the first layers hardly at all.
    const moved = run.model.blocks.map((block, k) => {
      const now = block.linear.weight.data;
      let change = 0;
      let size = 0;
      for (let i = 0; i < now.length; i++) {
        change += (now[i] - weights[k][i]) ** 2;
        size += weights[k][i] ** 2;
      }
      return Math.sqrt(change / size);
    });
    expect(moved[0] * 100).toBeLessThan(moved[moved.length - 1]);
    expect(moved[0]).toBeLessThan(1e-3);
  });

  test('tanh-xavier and relu-he: first and last within 10× of each other, before and while training', () => {
    for (const id of ['tanh-xavier', 'relu-he']) {
      for (const steps of [0, 300]) {
        const ratio = lastOverFirst(id, steps);
        expect(ratio, `${id} after ${steps} steps`).toBeLessThan(10);
        expect(ratio, `${id} after ${steps} steps`).toBeGreaterThan(0.1);
      }
    }
  });

  test('relu-he: the loss falls', () => {
    const run = new GradientFlowRun(presetById('relu-he').state);
    const before = run.measure().loss;
    run.train(500);
    const after = run.measure();
    expect(after.loss).toBeLessThan(before / 2);
    expect(after.accuracy).toBeGreaterThan(0.9);
  });

  test('exploding: the first layer’s gradient is the longest bar, over 10× the last’s; after a few steps most tanh units are saturated', () => {
    const run = new GradientFlowRun(presetById('exploding').state);
    const layers = run.measure().layers;
    const norms = layers.map((layer) => layer.gradientNorm);
    expect(gradientTrend(layers)!.lastOverFirst).toBeLessThan(0.1);
    expect(Math.max(...norms)).toBe(norms[0]);
    run.train(50);
    const saturated = run.measure().layers.slice(0, -1).map((layer) => layer.saturated!);
    expect(saturated.filter((s) => s > 0.5).length).toBeGreaterThan(saturated.length / 2);
  });

  test('dead-relu: the dead fractions climb as it trains, and dead units stay dead', () => {
    const run = new GradientFlowRun(presetById('dead-relu').state);
    const deadShare = () => {
      const hidden = run.measure().layers.slice(0, -1);
      return hidden.reduce((sum, layer) => sum + layer.dead!, 0) / hidden.length;
    };
    const before = deadShare();
    run.train(100);
    const after = deadShare();
    expect(after).toBeGreaterThan(before + 0.2);
    run.train(200);
    expect(deadShare()).toBeGreaterThanOrEqual(after - 0.05);
  });
});
