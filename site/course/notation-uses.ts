// Where the lessons reference the notation: every `<Sym id>` and `<Term id>` in a lesson's MDX, with the section it
// stands in. /notation/ names, for each entry, the first of them in course order as the section that introduces it, so
// the page follows the lessons rather than a hand-kept list.

import type { LessonSource } from './exercise-placement.ts';

/** One heading of a lesson as the build renders it: its depth, anchor and text, in page order. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** One reference to a symbol or term. */
export interface NotationUse {
  kind: 'symbol' | 'term';
  /** The id named. */
  id: string;
  /** The lesson it is in, its file and the 1-based line of the tag. */
  lesson: string;
  file: string;
  line: number;
  /** The section it stands in: the heading before it (none before the first heading). */
  section?: { slug: string; text: string };
}

const TAG = /<(Sym|Term)\b[^>]*?\bid\s*=\s*(["'])([^"']*)\2/g;
const FENCE = /^\s*(```|~~~)/;
const HEADING = /^#{1,6}\s/;
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;

/**
 * Every reference in a lesson, in the order written. `headings` are the lesson's rendered headings (Astro's `render`),
 * which follow the source's Markdown headings one for one; the n-th heading line of the source is the n-th of them.
 * Tags in fenced code and in MDX comments are not on the page, so they are not references.
 */
export function notationUsesIn(lesson: LessonSource, headings: readonly RenderedHeading[]): NotationUse[] {
  const uses: NotationUse[] = [];
  let fenced = false;
  let headingCount = 0;
  const text = lesson.source.replace(MDX_COMMENT, (comment) => comment.replace(/[^\r\n]/g, ' '));
  const body = text.startsWith('---') ? text.replace(/^---[\s\S]*?\n---/, (front) => front.replace(/[^\r\n]/g, ' ')) : text;
  body.split(/\r?\n/).forEach((line, index) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (HEADING.test(line)) headingCount++;
    const heading = headingCount > 0 ? headings[headingCount - 1] : undefined;
    for (const match of line.matchAll(TAG)) {
      uses.push({
        kind: match[1] === 'Sym' ? 'symbol' : 'term',
        id: match[3],
        lesson: lesson.id,
        file: lesson.file,
        line: index + 1,
        section: heading === undefined ? undefined : { slug: heading.slug, text: heading.text },
      });
    }
  });
  return uses;
}

/** The first use of each entry, keyed `symbol:eta` / `term:epoch`, over lessons given in course order. */
export function firstUses(usesInCourseOrder: readonly NotationUse[]): Map<string, NotationUse> {
  const first = new Map<string, NotationUse>();
  for (const use of usesInCourseOrder) {
    const key = `${use.kind}:${use.id}`;
    if (!first.has(key)) first.set(key, use);
  }
  return first;
}

/** An entry as the notation page has prepared it: every text already typeset to HTML. */
export interface NotationEntryView {
  anchor: string;
  /** The symbol typeset, or the term in a <dfn>. */
  head: string;
  kind: 'symbol' | 'term';
  meaning: string;
  facts: { label: string; html: string }[];
  /** The section that introduces it, or undefined when no chapter of this course references it. */
  introduced: { href: string; chapter: string; section: string | undefined } | undefined;
}
