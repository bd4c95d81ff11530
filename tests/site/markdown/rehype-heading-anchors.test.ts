// Every section heading of a lesson gets a link to itself beside it: read once by a screen reader, named for its
// section, and left out of the search index.
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { addHeadingAnchors, headingText } from '../../../site/markdown/rehype-heading-anchors.ts';

function anchored(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  addHeadingAnchors(tree as never);
  return toHtml(tree);
}

describe('heading links', () => {
  test('an h2 and an h3 with ids are wrapped with a link to themselves, named for the section', () => {
    expect(anchored('<h2 id="chain-rule">The chain rule</h2><p>text</p><h3 id="a-b">A &amp; B</h3>')).toBe(
      '<div class="heading-anchored heading-anchored-h2"><h2 id="chain-rule">The chain rule</h2>' +
        '<a class="heading-anchor" href="#chain-rule" aria-label="Link to section: The chain rule" data-pagefind-ignore=""><span aria-hidden="true">#</span></a></div>' +
        '<p>text</p>' +
        '<div class="heading-anchored heading-anchored-h3"><h3 id="a-b">A &#x26; B</h3>' +
        '<a class="heading-anchor" href="#a-b" aria-label="Link to section: A &#x26; B" data-pagefind-ignore=""><span aria-hidden="true">#</span></a></div>',
    );
  });

  test('the link is beside the heading, not inside it, so the heading reads once', () => {
    const html = anchored('<h2 id="x">Title</h2>');
    expect(html).toMatch(/<h2 id="x">Title<\/h2><a /);
  });

  test('headings without an id, h1 and h4 are left alone, and a second pass changes nothing', () => {
    const plain = '<h1 id="top">Top</h1><h2>No id</h2><h4 id="deep">Deep</h4>';
    expect(anchored(plain)).toBe(plain);
    const once = anchored('<h2 id="x">Title</h2>');
    expect(anchored(once)).toBe(once);
  });

  test('a heading with math is named by what a reader hears, not by KaTeX’s hidden glyph copy', () => {
    const tree = fromHtml('<h2 id="s">The <span class="katex"><span class="katex-mathml"><math><semantics><mi>σ</mi><annotation encoding="application/x-tex">\\sigma</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">σσ</span></span> curve</h2>', { fragment: true });
    expect(headingText(tree.children[0] as never)).toBe('The σ curve');
  });
});
