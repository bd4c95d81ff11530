// How much text each of a lesson's top-level text blocks holds, for the height the browser gives it while it is
// skipped off-screen (content-visibility: auto in site/styles/global.css).
//
// A skipped block is as tall as its contain-intrinsic-size until it is first rendered. A fixed guess (6rem) is too
// short for a long paragraph, and a script that asks for positions inside a block still skipped (an accessibility
// checker, a search that scrolls) gets them laid out past the block's end, over the blocks below: a link of a long
// paragraph then covers the next widget's buttons. Each paragraph and list gets `--cv-chars` (its visible characters:
// words, and math as the glyphs KaTeX draws, not its MathML or TeX) and `--cv-breaks` (its list items, or 1), from which
// the stylesheet estimates its lines at the reader's column width, erring on the tall side. Display math gets
// `--cv-math`: the height KaTeX gives it, in ems (its struts' tallest), so a tall matrix or fraction is not given the
// 6rem a one-line formula fits in.

import type { HastNode } from './hast-node.ts';

const BLOCKS = new Set(['p', 'ul', 'ol', 'blockquote']);

function classesOf(node: HastNode): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The characters a reader sees in `node`: text, with a formula counted by what KaTeX draws (its MathML is skipped). */
export function visibleChars(node: HastNode): number {
  if (node.type === 'text') return (node.value ?? '').replace(/\s+/g, ' ').length;
  if (node.type === 'element' && classesOf(node).includes('katex-mathml')) return 0;
  return (node.children ?? []).reduce((sum, child) => sum + visibleChars(child), 0);
}

/** The list items (or 1) in `node`: each starts a line of its own. */
function breaksOf(node: HastNode): number {
  let items = 0;
  const walk = (n: HastNode) => {
    if (n.type === 'element' && (n.tagName === 'li' || n.tagName === 'br')) items++;
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return Math.max(1, items);
}

/**
 * The height KaTeX gives a formula, in ems of its own size: the tallest of its struts (each line of a formula starts
 * with one, `height` its height plus its depth), or undefined where it has none.
 */
export function mathHeight(node: HastNode): number | undefined {
  let tallest: number | undefined;
  const walk = (n: HastNode) => {
    if (n.type === 'element' && classesOf(n).includes('katex-mathml')) return;
    if (n.type === 'element' && classesOf(n).includes('strut')) {
      const height = /(?:^|;)\s*height:\s*([\d.]+)em/.exec(String(n.properties?.style ?? ''));
      if (height !== null) tallest = Math.max(tallest ?? 0, Number(height[1]));
    }
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return tallest;
}

/**
 * The rehype plugin: sets `--cv-chars` and `--cv-breaks` on each top-level paragraph, list and quotation, and
 * `--cv-math` on each top-level display formula.
 */
export function rehypeBlockSizes() {
  return (tree: HastNode): void => {
    for (const node of tree.children ?? []) {
      if (node.type !== 'element') continue;
      const height = classesOf(node).includes('katex-display') ? mathHeight(node) : undefined;
      if (!BLOCKS.has(node.tagName ?? '') && height === undefined) continue;
      const style = height !== undefined ? `--cv-math:${height}` : `--cv-chars:${visibleChars(node)};--cv-breaks:${breaksOf(node)}`;
      const existing = node.properties?.style;
      node.properties = { ...node.properties, style: typeof existing === 'string' && existing !== '' ? `${existing};${style}` : style };
    }
  };
}
