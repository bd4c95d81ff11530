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

  test('uses leaves out the words the parser first reads as names: import.meta, a function expression, an async arrow', () => {
    const { uses } = shareScope('const f = async (x) => x + base;\nconst url = import.meta.url;\nArray.prototype.m = function () {};');
    expect([...uses].sort()).toEqual(['Array', 'base', 'f', 'url', 'x']);
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

describe('shareScope keeps the errors its rewrite would hide', () => {
  function placeOf(code: string): { message: string; line: number; column: number } {
    try {
      shareScope(code);
    } catch (error) {
      if (error instanceof CellSyntaxError) return { message: error.message, line: error.line, column: error.column };
      throw error;
    }
    throw new Error(`expected a syntax error in ${code}`);
  }

  test('a top-level name declared twice is refused where it is declared again', () => {
    expect(placeOf('let a = 1;\nlet a = 2;')).toEqual({ message: "Identifier 'a' has already been declared", line: 2, column: 5 });
    expect(placeOf('const f = 1;\nfunction f() {}')).toMatchObject({ line: 2, column: 10 });
    expect(placeOf('let i = 0;\nfor (var i of []) {}')).toMatchObject({ line: 2, column: 10 });
    // A var in a function, and a let in a block, are their own.
    expect(shareScope('let a = 1;\nfunction g() { var a; }\n{ let a; }').defines).toEqual(['a', 'g']);
  });

  test('a const, or a pattern, without a value is refused after its name', () => {
    expect(placeOf('const rate;')).toEqual({ message: 'Missing initializer in const declaration', line: 1, column: 11 });
    expect(placeOf('let {a};')).toEqual({ message: 'Complex binding patterns require an initialization value', line: 1, column: 8 });
  });

  test('words strict code reserves are refused as names, with the word', () => {
    expect(placeOf('let let = 1')).toEqual({ message: "The keyword 'let' is reserved", line: 1, column: 5 });
    expect(placeOf('const eval = 1')).toEqual({ message: 'Binding eval in strict mode', line: 1, column: 7 });
    expect(placeOf('with (Math) { PI }')).toEqual({ message: "'with' in strict mode", line: 1, column: 1 });
  });

  test('decorators, nested imports and new.target outside a function are refused', () => {
    expect(placeOf('@sealed class A {}')).toMatchObject({ line: 1, column: 1 });
    expect(placeOf('if (x) {\n  export const y = 1;\n}')).toMatchObject({ line: 2, column: 3 });
    expect(placeOf('const f = () => new.target')).toMatchObject({ line: 1, column: 17 });
    expect(shareScope('function F() { return new.target; }').functions).toEqual(['F']);
    expect(shareScope('class C { made = new.target; static { new.target; } }').defines).toEqual(['C']);
    expect(placeOf('class C { static make = () => new.target; }\nnew.target')).toMatchObject({ line: 2, column: 1 });
  });

  test('the statements are listed where they are in the code, after any export', () => {
    expect(shareScope('export const a = 1;\nfunction f() {}\nf()').statements).toEqual([
      { start: 7, end: 19 },
      { start: 20, end: 35 },
      { start: 36, end: 39 },
    ]);
  });
});
