// Exercise text (prompts, hints, feedback, explanations) is Markdown with `$...$` math, written in
// the definitions rather than in a lesson, so the MDX pipeline never sees it. This renders it to
// HTML when the site is built, with KaTeX, so no math JavaScript reaches the reader.

import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeBlockSizes } from '../../markdown/rehype-block-sizes.ts';

const typeset = () =>
  unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    // A malformed formula in an exercise fails the build like one in a lesson (see markdownToHtml).
    .use(rehypeKatex, { strict: 'error' });
const processor = typeset().use(rehypeStringify);
// A prompt's paragraphs, lists and display math are skipped off-screen like a lesson's (site/styles/global.css), so
// its blocks carry the size of their text as the lesson's do.
const sizedProcessor = typeset().use(rehypeBlockSizes).use(rehypeStringify);

/**
 * Renders Markdown with math to HTML; `where` names the text in the error a malformed formula raises. With
 * `blockSizes`, each top-level paragraph, list and quotation carries the size of its text (rehype-block-sizes.ts).
 */
export function markdownToHtml(markdown: string, where: string, options: { blockSizes?: boolean } = {}): string {
  const file = (options.blockSizes ? sizedProcessor : processor).processSync(markdown);
  // rehype-katex reports a bad formula as a message on the file rather than throwing.
  const problem = file.messages.find((message) => message.source === 'rehype-katex');
  if (problem !== undefined) {
    const cause = problem.cause instanceof Error ? problem.cause.message : String(problem.reason);
    throw new Error(`Malformed math in ${where}: ${cause}`);
  }
  return String(file);
}

/** Renders one line of Markdown without its paragraph, for labels and list items. */
export function inlineMarkdownToHtml(markdown: string, where: string): string {
  return markdownToHtml(markdown, where).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
