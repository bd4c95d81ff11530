// The sucrase-based shareScope against the acorn-based one it replaced (share-scope-acorn.ts): for
// every cell of every lesson, for a list of awkward snippets, and for random programs built from
// them, both give the same body, the same names, or the same syntax error at the same place. `uses`
// may only grow: its contract is a superset of the names a cell reads.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CellSyntaxError } from '../../../site/runtime/cell-error.ts';
import { shareScope } from '../../../site/runtime/share-scope.ts';
import { stripTypes } from '../../../site/runtime/strip-types.ts';
import { shareScopeWithAcorn } from './share-scope-acorn.ts';

const root = join(import.meta.dirname, '../../..');

type Outcome =
  | { body: string; defines: string[]; functions: string[]; uses: string[] }
  | { error: string; line: number; column: number };

function outcome(run: () => { body: string; defines: string[]; functions: string[]; uses: string[] }): Outcome {
  try {
    const { body, defines, functions, uses } = run();
    return { body, defines, functions, uses };
  } catch (error) {
    if (!(error instanceof CellSyntaxError)) throw error;
    return { error: 'SyntaxError', line: error.line, column: error.column };
  }
}

// Both outcomes, with `uses` checked for the superset and then set aside.
function compare(code: string): { now: Outcome; before: Outcome } {
  const now = outcome(() => shareScope(code));
  const before = outcome(() => shareScopeWithAcorn(code));
  if ('uses' in now && 'uses' in before) {
    const missing = before.uses.filter((name) => !now.uses.includes(name));
    expect(missing, `uses of ${JSON.stringify(code)}`).toEqual([]);
    return { now: { ...now, uses: [] }, before: { ...before, uses: [] } };
  }
  return { now, before };
}

// A mistake left to the engine: compiling the body as the kernel does (strict, in an async function) throws.
function engineRefuses(body: string): boolean {
  try {
    (0, eval)(`(async function () {"use strict";\n${body}\n})`);
    return false;
  } catch (error) {
    return error instanceof SyntaxError;
  }
}

// Assigning to a call (`++f()`, `f() = 1`) is an early error to acorn; the engine throws a ReferenceError
// when the statement runs, at its line.
function callAssigned(code: string): boolean {
  try {
    shareScopeWithAcorn(code);
  } catch (error) {
    return error instanceof CellSyntaxError && error.message === 'Assigning to rvalue';
  }
  return false;
}

function lessonCells(): { name: string; code: string }[] {
  const cells: { name: string; code: string }[] = [];
  for (const file of readdirSync(join(root, 'lessons')).filter((name) => name.endsWith('.mdx'))) {
    const text = readFileSync(join(root, 'lessons', file), 'utf8');
    for (const match of text.matchAll(/<Cell\b[^>]*\bid="([^"]+)"[^>]*>\s*```(\w*)\n([\s\S]*?)```\s*<\/Cell>/g)) {
      const [, id, lang, code] = match;
      cells.push({ name: `${file} ${id}`, code: lang === 'js' ? code : stripTypes(code) });
    }
  }
  return cells;
}

