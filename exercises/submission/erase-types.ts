// TypeScript to JavaScript by blanking: sucrase's parser marks every token that belongs to a type, and
// each of those (and each modifier TypeScript alone knows, such as `private` or the non-null `!`) is
// overwritten with spaces, line breaks kept. The JavaScript is then the student's code letter for
// letter at the same line and column, so an error found in it (a syntax error, a stack frame) already
// names the student's own place: no source map is made or read. Only the parser is bundled, not
// sucrase's transform with its source-map libraries (about half the size).
//
// What cannot be blanked away is refused with a message naming the line: `enum`, a namespace holding
// values, constructor parameter properties (`constructor(private x: number)`), `import x = require()`,
// `export =` and decorators all need code written for them, which this course's compiler does not do;
// and a `<T>` assertion after `return` that ends on a later line would leave `return` alone on its line.
// Both the page (a notebook cell, an exercise check) and the grading CLI compile with this one module,
// so they accept and refuse the same code. The parser is imported from sucrase's CommonJS build, which Node loads as
// it is; the site's bundles take its ES build instead (an alias in astro.config.mjs).

import { parse } from 'sucrase/dist/parser/index.js';
import type { Token } from 'sucrase/dist/parser/tokenizer/index.js';
import { ContextualKeyword } from 'sucrase/dist/parser/tokenizer/keywords.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';

/** Why a source cannot be turned into JavaScript, and the offset (0-based, in the source) it concerns. */
export class EraseTypesError extends Error {
  /** The offset of the problem in the source. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'EraseTypesError';
    this.offset = offset;
  }
}

/** The messages for TypeScript that needs code generated, which a student reads with the line added by the caller. */
export const ERASE_MESSAGES = {
  enum: '`enum` is not supported here: use an object instead (const Colour = { Red: 0, Green: 1 } as const)',
  namespace: 'a `namespace` holding values is not supported here: declare its contents at the top level',
  parameterProperty:
    'constructor parameter properties (`constructor(private x: number)`) are not supported here: declare the field in the class and assign it in the constructor',
  importEquals: '`import … = …` is not supported here',
  exportEquals: '`export =` is not supported here',
  decorator: 'decorators (`@…`) are not supported here',
  assertionLineBreak: 'a `<Type>` assertion after `return`, `throw` or `yield` must end on its line (or write `value as Type`)',
} as const;

const LINE_BREAK = /[\n\r\u2028\u2029]/;

// Modifiers that mean nothing to JavaScript: they are blanked wherever they are not part of a type.
const TYPESCRIPT_MODIFIERS = new Set<tt>([tt._public, tt._private, tt._protected, tt._readonly, tt._override, tt._abstract]);
// Every modifier a class member may start with; `declare` and `abstract` make the whole member a type.
const MEMBER_MODIFIERS = new Set<tt>([...TYPESCRIPT_MODIFIERS, tt._static, tt._declare]);
// Keywords that declare a value: a namespace containing one needs code generated for it.
/**
 * Tokens that, at the start of a line, continue the code before them when nothing ends it: `let x = 1` then `[1].map(f)`
 * is `let x = 1[1].map(f)` to JavaScript. A type-only statement between them ends the first in TypeScript; once blanked
 * it would not, so a `;` takes its place (see `blankStatement`).
 */
const CONTINUES_CODE = new Set<tt>([tt.parenL, tt.bracketL, tt.backQuote, tt.plus, tt.minus, tt.slash, tt.regexp]);

/** The first token of a type-only statement or class member: `declare`, an overload's `function`, `abstract`, or the words below. */
const TYPE_STATEMENT_STARTS = new Set<tt>([tt._declare, tt._function, tt._abstract]);
const TYPE_STATEMENT_WORDS = new Set<ContextualKeyword>([ContextualKeyword._type, ContextualKeyword._interface, ContextualKeyword._declare, ContextualKeyword._abstract]);

const VALUE_DECLARATIONS = new Set<tt>([tt._var, tt._let, tt._const, tt._function, tt._class, tt._enum, tt._import]);

/**
 * The JavaScript of a TypeScript source: every type replaced by spaces, so each character that remains is where it was.
 * Throws `EraseTypesError` for code that does not parse (sucrase's message, without its "(line:column)") and for
 * TypeScript that needs code generated.
 */
export function eraseTypes(source: string): string {
  let tokens: Token[];
  try {
    tokens = parse(source, false, true, false).tokens;
  } catch (error) {
    const offset = (error as { pos?: unknown }).pos;
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    throw new EraseTypesError(message, typeof offset === 'number' ? offset : 0);
  }
  return new Eraser(source, tokens).run();
}

class Eraser {
  private readonly out: string[];
  // Characters written after blanking: a `)` or `(` moved next to its arrow's `=>` (see `moveArrowParen`).
  private readonly moved: { at: number; text: string }[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {
    this.out = source.split('');
  }

  run(): string {
    const { tokens } = this;
    // The last token is the end of file.
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i];
      if (token.isType) {
        i = this.typeRun(i);
        continue;
      }
      switch (token.type) {
        case tt.nonNullAssertion:
          this.blank(token.start, token.end);
          break;
        case tt._enum:
          throw new EraseTypesError(ERASE_MESSAGES.enum, token.start);
        case tt.at:
          throw new EraseTypesError(ERASE_MESSAGES.decorator, token.start);
        case tt._import:
          i = this.importStatement(i);
          break;
        case tt._export:
          i = this.exportStatement(i);
          break;
        case tt.parenR:
          this.moveArrowParen(i);
          break;
        default:
          if (MEMBER_MODIFIERS.has(token.type)) i = this.modifiers(i);
          else if (token.contextualKeyword === ContextualKeyword._async) this.moveAsyncArrowParen(i);
      }
    }
    for (const { at, text } of this.moved) this.out[at] = text;
    return this.out.join('');
  }

