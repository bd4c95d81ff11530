import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../engine/random.ts';
import {
  add,
  div,
  elu,
  gelu,
  gradcheck,
  linear,
  logSoftmax,
  matmul,
  mean,
  mish,
  mul,
  neg,
  pow,
  sigmoid,
  silu,
  softmax,
  softplus,
  sub,
  sum,
  tanh,
  exp,
  log,
  type Tensor,
} from '../../engine/index.ts';
import { randomTensor } from './random-tensor.ts';

/** A program builder: the current tensor, fresh leaves drawn from a seeded generator, and every leaf made so far. */
interface Builder {
  rng: Random;
  leaves: Tensor[];
  leaf: (shape: number[]) => Tensor;
}

/** A shape that broadcasts against `shape`: the same, a scalar, or a row or column of it. */
function broadcastPartner(b: Builder, shape: number[]): number[] {
  const options: number[][] = [shape, []];
  if (shape.length === 2) options.push([shape[1]], [1, shape[1]], [shape[0], 1]);
  return options[b.rng.int(options.length)];
}

/** The steps a random composition can take; all smooth, so finite differences apply anywhere. */
const STEPS: ((b: Builder, x: Tensor) => Tensor)[] = [
  (_b, x) => tanh(x),
  (_b, x) => sigmoid(x),
  (_b, x) => softplus(x),
  (_b, x) => silu(x),
  (_b, x) => gelu(x),
  (_b, x) => gelu(x, 'tanh'),
  (_b, x) => mish(x),
  (_b, x) => elu(x),
  (_b, x) => neg(x),
  (_b, x) => pow(x, 2),
  (_b, x) => exp(tanh(x)),
  (_b, x) => log(add(mul(x, x), 1)),
  (b, x) => add(x, b.leaf(broadcastPartner(b, x.shape))),
  (b, x) => sub(b.leaf(broadcastPartner(b, x.shape)), x),
  (b, x) => mul(x, b.leaf(broadcastPartner(b, x.shape))),
  // Divide by 1 + y², which stays away from zero.
  (b, x) => div(x, add(pow(b.leaf(broadcastPartner(b, x.shape)), 2), 1)),
  // Reuse: the same tensor on two paths.
  (_b, x) => mul(x, tanh(x)),
  (_b, x) => (x.ndim === 0 ? x : softmax(x, -1)),
  (_b, x) => (x.ndim === 2 ? logSoftmax(x, 0) : x),
  (_b, x) => (x.ndim === 2 ? sum(x, 1, true) : x),
  (_b, x) => (x.ndim === 0 ? x : mean(x, 0)),
  (b, x) => (x.ndim === 2 ? matmul(x, b.leaf([x.shape[1], 1 + b.rng.int(3)])) : x),
  (b, x) => {
    if (x.ndim !== 2) return x;
    const out = 1 + b.rng.int(3);
    return linear(x, b.leaf([out, x.shape[1]]), b.leaf([out]));
  },
];

const SHAPES = [[], [4], [3, 2], [2, 3], [3, 1], [1, 3]];

/** Builds a random composition from a seed and a list of step choices, returning the scalar loss and its leaves. */
function compose(seed: number, shapeIndex: number, choices: number[]): { f: (...leaves: Tensor[]) => Tensor; leaves: Tensor[] } {
  // First pass: run once to create the leaves; the steps consume the generator in a fixed order.
  const build = (given: Tensor[] | null) => {
    const rng = new Random(seed);
    const leaves: Tensor[] = [];
    const b: Builder = {
      rng,
      leaves,
      leaf: (shape) => {
        const t = given === null ? randomTensor(rng, shape, { low: -1.5, high: 1.5 }) : given[leaves.length];
        if (given !== null) randomTensor(rng, shape);
        leaves.push(t);
        return t;
      },
    };
    let x = b.leaf(SHAPES[shapeIndex]);
    for (const c of choices) x = STEPS[c % STEPS.length](b, x);
    return { loss: sum(mul(x, x)), leaves };
  };
  const { leaves } = build(null);
  return { f: (...given: Tensor[]) => build(given).loss, leaves };
}

describe('properties', () => {
  test('random compositions of ops on random shapes pass gradcheck', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: SHAPES.length - 1 }),
        fc.array(fc.nat(STEPS.length - 1), { minLength: 1, maxLength: 6 }),
        (seed, shapeIndex, choices) => {
          const { f, leaves } = compose(seed, shapeIndex, choices);
          const result = gradcheck(f, leaves);
          expect(result.ok, JSON.stringify({ choices, worst: result.worst })).toBe(true);
        },
      ),
      { seed: 20251122, numRuns: 150 },
    );
  });

  test('addition broadcasts commutatively and its gradients keep each input\'s shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...SHAPES), (seed, shape) => {
        const rng = new Random(seed);
        const partner = shape.length === 2 ? [[], [shape[1]], [1, shape[1]], [shape[0], 1]][rng.int(4)] : [];
        const a = randomTensor(rng, shape);
        const b = randomTensor(rng, partner);
        const ab = add(a, b);
        const ba = add(b, a);
        expect(Array.from(ab.data)).toEqual(Array.from(ba.data));
        sum(ab).backward();
        expect(a.grad!.shape).toEqual(a.shape);
        expect(b.grad!.shape).toEqual(b.shape);
        // Each element of b was used (size of result / size of b) times.
        b.grad!.data.forEach((g) => expect(g).toBe(ab.size / b.size));
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
