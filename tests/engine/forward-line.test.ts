import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../engine/random.ts';
import {
  add, binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, div, exp, linear, log, matmul, mean, mseLoss, mul, neg, pow,
  relu, sigmoid, softmax, sqrt, sub, sum, tanh, tensor, trace, type Tensor, type TraceValue,
} from '../../engine/index.ts';
import { forwardLines, forwardValue } from '../../engine/forward-line.ts';
import { randomTensor } from './random-tensor.ts';

/** A trace value's numbers, flat. */
function flat(v: TraceValue): number[] {
  return typeof v === 'number' ? [v] : (v as (number | number[])[]).flat();
}

/** Every op's forward line multiplies out to the value the op computed, within `tolerance` relative. */
function expectLinesReproduceValues(root: Tensor, tolerance = 1e-14): void {
  const { nodes } = trace(root);
  const lines = forwardLines(root);
  expect(lines).toHaveLength(nodes.length);
  for (const node of nodes) {
    const line = lines[node.id];
    if (node.op === 'leaf') {
      expect(line).toBeNull();
      continue;
    }
    expect(line, node.op).not.toBeNull();
    const computed = flat(forwardValue(line!, node.shape));
    flat(node.value).forEach((v, i) => expect(Math.abs(computed[i] - v), `${node.op} [${i}]`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(v))));
  }
}

describe('the forward lines of a graph', () => {
  test('the neuron: z = wx + b with its numbers, ŷ = σ(z), L = (ŷ − y)²', () => {
    const w = tensor(0.5, { requiresGrad: true, label: 'w' });
    const x = tensor(2, { label: 'x' });
    const b = tensor(-0.5, { requiresGrad: true, label: 'b' });
    const z = add(mul(w, x).named('wx'), b).named('z');
    const loss = mseLoss(sigmoid(z).named('ŷ'), tensor(1, { label: 'y' })).named('L');
    const lines = forwardLines(loss);
    const zLine = lines[trace(loss).nodes.find((n) => n.label === 'z')!.id]!;
    expect(zLine.symbolic).toEqual({ kind: 'sum', terms: [{ kind: 'symbol', name: 'wx', node: 2, bar: false }, { kind: 'symbol', name: 'b', node: 3, bar: false }] });
    expect(zLine.numeric).toEqual({ kind: 'sum', terms: [{ kind: 'number', value: 1 }, { kind: 'number', value: -0.5 }] });
    expect(zLine.value).toBe(0.5);
    expectLinesReproduceValues(loss, 0);
  });

  test('elementwise ops, a constant factor and the losses', () => {
    const p = tensor([0.2, 0.7, 0.9], { requiresGrad: true, label: 'p' });
    const t = tensor([0, 1, 1], { label: 't' });
    const a = tensor(1.7, { requiresGrad: true });
    const scalars = add(sub(log(sqrt(exp(neg(div(a, 2))))), pow(tanh(a), 3)), relu(a));
    const loss = add(add(mseLoss(p, t), binaryCrossEntropy(p, t)), add(binaryCrossEntropyWithLogits(mul(p, 3), t, 'sum'), mul(0.5, scalars)));
    expectLinesReproduceValues(loss);
  });

  test('linear layers of one example and of a batch, matmul, softmax, sum and mean, cross-entropy', () => {
    const rng = new Random(4);
    const x = randomTensor(rng, [2], { requiresGrad: false });
    const w1 = randomTensor(rng, [3, 2]);
    const b1 = randomTensor(rng, [3]);
    const h = relu(linear(x, w1, b1));
    const single = crossEntropy(linear(h, randomTensor(rng, [3, 3]), randomTensor(rng, [3])), [1]);
    const batch = randomTensor(rng, [4, 2]);
    const scores = linear(batch, w1, b1);
    const loss = add(add(single, crossEntropy(scores, [0, 1, 2, 1])), add(mean(softmax(scores)), sum(matmul(batch, randomTensor(rng, [2])))));
    expectLinesReproduceValues(add(loss, matmul(x, randomTensor(rng, [2]))));
  });

  test('an op with no line to show gets null, and so does a leaf', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const lines = forwardLines(sum(x, 0).max());
    expect(lines).toEqual([null, null, null]);
  });

  test('random scalar compositions: every line multiplies out to the op’s value', () => {
    const unary: ((x: Tensor) => Tensor)[] = [sigmoid, tanh, relu, exp, neg, (x) => pow(x, 2), (x) => log(add(mul(x, x), 1))];
    const binary: ((x: Tensor, y: Tensor) => Tensor)[] = [add, sub, mul, (x, y) => div(x, add(mul(y, y), 1))];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = new Random(seed);
        const pool: Tensor[] = [0, 1, 2].map((i) => randomTensor(rng, []).named(`x${i}`));
        for (let i = 0; i < 6; i++) {
          const pick = () => pool[rng.int(pool.length)];
          pool.push(rng.uniform(0, 1) < 0.5 ? unary[rng.int(unary.length)](pick()) : binary[rng.int(binary.length)](pick(), pick()));
        }
        expectLinesReproduceValues(pool[pool.length - 1], 0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
