// Every section heading of a page written in markdown (h2 and h3, which have ids) gets a link to itself, so a reader
// can copy the address of a section. The link sits beside the heading, not inside it: a screen reader reads the
// heading once, then a link named "Link to section: <title>"; its visible "#" is hidden from the accessibility tree
// and shown on hover or focus (site/styles/global.css, `.heading-anchored`). The search index leaves it out.
//
// The ids come from Astro's rehypeHeadingIds, which astro.config.mjs runs first.

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

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

/** Wraps every h2 and h3 that has an id with its link, in place; a heading already wrapped is left as it is. */
export function addHeadingAnchors(tree: HastNode): void {
  const visit = (parent: HastNode): void => {
    const children = parent.children;
    if (!children) return;
    const anchored = parent.type === 'element' && ((parent.properties?.className as string[] | undefined) ?? []).includes(HEADING_ANCHORED_CLASS);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!anchored && isLinkedHeading(child)) {
        children[i] = {
          type: 'element',
          tagName: 'div',
          properties: { className: [HEADING_ANCHORED_CLASS, `${HEADING_ANCHORED_CLASS}-${child.tagName}`] },
          children: [child, anchorFor(String(child.properties?.id), headingText(child))],
        };
      } else if (!anchored) visit(child);
    }
  };
  visit(tree);
}

/** The rehype plugin: adds the links to the headings of a page written in markdown. */
export function rehypeHeadingAnchors() {
  return (tree: HastNode): void => addHeadingAnchors(tree);
}
