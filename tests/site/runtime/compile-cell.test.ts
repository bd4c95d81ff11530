import { describe, expect, test } from 'vitest';
import { CellSyntaxError } from '../../../site/runtime/cell-error.ts';
import { compileCell } from '../../../site/runtime/compile-cell.ts';

function syntaxError(run: () => unknown): CellSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof CellSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('compileCell', () => {
  test('the script names itself after the run so stack frames can be traced', () => {
    const compiled = compileCell('1 + 1', { lang: 'js', runId: 7 });
    expect(compiled.script).toMatch(/\/\/# sourceURL=cell-7\.js$/);
    expect(compiled.script.split('\n')[1]).toBe('return (1 + 1)');
  });

  test('TypeScript types are stripped and the cell still shares its names', () => {
    const compiled = compileCell('interface P { w: number }\nconst p: P = { w: 1 };\np.w as number', { lang: 'ts', runId: 1 });
    expect(compiled.defines).toEqual(['p']);
    expect(compiled.script).not.toMatch(/interface|: P/);
  });

  test('a TypeScript syntax error points at the line and column the reader wrote', () => {
    const error = syntaxError(() => compileCell('const a: number = 1;\nlet b = (a;', { lang: 'ts', runId: 1 }));
    expect(error.line).toBe(2);
    expect(error.column).toBe(11);
  });

  test('a JavaScript syntax error points at its line', () => {
    const error = syntaxError(() => compileCell('let x = 1;\n\nx = = 2;', { lang: 'js', runId: 1 }));
    expect(error.line).toBe(3);
  });

  test('a strict-mode error is a syntax error at compile time, not a surprise at run time', () => {
    const error = syntaxError(() => compileCell('with (Math) { PI }', { lang: 'js', runId: 1 }));
    expect(error.line).toBe(1);
  });

  test('locate maps script positions back to cell positions through the TypeScript strip', () => {
    const code = 'const n: number = 3;\nconst m: Map<string, number> = new Map(); undefinedName.call();';
    const compiled = compileCell(code, { lang: 'ts', runId: 2 });
    const scriptLines = compiled.script.split('\n');
    const line = scriptLines.findIndex((text) => text.includes('undefinedName')) + 1;
    const column = scriptLines[line - 1].indexOf('undefinedName') + 1;
    expect(compiled.locate(line, column)).toEqual({ line: 2, column: code.split('\n')[1].indexOf('undefinedName') + 1 });
  });

  test('positions in the prologue belong to no line of the cell', () => {
    expect(compileCell('1', { lang: 'js', runId: 1 }).locate(1, 5)).toBeUndefined();
  });

  test('scope names must be plain identifiers', () => {
    expect(() => compileCell('1', { lang: 'js', runId: 1, scopeNames: ['a b'] })).toThrow(CellSyntaxError);
  });

  test('a syntax error only the engine finds is placed at the start of its statement', () => {
    const code = 'const a = 1;\nfunction f(x: number) {\n  delete x;\n}\nlet b = 010;';
    const compiled = compileCell(code, { lang: 'ts', runId: 3 });
    const compile = (script: string): unknown => (0, eval)(script);
    let thrown: unknown;
    try {
      compile(compiled.script);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SyntaxError);
    const placed = compiled.placeSyntaxError(thrown, compile);
    expect(placed).toBeInstanceOf(CellSyntaxError);
    expect(placed).toMatchObject({ message: (thrown as Error).message, line: 2, column: 1 });
    // Anything but a syntax error passes through.
    const other = new TypeError('no');
    expect(compiled.placeSyntaxError(other, compile)).toBe(other);
  });
});