  /** Overwrites the source's characters from `start` to `end` with spaces, keeping line breaks. */
  private blank(start: number, end: number): void {
    for (let at = start; at < end; at++) if (!LINE_BREAK.test(this.out[at])) this.out[at] = ' ';
  }

  /** Blanks tokens `from` to `to` (inclusive) and everything between them. */
  private blankTokens(from: number, to: number): void {
    this.blank(this.tokens[from].start, this.tokens[to].end);
  }

  /** Blanks a run of type tokens starting at `i` and returns the index of its last token; refuses a namespace with values. */
  private typeRun(i: number): number {
    const { tokens } = this;
    let last = i;
    while (last + 1 < tokens.length - 1 && tokens[last + 1].isType) last++;
    // `return <T>\nx`: blanked, `return` would end its line and return nothing (sucrase makes that mistake too).
    const before = tokens[i - 1];
    if (
      tokens[i].type === tt.lessThan &&
      before !== undefined &&
      (before.type === tt._return || before.type === tt._throw || before.type === tt._yield) &&
      LINE_BREAK.test(this.source.slice(before.end, tokens[last + 1].start))
    ) {
      throw new EraseTypesError(ERASE_MESSAGES.assertionLineBreak, tokens[i].start);
    }
    const first = tokens[i];
    const statement = TYPE_STATEMENT_STARTS.has(first.type) || TYPE_STATEMENT_WORDS.has(first.contextualKeyword) || this.isNamespaceAt(i);
    for (let at = i; at <= last; at++) {
      // `declare namespace …` is ambient: nothing in it runs.
      if (tokens[at].type === tt._declare) break;
      if (this.isNamespaceAt(at)) this.refuseNamespaceValues(at);
    }
    return statement ? this.blankStatement(i, last) : this.blankAndEnd(i, last);
  }

  private blankAndEnd(from: number, to: number): number {
    this.blankTokens(from, to);
    return to;
  }

  /**
   * Blanks a whole statement or class member, tokens `from` to `to`. When the token after it would continue the code
   * before it (CONTINUES_CODE), a `;` takes the statement's first character: TypeScript ends the code before at the
   * statement, and without it the two would join (sucrase's output has this fault). Returns `to`.
   */
  private blankStatement(from: number, to: number): number {
    this.blankTokens(from, to);
    if (to + 1 < this.tokens.length - 1 && CONTINUES_CODE.has(this.tokens[to + 1].type)) this.moved.push({ at: this.tokens[from].start, text: ';' });
    return to;
  }

  /** Whether token `at` starts `namespace N {` / `module N.M {` (not `module` as a name inside a type). */
  private isNamespaceAt(at: number): boolean {
    const token = this.tokens[at];
    if (token.type !== tt.name) return false;
    if (token.contextualKeyword !== ContextualKeyword._namespace && token.contextualKeyword !== ContextualKeyword._module) return false;
    const name = this.tokens[at + 1];
    return (name.type === tt.name || name.type === tt.string) && (this.tokens[at + 2].type === tt.braceL || this.tokens[at + 2].type === tt.dot);
  }

