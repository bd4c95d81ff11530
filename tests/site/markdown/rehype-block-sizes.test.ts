// Each top-level paragraph and list carries the size of its text, from which the stylesheet estimates the height it
// keeps while skipped off-screen (content-visibility): words count as they are, a formula as the glyphs KaTeX draws.
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { rehypeBlockSizes, visibleChars } from '../../../site/markdown/rehype-block-sizes.ts';

function sized(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeBlockSizes()(tree as never);
  return toHtml(tree);
}

describe('block sizes', () => {
  test('a paragraph gets its characters and one line of its own; a list one line per item', () => {
    expect(sized('<p>Hello   world</p>')).toBe('<p style="--cv-chars:11;--cv-breaks:1">Hello   world</p>');
    expect(sized('<ul><li>one</li><li>two</li><li>three</li></ul>')).toContain('style="--cv-chars:11;--cv-breaks:3"');
  });

  test('a formula counts as what KaTeX draws, not its MathML or TeX', () => {
    const formula = katex.renderToString('\\frac{\\partial L}{\\partial w_{ij}}', { output: 'htmlAndMathml' });
    const chars = visibleChars(fromHtml(`<p>${formula}</p>`, { fragment: true }) as never);
    // ∂, L, ∂, w, i, j, with no word of the annotation's TeX.
    expect(chars).toBeGreaterThanOrEqual(6);
    expect(chars).toBeLessThan(12);
  });

  test('only top-level blocks are sized, and a block keeps a style it had', () => {
    expect(sized('<div><p>inside</p></div>')).toBe('<div><p>inside</p></div>');
    expect(sized('<blockquote style="color:red"><p>a</p></blockquote>')).toContain('style="color:red;--cv-chars:1;--cv-breaks:1"');
    expect(sized('<pre>code</pre>')).toBe('<pre>code</pre>');
  });
});
