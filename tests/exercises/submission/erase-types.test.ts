// The type eraser against sucrase's full transform (its oracle): on every cell of every lesson, every exercise's
// starter, solution and known-wrong solutions, and hand-written TypeScript for each construct it blanks, the eraser's
// JavaScript reads as the same tokens as sucrase's and, run, gives the same value; every character that remains is
// where it was in the source. What needs code generated is refused with a message naming the line, in both compilers.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizer } from 'acorn';
import { transform } from 'sucrase';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { EXERCISES } from '../../../exercises/index.ts';
import { compileSource } from '../../../exercises/submission/compile.ts';
import { ERASE_MESSAGES, eraseTypes, EraseTypesError } from '../../../exercises/submission/erase-types.ts';
import { CellSyntaxError } from '../../../site/runtime/cell-error.ts';
import { compileCell } from '../../../site/runtime/compile-cell.ts';

const root = join(import.meta.dirname, '../../..');

/** Sucrase's transform as the site and the CLI called it before the eraser. */
function sucrase(source: string): string {
  return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
}

/** The JavaScript tokens of a program, as "type text" strings: whitespace, comments and positions left out. */
function jsTokens(code: string): string[] {
  const options = { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true } as const;
  return [...tokenizer(code, options)].map((token) => `${token.type.label} ${code.slice(token.start, token.end)}`);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Checks that `out` keeps every position of `source`: the same length, line breaks in the same places, and each other
 * character either the source's own or a space, but for a `(` or `)` moved next to its arrow (the source's own paren
 * then blank, so there are as many of each) and a `;` that takes the place of a blanked statement.
 */
function expectPositionsKept(source: string, out: string): void {
  expect(out.length).toBe(source.length);
  const lines = (text: string): number[] => text.split(/\r\n|[\n\r\u2028\u2029]/).map((line) => line.length);
  expect(lines(out)).toEqual(lines(source));
  const changed: string[] = [];
  for (let at = 0; at < source.length; at++) {
    if (LINE_BREAK.test(source[at]) || LINE_BREAK.test(out[at])) expect(out[at]).toBe(source[at]);
    else if (out[at] !== source[at] && out[at] !== ' ') changed.push(out[at]);
  }
  // A `;` in a blanked statement's place is new too (see 'a blanked statement still ends the line before it').
  for (const paren of changed.filter((character) => character !== ';')) expect(paren).toMatch(/^[()]$/);
}

/** Every TypeScript cell of every lesson, and every code exercise's starter, solution and known-wrong solutions. */
function corpus(): [string, string][] {
  const sources: [string, string][] = [];
  for (const file of readdirSync(join(root, 'lessons')).filter((name) => name.endsWith('.mdx'))) {
    const text = readFileSync(join(root, 'lessons', file), 'utf8');
    for (const [, id, lang, code] of text.matchAll(/<Cell\b[^>]*\bid="([^"]+)"[^>]*>\s*```(\w*)\n([\s\S]*?)```\s*<\/Cell>/g)) {
      if (lang !== 'js') sources.push([`${file} cell ${id}`, code]);
    }
  }
  for (const exercise of EXERCISES) {
    if (exercise.kind !== 'code') continue;
    sources.push([`${exercise.id} starter`, exercise.starter], [`${exercise.id} solution`, exercise.solution]);
    for (const wrong of exercise.misconceptions) sources.push([`${exercise.id} ${wrong.id}`, wrong.solution]);
  }
  return sources;
}

describe('on the course’s own code', () => {
  const sources = corpus();

  test('the corpus has the lessons’ cells and the exercises’ code', () => {
    expect(sources.filter(([name]) => name.includes(' cell ')).length).toBeGreaterThan(20);
    expect(sources.filter(([name]) => name.endsWith(' solution')).length).toBeGreaterThan(5);
  });

  test.each(sources)('%s: the same JavaScript as sucrase’s, every position kept', (_name, source) => {
    const out = eraseTypes(source);
    expectPositionsKept(source, out);
    expect(jsTokens(out)).toEqual(jsTokens(sucrase(source)));
  });
});

