import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../engine/random.ts';
import {
  add,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  div,
  exp,
  linear,
  log,
  matmul,
  mean,
  mseLoss,
  mul,
  neg,
  pow,
  relu,
  softplus,
  sigmoid,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  tensor,
  trace,
  type Tensor,
  type TraceValue,
} from '../../engine/index.ts';
import { chainRule, type ChainRuleLine } from '../../engine/chain-rule.ts';
import { evaluate, type Formula } from '../../engine/formula.ts';
import { randomTensor } from './random-tensor.ts';

/** The values of a trace value, flat. */
function flat(v: TraceValue): number[] {
  return typeof v === 'number' ? [v] : (v as (number | number[])[]).flat();
}

/** Adds the terms of a line in order, as autograd adds the shares (its first share into zeros). */
function total(line: ChainRuleLine): number[] {
  let out: number[] | null = null;
  for (const term of line.terms) {
    const values = flat(term.value);
    out = out === null ? values.map((v) => 0 + v) : out.map((v, i) => v + values[i]);
  }
  return out ?? flat(line.grad);
}

/** Every line's terms multiplied out equal the gradient autograd computed: exactly, or within `tolerance` relative. */
function expectLinesReproduceAutograd(root: Tensor, tolerance = 0): void {
  const lines = chainRule(root);
  const { nodes } = trace(root);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const grad = flat(nodes[line.node].grad!);
    const sum = total(line);
    if (tolerance === 0) expect(sum).toEqual(grad);
    else sum.forEach((v, i) => expect(Math.abs(v - grad[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(grad[i]))));
    // Each term's value is its numeric formula multiplied out.
    for (const term of line.terms) expect(evaluate(term.numeric, nodes[line.node].shape)).toEqual(term.value);
  }
}

/** The symbols a formula names, with a bar for a gradient: `z̄`, `x`. */
function symbols(f: Formula): string[] {
  switch (f.kind) {
    case 'symbol':
      return [f.bar ? `bar ${f.name}` : f.name];
    case 'number':
    case 'array':
      return [];
    case 'product':
      return f.factors.flatMap(symbols);
    case 'sum':
    case 'maximum':
      return f.terms.flatMap(symbols);
    case 'quotient':
      return [...symbols(f.numerator), ...symbols(f.denominator)];
    case 'power':
      return symbols(f.base);
    case 'negate':
    case 'transpose':
    case 'column':
    case 'indicator':
    case 'apply':
    case 'rowSum':
    case 'sumTo':
      return symbols(f.of);
  }
}

