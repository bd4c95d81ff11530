import { describe, expect, test } from 'vitest';
import { PRESETS, defaultValues, presetById } from '../../../../site/lesson/backprop-stepper/presets.ts';
import { runPreset, stepCount, stepView } from '../../../../site/lesson/backprop-stepper/steps.ts';
import { formatNumber } from '../../../../site/lesson/shared/graph/number-format.ts';

describe('the steps of the backprop stepper', () => {
  test('the neuron: 4 ops forward, then 6 gradients backward from L to w', () => {
    const run = runPreset(presetById('neuron'), defaultValues(presetById('neuron')));
    expect(run.forward.map((id) => run.trace.nodes[id].label)).toEqual(['wx', 'z', 'ŷ', 'L']);
    expect(run.lines.map((l) => l.name)).toEqual(['L', 'ŷ', 'z', 'b', 'wx', 'w']);
    expect(stepCount(run)).toBe(10);
  });

  test('at the start the leaves show their values, every op a ?, and no gradient is drawn', () => {
    const run = runPreset(presetById('neuron'), defaultValues(presetById('neuron')));
    const view = stepView(run, 0);
    expect(view.phase).toBe('start');
    expect(view.current).toBeNull();
    for (const node of run.trace.nodes) {
      expect(view.views[node.id].value).toEqual(node.op === 'leaf' ? node.value : null);
      expect(view.views[node.id].grad).toBeUndefined();
      expect(view.views[node.id].state).toBe('idle');
    }
    expect(view.status).toMatch(/^Start: .*10 steps: 4 forward, 6 backward/);
  });

  test('forward, each step computes the next op: it is current, those before are done', () => {
    const run = runPreset(presetById('neuron'), defaultValues(presetById('neuron')));
    const view = stepView(run, 2);
    const z = run.forward[1];
    expect(view.phase).toBe('forward');
    expect(view.current).toBe(z);
    expect(view.views[z]).toMatchObject({ state: 'current', value: run.trace.nodes[z].value });
    expect(view.views[run.forward[0]].state).toBe('done');
    expect(view.views[run.forward[2]].value).toBeNull();
    // The status says how the value is made: z = wx + b with the numbers put in.
    expect(view.status).toBe(`Forward step 2 of 4: z = wx + b = 1 − 0.5 = ${formatNumber(run.trace.nodes[z].value as number)}.`);
    expect(view.definition).toBe(run.definitions[z]);
    expect(stepView(run, 6).definition).toBeNull();
  });

  test('backward, each step fills in one gradient with its line; the others wait as ?', () => {
    const run = runPreset(presetById('neuron'), defaultValues(presetById('neuron')));
    const view = stepView(run, 4 + 3);
    const z = run.lines[2].node;
    expect(view.phase).toBe('backward');
    expect(view.current).toBe(z);
    expect(view.lines.map((l) => l.name)).toEqual(['L', 'ŷ', 'z']);
    expect(view.views[z].grad).toBe(run.trace.nodes[z].grad);
    const w = run.lines[5].node;
    expect(view.views[w].grad).toBeNull();
    // An input that needs no gradient shows none.
    const x = run.trace.nodes.find((n) => n.label === 'x')!.id;
    expect(view.views[x].grad).toBeUndefined();
    expect(view.status).toMatch(/^Backward step 3 of 6: z\u0304 = ŷ\u0304 · ŷ · \(1 − ŷ\) = /);
  });

  test('steps are clamped to the start and the end, where every gradient is shown', () => {
    for (const preset of PRESETS) {
      const run = runPreset(preset, defaultValues(preset));
      expect(stepView(run, -3).phase).toBe('start');
      const end = stepView(run, 1e6);
      expect(end.lines).toHaveLength(run.lines.length);
      for (const node of run.trace.nodes) if (node.requiresGrad) expect(end.views[node.id].grad).toEqual(node.grad);
    }
  });

  test('editing a value changes the numbers: a new run from new values', () => {
    const preset = presetById('neuron');
    const before = runPreset(preset, defaultValues(preset));
    const after = runPreset(preset, { ...defaultValues(preset), w: 1.5 });
    const L = before.trace.nodes.length - 1;
    expect(after.trace.nodes[L].value).not.toBe(before.trace.nodes[L].value);
  });
});