// Statements that stress where a statement ends, what is declared, and what is a reference.
const SNIPPETS = [
  'const rate = 0.1;',
  'let {a, b: [c, ...d], e = 2} = f(), g;',
  'var [h, , i = j] = k',
  'let n',
  'class Net { static s = 1; #p = 2; get q() { return this.#p; } m() { return super.toString(); } }',
  'class Sub extends Net {}',
  'class Made { made = new.target; static { new.target; var own; } static make = () => new.target }',
  'function train(x, {y, z: w} = {}) { var inner = x; return inner + y + w; }',
  'async function load() { await null; }',
  'function* numbers() { yield 1; }',
  'export const k = 1;',
  'export function exported() {}',
  'export class Exported {}',
  'for (let t = 0; t < 3; t++) { const u = t; }',
  'for (var v of [1, 2]) {}',
  'for (const key in {a: 1}) key;',
  'if (rate) { var hoisted = 1 } else rate = 2',
  'while (false) break;',
  'do {} while (false)',
  'label: for (;;) { break label; }',
  'try { boom() } catch (err) { err } finally {}',
  'switch (rate) { case 1: { let inCase = 1; } default: }',
  '{ let blockOnly = 1; function blockFunction() {} }',
  'x * 3;',
  '({a: 1})',
  '"hello"',
  'model.forward(x, {rate: lr})',
  'obj?.deep?.[key]?.(arg)',
  'a\n(b)',
  'a\n++b',
  'c\n[0]',
  'tag`text ${value} and ${`nested ${deeper}`}`',
  '/regex[/]+/g.test(s)',
  'q = r / s / t',
  'const arrow = (p, q = p) => p + q, single = m => m * 2',
  'let asyncArrow = async (p) => { await p; }',
  // Sucrase would let an operator on the next line continue these; JavaScript starts a statement.
  'let asyncThenRegex = async (p) => { await p; }\n/re[/]+/g.test(s)',
  'asyncThenMinus = async () => {}\n-1',
  '-1',
  'const fnExpr = function named() { return named; }',
  'const clsExpr = class Named { m() { return Named; } }',
  'let objectMethods = { method() {}, get g() { return 1; }, [computed]: 1, shorthand, async am() {}, *gen() {} }',
  'new Thing(arg)',
  'new.target',
  'import.meta',
  'typeof undefinedName === "undefined"',
  'void 0',
  'await Promise.resolve(3)',
  'const v = await Promise.resolve(3);',
  'return rate',
  'if (rate) return 1',
  'const n1 = 1_000n, n2 = 0x1f, n3 = .5e3',
  'let {async, of, get, set} = names',
  'async + of',
  'let big = a ? b : c',
  'let inTemplate = `${a, b}`',
  'const seq = (a, b)',
  ';',
  '',
  '// a comment',
  '/* block */ rate',
] as const;

// Code acorn rejects, each with a reason; the new shareScope must reject it at the same place.
const INVALID = [
  'const a = 1;\nconst b = a +* 2;',
  'let x = 1;\n\nx = = 2;',
  'const a;',
  'const a = 1, b;',
  'let {a};',
  'let [a];',
  'let a = 1; let a = 2',
  'var a; let a',
  'let a; var a',
  'function f(){} function f(){}',
  'var f; function f(){}',
  'function f(){}; var f',
  'let a; { var a; }',
  'class C {}; let C',
  'let {a, a} = {}',
  'let a; for (var a of []) {}',
  'let e; try {} catch (e) { var e }',
  'let yield = 1',
  'let await = 1',
  'let static = 1',
  'let eval = 1',
  'class eval {}',
  'function arguments(){}',
  'let let = 1',
  '@dec class B {}',
  'with (Math) { PI }',
  'export default 1',
  'let rate = 1; export { rate }',
  'import x from "y";',
  'const m = await import("https://example.com/x.js");',
  'function g() { import("x") }',
  '{ export const inner = 1 }',
  'new.target',
  'a\n++\nb c',
  'let x = (1;',
  'if (',
  '`unterminated',
  'let f = async () => {} - 1',
  'g(async () => {}\n/re/g)',
  'x = async () => {}\n? a : b',
] as const;

describe('shareScope on sucrase against the acorn version', () => {
  test('every cell of every lesson gives the same body and names', () => {
    const cells = lessonCells();
    expect(cells.length).toBeGreaterThan(20);
    for (const cell of cells) {
      const { now, before } = compare(cell.code);
      expect(now, cell.name).toEqual(before);
    }
  });

  test('every snippet alone, and each as the last of two, gives the same body and names', () => {
    for (const snippet of SNIPPETS) {
      const alone = compare(snippet);
      expect(alone.now, snippet).toEqual(alone.before);
      const last = compare(`const before = 1;\n${snippet}`);
      expect(last.now, snippet).toEqual(last.before);
    }
  });

  test('invalid code is refused at the line and column acorn gave', () => {
    for (const code of INVALID) {
      const { now, before } = compare(code);
      expect(before, code).toHaveProperty('error');
      expect(now, code).toEqual(before);
    }
  });

  test('random programs of snippets, joined with or without semicolons and line breaks, agree', () => {
    const separator = fc.constantFrom(';\n', '\n', ';', ' ', '\n\n', ';;');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...SNIPPETS, ...INVALID), separator), { minLength: 1, maxLength: 6 }), (parts) => {
        const code = parts.map(([snippet, join]) => snippet + join).join('');
        const { now, before } = compare(code);
        // Acorn and sucrase may stop at different mistakes when there are several; a valid program must agree exactly.
        if (!('error' in before)) expect(now, code).toEqual(before);
        else if (!('error' in now)) expect(engineRefuses(now.body) || callAssigned(code), code).toBe(true);
      }),
      { numRuns: 1000, seed: 16 },
    );
  });
});
