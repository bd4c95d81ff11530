import { expect, test } from 'vitest';
import { explorerCharts, paddedDomain } from '../../../../site/lesson/activation-explorer/charts.ts';

test('the explorer’s charts, drawn in its worker as markup: f, then f′ by autograd (solid) and by central differences (dashed)', () => {
  const charts = explorerCharts({ activation: 'tanh', parameter: 0, range: 4, threshold: 0.05, width: 500 });
  expect(charts.points).toBe(400);
  expect(charts.maxDifference).toBeLessThan(1e-12);
  expect(charts.numericDifference).toBeGreaterThan(0);
  expect(charts.numericDifference).toBeLessThan(1e-8);
  expect(charts.f).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*width="500" height="190"/);
  expect(charts.f).toContain('aria-label="tanh: f(x)"');
  expect(charts.derivative).toContain('aria-label="tanh: f′(x) by autograd and by central differences of f"');
  expect([...charts.f.matchAll(/<g aria-label="line"/g)]).toHaveLength(1);
  expect([...charts.derivative.matchAll(/<g aria-label="line"/g)]).toHaveLength(2);
  expect(charts.derivative).toMatch(/stroke="var\(--accent\)"[^>]*stroke-width="4"/);
  expect(charts.derivative).toMatch(/stroke="var\(--focus\)"[^>]*stroke-dasharray="5 4"/);
  // Every x tick of [−4, 4] labelled, on both charts.
  for (const chart of [charts.f, charts.derivative]) for (const tick of ['−4', '−2', '0', '2', '4']) expect(chart).toContain(`>${tick}</text>`);
});

test('where |f′| falls below the threshold is returned and shaded on both charts', () => {
  const charts = explorerCharts({ activation: 'sigmoid', parameter: 0, range: 6, threshold: 0.05, width: 400 });
  // σ′(x) = 0.05 where σ(x) = (1 + √0.8) / 2, so |x| = log(σ / (1 − σ)).
  const sigma = (1 + Math.sqrt(0.8)) / 2;
  const edge = Math.log(sigma / (1 - sigma));
  expect(charts.vanishing).toHaveLength(2);
  expect(charts.vanishing[0][0]).toBeCloseTo(-6, 1);
  expect(charts.vanishing[0][1]).toBeCloseTo(-edge, 1);
  expect(charts.vanishing[1][0]).toBeCloseTo(edge, 1);
  expect(charts.vanishing[1][1]).toBeCloseTo(6, 1);
  for (const chart of [charts.f, charts.derivative]) expect([...chart.matchAll(/<rect [^>]*>/g)].length).toBeGreaterThanOrEqual(2);
  expect(charts.f).toMatch(/fill="var\(--bad\)"/);
});

test('an activation the catalogue does not have is refused with its name, for the worker to report', () => {
  expect(() => explorerCharts({ activation: 'no-such', parameter: 0, range: 4, threshold: 0.05, width: 400 })).toThrow(/no-such/);
});

test('the derivative’s y domain holds both curves with a margin, and at least [0, 1]', () => {
  expect(paddedDomain(Float64Array.of(0.2, 0.5), Float64Array.of(0.3))).toEqual([-0.08, 1.08]);
  const [lo, hi] = paddedDomain(Float64Array.of(-1, 2), Float64Array.of(0));
  expect(lo).toBeCloseTo(-1.24);
  expect(hi).toBeCloseTo(2.24);
});
