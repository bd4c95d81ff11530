import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { abs, clamp, div, exp, gradcheck, log, mul, neg, pow, sqrt, sub, add, tensor, type Tensor } from '../../engine/index.ts';
import { randomTensor, type RandomTensorOptions } from './random-tensor.ts';

const unary: [string, (x: Tensor) => Tensor, RandomTensorOptions][] = [
  ['neg', neg, {}],
  ['exp', exp, {}],
  ['log', log, { low: 0.2, high: 3 }],
  ['sqrt', sqrt, { low: 0.2, high: 3 }],
  ['pow 2', (x) => pow(x, 2), {}],
  ['pow 3', (x) => pow(x, 3), {}],
  ['pow -1.5', (x) => pow(x, -1.5), { low: 0.3, high: 3 }],
  ['pow 0.5', (x) => pow(x, 0.5), { low: 0.3, high: 3 }],
  ['abs', abs, { avoid: [0] }],
  ['clamp', (x) => clamp(x, -0.5, 1), { avoid: [-0.5, 1] }],
];

describe('elementwise ops', () => {
  test('values follow the formulas', () => {
    const x = tensor([0.5, 1, 2]);
    expect(neg(x).toArray()).toEqual([-0.5, -1, -2]);
    expect(exp(x).toArray()).toEqual([Math.exp(0.5), Math.exp(1), Math.exp(2)]);
    expect(log(x).toArray()).toEqual([Math.log(0.5), 0, Math.log(2)]);
    expect(sqrt(x).toArray()).toEqual([Math.sqrt(0.5), 1, Math.sqrt(2)]);
    expect(pow(x, 3).toArray()).toEqual([0.125, 1, 8]);
    expect(abs(tensor([-2, 0, 3])).toArray()).toEqual([2, 0, 3]);
    expect(clamp(tensor([-2, 0, 3]), -1, 1).toArray()).toEqual([-1, 0, 1]);
    expect(sub(x, 1).toArray()).toEqual([-0.5, 0, 1]);
    expect(div(1, x).toArray()).toEqual([2, 1, 0.5]);
  });

  test('numbers are accepted as scalar operands on either side', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    add(mul(3, x), 1).sum().backward();
    expect(x.grad!.toArray()).toEqual([3, 3]);
  });

  test('abs has gradient 0 at 0, and clamp passes the gradient at its bounds', () => {
    const x = tensor([0, -1, 1], { requiresGrad: true });
    abs(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, -1, 1]);
    const y = tensor([-1, 0, 1, 2], { requiresGrad: true });
    clamp(y, -1, 1).sum().backward();
    expect(y.grad!.toArray()).toEqual([1, 1, 1, 0]);
  });

  for (const [name, f, range] of unary) {
    for (const shape of [[], [5], [3, 4]]) {
      test(`${name} on shape ${JSON.stringify(shape)} passes gradcheck`, () => {
        const x = randomTensor(new Random(shape.length + name.length * 7), shape, range);
        const result = gradcheck(f, [x]);
        expect(result.ok, JSON.stringify(result.worst)).toBe(true);
      });
    }
  }
});
