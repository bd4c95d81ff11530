// Every section heading of a page written in markdown (h2 and h3, which have ids) gets a link to itself, so a reader
// can copy the address of a section. The link sits beside the heading, not inside it: a screen reader reads the
// heading once, then a link named "Link to section: <title>"; its visible "#" is hidden from the accessibility tree
// and shown on hover or focus (site/styles/global.css, `.heading-anchored`). The search index leaves it out.
//
// The ids come from Astro's rehypeHeadingIds, which astro.config.mjs runs first. Pages written as .astro files (the
// notation, the authoring guide, the cell reference, the exercises page) get the same links from the site's
// middleware (site/middleware.ts), which runs `anchorPageHeadings` over each page's <main> when the site is built;
// a component's own heading (inside a widget, an exercise, a custom element, a navigation) is left to it.

import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { HastNode } from './hast-node.ts';

/** The heading levels that get a link. */
const LINKED = new Set(['h2', 'h3']);

/** The class of the element holding a heading and its link. */
export const HEADING_ANCHORED_CLASS = 'heading-anchored';
/** The class of a heading's link to itself. */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

function hidden(node: HastNode): boolean {
  const value = node.properties?.ariaHidden;
  return value === true || value === 'true';
}

/** A heading's text as a reader hears it: parts hidden from assistive technology (KaTeX's glyph copy) are skipped. */
export function headingText(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (hidden(node)) return '';
  // KaTeX's MathML reads as its annotation's LaTeX in text form; its visible copy is aria-hidden.
  if (node.tagName === 'annotation') return '';
  return (node.children ?? []).map(headingText).join('');
}

/** The link a heading with this id and text gets. */
export function anchorFor(id: string, text: string): HastNode {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: [HEADING_ANCHOR_CLASS], href: `#${id}`, ariaLabel: `Link to section: ${text.replace(/\s+/g, ' ').trim()}`, dataPagefindIgnore: '' },
    children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
  };
}

function isLinkedHeading(node: HastNode): boolean {
  return node.type === 'element' && LINKED.has(node.tagName ?? '') && typeof node.properties?.id === 'string' && node.properties.id !== '';
}

/** Whether a subtree belongs to a component or the page's chrome, whose headings are its own (a page's, not a lesson's). */
function isComponent(node: HastNode): boolean {
  if (node.type !== 'element') return false;
  const tag = node.tagName ?? '';
  const role = node.properties?.role;
  const classes = (node.properties?.className as string[] | undefined) ?? [];
  return tag.includes('-') || ['nav', 'header', 'aside', 'footer', 'template'].includes(tag) || role === 'region' || role === 'group' || role === 'dialog' || classes.includes('widget');
}

/**
 * Wraps every h2 and h3 that has an id with its link, in place; a heading already wrapped is left as it is. With
 * `skipComponents`, headings inside a component (see isComponent) are left alone.
 */
export function addHeadingAnchors(tree: HastNode, options: { skipComponents?: boolean; extraClass?: string } = {}): number {
  let count = 0;
  const visit = (parent: HastNode): void => {
    const children = parent.children;
    if (!children) return;
    if (options.skipComponents && isComponent(parent)) return;
    const anchored = parent.type === 'element' && ((parent.properties?.className as string[] | undefined) ?? []).includes(HEADING_ANCHORED_CLASS);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!anchored && isLinkedHeading(child)) {
        children[i] = {
          type: 'element',
          tagName: 'div',
          properties: { className: [HEADING_ANCHORED_CLASS, `${HEADING_ANCHORED_CLASS}-${options.extraClass ?? child.tagName}`] },
          children: [child, anchorFor(String(child.properties?.id), headingText(child))],
        };
        count += 1;
      } else if (!anchored) visit(child);
    }
  };
  visit(tree);
  return count;
}

/**
 * A built page's HTML with the links added to the section headings of its <main> that have none (a page written as
 * an .astro file); component headings are left alone. The page is returned as it was when there is nothing to add.
 * Such a heading keeps its page's own spacing: its holder only puts the link beside it (`heading-anchored-page`).
 */
export function anchorPageHeadings(html: string): string {
  const open = /<main\b[^>]*>/.exec(html);
  const close = html.lastIndexOf('</main>');
  if (open === null || close < open.index) return html;
  const start = open.index + open[0].length;
  const inner = html.slice(start, close);
  if (!/<h[23]\b[^>]*\sid=/.test(inner)) return html;
  const tree = fromHtml(inner, { fragment: true }) as unknown as HastNode;
  if (addHeadingAnchors(tree, { skipComponents: true, extraClass: 'page' }) === 0) return html;
  return html.slice(0, start) + toHtml(tree as never) + html.slice(close);
}

/** The rehype plugin: adds the links to the headings of a page written in markdown. */
export function rehypeHeadingAnchors() {
  return (tree: HastNode): void => {
    addHeadingAnchors(tree);
  };
}
