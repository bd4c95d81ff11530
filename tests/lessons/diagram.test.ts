// The diagrams of lesson 5: boxes, arrows from edge to edge, labelled SVG that follows the site's colours.

import { expect, test } from 'vitest';
import { boxEdge, connect, diagram, type DiagramBox } from '../../lessons/examples/diagram.ts';

const left: DiagramBox = { x: 50, y: 50, width: 40, height: 20, lines: ['a'] };
const right: DiagramBox = { x: 150, y: 50, width: 40, height: 20, lines: ['b', 'value 1'] };

test('an arrow between two boxes runs from edge to edge along the line of their centres', () => {
  expect(boxEdge(left, [150, 50])).toEqual([70, 50]);
  expect(boxEdge(left, [50, 150])).toEqual([50, 60]);
  const arrow = connect(left, right, { label: 'x' });
  expect(arrow.from).toEqual([70, 50]);
  expect(arrow.to).toEqual([130, 50]);
  expect(arrow.label).toBe('x');
});

test('a diagram is one labelled image whose visible text is hidden from screen readers, in the site colours', () => {
  const svg = diagram({ id: 'd', title: 'A <graph>', description: 'a & b', width: 200, height: 100, boxes: [left, right], arrows: [connect(left, right)] });
  expect(svg).toMatch(/^<svg class="diagram" viewBox="0 0 200 100" width="200" height="100" role="img" aria-labelledby="d-title d-desc"/);
  expect(svg).toContain('<title id="d-title">A &lt;graph&gt;</title>');
  expect(svg).toContain('<desc id="d-desc">a &amp; b</desc>');
  expect(svg).toContain('<g aria-hidden="true">');
  expect(svg).toContain('>value 1</text>');
  expect(svg).toContain('var(--text-muted)');
  expect(svg).not.toMatch(/fill="#|stroke="#/);
});
