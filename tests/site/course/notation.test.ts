import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SYMBOLS, TERMS, closestId, declaredIds } from '../../../site/course/notation.ts';
import { firstUses, notationUsesIn, type RenderedHeading } from '../../../site/course/notation-uses.ts';
import { isChapterFile, lessonIdFromFile } from '../../../site/course/lesson-files.ts';
import { markdownToHtml } from '../../../site/lesson/exercise/markdown-to-html.ts';
import { termProps } from '../../../site/lesson/term/props.ts';
import { symProps } from '../../../site/lesson/sym/props.ts';

const chapters = readdirSync('lessons').filter(isChapterFile).sort();
const lessons = chapters.map((file) => ({ id: lessonIdFromFile(file), file: `lessons/${file}`, source: readFileSync(`lessons/${file}`, 'utf8') }));
// The scan pairs the n-th heading line with the n-th rendered heading; for the course-wide checks a stand-in is enough.
const anyHeadings: RenderedHeading[] = Array.from({ length: 200 }, (_, index) => ({ depth: 2, slug: `h${index}`, text: `H${index}` }));
const uses = lessons.flatMap((lesson) => notationUsesIn(lesson, anyHeadings));

describe('the declarations', () => {
  test('ids are kebab-case and unique within their kind, and every entry has a meaning', () => {
    for (const kind of ['symbol', 'term'] as const) {
      const ids = declaredIds(kind);
      expect(new Set(ids).size, `${kind} ids repeat`).toBe(ids.length);
      for (const id of ids) expect(id, kind).toMatch(/^[a-zA-Z0-9]+(-[a-z0-9]+)*$/);
    }
    for (const symbol of SYMBOLS) expect(symbol.meaning.length, symbol.id).toBeGreaterThan(10);
    for (const term of TERMS) expect(term.definition.length, term.id).toBeGreaterThan(10);
  });

  test('every text field typesets: its math is valid KaTeX and its code spans close', () => {
    for (const symbol of SYMBOLS) {
      for (const text of [`$${symbol.tex}$`, symbol.meaning, symbol.shape, symbol.pytorch, symbol.notes]) {
        if (text === undefined) continue;
        expect(() => markdownToHtml(text, `symbol ${symbol.id}`)).not.toThrow();
        expect(text.split('$').length % 2, `unbalanced $ in symbol ${symbol.id}: ${text}`).toBe(1);
        expect(text.split('`').length % 2, `unbalanced \` in symbol ${symbol.id}: ${text}`).toBe(1);
      }
    }
    for (const term of TERMS) {
      for (const text of [term.definition, term.pytorch, term.notes]) {
        if (text === undefined) continue;
        expect(() => markdownToHtml(text, `term ${term.id}`)).not.toThrow();
        expect(text.split('$').length % 2, `unbalanced $ in term ${term.id}: ${text}`).toBe(1);
      }
    }
  });
});

describe('the lessons and the declarations agree', () => {
  test('every reference in a chapter names a declared symbol or term', () => {
    const symbols = new Set(declaredIds('symbol'));
    const terms = new Set(declaredIds('term'));
    const undeclared = uses.filter((use) => !(use.kind === 'symbol' ? symbols : terms).has(use.id)).map((use) => `${use.file}:${use.line} ${use.kind} ${use.id}`);
    expect(undeclared).toEqual([]);
  });

  test('every declared symbol and term is referenced by a chapter, so /notation/ can name the section that introduces it', () => {
    const first = firstUses(uses);
    const unused = [...SYMBOLS.map((s) => `symbol:${s.id}`), ...TERMS.map((t) => `term:${t.id}`)].filter((key) => !first.has(key));
    expect(unused).toEqual([]);
  });
});

describe('notationUsesIn', () => {
  const headings: RenderedHeading[] = [
    { depth: 2, slug: 'the-chain-rule', text: 'The chain rule' },
    { depth: 3, slug: 'one-variable', text: 'One variable' },
  ];

  test('finds each tag with its line and the section it stands in, skipping fenced code, comments and the frontmatter', () => {
    const source = [
      '---',
      'title: <Term id="in-frontmatter">',
      '---',
      'Intro <Term id="before">x</Term>.',
      '## The chain rule',
      'The <Sym id="eta">$\\eta$</Sym> and <Term id=\'epoch\'>epochs</Term>.',
      '```mdx',
      '## Not a heading',
      '<Term id="in-fence">x</Term>',
      '```',
      '{/* <Term id="commented">x</Term> */}',
      '### One variable',
      '<Sym id="bar" />',
    ].join('\n');
    const found = notationUsesIn({ id: 'backprop', file: 'lessons/05-backprop.mdx', source }, headings);
    expect(found.map((use) => [use.kind, use.id, use.line, use.section?.slug])).toEqual([
      ['term', 'before', 4, undefined],
      ['symbol', 'eta', 6, 'the-chain-rule'],
      ['term', 'epoch', 6, 'the-chain-rule'],
      ['symbol', 'bar', 13, 'one-variable'],
    ]);
  });

  test('the first use in course order is the introduction', () => {
    const early = notationUsesIn({ id: 'a', file: 'lessons/01-a.mdx', source: '## The chain rule\n<Term id="epoch">e</Term>' }, headings);
    const late = notationUsesIn({ id: 'b', file: 'lessons/02-b.mdx', source: '<Term id="epoch">e</Term>' }, []);
    expect(firstUses([...early, ...late]).get('term:epoch')).toMatchObject({ lesson: 'a', section: { slug: 'the-chain-rule' } });
    expect(firstUses([...late, ...early]).get('term:epoch')).toMatchObject({ lesson: 'b', section: undefined });
  });
});

describe('a reference to an undeclared entry', () => {
  test('fails the props check, naming where the entries are declared and the closest one', () => {
    const term = termProps.safeParse({ id: 'epohc' });
    expect(term.success).toBe(false);
    expect(term.error?.issues[0].message).toBe('must be a term declared in site/course/notation.ts; did you mean "epoch"?');
    const symbol = symProps.safeParse({ id: 'zeta-prime-prime' });
    expect(symbol.success).toBe(false);
    expect(symbol.error?.issues[0].message).toBe('must be a symbol declared in site/course/notation.ts');
    expect(termProps.safeParse({ id: 'epoch' }).success).toBe(true);
    expect(symProps.safeParse({ id: 'eta', extra: 1 }).success).toBe(false);
  });

  test('closestId suggests only a near miss', () => {
    expect(closestId('learning-rat', declaredIds('term'))).toBe('learning-rate');
    expect(closestId('banana', declaredIds('term'))).toBeUndefined();
  });
});
