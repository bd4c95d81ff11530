// Turns Pagefind's answers into the search box's options: one option per section that matched, so a result opens the
// exact place (the heading's anchor), best page first and at most a few sections per page.

/** A section of a page Pagefind matched: its heading's title, its address with the anchor, an excerpt with <mark>s. */
export interface PagefindSubResult {
  /** The heading's text. */
  title: string;
  /** The address of the page with the heading's anchor ("/lessons/deep-networks/#vanishing-gradients-sigmoid-and-tanh"). */
  url: string;
  /** The matching words in context, HTML-escaped by Pagefind, with the matches in <mark>. */
  excerpt: string;
  /** The heading's element, when the section starts at one (the page's top has none). */
  anchor?: { id: string; element: string };
  /** Each matched word's place and score (a word in a heading scores more than one in a paragraph). */
  weighted_locations?: { balanced_score: number }[];
}

/** A page Pagefind matched, as `result.data()` gives it. */
export interface PagefindPage {
  /** The page's address. */
  url: string;
  /** The matching words in context, HTML-escaped, with the matches in <mark>. */
  excerpt: string;
  /** The page's metadata: title, and the chapter for a lesson. */
  meta: { title?: string; chapter?: string };
  /** The sections of the page that matched, best first. */
  sub_results?: PagefindSubResult[];
}

/** One option of the search box's list. */
export interface SearchOption {
  /** Where the option goes: the page, with the section's anchor when it has one. */
  url: string;
  /** The section's heading, or the page's title when the match is above the first heading. */
  title: string;
  /** The page the section belongs to, with its chapter ("Chapter 8 · Deep networks"). */
  page: string;
  /** The excerpt, HTML with <mark> around the matched words and nothing else. */
  excerptHtml: string;
}

/** How many sections one page may contribute, so one long chapter does not push every other page off the list. */
export const SECTIONS_PER_PAGE = 3;

/** Keeps only <mark> and </mark> of an excerpt's tags: Pagefind escapes the text, and this makes sure no other markup gets through. */
export function safeExcerpt(excerpt: string): string {
  return excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
}

/** How well a section matches: the sum of its matched words' scores (Pagefind lists a page's sections in page order, not by this). */
export function sectionScore(section: PagefindSubResult): number {
  return (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
}

/** The options for a search: for each page (best first), its best matching sections with their anchors, or the page itself. */
export function searchOptions(pages: readonly PagefindPage[], limit = 8): SearchOption[] {
  const options: SearchOption[] = [];
  for (const page of pages) {
    const title = page.meta.title ?? page.url;
    const pageLabel = page.meta.chapter ? `${page.meta.chapter} · ${title}` : title;
    const sections = (page.sub_results ?? [])
      .filter((section) => section.anchor !== undefined)
      .map((section, order) => ({ section, order, score: sectionScore(section) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, SECTIONS_PER_PAGE)
      .map(({ section }) => section);
    if (sections.length === 0) options.push({ url: page.url, title, page: pageLabel, excerptHtml: safeExcerpt(page.excerpt) });
    for (const section of sections) options.push({ url: section.url, title: section.title, page: pageLabel, excerptHtml: safeExcerpt(section.excerpt) });
    if (options.length >= limit) break;
  }
  return options.slice(0, limit);
}
