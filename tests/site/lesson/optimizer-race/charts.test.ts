import { describe, expect, test } from 'vitest';
import { contourChart, contourHeight, lossChart } from '../../../../site/lesson/optimizer-race/charts.ts';
import { isolinePaths } from '../../../../site/lesson/optimizer-race/isolines.ts';
import { contourLevels, runRace, surfaceOf } from '../../../../site/lesson/optimizer-race/race.ts';
import { presetById } from '../../../../site/lesson/optimizer-race/presets.ts';
import { applyScale, invertScale } from '../../../../site/lesson/shared/linear-scale.ts';

const tags = (markup: string, pattern: RegExp) => [...markup.matchAll(pattern)].length;

describe("the race's charts, drawn by Plot in the worker as markup", () => {
  const { state } = presetById('saddle-escape');
  const surface = surfaceOf(state);
  const levels = contourLevels(surface);
  const lines = isolinePaths(surface, levels);

  test('the contour chart holds every contour level under the marks of the critical points, and its scales are where Plot put the plane', () => {
    const chart = contourChart(surface, lines, 500);
    expect(chart.markup).toMatch(new RegExp(`^<svg [^>]*width="500" height="${contourHeight(surface, 500)}"`));
    // One path per level, in grid units under one transform, strokes kept 1 px.
    const group = chart.markup.match(/<g aria-hidden="true" class="race-contours"><g transform="matrix\([^"]+\)">(.*?)<\/g><\/g>/);
    expect(group).not.toBeNull();
    expect(tags(group![1], /<path /g)).toBe(levels.length);
    expect(tags(group![1], /vector-effect="non-scaling-stroke"/g)).toBe(levels.length);
    // Over the axes, under the saddle's mark (the first text mark).
    expect(chart.markup.indexOf('race-contours')).toBeGreaterThan(chart.markup.indexOf('aria-label="x-axis tick"'));
    expect(chart.markup.indexOf('race-contours')).toBeLessThan(chart.markup.indexOf('aria-label="text"'));
    expect(chart.markup).toContain('>✕</text>');
    // The margins: 40 px left, 12 right, 22 top, 32 bottom; y grows upward.
    const { x, y } = surface.domain;
    expect(applyScale(chart.x, x[0])).toBeCloseTo(40, 9);
    expect(applyScale(chart.x, x[1])).toBeCloseTo(500 - 12, 9);
    expect(applyScale(chart.y, y[1])).toBeCloseTo(22, 9);
    expect(applyScale(chart.y, y[0])).toBeCloseTo(contourHeight(surface, 500) - 32, 9);
    expect(invertScale(chart.x, applyScale(chart.x, 0.3))).toBeCloseTo(0.3, 12);
  });

  test('the loss chart draws one curve per racer over every step, on a log scale when every loss is positive', () => {
    const paths = runRace(state);
    const chart = lossChart(paths, state.steps, 420);
    expect(chart.log).toBe(paths.every((path) => path.losses.every((loss) => loss > 0)));
    expect(tags(chart.markup, /<g aria-label="line"/g)).toBe(paths.length);
    expect(chart.markup).toContain('stroke="var(--race-0)"');
    expect(chart.markup).toContain(chart.log ? '↑ loss (log scale)' : '↑ loss</text>');
    expect(applyScale(chart.x, 0)).toBeCloseTo(52, 9);
    expect(applyScale(chart.x, state.steps)).toBeCloseTo(420 - 12, 9);
    expect(chart.y.range[0]).toBeGreaterThan(chart.y.range[1]);
  });

  test('a surface that goes below zero gets a linear loss scale', () => {
    const below = { ...state, surface: 'saddle' as const, steps: 40 };
    const paths = runRace(below);
    expect(paths.some((path) => path.losses.some((loss) => loss <= 0))).toBe(true);
    const chart = lossChart(paths, below.steps, 300);
    expect(chart.log).toBe(false);
    expect(chart.markup).toContain('>↑ loss</text>');
  });
});
