// A malformed formula fails the MDX compile with the formula's own line and column, KaTeX's reason and the
// formula, and nothing else (issue 9: the error named the `$$` line and Astro added `:undefined:undefined`).

import { describe, expect, test } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import { formulaPlace, rehypeStrictMath } from '../../../site/markdown/rehype-strict-math.ts';

/** Compiles MDX as the site does and returns the error it throws. */
async function compileError(source: string): Promise<Error & { line?: number; column?: number }> {
  const file = new VFile({ value: source, path: `${process.cwd()}/lessons/99-maths.mdx`, cwd: process.cwd() });
  try {
    await compile(file, { remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeStrictMath] });
  } catch (error) {
    return error as Error & { line?: number; column?: number };
  }
  throw new Error('the compile succeeded');
}

describe('malformed math', () => {
  test('a display formula spanning lines is located at its bad token, not at its $$ line', async () => {
    const error = await compileError(['## Maths', '', '$$', '\\hat y = 1', '  + \\badmacro{2}', '$$', ''].join('\n'));
    expect(error.message).toBe(
      ['Malformed math: KaTeX could not parse a formula.', 'lessons/99-maths.mdx:5:5: KaTeX parse error: Undefined control sequence: \\badmacro', '    \\hat y = 1', '      + \\badmacro{2}'].join('\n'),
    );
    expect({ line: error.line, column: error.column }).toEqual({ line: 5, column: 5 });
  });

  test('an inline formula is located at its bad token within the line, and every bad formula is listed', async () => {
    const error = await compileError(['Fine $x^2$ then $\\frac{1}{$ and', '', '$$', '\\sqrt{', '$$', ''].join('\n'));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Malformed math: KaTeX could not parse 2 formulas.');
    expect(lines.filter((line) => line.startsWith('lessons/'))).toEqual([
      "lessons/99-maths.mdx:1:27: KaTeX parse error: Unexpected end of input in a macro argument, expected '}'",
      "lessons/99-maths.mdx:4:7: KaTeX parse error: Expected '}', got 'EOF'",
    ]);
    expect({ line: error.line, column: error.column }).toEqual({ line: 1, column: 27 });
  });

  test('a display formula indented inside JSX is located in the file as written', async () => {
    const error = await compileError(['<div>', '  $$', '  a = 1', '  + \\oops', '  $$', '</div>', ''].join('\n'));
    expect(error.message).toMatch(/^lessons\/99-maths\.mdx:4:5: KaTeX parse error: Undefined control sequence: \\oops$/m);
  });

  test('the error carries no stack trace for Astro to print', async () => {
    const error = await compileError('$\\frac{$\n');
    expect(error.stack).toBeUndefined();
    expect(error.message).not.toMatch(/undefined|:0:0|\n\s+at /);
  });

  test('formulaPlace falls back to the node start when the formula is not found', () => {
    expect(formulaPlace('abc\n', { line: 1, column: 2 }, 'zzz', 1)).toEqual({ line: 1, column: 2 });
  });
});
