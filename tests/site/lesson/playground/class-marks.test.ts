// How the playground draws classes (site/lesson/playground/class-marks.ts, colours in shared/widget.css): five marks that
// differ in shape, five colours each at least 3:1 against the picture's background in light and dark mode, and a heat
// map that shows the most probable class, faded toward the background by doubt.

import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLASS_SHAPES, HEAT_STRENGTH, addMark, classHeat, shapeOf, svgMark, type PathLike } from '../../../../site/lesson/playground/class-marks.ts';

// The class colours are declared once, for every widget that draws classes.
const classCss = readFileSync(new URL('../../../../site/lesson/shared/widget.css', import.meta.url), 'utf8');
const globalCss = readFileSync(new URL('../../../../site/styles/global.css', import.meta.url), 'utf8');

function lightDark(css: string, name: string): [string, string] {
  const match = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css);
  if (!match) throw new Error(`no --${name}: light-dark(#…, #…)`);
  return [match[1], match[2]];
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** A path that records its vertices, for measuring marks. */
function recorder(): PathLike & { points: [number, number][]; arcs: number; closed: number } {
  const path = {
    points: [] as [number, number][],
    arcs: 0,
    closed: 0,
    moveTo: (x: number, y: number) => void path.points.push([x, y]),
    lineTo: (x: number, y: number) => void path.points.push([x, y]),
    arc: () => void path.arcs++,
    closePath: () => void path.closed++,
  };
  return path;
}

describe('the class colours', () => {
  for (const [mode, side] of [['light', 0], ['dark', 1]] as const) {
    const background = rgb(lightDark(globalCss, 'bg-raised')[side]);
    const page = rgb(lightDark(globalCss, 'bg')[side]);
    for (let k = 0; k < 5; k++) {
      test(`--pg-class${k} has at least 3:1 contrast against the page and the picture in ${mode} mode`, () => {
        const colour = rgb(lightDark(classCss, `pg-class${k}`)[side]);
        expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
        expect(contrast(colour, page)).toBeGreaterThanOrEqual(3);
      });
    }
  }

  test('classes 0 and 1 keep their colours, and the five differ', () => {
    expect(lightDark(classCss, 'pg-class0')).toEqual(['#d9480f', '#ffa94d']);
    expect(lightDark(classCss, 'pg-class1')).toEqual(['#1864ab', '#74c0fc']);
    for (const side of [0, 1]) expect(new Set([0, 1, 2, 3, 4].map((k) => lightDark(classCss, `pg-class${k}`)[side])).size).toBe(5);
  });
});

describe('the class marks', () => {
  test('each class has its own mark, one closed outline of its own number of corners', () => {
    expect(CLASS_SHAPES).toEqual(['circle', 'square', 'triangle', 'diamond', 'plus']);
    expect([0, 1, 2, 3, 4, 5].map(shapeOf)).toEqual(['circle', 'square', 'triangle', 'diamond', 'plus', 'circle']);
    const corners: Record<string, number> = {};
    for (const shape of CLASS_SHAPES) {
      const path = recorder();
      addMark(path, shape, 10, 20, 4);
      expect(path.closed, shape).toBe(1);
      corners[shape] = path.arcs > 0 ? 0 : path.points.length;
      // Centred on the point, within about 1.4 radii of it.
      for (const [x, y] of path.points) expect(Math.hypot(x - 10, y - 20), shape).toBeLessThanOrEqual(4 * 1.4 * Math.SQRT2);
    }
    expect(corners).toEqual({ circle: 0, square: 4, triangle: 3, diamond: 4, plus: 12 });
  });

  test('the legend marks are SVG paths of the same shapes', () => {
    expect(svgMark('square', 6, 6, 4)).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){3}Z$/);
    expect(svgMark('circle', 6, 6, 4)).toMatch(/^M10 6A4 4 0 1 0 2 6A4 4 0 1 0 10 6Z$/);
    expect(new Set(CLASS_SHAPES.map((shape) => svgMark(shape, 6, 6, 4))).size).toBe(5);
  });
});

describe('the heat map of more than two classes', () => {
  const palette: [number, number, number][] = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [100, 100, 100], [0, 0, 0]];
  const background: [number, number, number] = [200, 200, 200];

  test('each cell takes its most probable class, faded by doubt: none at a uniform guess, full strength at certainty', () => {
    const predictions = Float32Array.of(1, 0, 0, 1 / 3, 1 / 3, 1 / 3, 0.2, 0.2, 0.6, 0, 1, 0, NaN, NaN, NaN);
    const pixels = new Uint8ClampedArray(5 * 4);
    classHeat(predictions, 3, palette, background, pixels);
    const cell = (i: number) => Array.from(pixels.slice(4 * i, 4 * i + 4));
    const mix = (colour: number[], strength: number) => colour.map((c, j) => Math.round(background[j] + (c - background[j]) * strength)).concat(255);
    expect(cell(0)).toEqual(mix(palette[0], HEAT_STRENGTH));
    expect(cell(1)).toEqual([...background, 255]);
    // 0.6 among three: (0.6 − 1/3) / (2/3) = 0.4 of the way to certainty.
    expect(cell(2)).toEqual(mix(palette[2], HEAT_STRENGTH * 0.4));
    expect(cell(3)).toEqual(mix(palette[1], HEAT_STRENGTH));
    expect(cell(4)).toEqual([...background, 255]);
  });

  test('five classes use all five colours', () => {
    const predictions = new Float32Array(5 * 5);
    for (let k = 0; k < 5; k++) predictions[k * 5 + k] = 1;
    const pixels = new Uint8ClampedArray(5 * 4);
    classHeat(predictions, 5, palette, background, pixels);
    const colours = new Set(Array.from({ length: 5 }, (_, i) => Array.from(pixels.slice(4 * i, 4 * i + 3)).join()));
    expect(colours.size).toBe(5);
  });

  test('hard boundaries: every cell in its class colour at full heat, whatever the doubt (NaN still the background)', () => {
    const predictions = Float32Array.of(0.2, 0.2, 0.6, 0.34, 0.33, 0.33, NaN, NaN, NaN);
    const pixels = new Uint8ClampedArray(3 * 4);
    classHeat(predictions, 3, palette, background, pixels, true);
    const cell = (i: number) => Array.from(pixels.slice(4 * i, 4 * i + 4));
    const full = (colour: number[]) => colour.map((c, j) => Math.round(background[j] + (c - background[j]) * HEAT_STRENGTH)).concat(255);
    expect(cell(0)).toEqual(full(palette[2]));
    expect(cell(1)).toEqual(full(palette[0]));
    expect(cell(2)).toEqual([...background, 255]);
  });
});
