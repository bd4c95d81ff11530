// The anchors a built lesson page gives its headings, read from the lesson's MDX: Astro slugs each lesson's headings
// in order with github-slugger (a repeated heading gets `-1`, `-2`), so the same slugger over the same headings gives the
// same ids. The class report's links, the table of contents' exercise marks and the exercises' "Read:" links use it.

import GithubSlugger from 'github-slugger';

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Each heading of a lesson's MDX, outside fenced code, with its 1-based line and the id the built page gives it. */
export function headingAnchors(source: string): { line: number; depth: number; text: string; id: string }[] {
  const slugger = new GithubSlugger();
  const found: { line: number; depth: number; text: string; id: string }[] = [];
  let fenced = false;
  let frontmatter = source.startsWith('---');
  source.split(/\r?\n/).forEach((line, index) => {
    if (frontmatter) {
      if (index > 0 && line.trim() === '---') frontmatter = false;
      return;
    }
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced) return;
    const match = HEADING.exec(line);
    if (match) found.push({ line: index + 1, depth: match[1].length, text: match[2], id: slugger.slug(match[2]) });
  });
  return found;
}


/**
 * A heading's text as the built page shows it: its Markdown of inline code, emphasis and links dropped, and straight
 * quotes curled as the Markdown renderer's smartypants curls them (`Rosenblatt's` reads `Rosenblatt’s`).
 */
export function headingText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/(\S)'/g, '$1’')
    .replace(/'/g, '‘')
    .replace(/"(\S[^"]*)"/g, '“$1”')
    .trim();
}
