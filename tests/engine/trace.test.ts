import { describe, expect, test } from 'vitest';
import { tensor, trace, mul, add, tanh } from '../../engine/index.ts';

describe('trace', () => {
  test('the graph of tanh(w·x + b) lists ops, labels, shapes, values and gradients', () => {
    const w = tensor(0.5, { requiresGrad: true, label: 'w' });
    const x = tensor(2, { label: 'x' });
    const b = tensor(-0.25, { requiresGrad: true, label: 'b' });
    const y = tanh(add(mul(w, x), b));
    y.backward();
    const { nodes, edges } = trace(y);
    expect(nodes.map((n) => n.op)).toEqual(['leaf', 'leaf', 'mul', 'leaf', 'add', 'tanh']);
    expect(nodes.map((n) => n.label ?? null)).toEqual(['w', 'x', null, 'b', null, null]);
    const out = nodes[nodes.length - 1];
    expect(out.value).toBe(y.item());
    expect(out.grad).toBe(1);
    expect(nodes[0].grad).toBe(w.grad!.item());
    expect(nodes[1].grad).toBeNull();
    expect(nodes[1].requiresGrad).toBe(false);
    expect(out.shape).toEqual([]);
    expect(edges).toEqual([
      { from: 0, to: 2, argument: 0 },
      { from: 1, to: 2, argument: 1 },
      { from: 2, to: 4, argument: 0 },
      { from: 3, to: 4, argument: 1 },
      { from: 4, to: 5, argument: 0 },
    ]);
  });

  test('a tensor used twice appears once with an edge per use', () => {
    const x = tensor([1, 2], { label: 'x' });
    const { nodes, edges } = trace(mul(x, x));
    expect(nodes).toHaveLength(2);
    expect(edges).toEqual([
      { from: 0, to: 1, argument: 0 },
      { from: 0, to: 1, argument: 1 },
    ]);
    expect(nodes[1].value).toEqual([1, 4]);
  });

  test('every node comes after the nodes it was computed from', () => {
    let y = tensor(1, { requiresGrad: true });
    for (let i = 0; i < 50; i++) y = i % 2 === 0 ? y.mul(y) : y.add(1);
    const { edges } = trace(y);
    expect(edges.every((e) => e.from < e.to)).toBe(true);
  });

  test('named() labels any tensor, and the trace carries the names of computed tensors', () => {
    const w = tensor(0.5, { requiresGrad: true, label: 'w' });
    const z = mul(w, 2).named('z');
    const y = tanh(z).named('ŷ');
    expect(y.named('ŷ')).toBe(y);
    const { nodes } = trace(y);
    expect(nodes.map((n) => n.label ?? null)).toEqual(['w', null, 'z', 'ŷ']);
  });
});