  private refuseNamespaceValues(at: number): void {
    let open = at + 1;
    while (this.tokens[open].type !== tt.braceL) open++;
    const close = this.matching(open, tt.braceL, tt.braceR);
    for (let inner = open + 1; inner < close; inner++) {
      const token = this.tokens[inner];
      if (VALUE_DECLARATIONS.has(token.type) && this.tokens[inner - 1].type !== tt._declare) {
        throw new EraseTypesError(ERASE_MESSAGES.namespace, this.tokens[at].start);
      }
    }
  }

  /**
   * A run of modifiers at `i`. In a constructor's parameters they would create fields: refused. With `declare` or
   * `abstract` on a class field the whole field is blanked, as sucrase removes it (an abstract method is already a type).
   * Otherwise the TypeScript-only ones are blanked and `static` kept. Returns the index of the last token handled.
   */
  private modifiers(i: number): number {
    const { tokens } = this;
    let end = i;
    while (MEMBER_MODIFIERS.has(tokens[end + 1].type) && !tokens[end + 1].isType) end++;
    const run = tokens.slice(i, end + 1);
    const typeOnly = run.some((token) => token.type === tt._declare || token.type === tt._abstract);
    const previous = tokens[i - 1];
    if (
      run.some((token) => TYPESCRIPT_MODIFIERS.has(token.type) && token.type !== tt._abstract) &&
      previous !== undefined &&
      (previous.type === tt.parenL || previous.type === tt.comma)
    ) {
      throw new EraseTypesError(ERASE_MESSAGES.parameterProperty, tokens[i].start);
    }
    // `abstract class` (or `export abstract class`): only the word goes.
    if (tokens[end + 1].type === tt._class || !typeOnly) {
      for (const token of run) if (TYPESCRIPT_MODIFIERS.has(token.type)) this.blank(token.start, token.end);
      return end;
    }
    // A field: its name (a word, a string, a number or a computed `[…]`), then its type tokens; a `;` after it stays.
    let last = end + 1;
    if (tokens[last].type === tt.bracketL) last = this.matching(last, tt.bracketL, tt.bracketR);
    while (tokens[last + 1].isType) last++;
    return this.blankStatement(i, last);
  }

  /** The index of the token closing the bracket opened at `open`. */
  private matching(open: number, left: tt, right: tt): number {
    let depth = 0;
    for (let at = open; at < this.tokens.length - 1; at++) {
      if (this.tokens[at].type === left) depth++;
      else if (this.tokens[at].type === right && --depth === 0) return at;
    }
    return this.tokens.length - 2;
  }

  /**
   * An `import` at `i`. `import type …` is blanked whole, as is an import whose every `{ name }` is a type; a type
   * among values is blanked with its comma. `import x = …` needs code written: refused. Returns the last index handled.
   */
  private importStatement(i: number): number {
    const { tokens } = this;
    const next = tokens[i + 1];
    // `import(…)` and `import.meta` are expressions.
    if (next.type === tt.parenL || next.type === tt.dot) return i;
    const typeWord = next.type === tt.name && next.contextualKeyword === ContextualKeyword._type;
    if (tokens[i + 2].type === tt.eq || (typeWord && tokens[i + 3].type === tt.eq)) {
      if (typeWord) return this.blankStatement(i, this.statementEnd(i));
      throw new EraseTypesError(ERASE_MESSAGES.importEquals, tokens[i].start);
    }
    const typeOnly =
      typeWord && tokens[i + 2].type !== tt.comma && !(tokens[i + 2].type === tt.name && tokens[i + 2].contextualKeyword === ContextualKeyword._from);
    if (typeOnly || (next.type === tt.braceL && this.allTypes(i + 1))) return this.blankStatement(i, this.statementEnd(i));
    return this.specifiers(i);
  }

  /**
   * An `export` at `i`: `export type { … }` / `export type * …` blanked whole, `export { … }` like an import's names,
   * `export =` and `export import` refused. Returns the last index handled.
   */
  private exportStatement(i: number): number {
    const { tokens } = this;
    const next = tokens[i + 1];
    if (next.type === tt.eq) throw new EraseTypesError(ERASE_MESSAGES.exportEquals, tokens[i].start);
    if (next.type === tt._import) throw new EraseTypesError(ERASE_MESSAGES.importEquals, tokens[i].start);
    if (next.type === tt.name && next.contextualKeyword === ContextualKeyword._type && !next.isType) {
      return this.blankStatement(i, this.statementEnd(i));
    }
    if (next.type !== tt.braceL) return i;
    if (this.allTypes(i + 1)) return this.blankStatement(i, this.statementEnd(i));
    return this.specifiers(i);
  }

