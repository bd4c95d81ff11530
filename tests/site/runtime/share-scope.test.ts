import { describe, expect, test } from 'vitest';
import { CellSyntaxError } from '../../../site/runtime/cell-error.ts';
import { shareScope } from '../../../site/runtime/share-scope.ts';

describe('shareScope', () => {
  test('a const becomes an assignment to a shared name and is listed as defined', () => {
    const result = shareScope('const rate = 0.1;');
    expect(result.body).toBe(';(rate = 0.1);');
    expect(result.defines).toEqual(['rate']);
  });

  test('destructuring declarations share every bound name', () => {
    const result = shareScope('let {a, b: [c, ...d], e = 2} = f(), g;');
    expect(result.defines).toEqual(['a', 'c', 'd', 'e', 'g']);
    expect(result.body).toBe(';({a, b: [c, ...d], e = 2} = f(), g = undefined);');
  });

  test('a class becomes an assignment of a class expression with the same name', () => {
    const result = shareScope('class Net {}\nnew Net()');
    expect(result.body).toBe(';Net = class Net {};\nreturn (new Net())');
    expect(result.defines).toEqual(['Net']);
  });

  test('a function declaration stays hoisted and is listed among functions', () => {
    const result = shareScope('train();\nfunction train() { return 1; }');
    expect(result.body).toBe('train();\nfunction train() { return 1; }');
    expect(result.functions).toEqual(['train']);
  });

  test('the last expression becomes the return value, without its semicolon', () => {
    expect(shareScope('const x = 2;\nx * 3;').body).toBe(';(x = 2);\nreturn (x * 3);');
    expect(shareScope('({a: 1})').body).toBe('return (({a: 1}))');
    // A lone string is a directive to the parser, but in a cell it is the value.
    expect(shareScope('"hello"').body).toBe('return ("hello")');
  });

  test('declarations inside blocks and functions are left alone', () => {
    const code = 'for (let i = 0; i < 3; i++) { const y = i; }\nfunction f() { let z = 1; return z; }';
    const result = shareScope(code);
    expect(result.defines).toEqual(['f']);
    expect(result.body).toBe(code);
  });

  test('top-level await is allowed', () => {
    expect(shareScope('const v = await Promise.resolve(3);').defines).toEqual(['v']);
  });

  test('uses lists referenced names but not property keys or member names', () => {
    const { uses } = shareScope('const y = model.forward(x, {rate: lr});');
    expect(uses).toEqual(expect.arrayContaining(['y', 'model', 'x', 'lr']));
    expect(uses).not.toContain('forward');
    expect(uses).not.toContain('rate');
  });

  test('an export keyword is dropped and the declaration still shared', () => {
    expect(shareScope('export const k = 1;').body).toBe(';(k = 1);');
  });

  test('imports are refused with a friendly message at their line', () => {
    try {
      shareScope('const a = 1;\nimport x from "y";');
      expect.unreachable('an import must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(CellSyntaxError);
      expect((error as CellSyntaxError).line).toBe(2);
      expect((error as CellSyntaxError).message).toMatch(/cannot import/);
    }
    expect(() => shareScope('const m = await import("https://example.com/x.js");')).toThrow(/cannot import/);
  });

  test('a syntax error reports its 1-based line and column', () => {
    try {
      shareScope('const a = 1;\nconst b = a +* 2;');
      expect.unreachable('the code is invalid');
    } catch (error) {
      expect(error).toBeInstanceOf(CellSyntaxError);
      expect({ line: (error as CellSyntaxError).line, column: (error as CellSyntaxError).column }).toEqual({ line: 2, column: 14 });
    }
  });

  test('toInput maps rewritten offsets back to the cell', () => {
    const code = 'const answer = 42;\nanswer.x.y';
    const result = shareScope(code);
    const at = result.body.indexOf('answer.x');
    expect(result.toInput(at)).toBe(code.indexOf('answer.x'));
  });
});
