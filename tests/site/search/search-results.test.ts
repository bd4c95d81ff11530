import { describe, expect, test } from 'vitest';
import { safeExcerpt, searchOptions, SECTIONS_PER_PAGE, type PagefindPage } from '../../../site/search/search-results.ts';
import { isTypingTarget } from '../../../site/search/typing-target.ts';

function section(id: string, excerpt = `about <mark>${id}</mark>`) {
  return { title: `Heading ${id}`, url: `/lessons/deep-networks/#${id}`, excerpt, anchor: { id, element: 'h2' } };
}

const deep: PagefindPage = {
  url: '/lessons/deep-networks/',
  excerpt: 'gradients that <mark>vanish</mark>',
  meta: { title: 'Deep networks', chapter: 'Chapter 8' },
  sub_results: [section('vanishing-gradients-sigmoid-and-tanh'), section('the-bound'), section('what-a-random-network-does'), section('initialisation')],
};

describe('search options', () => {
  test('each matching section is an option that opens the page at its heading, named with its chapter', () => {
    const [first] = searchOptions([deep]);
    expect(first).toEqual({
      url: '/lessons/deep-networks/#vanishing-gradients-sigmoid-and-tanh',
      title: 'Heading vanishing-gradients-sigmoid-and-tanh',
      page: 'Chapter 8 · Deep networks',
      excerptHtml: 'about <mark>vanishing-gradients-sigmoid-and-tanh</mark>',
    });
  });

  test('one page gives at most a few sections, so other pages still show, and the list has a limit', () => {
    const other: PagefindPage = { url: '/practice/', excerpt: 'x', meta: { title: 'Exercises' }, sub_results: [section('a'), section('b')] };
    const options = searchOptions([deep, other]);
    expect(options.filter((option) => option.page.endsWith('Deep networks'))).toHaveLength(SECTIONS_PER_PAGE);
    expect(options.map((option) => option.page).slice(SECTIONS_PER_PAGE)).toEqual(['Exercises', 'Exercises']);
    expect(searchOptions([deep, other, other, other], 4)).toHaveLength(4);
  });

  test('a page’s sections are ranked by the scores of their matched words, not by their order on the page', () => {
    const scored = (id: string, scores: number[]) => ({ ...section(id), weighted_locations: scores.map((balanced_score) => ({ balanced_score })) });
    const page: PagefindPage = { ...deep, sub_results: [scored('objectives', [512]), scored('vanishing', [18437]), scored('random', [512, 512]), scored('remember', [512])] };
    expect(searchOptions([page]).map((option) => option.url.split('#')[1])).toEqual(['vanishing', 'random', 'objectives']);
  });

  test('a page whose match has no heading above it is one option for the page itself', () => {
    const page: PagefindPage = { url: '/playground/', excerpt: 'the <mark>playground</mark>', meta: { title: 'Playground' }, sub_results: [{ title: 'Playground', url: '/playground/', excerpt: 'x' }] };
    expect(searchOptions([page])).toEqual([{ url: '/playground/', title: 'Playground', page: 'Playground', excerptHtml: 'the <mark>playground</mark>' }]);
  });

  test('an excerpt keeps its <mark>s and loses any other markup', () => {
    expect(safeExcerpt('a <mark>b</mark> <img src=x onerror=alert(1)> &lt;c&gt; <script>d</script>')).toBe('a <mark>b</mark>  &lt;c&gt; d');
  });
});

describe('the / shortcut', () => {
  const element = (tagName: string, editable = false, inEditor = false) => ({
    tagName,
    isContentEditable: editable,
    closest: (selector: string) => (inEditor && selector.includes('.cm-editor') ? {} : null),
  });

  test('is a character in inputs, text areas, selects and code editors', () => {
    expect(isTypingTarget(element('INPUT'))).toBe(true);
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(element('SELECT'))).toBe(true);
    expect(isTypingTarget(element('DIV', true))).toBe(true);
    expect(isTypingTarget(element('SPAN', false, true))).toBe(true);
  });

  test('is a character in a cell\'s static code, which becomes the editor on that key', () => {
    const inStaticCode = { tagName: 'SPAN', isContentEditable: false, closest: (selector: string) => (selector.split(', ').includes('.code-static') ? {} : null) };
    expect(isTypingTarget(inStaticCode)).toBe(true);
  });

  test('is the shortcut anywhere else', () => {
    expect(isTypingTarget(element('BODY'))).toBe(false);
    expect(isTypingTarget(element('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
