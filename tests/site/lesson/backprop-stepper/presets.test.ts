import { describe, expect, test } from 'vitest';
import { trace, type TraceValue } from '../../../../engine/trace.ts';
import { chainRule } from '../../../../engine/chain-rule.ts';
import { evaluate } from '../../../../engine/formula.ts';
import { PRESETS, PRESET_IDS, defaultValues, presetById } from '../../../../site/lesson/backprop-stepper/presets.ts';

/** A trace value's numbers, flat. */
function flat(v: TraceValue): number[] {
  return typeof v === 'number' ? [v] : (v as (number | number[])[]).flat();
}

describe('the backprop stepper presets', () => {
  test('the four preset ids the lesson places', () => {
    expect(PRESET_IDS).toEqual(['neuron', 'seed000-221', 'logistic-least-squares', 'mlp-softmax']);
    expect(() => presetById('nope')).toThrow(/known: neuron, seed000-221/);
  });

  test.each(PRESETS.map((p) => [p.id, p] as const))('%s: every chain-rule line multiplies out to autograd’s gradient', (_id, preset) => {
    const loss = preset.build(defaultValues(preset));
    loss.backward();
    const { nodes } = trace(loss);
    const lines = chainRule(loss);
    // Every tensor with a gradient has a line, and every tensor has a name.
    expect(lines.map((l) => l.node).sort((a, b) => a - b)).toEqual(nodes.filter((n) => n.requiresGrad).map((n) => n.id));
    for (const n of nodes) if (n.requiresGrad || n.label !== undefined) expect(n.label, `node ${n.id} (${n.op})`).toBeDefined();
    const scalarGraph = nodes.every((n) => n.shape.length === 0);
    for (const line of lines) {
      const grad = flat(nodes[line.node].grad!);
      if (line.terms.length === 0) {
        expect(grad).toEqual([1]);
        continue;
      }
      let total: number[] | null = null;
      for (const term of line.terms) {
        const values = flat(evaluate(term.numeric, nodes[line.node].shape));
        total = total === null ? values : total.map((v, i) => v + values[i]);
      }
      // Scalar graphs to the last bit; matrix products may add in another order, so within rounding.
      if (scalarGraph) expect(total).toEqual(grad);
      else total!.forEach((v, i) => expect(Math.abs(v - grad[i])).toBeLessThan(1e-14));
    }
  });

  test.each(PRESETS.map((p) => [p.id, p] as const))('%s: autograd agrees with central differences of every parameter', (_id, preset) => {
    const values = defaultValues(preset);
    const loss = preset.build(values);
    loss.backward();
    const { nodes } = trace(loss);
    let checked = 0;
    for (const input of preset.inputs) {
      // An entry's label is its tensor's label, with [i] or [i, j] for an entry of a vector or matrix.
      const [, label, index] = /^(.*?)(?:\[(.*)\])?$/.exec(input.label)!;
      const node = nodes.find((n) => n.label === label);
      if (node === undefined || !node.requiresGrad) continue;
      const at = index === undefined ? [] : index.split(', ').map(Number);
      const analytic = at.reduce<TraceValue>((v, i) => (v as number[][])[i], node.grad!) as number;
      const h = 1e-6;
      const shifted = (d: number) => preset.build({ ...values, [input.key]: values[input.key] + d }).item();
      const numeric = (shifted(h) - shifted(-h)) / (2 * h);
      expect(Math.abs(numeric - analytic), input.label).toBeLessThan(1e-7);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });

  test('the 2-2-1 network: ∂E/∂w₃₅ = 2 (g₅ − y) f₃ and ∂E/∂w₁₃ = 2 (g₅ − y) w₃₅ x₁, as the notes derive', () => {
    const preset = presetById('seed000-221');
    const v = defaultValues(preset);
    const loss = preset.build(v);
    loss.backward();
    const { nodes } = trace(loss);
    const grad = (label: string) => nodes.find((n) => n.label === label)!.grad as number;
    const value = (label: string) => nodes.find((n) => n.label === label)!.value as number;
    const error = value('g₅') - v.y;
    expect(grad('w₃₅')).toBeCloseTo(2 * error * value('f₃'), 14);
    expect(grad('w₁₃')).toBeCloseTo(2 * error * v.w35 * v.x1, 14);
  });

  test('logistic least squares: z̄ = ȳ σ′(z) with ȳ = y − t, and b̄ = z̄, as seed 001 writes them', () => {
    const preset = presetById('logistic-least-squares');
    const v = defaultValues(preset);
    const loss = preset.build(v);
    loss.backward();
    const { nodes } = trace(loss);
    const node = (label: string) => nodes.find((n) => n.label === label)!;
    const y = node('y').value as number;
    expect(node('y').grad).toBeCloseTo(y - v.t, 14);
    expect(node('z').grad).toBeCloseTo((y - v.t) * y * (1 - y), 14);
    expect(node('b').grad).toBe(node('z').grad);
    expect(node('w').grad).toBeCloseTo((y - v.t) * y * (1 - y) * v.x, 14);
  });

  test('the softmax MLP: a hidden unit below zero passes no gradient to its weights', () => {
    const preset = presetById('mlp-softmax');
    const loss = preset.build(defaultValues(preset));
    loss.backward();
    const { nodes } = trace(loss);
    const z1 = nodes.find((n) => n.label === 'z₁')!.value as number[];
    const w1Grad = nodes.find((n) => n.label === 'W₁')!.grad as number[][];
    const dead = z1.findIndex((v) => v <= 0);
    expect(dead).toBeGreaterThanOrEqual(0);
    expect(w1Grad[dead]).toEqual([0, 0]);
  });
});
