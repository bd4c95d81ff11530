// The claims lesson 3 makes about its worked examples, checked against the module that computes them.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MLP, relu, tensor } from '../../engine/index.ts';
import {
  approximation,
  approximationDoubling,
  countParameters,
  forward,
  mnistCount,
  nonConvex,
  parameterCounts,
  showCount,
  tentRows,
  threePoints,
  xor,
  xorLinear,
  xorTraining,
  xorWeights,
  xorFolding,
} from '../../lessons/examples/mlp.ts';

const lesson = readFileSync(new URL('../../lessons/03-mlp.mdx', import.meta.url), 'utf8');

describe('lesson 3: the forward pass', () => {
  test('the sums and the matrix product agree exactly', () => {
    expect(forward.gap).toBe('identical to the last bit');
    expect(forward.units).toHaveLength(4);
  });

  test('each written-out sum, added up from the numbers shown, gives the z shown', () => {
    const value = (text: string) => Number(text.replace('\u2212', '-'));
    const x = forward.x.slice(1, -1).split(', ').map(value);
    forward.units.forEach((unit, j) => {
      const sum = forward.W1[j].reduce((s, w, i) => s + value(w) * x[i], value(forward.b1[j]));
      expect(sum).toBeCloseTo(value(unit.z), 10);
    });
  });

  test('the shape table follows rows-are-outputs', () => {
    const shapes = Object.fromEntries(forward.shapes.map((s) => [s.name, s.shape]));
    expect(shapes['X']).toBe('5 × 3');
    expect(shapes['W⁽¹⁾']).toBe('4 × 3');
    expect(shapes['H = ReLU(Z)']).toBe('5 × 4');
    expect(shapes['Y = H W⁽²⁾ᵀ + b⁽²⁾']).toBe('5 × 2');
  });
});

describe('lesson 3: counting parameters', () => {
  test('the 784-256-10 network has (256 × 785) + (10 × 257) = 203,530 parameters', () => {
    expect(mnistCount.value).toBe(256 * 785 + 10 * 257);
    expect(mnistCount.count).toBe('203,530');
    expect(new MLP([784, 256, 10]).parameterCount()).toBe(203530);
  });

  test('the 784-50-10 network has 39,760 parameters', () => {
    expect(parameterCounts.find((p) => p.sizes === '784-50-10')!.value).toBe(50 * 785 + 10 * 51);
  });

  test('countParameters agrees with the formula on another architecture', () => {
    expect(countParameters([3, 7, 5, 2]).value).toBe(7 * 4 + 5 * 8 + 2 * 6);
    expect(showCount(1234567)).toBe('1,234,567');
  });
});

describe('lesson 3: XOR by hand', () => {
  test('the hand-made network outputs 0, 1, 1, 0', () => {
    expect(xor.outputs).toBe('0, 1, 1, 0');
    expect(xor.rows.map((r) => r.y)).toEqual(xor.rows.map((r) => r.target));
  });

  test('the hidden layer sends (0, 1) and (1, 0) to the same point', () => {
    expect(xor.rows[1].h).toBe(xor.rows[2].h);
    expect(xor.merged).toBe('(1, 0)');
  });

  test('the weights displayed in the lesson are the ones the module uses', () => {
    expect(xorWeights).toEqual({ W: [[1, 1], [1, 1]], c: [0, -1], w: [1, -2], b: 0 });
    const compact = lesson.replace(/\s+/g, ' ');
    expect(compact).toContain('W = \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}');
    expect(compact).toContain('\\mathbf{c} = \\begin{bmatrix} 0 \\\\ -1 \\end{bmatrix}');
    expect(compact).toContain('\\mathbf{w} = \\begin{bmatrix} 1 \\\\ -2 \\end{bmatrix}');
  });

  test('the best linear model predicts one half everywhere', () => {
    expect(xorLinear.w).toBe('(0, 0)');
    expect(xorLinear.b).toBe('0.5');
    expect(xorLinear.loss).toBe('0.25');
  });
});

describe('lesson 3: three points', () => {
  test('two ReLU units classify −1, 1, 3 as 1, 0, 1', () => {
    expect(threePoints.rows.map((r) => r.y)).toEqual(['1', '0', '1']);
    expect(threePoints.rows.map((r) => [r.h1, r.h2])).toEqual([['3', '0'], ['0', '1'], ['0', '3']]);
  });

  test('the network of the display formula is the one computed', () => {
    expect(lesson).toContain('h_1 = \\operatorname{ReLU}(-3x)');
    expect(lesson).toContain('y = \\operatorname{ReLU}(h_1 + h_2 - 2)');
    const x = tensor([[-1], [1], [3]]);
    const h1 = relu(x.mul(-3));
    const h2 = relu(x);
    const y = relu(h1.add(h2).sub(2));
    expect(Array.from(y.data)).toEqual([1, 0, 1]);
  });
});

describe('lesson 3: approximation and depth', () => {
  test('the interpolating ReLU network\'s error falls about fourfold per doubling', () => {
    const errors = approximation.map((r) => Number(r.error));
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1]);
    expect(errors[errors.length - 2] / errors[errors.length - 1]).toBeGreaterThan(3.5);
  });

  test('what the lesson says of the doublings: well under four from 4 to 8 units, close to four from 8 on', () => {
    const shrink = Object.fromEntries(approximation.map((r) => [r.units, Number(r.shrink)]));
    expect(approximationDoubling.early).toBe(approximation.find((r) => r.units === 8)!.shrink);
    expect(shrink[8]).toBeLessThan(3.5);
    for (const units of [16, 32, 64]) {
      expect(shrink[units]).toBeGreaterThanOrEqual(Number(approximationDoubling.lateMin));
      expect(shrink[units]).toBeLessThanOrEqual(Number(approximationDoubling.lateMax));
      expect(Math.abs(shrink[units] - 4)).toBeLessThan(0.5);
    }
  });

  test('L tent-map layers make 2^L pieces', () => {
    for (const row of tentRows) {
      expect(row.pieces).toBe(2 ** row.depth);
      expect(row.units).toBe(2 * row.depth);
      expect(row.shallowUnits).toBe(row.pieces - 1);
    }
  });
});

describe('lesson 3: cost', () => {
  test('halfway between two XOR solutions the loss is positive', () => {
    expect(nonConvex.lossA).toBe('0');
    expect(nonConvex.lossB).toBe('0');
    expect(Number(nonConvex.lossMid)).toBeGreaterThan(0);
  });

  test('the 2-unit network often fails on XOR and the 8-unit one does not', () => {
    const [narrow, wide] = xorTraining.rows;
    expect(narrow.width).toBe(2);
    expect(2 * narrow.solved).toBeLessThan(xorTraining.seeds);
    expect(wide.solved).toBe(xorTraining.seeds);
  });
});

describe('lesson 3: the XOR folding picture', () => {
  test('the hidden panel puts (0, 1) and (1, 0) on one point, and the output line separates the classes', () => {
    const dots = xorFolding.hidden.dots;
    expect(dots).toHaveLength(4);
    expect([dots[1].x, dots[1].y]).toEqual([dots[2].x, dots[2].y]);
    expect(dots.map((d) => d.shape)).toEqual(['square', 'circle', 'circle', 'square']);
    expect(dots[3].title).toBe('x = (1, 1) → h = (2, 1), XOR = 0');
    // The input panel draws the four corners where they are, with no two on one point.
    const input = xorFolding.input.dots.map((d) => `${d.x},${d.y}`);
    expect(new Set(input).size).toBe(4);
  });
});