// Each a function body whose value is compared between the eraser and sucrase.
const CONSTRUCTS: [string, string][] = [
  ['definite assignment', 'let x!: number;\nx = 2;\nreturn x;'],
  ['a `this` parameter, an optional parameter, a default with `as`', 'function f(this: { k: number }, a?: number, b = 1 as number): number {\n  return this.k + (a ?? 0) + b;\n}\nreturn f.call({ k: 1 }, 2);'],
  ['`as`, `satisfies`, `as const`, the non-null `!` and an angle-bracket assertion', "const o = { a: 1 } satisfies { a: number };\nconst m = new Map<string, number>([['a', 2]]);\nconst k = ['x'] as const;\nconst u: unknown = 4;\nreturn [(o.a as number) + m.get('a')!, k[0], <number>u + 1];"],
  [
    'a class: access modifiers, `declare`, `abstract`, `implements`, `readonly`, `override`, optional and index members',
    [
      'interface Shape { area(): number }',
      'abstract class Base implements Shape {',
      '  declare tag: string;',
      '  protected readonly sides: number = 0;',
      '  abstract area(): number;',
      '  abstract name: string;',
      '  private declare cache;',
      '  [key: string]: unknown;',
      '  static count?: number;',
      '  label?(): string;',
      '  describe(): string { return `${this.name}:${this.area()}`; }',
      '}',
      'class Square extends Base {',
      "  name = 'square';",
      '  private side!: number;',
      '  constructor(side: number);',
      '  constructor(side: number) { super(); this.side = side; }',
      '  public override area(): number { return this.side ** 2; }',
      '  protected static make<T extends number>(n: T): Square { return new Square(n); }',
      '  get double(): number { return this.area() * 2; }',
      '  set double(value: number) {}',
      '}',
      'const s = new Square(3);',
      "return [s.describe(), 'tag' in s, 'cache' in s, Object.keys(s).sort().join(), s.double, 'count' in Square];",
    ].join('\n'),
  ],
  ['a `<T>` assertion after `return`, on its line', 'const u: unknown = 2;\nreturn <number>u;'],
  ['overloads', 'function f(a: number): number;\nfunction f(a: string): string;\nfunction f(a: any): any { return a; }\nreturn f(2);'],
  ['a type alias, an interface, `declare`d names and a type-only namespace', "type Id = number | string;\ninterface P { id: Id }\ndeclare const injected: number;\ndeclare function helper(): void;\ndeclare global { interface Array<T> { x?: T } }\nnamespace Shapes { export type Kind = 'a' | 'b' }\nconst k: Shapes.Kind = 'a';\nconst p: P = { id: 1 };\nreturn [typeof injected, p.id, k];"],
  ['an arrow whose return type ends on another line than its `)`', 'const add = (a: number, b: number):\n  number => a + b;\nconst either = (a: number): number |\n  undefined => a;\nconst guard = (x: unknown):\n  x is number => typeof x === "number";\nreturn [add(1, 2), either(3), guard(4)];'],
  ['a generic async arrow whose type parameters span lines', 'const later = async <\n  T,\n>(x: T): Promise<T> => x;\nreturn typeof later(1).then;'],
  ['generic calls, `new` and an optional call', 'const m = new Map<string, number>();\nm.set("a", 1);\nconst id = <T,>(x: T): T => x;\nconst f: ((n: number) => number) | undefined = (n) => n + 1;\nreturn [id<number>(2), f?.(1), [...m.keys()]];'],
  ['TypeScript’s contextual words as plain names', 'let readonly = 1, declare = 2, abstract = 3, type = 4, as = 5, satisfies = 6;\nreturn readonly + declare + abstract + type + as + satisfies;'],
  ['types in destructuring, rest parameters, `catch` and `for … of`', 'const { a, b }: { a: number; b: number } = { a: 1, b: 2 };\nconst sum = (...xs: number[]): number => xs.reduce((s, x) => s + x, 0);\nlet caught = "";\ntry { throw new Error("e"); } catch (e: unknown) { caught = (e as Error).message; }\nlet t = 0;\nfor (const x of [1, 2] as number[]) t += x;\nreturn [sum(a, b), caught, t];'],
  ['object methods, getters and an arrow property with types', 'const o = {\n  m(): number { return 1; },\n  get g(): number { return 2; },\n  n: (x: number): number => x * 3,\n};\nreturn [o.m(), o.g, o.n(1)];'],
  ['mapped, conditional and template literal types across lines', 'type Keys<T> = {\n  [K in keyof T]: T[K] extends number ? `n-${string\n  & K}` : never;\n};\nconst v: Keys<{ a: 1 }>["a"] = "n-a";\nreturn v;'],
  ['a type and a comment between a value and the next line', 'const a: /* a comment */ number = 1; // trailing\nconst b: Array<\n  number\n> = [a];\nreturn b;'],
];

