import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { Tensor, tensor } from '../../engine/tensor.ts';
import { linear } from '../../engine/ops/linear.ts';
import { Linear } from '../../engine/nn/linear.ts';
import { Module } from '../../engine/nn/module.ts';
import { Sequential } from '../../engine/nn/sequential.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { Activation, PReLU, activations } from '../../engine/nn/activation.ts';
import { Dropout } from '../../engine/nn/dropout.ts';
import { gaussian, heNormal, heUniform, torchDefault, xavierNormal, xavierUniform, type Initializer } from '../../engine/nn/init.ts';

const sampleInput = (rows: number, cols: number, seed: number): Tensor => {
  const rng = new Random(seed);
  return tensor(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal())));
};

describe('Linear', () => {
  test('stores its weight as (out, in) and its bias as (out), as torch.nn.Linear', () => {
    const layer = new Linear(3, 5);
    expect(layer.weight.shape).toEqual([5, 3]);
    expect(layer.bias?.shape).toEqual([5]);
    expect(layer.parameters()).toEqual([layer.weight, layer.bias]);
    expect(layer.parameters().every((p) => p.requiresGrad)).toBe(true);
  });

  test('maps a batch [n, in] to [n, out] as x Wᵀ + b', () => {
    const layer = new Linear(3, 2, { rng: new Random(1) });
    const x = sampleInput(4, 3, 2);
    const y = layer.forward(x);
    expect(y.shape).toEqual([4, 2]);
    const expected = x.matmul(layer.weight.transpose()).add(layer.bias!);
    Array.from(y.data).forEach((v, i) => expect(v).toBeCloseTo(expected.data[i], 12));
  });

  test('draws its default weights and biases from U(±1/√in) with a seeded generator', () => {
    const a = new Linear(16, 8, { rng: new Random(3) });
    const b = new Linear(16, 8, { rng: new Random(3) });
    expect(Array.from(a.weight.data)).toEqual(Array.from(b.weight.data));
    const bound = 1 / Math.sqrt(16);
    for (const p of a.parameters()) expect(Array.from(p.data).every((v) => Math.abs(v) <= bound)).toBe(true);
    expect(Array.from(new Linear(16, 8, { rng: new Random(4) }).weight.data)).not.toEqual(Array.from(a.weight.data));
  });

  test('can leave out the bias', () => {
    const layer = new Linear(2, 3, { bias: false });
    expect(layer.bias).toBeNull();
    expect(layer.parameters()).toHaveLength(1);
    expect(layer.forward(tensor([[1, 2]])).shape).toEqual([1, 3]);
  });

  test('rejects sizes that are not positive whole numbers', () => {
    expect(() => new Linear(0, 3)).toThrow(/inFeatures must be a positive whole number/);
  });
});

describe('initialisers', () => {
  const stats = (init: Initializer, fanIn: number, fanOut: number) => {
    const layer = new Linear(fanIn, fanOut, { init, rng: new Random(11) });
    const w = Array.from(layer.weight.data);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const std = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
    return { mean, std, max: Math.max(...w.map(Math.abs)), bias: Array.from(layer.bias!.data) };
  };

  test('each initialiser gives its weights the standard deviation its formula promises', () => {
    const [fanIn, fanOut] = [200, 100];
    const cases: [Initializer, number][] = [
      [gaussian(0.05), 0.05],
      [xavierUniform(), Math.sqrt(2 / (fanIn + fanOut))],
      [xavierNormal(), Math.sqrt(2 / (fanIn + fanOut))],
      [heUniform(), Math.sqrt(2 / fanIn)],
      [heNormal(), Math.sqrt(2 / fanIn)],
      // U(-a, a) has standard deviation a/√3.
      [torchDefault, 1 / Math.sqrt(fanIn) / Math.sqrt(3)],
    ];
    for (const [init, std] of cases) {
      const s = stats(init, fanIn, fanOut);
      expect(Math.abs(s.mean)).toBeLessThan(0.05 * std * 4);
      expect(s.std / std).toBeGreaterThan(0.97);
      expect(s.std / std).toBeLessThan(1.03);
    }
  });

  test('uniform initialisers stay inside their bounds and the others start biases at zero', () => {
    expect(stats(xavierUniform(), 30, 10).max).toBeLessThanOrEqual(Math.sqrt(6 / 40));
    expect(stats(heUniform(), 30, 10).max).toBeLessThanOrEqual(Math.sqrt(6 / 30));
    for (const init of [gaussian(1), xavierUniform(), xavierNormal(), heUniform(), heNormal()]) {
      expect(stats(init, 5, 4).bias).toEqual([0, 0, 0, 0]);
    }
  });
});

