import { expect, test } from 'vitest';
import { getExercise } from '../../../../exercises/index.ts';
import type { NumericExercise } from '../../../../exercises/index.ts';
import { markdownToHtml } from '../../../../site/lesson/exercise/markdown-to-html.ts';
import { variantPlaceholders } from '../../../../site/lesson/exercise/variant-placeholders.ts';

const exercise = getExercise('two-two-one-by-hand') as NumericExercise;

test('the formulas are typeset when built and every number becomes a slot for the page to fill', () => {
  const html = variantPlaceholders(exercise, markdownToHtml(exercise.prompt, 'test'));
  expect(html).toContain('class="katex"');
  expect(html).not.toMatch(/\{\{\w+\}\}/);
  for (const name of ['x1', 'x2', 'y', 'w13', 'w23', 'w14', 'w24', 'w35', 'w45']) expect(html).toContain(`data-variant-number="${name}"`);
});

test('a placeholder naming no drawn number fails the build with the exercise and the name', () => {
  const wrong = { ...exercise, prompt: `${exercise.prompt} and {{w99}}` };
  expect(() => variantPlaceholders(wrong, markdownToHtml(wrong.prompt, 'test'))).toThrow(/exercise "two-two-one-by-hand", prompt: \{\{w99\}\} names no number/);
});

test('a placeholder inside math, which KaTeX would swallow, fails the build', () => {
  const wrong = { ...exercise, prompt: 'Take $x_1 = {{x1}}$.' };
  expect(() => variantPlaceholders(wrong, markdownToHtml(wrong.prompt, 'test'))).toThrow(/\{\{x1\}\} is inside math/);
});

test('each symbol and its number are kept on one line', () => {
  const html = variantPlaceholders(exercise, markdownToHtml(exercise.prompt, 'test'));
  const pairs = html.split('<span class="ex-given">').slice(1);
  expect(pairs).toHaveLength(9);
  for (const pair of pairs) expect(pair.startsWith('<span class="katex">')).toBe(true);
  // Every slot sits inside a pair, right after its symbol.
  expect(html.match(/<span class="ex-given"><span class="katex">[\s\S]*?<\/span> = <span class="ex-number" data-variant-number="\w+">…<\/span><\/span>/g)).toHaveLength(9);
});