  /** Whether every name in the `{ … }` opened at `open` is a type (`{ type A, type B }`); an empty list is not. */
  private allTypes(open: number): boolean {
    const close = this.matching(open, tt.braceL, tt.braceR);
    const inside = this.tokens.slice(open + 1, close).filter((token) => token.type !== tt.comma);
    return inside.length > 0 && inside.every((token) => token.isType);
  }

  /** Blanks each `type X` in the `{ … }` of the import or export at `i` with the comma after it; returns the index of the `}`. */
  private specifiers(i: number): number {
    const { tokens } = this;
    let open = i + 1;
    while (open < tokens.length - 1 && tokens[open].type !== tt.braceL && tokens[open].type !== tt.string) open++;
    if (tokens[open].type !== tt.braceL) return i;
    const close = this.matching(open, tt.braceL, tt.braceR);
    for (let at = open + 1; at < close; at++) {
      if (!tokens[at].isType) continue;
      let last = at;
      while (tokens[last + 1].isType) last++;
      if (tokens[last + 1].type === tt.comma) last++;
      this.blankTokens(at, last);
      at = last;
    }
    return close;
  }

  /** The index of the last token of an import or export statement at `i`: its module string, attributes and `;`. */
  private statementEnd(i: number): number {
    const { tokens } = this;
    let at = i;
    for (;;) {
      if (at + 1 >= tokens.length - 1) return at;
      at++;
      if (tokens[at].type === tt.braceL) at = this.matching(at, tt.braceL, tt.braceR);
      if (tokens[at].type === tt.string || tokens[at].type === tt.semi) break;
      if (this.endsLine(at)) return at;
    }
    if (tokens[at].type === tt.string) {
      // `import type T = require('t')`: through its `)`.
      if (tokens[at + 1].type === tt.parenR) at++;
      const attributes = tokens[at + 1];
      if ((attributes.type === tt._with || attributes.contextualKeyword === ContextualKeyword._assert) && tokens[at + 2].type === tt.braceL) {
        at = this.matching(at + 2, tt.braceL, tt.braceR);
      }
    }
    return tokens[at + 1].type === tt.semi && tokens[at].type !== tt.semi ? at + 1 : at;
  }

  /** Whether token `at` is the last of its line (the next token starts after a line break): the end of a statement without `;`. */
  private endsLine(at: number): boolean {
    const next = this.tokens[at + 1];
    return next.type === tt.eof || LINE_BREAK.test(this.source.slice(this.tokens[at].end, next.start));
  }

  /**
   * `(a):\n  T => a`: blanking the return type would leave a line break between `)` and `=>`, which JavaScript does not
   * allow. Sucrase moves the `)` to the arrow's line; here it moves into the type's last (blank) character, which is on
   * that line, so nothing else moves.
   */
  private moveArrowParen(i: number): void {
    const { tokens } = this;
    if (tokens[i + 1].type !== tt.colon || !tokens[i + 1].isType) return;
    let lastType = i + 1;
    while (tokens[lastType + 1].isType) lastType++;
    const arrow = tokens[lastType + 1];
    if (arrow.type !== tt.arrow || !LINE_BREAK.test(this.source.slice(tokens[i].end, arrow.start))) return;
    this.moved.push({ at: tokens[i].start, text: ' ' }, { at: tokens[lastType].end - 1, text: ')' });
  }

  /** `async <\nT>(x: T) => x`: after blanking, `async` would end its line and stop being an arrow's; its `(` moves to the `<`. */
  private moveAsyncArrowParen(i: number): void {
    const { tokens } = this;
    const open = tokens[i + 1];
    if (open.type !== tt.lessThan || !open.isType) return;
    let paren = i + 1;
    while (tokens[paren].isType) paren++;
    if (tokens[paren].type !== tt.parenL || !LINE_BREAK.test(this.source.slice(tokens[i].end, tokens[paren].start))) return;
    this.moved.push({ at: tokens[paren].start, text: ' ' }, { at: open.start, text: '(' });
  }
}
