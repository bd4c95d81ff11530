import { describe, expect, test } from 'vitest';
import type { LayerHealth } from '../../../../engine/index.ts';
import { diagnose } from '../../../../site/lesson/gradient-flow/diagnosis.ts';

/** Layer health with these norms; hidden layers get `dead` and `saturated` (the output layer null, as layerHealth). */
function layers(norms: number[], hidden: { dead?: (number | null)[]; saturated?: (number | null)[] } = {}): LayerHealth[] {
  return norms.map((gradientNorm, i) => {
    const output = i === norms.length - 1;
    return {
      layer: i + 1,
      gradientNorm,
      dead: output ? null : (hidden.dead?.[i] ?? 0),
      saturated: output ? null : (hidden.saturated?.[i] ?? null),
    };
  });
}

describe('the diagnosis says what the measured norms say', () => {
  test('norms that shrink by 4× per layer towards the input: vanishing, with the ratio and the factor per layer', () => {
    const norms = Array.from({ length: 6 }, (_, i) => 4 ** i * 1e-4);
    const { verdict, sentences } = diagnose(layers(norms), 'sigmoid');
    expect(verdict).toBe('vanishing');
    expect(sentences).toEqual([
      'The first layer’s gradient is 1,000× smaller than the last’s: gradients shrink by about 4× per layer on the way back, so the first layers barely learn.',
    ]);
  });

  test('a ratio beyond a million is written with a power of ten', () => {
    const norms = [3e-9, 1e-5, 0.02];
    expect(diagnose(layers(norms), 'sigmoid').sentences[0]).toBe(
      'The first layer’s gradient is 6.7 × 10⁶× smaller than the last’s: gradients shrink by about 2600× per layer on the way back, so the first layers barely learn.',
    );
  });

  test('norms that grow towards the input: exploding, with the factor per layer', () => {
    const norms = [200, 20, 2, 0.2];
    const { verdict, sentences } = diagnose(layers(norms), 'tanh');
    expect(verdict).toBe('exploding');
    expect(sentences[0]).toBe(
      'The first layer’s gradient is 1,000× larger than the last’s: gradients grow by about 10× per layer on the way back to the input: exploding.',
    );
  });

  test('first and last within 10×: healthy, saying which is smaller and by how much', () => {
    expect(diagnose(layers([0.01, 0.05, 0.029]), 'relu').sentences[0]).toBe(
      'Healthy: the first and last layers’ gradients are within 10× of each other (the first is 2.9× smaller).',
    );
    expect(diagnose(layers([0.05, 0.01]), 'relu').sentences[0]).toBe(
      'Healthy: the first and last layers’ gradients are within 10× of each other (the first is 5× larger).',
    );
    expect(diagnose(layers([0.05, 0.0501]), 'relu').sentences[0]).toMatch(/\(about equal\)\.$/);
    // Exactly 10× is still within 10×.
    expect(diagnose(layers([0.001, 0.01]), 'relu').verdict).toBe('healthy');
  });

  test('dead units: the worst hidden layer is named with its share, and how many layers have any', () => {
    const { sentences } = diagnose(layers([0.01, 0.02, 0.02, 0.03, 0.02, 0.02], { dead: [0, 0.125, 0, 0.1875, 0.375] }), 'relu');
    expect(sentences[1]).toBe(
      '38% of layer 5’s units are dead: their ReLU is flat for every training point, so they pass no gradient back; 3 of the 5 hidden layers have dead units.',
    );
    const one = diagnose(layers([0.01, 0.02, 0.03], { dead: [0, 0.5] }), 'relu').sentences[1];
    expect(one).toBe('50% of layer 2’s units are dead: their ReLU is flat for every training point, so they pass no gradient back.');
    expect(diagnose(layers([0.01, 0.02, 0.03]), 'relu').sentences).toHaveLength(1);
  });

  test('saturated units: the worst layer from 10% up is named; below 10% nothing is said', () => {
    const { sentences } = diagnose(layers([1e-3, 1e-3, 2e-3, 3e-3], { saturated: [0.05, 0.42, 0.2] }), 'tanh');
    expect(sentences).toEqual([
      'Healthy: the first and last layers’ gradients are within 10× of each other (the first is 3× smaller).',
      'Layer 2’s tanh units are saturated 42% of the time over the training points (slope under 1% of its largest), so they pass almost no gradient back.',
    ]);
    expect(diagnose(layers([1e-3, 2e-3], { saturated: [0.09] }), 'sigmoid').sentences).toHaveLength(1);
  });

  test('a layer that is dead through and through blocks the gradient to every layer before it', () => {
    const norms = [0, 0, 0, 0.02, 0.03];
    const { verdict, sentences } = diagnose(layers(norms, { dead: [0.2, 0.5, 1, 0.25] }), 'relu');
    expect(verdict).toBe('blocked');
    expect(sentences[0]).toBe('No gradient reaches layers 1–3: every unit of layer 3 is dead, so nothing flows back through it and those layers stop learning.');
    expect(sentences[1]).toMatch(/^100% of layer 3’s units are dead/);
  });

  test('gradients that are not finite numbers: diverged', () => {
    const { verdict, sentences } = diagnose(layers([NaN, NaN, 0.3]), 'relu');
    expect(verdict).toBe('diverged');
    expect(sentences[0]).toMatch(/^The gradients are no longer finite numbers/);
    expect(diagnose(layers([Infinity, 1]), 'relu').verdict).toBe('diverged');
  });
});
