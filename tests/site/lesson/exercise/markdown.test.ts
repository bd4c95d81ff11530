import { expect, test } from 'vitest';
import { EXERCISES } from '../../../../exercises/index.ts';
import { inlineMarkdownToHtml, markdownToHtml } from '../../../../site/lesson/exercise/markdown-to-html.ts';
import { remarkExerciseIds } from '../../../../site/markdown/remark-exercise-ids.ts';
import type { VFile } from 'vfile';

test('a prompt\'s math is rendered to KaTeX HTML at build time', () => {
  const html = markdownToHtml('The update is $\\mathbf w + \\eta y \\mathbf x$.', 'a test');
  expect(html).toContain('class="katex"');
  expect(html).not.toContain('$');
});

test('a malformed formula in exercise text fails with where it is', () => {
  expect(() => markdownToHtml('broken $\\frac{1$', 'exercise "x", hint 2')).toThrow(/Malformed math in exercise "x", hint 2: KaTeX parse error/);
});

test('a prompt\'s blocks carry the size of their text when asked (they are skipped off-screen as a lesson\'s are); other text does not', () => {
  const prompt = markdownToHtml('Two words.\n\n$$\n\\frac{a}{b}\n$$\n\n- one\n- two\n', 'a test', { blockSizes: true });
  expect(prompt).toContain('<p style="--cv-chars:10;--cv-breaks:1">Two words.</p>');
  expect(prompt).toMatch(/<span class="katex-display" style="--cv-math:[\d.]+">/);
  // A list's characters count the line breaks between its items as spaces.
  expect(prompt).toContain('<ul style="--cv-chars:9;--cv-breaks:2">');
  expect(markdownToHtml('Two words.', 'a test')).toBe('<p>Two words.</p>');
  expect(inlineMarkdownToHtml('Two words.', 'a test')).toBe('Two words.');
});

test('inline text loses its paragraph but keeps code spans', () => {
  expect(inlineMarkdownToHtml('use `<= 0`', 'a test')).toBe('use <code>&#x3C;= 0</code>');
});

test('every exercise\'s prompt, hints and explanation render without a math error', () => {
  for (const exercise of EXERCISES) {
    for (const text of [exercise.prompt, exercise.explanation, ...exercise.hints]) expect(() => markdownToHtml(text, exercise.id)).not.toThrow();
  }
});

function exerciseTag(id: unknown, line: number) {
  return {
    type: 'mdxJsxFlowElement',
    name: 'Exercise',
    attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
    position: { start: { line, column: 1 } },
  };
}

test('an Exercise tag naming no exercise fails with the file, the line and the id', () => {
  const tree = { type: 'root', children: [exerciseTag('perceptron-update', 3), exerciseTag('no-such-thing', 9)] };
  const run = () => remarkExerciseIds({ ids: ['perceptron-update'] })(tree, { path: 'lessons/01-x.mdx' } as VFile);
  expect(run).toThrow(/lessons\/01-x\.mdx:9:1: <Exercise id="no-such-thing"> names no exercise/);
});

test('Exercise tags naming known exercises pass', () => {
  const tree = { type: 'root', children: [exerciseTag('perceptron-update', 3)] };
  expect(() => remarkExerciseIds()(tree, { path: 'lessons/01-x.mdx' } as VFile)).not.toThrow();
});
