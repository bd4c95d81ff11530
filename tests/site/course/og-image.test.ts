// The picture a shared link shows: 1200 × 630, the chapter's title and description as text (escaped, wrapped, cut to
// fit), and a figure whose curve is the engine's activation.
import { describe, expect, test } from 'vitest';
import { ACTIVATION_FUNCTIONS } from '../../../engine/formulas/activations.ts';
import { CHAPTER_FIGURES, DEFAULT_FIGURE, OG_HEIGHT, OG_WIDTH, figureSvg, ogImageSvg, wrapText } from '../../../site/course/og-image.ts';

const card = { site: 'Neural Notebook', eyebrow: 'Chapter 2', title: 'Activations & <friends>', description: 'Sigmoid, tanh and ReLU.', figure: CHAPTER_FIGURES.activations };

describe('the shared-link picture', () => {
  test('is an SVG of 1200 × 630 with the site, the eyebrow, the title and the description, escaped', () => {
    const svg = ogImageSvg(card);
    expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630" viewBox="0 0 1200 630"/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text);
    expect(texts).toEqual(['Neural Notebook', 'Chapter 2', 'Activations &amp;', '&lt;friends&gt;', 'Sigmoid, tanh and ReLU.']);
    expect(svg).not.toContain('<friends>');
  });

  test('a long title wraps at spaces and a cut line ends with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('one two three four five six', 7, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('supercalifragilistic word', 5, 3)).toEqual(['supercalifragilistic', 'word']);
    expect(wrapText('anything', 10, 0)).toEqual([]);
  });

  test('every text line stays inside the picture, even for a four-line title', () => {
    const svg = ogImageSvg({ ...card, title: 'A very long chapter title that needs all of its four lines to fit', description: 'A description that will not all fit below such a long title, so it is cut.' });
    for (const [, y] of svg.matchAll(/<text x="\d+" y="(\d+)"/g)) expect(Number(y)).toBeLessThanOrEqual(600);
  });

  test('a curve figure is the engine’s activation: the sigmoid passes through the middle of its box at x = 0', () => {
    const svg = figureSvg({ kind: 'curve', activation: 'sigmoid' }, 400);
    const points = /<polyline points="([^"]+)"/.exec(svg)![1].split(' ').map((pair) => pair.split(',').map(Number));
    expect(points).toHaveLength(161);
    // x = 0 is the 81st sample; the box's y runs from 0 (the top, y = 1) to 400 (y = 0).
    const [x, y] = points[80];
    expect(x).toBeCloseTo(200, 5);
    expect(y).toBeCloseTo(400 - ACTIVATION_FUNCTIONS.sigmoid.f(0, {}) * 400, 0);
  });

  test('a network figure draws every unit and every edge between neighbouring layers', () => {
    const svg = figureSvg({ kind: 'network', layers: [2, 3, 1] }, 400);
    expect(svg.match(/<circle/g)).toHaveLength(6);
    expect(svg.match(/<line/g)).toHaveLength(2 * 3 + 3 * 1);
    expect(DEFAULT_FIGURE.kind).toBe('network');
  });

  test('every chapter figure names an activation the engine applies element by element, or a network', () => {
    for (const [id, figure] of Object.entries(CHAPTER_FIGURES)) {
      if (figure.kind === 'curve') expect(ACTIVATION_FUNCTIONS[figure.activation].kind, id).toBe('elementwise');
      else expect(figure.layers.length, id).toBeGreaterThanOrEqual(2);
    }
  });
});
