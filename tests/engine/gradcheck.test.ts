import { describe, expect, test } from 'vitest';
import { gradcheck, tensor, mul, sum, type Tensor } from '../../engine/index.ts';
import { unaryOp } from '../../engine/ops/elementwise.ts';

describe('gradcheck', () => {
  test('a correct gradient passes', () => {
    const x = tensor([0.3, -1.2, 2], { requiresGrad: true });
    const result = gradcheck((t) => sum(mul(t, t)), [x]);
    expect(result.ok).toBe(true);
    expect(result.worst!.error).toBeLessThan(1e-6);
  });

  test('a wrong backward rule fails and reports the worst element with both values', () => {
    // Claims d/dx x³ = 2x² instead of 3x².
    const cube = (t: Tensor) => unaryOp('wrong_cube', t, (v) => v * v * v, (v) => 2 * v * v);
    const x = tensor([0.5, 2, -1], { requiresGrad: true });
    const result = gradcheck(cube, [x]);
    expect(result.ok).toBe(false);
    const w = result.worst!;
    expect(w.input).toBe(0);
    expect(w.index).toBe(1);
    expect(w.output).toBe(1);
    const v = x.data[1];
    expect(w.analytic).toBe(2 * v * v);
    expect(w.numeric).toBeCloseTo(3 * v * v, 6);
    expect(w.error).toBeCloseTo(Math.abs(w.analytic - w.numeric), 15);
  });

  test('inputs and their gradients are left as they were', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const before = Array.from(x.data);
    gradcheck((t) => t.mul(t).sum(), [x]);
    expect(Array.from(x.data)).toEqual(before);
    expect(x.grad).toBeNull();
  });

  test('inputs without requiresGrad are held constant', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const c = tensor([3, 4]);
    const result = gradcheck((a, b) => a.mul(b), [x, c]);
    expect(result.ok).toBe(true);
    expect(result.worst!.input).toBe(0);
    expect(() => gradcheck((b) => b.mul(2), [c])).toThrow('gradcheck: no input has requiresGrad: true');
  });

  test('the tolerances can be tightened', () => {
    const x = tensor([0.7], { requiresGrad: true });
    // Central differences of exp have error ≈ ε² e^x / 6, far below 1e-9, but rounding is ≈ 1e-16 / ε = 1e-10.
    expect(gradcheck((t) => t.exp(), [x], { atol: 1e-8, rtol: 0 }).ok).toBe(true);
    expect(gradcheck((t) => t.exp(), [x], { eps: 1e-2, atol: 1e-8, rtol: 0 }).ok).toBe(false);
  });
});
