// Every section heading of a lesson gets a link to itself beside it: read once by a screen reader, named for its
// section, and left out of the search index.
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { addHeadingAnchors, anchorPageHeadings, headingText } from '../../../site/markdown/rehype-heading-anchors.ts';

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

describe('heading links on a page written as an .astro file', () => {
  test('the section headings of <main> get their links; a component’s, the navigation’s and the header’s do not', () => {
    const page =
      '<!doctype html><html><head><title>t</title></head><body><header><h2 id="site">Site</h2></header><main id="main">' +
      '<h2 id="symbols">Symbols</h2><nav><h2 id="toc">Contents</h2></nav>' +
      '<progress-panel role="region"><h2 id="panel-title">Your progress</h2></progress-panel>' +
      '<section class="widget"><h3 id="w">Widget</h3></section><h3 id="glossary">Glossary</h3></main></body></html>';
    const html = anchorPageHeadings(page);
    expect(html.match(/class="heading-anchor"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Link to section: Symbols"');
    expect(html).toContain('aria-label="Link to section: Glossary"');
    expect(html).toContain('<div class="heading-anchored heading-anchored-page"><h2 id="symbols">');
    // What lies outside <main> is untouched, byte for byte.
    expect(html.startsWith('<!doctype html><html><head><title>t</title></head><body><header><h2 id="site">Site</h2></header><main id="main">')).toBe(true);
    expect(html.endsWith('</main></body></html>')).toBe(true);
  });

  test('a page with nothing to link is returned as it was', () => {
    const page = '<html><body><main><h2>No id</h2><p>a &amp; b</p></main></body></html>';
    expect(anchorPageHeadings(page)).toBe(page);
    expect(anchorPageHeadings('<p>no main</p>')).toBe('<p>no main</p>');
  });
});
