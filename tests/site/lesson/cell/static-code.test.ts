import { describe, expect, test } from 'vitest';
import { highlightedLines, staticCodeHtml } from '../../../../site/lesson/cell/static-code.ts';
import { codeFromHtml } from '../../../../site/lesson/cell/code-from-html.ts';

const textOf = (html: string) => codeFromHtml(`<pre>${html}</pre>`) ?? '';

describe('the static code the build writes for a cell or an exercise', () => {
  const code = 'const x = 1; // one\n/* a comment\n   over two lines */\nfunction f(a: number): string {\n  return `${a} < 2 & "ok"`;\n}\n';

  test('has one highlighted line per line of code, each with exactly that line\'s text', () => {
    const lines = highlightedLines(code, 'ts');
    expect(lines.map(textOf)).toEqual(code.split('\n'));
  });

  test('gives tokens the classes the editor gives them', () => {
    const [first, second, third, fourth] = highlightedLines(code, 'ts');
    expect(first).toContain('<span class="tok-keyword">const</span>');
    expect(first).toContain('<span class="tok-definition">x</span>');
    expect(first).toContain('<span class="tok-number">1</span>');
    expect(first).toContain('<span class="tok-comment">// one</span>');
    // A comment over two lines is split at the line break, each part still a comment.
    expect(second).toBe('<span class="tok-comment">/* a comment</span>');
    expect(third).toBe('<span class="tok-comment">   over two lines */</span>');
    expect(fourth).toContain('<span class="tok-type">number</span>');
  });

  test('escapes the code\'s own markup characters', () => {
    const html = highlightedLines('const s = "<b>&</b>";', 'js').join('');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  test('reads TypeScript only as TypeScript: a type annotation is a type in a ts cell', () => {
    expect(highlightedLines('let n: number = 1;', 'ts')[0]).toContain('<span class="tok-type">number</span>');
  });

  test('is a focusable text box labelled as the editor is, with numbered lines the screen reader skips', () => {
    const html = staticCodeHtml('a\n\nb', 'js', 'Code of "the" cell');
    expect(html).toMatch(/^<div class="code-static" tabindex="0" role="textbox" aria-multiline="true" aria-label="Code of &quot;the&quot; cell"/);
    expect(html.match(/<span class="code-number" aria-hidden="true">\d+<\/span>/g)).toHaveLength(3);
    // An empty line keeps its height, as the editor's does.
    expect(html).toContain('<span class="code-text"><br></span>');
  });

  test('carries its lines and characters, for the height it keeps while skipped off-screen (code.css)', () => {
    // Three lines; the characters leave the line breaks out.
    expect(staticCodeHtml('ab\n\ncde', 'js', 'c')).toContain('data-lines="3" style="--cv-lines:3;--cv-chars:5"');
  });
});