describe('each construct sucrase removes', () => {
  test.each(CONSTRUCTS)('%s: the same tokens and the same value, every position kept', (_name, source) => {
    const out = eraseTypes(source);
    expectPositionsKept(source, out);
    expect(jsTokens(out)).toEqual(jsTokens(sucrase(source)));
    expect(new Function(out)()).toEqual(new Function(sucrase(source))());
  });

  test('an arrow’s `)` moves onto the line of its `=>`, into the blanked type, and nothing else moves', () => {
    expect(eraseTypes('const f = (a):\n  T => a;')).toBe('const f = (a  \n  ) => a;');
    expect(eraseTypes('const g = async <\nT>(x: T) => x')).toBe('const g = async (\n   x   ) => x');
  });

  test('type-only imports and exports are blanked whole; a type among values goes with its comma', () => {
    const source = 'import type { A } from "./a";\nimport { type B, c } from "./b";\nimport { type D } from "./d";\nexport type { E };\nexport { type F, g };\nexport type * from "./h"';
    const out = eraseTypes(source);
    expectPositionsKept(source, out);
    expect(out.split('\n')).toEqual(['', 'import {         c } from "./b";', '', '', 'export {         g };', ''].map((line, i) => line.padEnd(source.split('\n')[i].length)));
  });
});

/**
 * Code without semicolons where a type-only statement stands between a line and one that starts with `(`, `[`, a
 * template, `+`, `-` or `/`: TypeScript ends the first line at the statement, so the next line is a statement of its
 * own. Sucrase's output joins them (`let x = 1[1].map(f)`), so TypeScript's own compiler is the oracle here.
 */
const JOINING: [string, string][] = [
  ['a type alias before `[`', 'let xs = [3]\ntype Pair = [number, number]\n[1, 2].forEach((v) => xs.push(v))\nreturn xs'],
  ['an interface before `(`', 'let f = (n: number) => n\ninterface I { a: number }\n(() => { f = () => 7 })()\nreturn f(1)'],
  ['`declare` before a template', 'let s = "a"\ndeclare const y: number\n`b`\nreturn s'],
  ['a type alias before `-`', 'let y = 2\ntype B = 1\n-y\nreturn y'],
  ['a type-only namespace before `(`', 'let a = 5\nnamespace N { export type Q = 1 }\n(a)\nreturn a'],
  ['`import type` and `export type` before `[`', 'let x = [1]\nexport type { Pair }\n[2].forEach((v) => x.push(v))\ntype Pair = [number, number]\nreturn x'],
  ['a `declare`d class field before a computed method', 'class C {\n  x = 1\n  declare y: number\n  ["m"]() { return 2 }\n}\nconst c = new C()\nreturn [c.x, (c as any).m()]'],
];

describe('a blanked statement still ends the line before it', () => {
  const typescript = (source: string) => ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  // Both outputs run as a function's body; `export {}` (TypeScript's marker of a module) is not a statement there.
  const run = (code: string) => new Function(code.replace(/^export \{\s*\};?$/m, ''))();
  test.each(JOINING)('%s: the value TypeScript’s own output gives, every position kept', (_name, source) => {
    const out = eraseTypes(source);
    expectPositionsKept(source, out);
    expect(run(out)).toEqual(run(typescript(source)));
  });

  test('a `;` takes the blanked statement’s first character only where the next line would continue the one before', () => {
    expect(eraseTypes('let x = 1\ntype A = number\n[1].map(f)')).toBe('let x = 1\n;              \n[1].map(f)');
    expect(eraseTypes('let x = 1\ntype A = number\nx++')).toBe('let x = 1\n               \nx++');
  });
});