describe('Module', () => {
  test('finds parameters in fields and in arrays of sub-modules, with dotted names', () => {
    const net = new MLP([2, 4, 3, 1]);
    expect(net.namedParameters().map(([name]) => name)).toEqual([
      'layers.0.weight', 'layers.0.bias', 'layers.2.weight', 'layers.2.bias', 'layers.4.weight', 'layers.4.bias',
    ]);
    expect(net.parameterCount()).toBe(2 * 4 + 4 + 4 * 3 + 3 + 3 * 1 + 1);
  });

  test('toJSON and fromJSON round-trip every parameter exactly, through a JSON string', () => {
    const source = new MLP([3, 5, 2], { seed: 1 });
    const target = new MLP([3, 5, 2], { seed: 2 });
    expect(target.toJSON()).not.toEqual(source.toJSON());
    const weightBefore = target.linearLayers()[0].weight;
    target.fromJSON(JSON.parse(JSON.stringify(source)));
    expect(target.toJSON()).toEqual(source.toJSON());
    // The values are copied into the same tensors, so an optimizer holding them keeps working.
    expect(target.linearLayers()[0].weight).toBe(weightBefore);
    const x = sampleInput(4, 3, 5);
    expect(Array.from(target.forward(x).data)).toEqual(Array.from(source.forward(x).data));
  });

  test('fromJSON names the parameter that is missing, extra or of the wrong shape', () => {
    const net = new MLP([2, 3, 1]);
    const state = net.toJSON();
    const { ['layers.2.bias']: _dropped, ...missing } = state;
    expect(() => net.fromJSON(missing)).toThrow(/no 'layers.2.bias'/);
    expect(() => net.fromJSON({ ...state, extra: { shape: [1], data: [0] } })).toThrow(/'extra', which this module does not have/);
    expect(() => net.fromJSON(new MLP([2, 4, 1]).toJSON())).toThrow(/'layers.0.weight' is saved with shape \[4, 2\] but the module's has shape \[3, 2\]/);
  });

  test('a layer used twice contributes its parameters once', () => {
    const shared = new Linear(3, 3);
    const net = new Sequential(shared, new Activation('relu'), shared);
    expect(net.parameters()).toEqual([shared.weight, shared.bias]);
    expect(net.namedParameters().map(([name]) => name)).toEqual(['layers.0.weight', 'layers.0.bias']);
  });

  test('zeroGrad clears every parameter gradient', () => {
    const net = new MLP([2, 3, 1], { seed: 3 });
    net.forward(sampleInput(5, 2, 1)).sum().backward();
    expect(net.parameters().some((p) => p.grad !== null && p.grad.data.some((g) => g !== 0))).toBe(true);
    net.zeroGrad();
    for (const p of net.parameters()) expect(Array.from(p.grad!.data).every((g) => g === 0)).toBe(true);
  });

  test('train() and eval() set the flag on every sub-module', () => {
    const net = new MLP([2, 3, 3, 1], { dropout: 0.5 });
    const flags = (): boolean[] => [net.training, ...net.layers.map((l) => l.training)];
    net.eval();
    expect(flags().every((f) => !f)).toBe(true);
    net.train();
    expect(flags().every((f) => f)).toBe(true);
  });

  test('a custom module only has to store its parameters and write forward', () => {
    class Scale extends Module {
      factor = tensor(2, { requiresGrad: true });
      frozen = tensor(3);
      forward(x: Tensor): Tensor {
        return x.mul(this.factor).mul(this.frozen);
      }
    }
    const m = new Scale();
    expect(m.namedParameters().map(([n]) => n)).toEqual(['factor']);
    m.forward(tensor([1, 2])).sum().backward();
    expect(m.factor.grad!.item()).toBe(3 * (1 + 2));
  });
});

describe('Sequential, MLP and activation modules', () => {
  test('Sequential applies its layers in order', () => {
    const first = new Linear(2, 3, { rng: new Random(1) });
    const second = new Linear(3, 1, { rng: new Random(2) });
    const net = new Sequential(first, new Activation('tanh'), second);
    const x = sampleInput(4, 2, 3);
    const expected = linear(linear(x, first.weight, first.bias).tanh(), second.weight, second.bias);
    expect(Array.from(net.forward(x).data)).toEqual(Array.from(expected.data));
  });

  test('an MLP has Linear layers of the given sizes with the activation between and none after by default', () => {
    const net = new MLP([4, 8, 6, 3], { activation: 'tanh' });
    expect(net.linearLayers().map((l) => l.weight.shape)).toEqual([[8, 4], [6, 8], [3, 6]]);
    expect(net.layers.map((l) => (l instanceof Activation ? l.name : l.constructor.name))).toEqual(['Linear', 'tanh', 'Linear', 'tanh', 'Linear']);
    expect(net.forward(sampleInput(5, 4, 1)).shape).toEqual([5, 3]);
  });

  test('an MLP with an output activation ends with it', () => {
    const net = new MLP([2, 3, 1], { outputActivation: 'sigmoid' });
    const y = net.forward(sampleInput(10, 2, 1));
    expect(Array.from(y.data).every((v) => v > 0 && v < 1)).toBe(true);
  });

  test('the same seed builds the same network, another seed a different one', () => {
    expect(new MLP([2, 5, 1], { seed: 9 }).toJSON()).toEqual(new MLP([2, 5, 1], { seed: 9 }).toJSON());
    expect(new MLP([2, 5, 1], { seed: 10 }).toJSON()).not.toEqual(new MLP([2, 5, 1], { seed: 9 }).toJSON());
  });

  test('every named activation module computes its function elementwise', () => {
    const x = sampleInput(3, 4, 7);
    for (const name of Object.keys(activations) as (keyof typeof activations)[]) {
      expect(Array.from(new Activation(name).forward(x).data)).toEqual(Array.from(activations[name](x).data));
    }
    expect(() => new Activation('swish' as never)).toThrow(/unknown activation 'swish'/);
  });

  test('PReLU learns its slope: the slope has a gradient equal to the sum of the negative inputs', () => {
    const m = new PReLU();
    expect(m.parameters()).toEqual([m.weight]);
    const x = tensor([[-1, 2], [-3, 4]]);
    const y = m.forward(x);
    expect(Array.from(y.data)).toEqual([-0.25, 2, -0.75, 4]);
    y.sum().backward();
    expect(m.weight.grad!.item()).toBe(-1 + -3);
  });

  test('dropout zeroes about p of the elements while training and passes everything in evaluation', () => {
    const layer = new Dropout(0.25, new Random(1));
    const x = tensor(Array.from({ length: 40 }, () => Array.from({ length: 50 }, () => 1)));
    const y = layer.forward(x);
    const dropped = Array.from(y.data).filter((v) => v === 0).length / y.size;
    expect(dropped).toBeGreaterThan(0.22);
    expect(dropped).toBeLessThan(0.28);
    expect(Array.from(y.data).filter((v) => v !== 0).every((v) => v === 1 / 0.75)).toBe(true);
    layer.eval();
    expect(layer.forward(x)).toBe(x);
  });
});

describe('initialisers say their scale', () => {
  test('each draws its weights from the distribution its scale names (same seed, same numbers)', () => {
    for (const init of [torchDefault, gaussian(0.3), xavierUniform(), xavierNormal(1.5), heUniform(), heNormal()]) {
      const scale = init.scale!(12, 5);
      const [a, b] = [new Random(9), new Random(9)];
      const drawn = Array.from({ length: 5 }, () => init.weight(12, 5, a));
      const expected = Array.from({ length: 5 }, () => (scale.kind === 'normal' ? b.normal(0, scale.std) : b.uniform(-scale.bound, scale.bound)));
      expect(drawn, init.name).toEqual(expected);
    }
    expect(heNormal().scale!(8, 3)).toEqual({ kind: 'normal', std: Math.sqrt(2 / 8) });
    expect(xavierNormal().scale!(8, 4)).toEqual({ kind: 'normal', std: Math.sqrt(2 / 12) });
    expect(heUniform().scale!(8, 3)).toEqual({ kind: 'uniform', bound: Math.sqrt(6 / 8) });
  });
});
