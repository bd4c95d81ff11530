import { describe, expect, test } from 'vitest';
import * as Plot from '@observablehq/plot';
import { MarkupDocument, MarkupElement } from '../../../../site/lesson/shared/markup-document.ts';

const SVG = 'http://www.w3.org/2000/svg';

describe('a document of markup, for Plot to draw into where there is no DOM', () => {
  test('children are appended, inserted, moved, replaced and removed as in the DOM', () => {
    const document = new MarkupDocument();
    const g = document.createElementNS(SVG, 'g');
    const [a, b, c] = ['a', 'b', 'c'].map((name) => document.createElementNS(SVG, name));
    g.appendChild(a);
    g.appendChild(c);
    g.insertBefore(b, c);
    expect(g.childNodes.map((node) => (node as MarkupElement).localName)).toEqual(['a', 'b', 'c']);
    expect(b.previousSibling).toBe(a);
    expect(b.nextSibling).toBe(c);
    expect(g.firstChild).toBe(a);
    expect(g.lastChild).toBe(c);
    // Inserting a node that has a parent moves it.
    g.insertBefore(c, a);
    expect(g.children.map((node) => node.localName)).toEqual(['c', 'a', 'b']);
    const d = document.createElementNS(SVG, 'd');
    a.replaceWith(d, 'text');
    expect(g.childNodes.map((node) => (node instanceof MarkupElement ? node.localName : node.textContent))).toEqual(['c', 'd', 'text', 'b']);
    expect(a.parentNode).toBeNull();
    b.remove();
    expect(g.children.map((node) => node.localName)).toEqual(['c', 'd']);
    expect(() => g.removeChild(b)).toThrow(/not a child/);
    expect(() => g.insertBefore(a, b)).toThrow(/not a child/);
    expect(() => d.appendChild(g)).toThrow(/cannot hold itself/);
  });

  test('text and attributes are escaped when written; an outermost <svg> declares its namespace', () => {
    const document = new MarkupDocument();
    const svg = document.createElementNS(SVG, 'svg');
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('aria-label', 'a "quoted" <label> & more');
    text.textContent = 'x < y & y > z';
    svg.appendChild(text);
    const inner = document.createElementNS(SVG, 'svg');
    svg.appendChild(inner);
    expect(svg.outerHTML).toBe(
      `<svg xmlns="${SVG}"><text aria-label="a &quot;quoted&quot; &lt;label&gt; &amp; more">x &lt; y &amp; y &gt; z</text><svg></svg></svg>`,
    );
    text.textContent = '';
    expect(text.childNodes).toEqual([]);
    expect(text.outerHTML).toBe('<text aria-label="a &quot;quoted&quot; &lt;label&gt; &amp; more"></text>');
  });

  test('inline style set by property, by setProperty or as text is written as one style attribute, in CSS names', () => {
    const document = new MarkupDocument();
    const g = document.createElementNS(SVG, 'g');
    Object.assign(g.style, { fontFamily: 'var(--font-ui)', fontSize: '12px' });
    g.style.setProperty('--accent', 'red');
    g.style.setProperty('overflow', 'visible', 'important');
    expect(g.getAttribute('style')).toBe('font-family: var(--font-ui); font-size: 12px; --accent: red; overflow: visible !important;');
    expect(g.style.fontSize).toBe('12px');
    expect(g.style.getPropertyValue('font-size')).toBe('12px');
    expect(g.style.removeProperty('font-size')).toBe('12px');
    g.style.setProperty('--accent', null);
    g.style.overflow = '';
    expect(g.outerHTML).toBe('<g style="font-family: var(--font-ui);"></g>');
    g.setAttribute('style', 'color: red; fill: blue');
    expect(g.style.fill).toBe('blue');
    g.removeAttribute('style');
    expect(g.hasAttribute('style')).toBe(false);
  });

  test('an xlink attribute is written with its prefix; a deep clone copies attributes, style and children', () => {
    const document = new MarkupDocument();
    const use = document.createElementNS(SVG, 'use');
    use.setAttributeNS('http://www.w3.org/1999/xlink', 'href', '#a');
    use.style.fill = 'red';
    use.append('label');
    const copy = use.cloneNode(true);
    expect(copy.outerHTML).toBe('<use xlink:href="#a" style="fill: red;">label</use>');
    expect(copy.childNodes[0]).not.toBe(use.childNodes[0]);
    expect(use.cloneNode().outerHTML).toBe('<use xlink:href="#a" style="fill: red;"></use>');
  });

  test('Plot draws a chart into it: axes with their ticks and labels, a line, a frame and its own style', () => {
    const document = new MarkupDocument();
    const chart = Plot.plot({
      document: document as unknown as Document,
      width: 400,
      height: 200,
      x: { domain: [0, 10], label: 'step' },
      y: { type: 'log', domain: [1e-3, 1], label: 'loss' },
      marks: [Plot.line([{ x: 0, y: 1 }, { x: 10, y: 1e-3 }], { x: 'x', y: 'y', stroke: 'var(--race-0)' }), Plot.frame()],
    }) as unknown as MarkupElement;
    const markup = chart.outerHTML;
    expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="plot-[0-9a-f]+" fill="currentColor"/);
    expect(markup).toContain('width="400" height="200" viewBox="0 0 400 200"');
    expect(markup).toMatch(/<style>:where\(\.plot-[0-9a-f]+\) \{/);
    // The log axis's ticks labelled at the powers of ten (Plot's SI prefixes), the axes' labels with their arrows.
    for (const tick of ['1m', '10m', '100m', '1']) expect(markup).toContain(`>${tick}</text>`);
    expect(markup).toContain('>↑ loss</text>');
    expect(markup).toContain('>step →</text>');
    expect(markup).toMatch(/<g aria-label="line" fill="none" stroke="var\(--race-0\)"[^>]*><path d="M[\d.,L-]+"><\/path><\/g>/);
    expect(markup).toMatch(/<rect aria-label="frame" fill="none" stroke="currentColor" x="40" y="20" width="340" height="150"><\/rect><\/svg>$/);
  });
});
