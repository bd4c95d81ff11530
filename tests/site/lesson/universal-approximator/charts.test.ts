import { describe, expect, test } from 'vitest';
import { approximatorCharts, GRID_POINTS, yDomains } from '../../../../site/lesson/universal-approximator/charts.ts';
import { evaluate } from '../../../../site/lesson/universal-approximator/network.ts';
import { Trainer } from '../../../../site/lesson/universal-approximator/trainer.ts';
import { DOMAIN, sampleTarget, startingPoints } from '../../../../site/lesson/universal-approximator/targets.ts';
import { applyScale, invertScale } from '../../../../site/lesson/shared/linear-scale.ts';

/** The line groups of a chart's markup, each as the list of its paths' `d`. */
function lines(markup: string): string[][] {
  const groups = markup.split('<g aria-label="line"').slice(1).map((rest) => rest.split(/<g aria-label=|<clipPath|<\/svg>/)[0]);
  return groups.map((group) => [...group.matchAll(/ d="([^"]+)"/g)].map((path) => path[1]));
}

/** The points of a path made of M and L commands. */
function vertices(d: string): [number, number][] {
  return d.slice(1).split('L').map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('the approximator’s charts, drawn in its worker', () => {
  const { x, y } = sampleTarget('sin');
  const trainer = new Trainer({ units: 4, activation: 'relu', seed: 3 }, x, y);
  trainer.train(30);
  const weights = trainer.weights();
  const charts = approximatorCharts({ width: 500, x, y, dots: false, activation: 'relu', weights });

  test('the fit chart: labelled, the target as a thick faded curve, the network’s fit over it, at the scales it reports', () => {
    expect(charts.fit.markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*width="500" height="230"/);
    expect(charts.fit.markup).toContain('aria-label="The target and the network’s fit"');
    const [target, fit] = lines(charts.fit.markup);
    expect(target).toHaveLength(1);
    expect(fit).toHaveLength(1);
    expect(charts.fit.markup).toMatch(/stroke="var\(--text-muted\)"[^>]*stroke-width="7"/);
    expect(charts.fit.markup).toMatch(/stroke="var\(--accent\)"[^>]*stroke-width="2.5"/);
    expect(charts.fit.x.domain).toEqual(DOMAIN);
    expect(charts.fit.y.domain).toEqual(yDomains(y).fit);
    // The fit's curve is the engine's output at each grid point, placed by the reported scales.
    const grid = Array.from({ length: GRID_POINTS }, (_, i) => DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / (GRID_POINTS - 1));
    const expected = evaluate(weights, 'relu', grid).fit;
    const drawn = vertices(fit[0]);
    expect(drawn).toHaveLength(GRID_POINTS);
    for (const i of [0, 60, 120, 200, 240]) {
      expect(invertScale(charts.fit.x, drawn[i][0])).toBeCloseTo(grid[i], 2);
      expect(drawn[i][1]).toBeCloseTo(applyScale(charts.fit.y, expected[i]), 2);
    }
  });

  test('the pieces chart: one curve a hidden unit, and the output bias dashed', () => {
    expect(charts.pieces).toContain('aria-label="Each hidden unit’s contribution"');
    const [pieces] = lines(charts.pieces);
    expect(pieces).toHaveLength(4);
    expect(charts.pieces).toMatch(/stroke-dasharray="4 4"/);
    const [lo, hi] = yDomains(y).pieces;
    expect(charts.pieces).toContain('contribution</text>');
    expect(hi - lo).toBeGreaterThan(yDomains(y).fit[1] - yDomains(y).fit[0]);
  });

  test('the reader’s points are dots; before the network exists only the target is drawn', () => {
    const points = startingPoints();
    const bare = approximatorCharts({ width: 360, ...points, dots: true, activation: 'sigmoid', weights: null });
    expect([...bare.fit.markup.matchAll(/<circle /g)]).toHaveLength(points.x.length);
    expect(lines(bare.fit.markup)).toHaveLength(0);
    expect(lines(bare.pieces)[0] ?? []).toHaveLength(0);
    expect(bare.fit.x.range[1]).toBeLessThanOrEqual(360);
  });

  test('points that do not pair up are refused with a message the page shows', () => {
    expect(() => approximatorCharts({ width: 400, x: [0, 1], y: [0], dots: true, activation: 'relu', weights: null })).toThrow(/as many y as x/);
    expect(() => approximatorCharts({ width: 400, x: [], y: [], dots: true, activation: 'relu', weights: null })).toThrow(/at least one/);
  });
});

test('the y domains: the points’ range with a quarter of it (at least 0.5) on each side, the pieces’ with twice that', () => {
  expect(yDomains([-1, 1])).toEqual({ fit: [-1.5, 1.5], pieces: [-2, 2] });
  expect(yDomains([0, 4])).toEqual({ fit: [-1, 5], pieces: [-2, 6] });
  expect(yDomains([2])).toEqual({ fit: [1.5, 2.5], pieces: [1, 3] });
});