describe('the chain-rule lines of a graph', () => {
  test('the neuron w·x + b: w̄ = ū · x with the numbers of the graph, and the lines come in backward order', () => {
    const w = tensor(0.5, { requiresGrad: true, label: 'w' });
    const x = tensor(2, { label: 'x' });
    const b = tensor(-0.5, { requiresGrad: true, label: 'b' });
    const u = mul(w, x).named('u');
    const z = add(u, b).named('z');
    const y = sigmoid(z).named('ŷ');
    const loss = mseLoss(y, tensor(1, { label: 'y' })).named('L');
    loss.backward();
    const lines = chainRule(loss);
    expect(lines.map((l) => l.name)).toEqual(['L', 'ŷ', 'z', 'b', 'u', 'w']);
    expect(lines[0].seed).toBe(true);
    expect(lines[0].terms).toEqual([]);
    const wLine = lines.find((l) => l.name === 'w')!;
    expect(wLine.terms).toHaveLength(1);
    expect(symbols(wLine.terms[0].symbolic)).toEqual(['bar u', 'x']);
    expect(wLine.terms[0].numeric).toEqual({ kind: 'product', operator: 'scalar', factors: [{ kind: 'number', value: u.grad!.item() }, { kind: 'number', value: 2 }] });
    expect(wLine.terms[0].value).toBe(w.grad!.item());
    // z̄ = ŷ̄ · ŷ (1 − ŷ): the sigmoid's derivative written with its output.
    expect(symbols(lines[2].terms[0].symbolic)).toEqual(['bar ŷ', 'ŷ', 'ŷ']);
    expectLinesReproduceAutograd(loss);
  });

  test('a tensor used twice gets one term per use, summed in autograd order', () => {
    const x = tensor(1.5, { requiresGrad: true, label: 'x' });
    const y = mul(x, x).named('y');
    const z = add(mul(y, x), tanh(x)).named('z');
    z.backward();
    const line = chainRule(z).find((l) => l.name === 'x')!;
    expect(line.terms).toHaveLength(4);
    expectLinesReproduceAutograd(z);
  });

  test('a constant is written as its number and has no line', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const loss = mul(0.5, pow(x, 2)).named('L');
    loss.backward();
    const lines = chainRule(loss);
    expect(lines.map((l) => l.name)).toEqual(['L', 'v2', 'x']);
    expect(lines[1].terms[0].symbolic).toEqual({
      kind: 'product', operator: 'scalar',
      factors: [{ kind: 'symbol', name: 'L', node: 3, bar: true }, { kind: 'number', value: 0.5 }],
    });
    expectLinesReproduceAutograd(loss);
  });

  test('unlabelled tensors are named v with their trace id', () => {
    const x = tensor(1, { requiresGrad: true });
    const y = exp(x);
    y.backward();
    expect(chainRule(y).map((l) => l.name)).toEqual(['v1', 'v0']);
  });

  test('chainRule before backward() says to call it', () => {
    const x = tensor(1, { requiresGrad: true });
    expect(() => chainRule(exp(x))).toThrow(/backward\(\) first/);
  });

  test('every scalar op reproduces autograd exactly: div, neg, exp, log, sqrt, pow, tanh, relu, sub', () => {
    const a = tensor(1.7, { requiresGrad: true, label: 'a' });
    const b = tensor(-0.6, { requiresGrad: true, label: 'b' });
    const c = div(a, b);
    const d = sub(log(sqrt(exp(neg(c)))), pow(tanh(b), 3));
    const out = add(relu(d), relu(neg(d))).named('L');
    out.backward();
    expectLinesReproduceAutograd(out);
  });

  test('the losses: squared error, binary cross-entropy on probabilities and on logits, mean of vectors', () => {
    const p = tensor([0.2, 0.7, 0.9], { requiresGrad: true, label: 'p' });
    const t = tensor([0, 1, 1], { label: 't' });
    const z = tensor([-1, 0.5, 2], { requiresGrad: true, label: 'z' });
    const loss = add(add(mseLoss(p, t), binaryCrossEntropy(sigmoid(z), t)), binaryCrossEntropyWithLogits(mul(z, p), t, 'sum')).named('L');
    loss.backward();
    expectLinesReproduceAutograd(loss);
  });

  test('softmax, cross-entropy, sum and mean over rows and columns reproduce autograd', () => {
    const rng = new Random(7);
    const s = randomTensor(rng, [2, 3]);
    const w = randomTensor(rng, [3, 2]);
    const scores = matmul(s, w);
    const loss = add(
      add(crossEntropy(scores, [1, 0]), sum(mul(softmax(s), s))),
      add(mean(mean(s, 1)), sum(sum(s, 0, true))),
    ).named('L');
    loss.backward();
    expectLinesReproduceAutograd(loss, 1e-14);
  });

  test('a two-layer network: linear, relu, linear, cross-entropy; x̄ = Wᵀ z̄ and W̄ = z̄ xᵀ (columns) within rounding', () => {
    const rng = new Random(3);
    const x = randomTensor(rng, [2], { requiresGrad: false }).named('x');
    const w1 = randomTensor(rng, [3, 2]).named('W₁');
    const b1 = randomTensor(rng, [3]).named('b₁');
    const w2 = randomTensor(rng, [3, 3]).named('W₂');
    const b2 = randomTensor(rng, [3]).named('b₂');
    const z1 = linear(x, w1, b1).named('z₁');
    const h = relu(z1).named('h');
    const z2 = linear(h, w2, b2).named('z₂');
    const loss = crossEntropy(z2, [2]).named('L');
    loss.backward();
    const lines = chainRule(loss);
    expect(symbols(lines.find((l) => l.name === 'W₂')!.terms[0].symbolic)).toEqual(['bar z₂', 'h']);
    expect(lines.find((l) => l.name === 'W₂')!.terms[0].symbolic).toMatchObject({
      kind: 'product', operator: 'matrix', factors: [{ kind: 'column' }, { kind: 'transpose', of: { kind: 'column' } }],
    });
    expect(lines.find((l) => l.name === 'h')!.terms[0].symbolic).toMatchObject({
      kind: 'product', operator: 'matrix', factors: [{ kind: 'transpose', of: { kind: 'symbol', name: 'W₂' } }, { kind: 'column' }],
    });
    expectLinesReproduceAutograd(loss, 1e-14);
    // A batch of rows: the bias's share is Ȳ summed over the batch.
    // Leaves keep accumulating across passes, as in PyTorch: start from zero so the lines explain this pass alone.
    w1.zeroGrad();
    b1.zeroGrad();
    const xb = randomTensor(rng, [4, 2], { requiresGrad: true });
    const batchLoss = mean(pow(linear(xb, w1, b1), 2));
    batchLoss.backward();
    expectLinesReproduceAutograd(batchLoss, 1e-14);
  });

  test('matrix and vector products: A B, A v, u B and u · v', () => {
    const rng = new Random(11);
    const a = randomTensor(rng, [2, 3]);
    const b = randomTensor(rng, [3, 2]);
    const u = randomTensor(rng, [3]);
    const v = randomTensor(rng, [3]);
    const loss = add(add(sum(matmul(a, b)), sum(matmul(a, v))), add(sum(matmul(u, b)), matmul(u, v)));
    loss.backward();
    expectLinesReproduceAutograd(loss, 1e-14);
  });

  test('a broadcast input is summed back to its shape', () => {
    const rng = new Random(5);
    const m = randomTensor(rng, [2, 3]);
    const row = randomTensor(rng, [3]);
    const col = randomTensor(rng, [2, 1]);
    const s = randomTensor(rng, []);
    const loss = sum(mul(div(add(m, row), col), s));
    loss.backward();
    expectLinesReproduceAutograd(loss, 1e-14);
  });

  test('an op without a line is named with the ops that have one', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.max();
    y.backward();
    expect(() => chainRule(y)).toThrow(/'max' has no chain-rule line; ops with one: add, sub/);
  });

  test('random scalar compositions: the lines multiply out to autograd exactly', () => {
    const unary: ((x: Tensor) => Tensor)[] = [sigmoid, tanh, relu, softplus, (x) => softplus(x, 2), exp, neg, (x) => pow(x, 2), (x) => pow(x, 3), (x) => log(add(mul(x, x), 1))];
    const binary: ((x: Tensor, y: Tensor) => Tensor)[] = [add, sub, mul, (x, y) => div(x, add(mul(y, y), 1))];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = new Random(seed);
        const leaves = [0, 1, 2].map((i) => randomTensor(rng, [], { avoid: [0] }).named(`x${i}`));
        const pool: Tensor[] = [...leaves];
        for (let i = 0; i < 6; i++) {
          const pick = () => pool[rng.int(pool.length)];
          pool.push(rng.uniform(0, 1) < 0.5 ? unary[rng.int(unary.length)](pick()) : binary[rng.int(binary.length)](pick(), pick()));
        }
        const loss = add(pool[pool.length - 1], mul(pool[pool.length - 2], 0.5));
        loss.backward();
        expectLinesReproduceAutograd(loss);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