/** The error eraseTypes throws for a source. */
function refusal(source: string): EraseTypesError {
  try {
    eraseTypes(source);
  } catch (error) {
    if (error instanceof EraseTypesError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('what needs code generated is refused, naming the line', () => {
  const REFUSED: [string, string, string][] = [
    ['an enum', 'const a = 1;\nenum Colour { Red, Green }', ERASE_MESSAGES.enum],
    ['a const enum', 'const a = 1;\nconst enum Colour { Red }', ERASE_MESSAGES.enum],
    ['a namespace with values', 'const a = 1;\nnamespace N { export const b = 1; }', ERASE_MESSAGES.namespace],
    ['a module with a function', 'const a = 1;\nmodule M { function f() {} }', ERASE_MESSAGES.namespace],
    ['a parameter property', 'class P {\n  constructor(private x: number) {}\n}', ERASE_MESSAGES.parameterProperty],
    ['a readonly parameter property after another parameter', 'class P {\n  constructor(a: number, readonly x: number) {}\n}', ERASE_MESSAGES.parameterProperty],
    ['import = require', 'const a = 1;\nimport fs = require("fs");', ERASE_MESSAGES.importEquals],
    ['export =', 'const a = 1;\nexport = a;', ERASE_MESSAGES.exportEquals],
    ['a decorator', 'const a = 1;\n@sealed class C {}', ERASE_MESSAGES.decorator],
    ['a `<T>` assertion after `return` ending on a later line', 'const a = 1;\nfunction f(x: unknown) { return <number>\n  x; }', ERASE_MESSAGES.assertionLineBreak],
    ['a `<T>` assertion after `throw` ending on a later line', 'const a = 1;\nthrow <Error>\n  new Error("e");', ERASE_MESSAGES.assertionLineBreak],
  ];

  test.each(REFUSED)('%s', (_name, source, message) => {
    const error = refusal(source);
    expect(error.message).toBe(message);
    const line = source.slice(0, error.offset).split('\n').length;
    expect(line).toBe(2);
    // The exercise's compiler and the cell's say the same, with the line.
    expect(compileSource(source, 'f')).toEqual({ ok: false, kind: 'syntax', message: `Your code does not parse: ${message} (line 2)`, line: 2 });
    let cellError: unknown;
    try {
      compileCell(source, { lang: 'ts', runId: 1 });
    } catch (thrown) {
      cellError = thrown;
    }
    expect(cellError).toBeInstanceOf(CellSyntaxError);
    expect(cellError).toMatchObject({ message, line: 2 });
  });

  test('ambient and type-only declarations of the same words are blanked, not refused', () => {
    for (const source of ['declare enum E { A }', 'declare namespace N { const a: number; }', 'namespace T { export type X = 1; }', 'declare module "m" { export const a: 1; }']) {
      expect(eraseTypes(source).trim()).toBe('');
    }
  });
});

describe('errors name the student’s own place', () => {
  test('a syntax error the parser finds is at its offset in the source, without sucrase’s "(line:column)"', () => {
    const error = refusal('const a: Map<string, number> = new Map();\nlet b = (a;');
    expect(error.message).not.toMatch(/\(\d+:\d+\)/);
    expect(error.offset).toBe('const a: Map<string, number> = new Map();\nlet b = (a'.length);
  });

  test('a syntax error found in the JavaScript (a cell’s strict-mode check) is at the TypeScript’s line and column', () => {
    const source = 'const m: Map<string, number> = new Map();\nconst n: number = 1; with (Math) { PI }';
    let thrown: unknown;
    try {
      compileCell(source, { lang: 'ts', runId: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ line: 2, column: 'const n: number = 1; '.length + 1 });
  });

  test('an exercise’s exported function keeps its columns: the word is blanked, not removed', () => {
    const compiled = compileSource('export function f(x: number): number { return x; }', 'f');
    expect(compiled.ok && compiled.body.split('\n')[1]).toBe('       function f(x        )         { return x; }');
  });
});
