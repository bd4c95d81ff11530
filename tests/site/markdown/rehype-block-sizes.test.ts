// Each top-level paragraph and list carries the size of its text, from which the stylesheet estimates the height it
// keeps while skipped off-screen (content-visibility): words count as they are, a formula as the glyphs KaTeX draws.
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { mathHeight, rehypeBlockSizes, visibleChars } from '../../../site/markdown/rehype-block-sizes.ts';

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

  test('display math carries the height KaTeX gives it, so a tall formula is not sized as a one-line one', () => {
    const display = (tex: string) => katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml' });
    const height = (tex: string) => mathHeight(fromHtml(display(tex), { fragment: true }) as never)!;
    // x: KaTeX's strut for one line of text, about 0.43em; a 3-row matrix is several times that.
    expect(height('x')).toBeCloseTo(0.4306, 3);
    expect(height('\\begin{pmatrix}1\\\\2\\\\3\\end{pmatrix}')).toBeGreaterThan(3);
    expect(height('\\frac{\\partial L}{\\partial w}')).toBeGreaterThan(height('x') * 3);
    expect(sized(display('\\frac{a}{b}'))).toMatch(/^<span class="katex-display" style="--cv-math:[\d.]+">/);
    // Math inside a paragraph is the paragraph's characters, not a height of its own.
    expect(sized(`<p>${katex.renderToString('x')}</p>`)).toMatch(/^<p style="--cv-chars:\d+;--cv-breaks:1">/);
    expect(mathHeight(fromHtml('<span class="katex-display"></span>', { fragment: true }) as never)).toBeUndefined();
  });
});
