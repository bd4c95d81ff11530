import { expect, test } from 'vitest';
import { SVG_FRAME_CLOSE, escapeSvgText, svgFrameOpen } from '../../lessons/examples/svg-figure.ts';

test('a figure is one labelled image: named by its title, described by its desc, its drawing hidden', () => {
  const svg = `${svgFrameOpen({ className: 'diagram', id: 'f', title: 'A < B & "C"', description: 'why', width: 300, height: 120 })}<circle r="2"/>${SVG_FRAME_CLOSE}`;
  // Its width and height as attributes too, for the aspect ratio it keeps while skipped off-screen.
  expect(svg).toMatch(/^<svg class="diagram" viewBox="0 0 300 120" width="300" height="120" role="img" aria-labelledby="f-title f-desc" /);
  expect(svg).toContain('<title id="f-title">A &lt; B &amp; &quot;C&quot;</title><desc id="f-desc">why</desc><g aria-hidden="true"><circle r="2"/></g></svg>');
  expect(svg).toContain('max-width: 300px');
  expect(svg).not.toContain('overflow');
  expect(svgFrameOpen({ className: 'c', id: 'g', title: '', description: '', width: 1, height: 1, overflowVisible: true })).toContain('overflow: visible');
  expect(escapeSvgText('<&>"')).toBe('&lt;&amp;&gt;&quot;');
});
