// Cells on a page share one scope, like a notebook kernel. A cell runs as the body of an async
// function, so its top-level names would die with the call; instead they live on the worker's
// global object, where every later cell finds them as ordinary free names. This file rewrites a
// cell's top-level declarations into assignments to those shared names:
//
//   const {a, b} = f();   ->   ;({a, b} = f());          (after the prologue declares a and b)
//   let n;                ->   ;(n = undefined);
//   class Net {}          ->   ;Net = class Net {};
//   function train() {}   ->   unchanged (hoisted), then shared by the prologue
//   loss                  ->   return (loss)             (the last expression is the cell's value)
//
// It also lists the free names a cell reads, so the page can tell which later cells depend on a
// changed one.
//
// The code is read with sucrase's parser, which the worker carries anyway to erase TypeScript's
// types. Sucrase keeps tokens, not a syntax tree, so the top-level statements are found by running
// its own statement parser once per statement and noting where each one starts and ends. The
// parser is lenient about rules a JavaScript engine enforces (strict mode, duplicate names); the
// engine still enforces those when it compiles the rewritten cell, except where the rewrite hides
// them, and those few are checked here: a top-level name declared twice, a `const` or a pattern
// without a value, a decorator, an `import` or `export` below the top level, `new.target` outside
// a function, and names strict code cannot bind.

import { initParser, state } from 'sucrase/dist/esm/parser/traverser/base.js';
import { parseStatement } from 'sucrase/dist/esm/parser/traverser/statement.js';
import { eat, IdentifierRole, nextToken, skipLineComment, type Token } from 'sucrase/dist/esm/parser/tokenizer/index.js';
import { ContextualKeyword } from 'sucrase/dist/esm/parser/tokenizer/keywords.js';
import { TokenType as tt } from 'sucrase/dist/esm/parser/tokenizer/types.js';
import { CellSyntaxError } from './cell-error.ts';
import { TextEdits } from './text-edits.ts';
import { LineIndex } from './text-position.ts';

/** A cell's JavaScript rewritten to share its top-level names, with what it defines and reads. */
export interface SharedScopeCode {
  /** The rewritten code, to run as the body of an async function. */
  body: string;
  /** The names the cell declares at its top level, in order, shared with later cells. */
  defines: string[];
  /** The top-level function declarations among `defines`, which stay hoisted declarations. */
  functions: string[];
  /** Every name the cell reads or writes (a superset of the free names it uses). */
  uses: string[];
  /** The offset in the cell's JavaScript of an offset in `body`. */
  toInput(offset: number): number;
  /** Where each top-level statement starts and ends in the cell's JavaScript (after any `export`, which the body drops). */
  statements: { start: number; end: number }[];
}

/** A top-level statement: its tokens from `start` up to (not including) `end`. */
interface Statement {
  start: number;
  end: number;
}

/** The parsed cell: every token, the parser's scopes, and the top-level statements. */
interface ParsedCell {
  tokens: Token[];
  /** The scopes that keep their own `var`s: functions, arrow functions and class static blocks. */
  functionScopes: { start: number; end: number; arrow: boolean }[];
  statements: Statement[];
}

/** A top-level declaration: its kind and where its own tokens begin (after any `export`). */
interface Declaration {
  kind: 'variables' | 'class' | 'function';
  /** The first token of the declaration (`const`, `class`, `async`, `await`…). */
  start: number;
  /** For variables, the first token of the first declarator; for the others, the token after `start`. */
  declarators: number;
}

/** Rewrites a cell's top-level declarations into assignments to shared names and returns its last expression. */
export function shareScope(code: string): SharedScopeCode {
  const semicolons: number[] = [];
  try {
    return shareParsed(code, semicolons);
  } catch (error) {
    if (!(error instanceof CellSyntaxError) || semicolons.length === 0) throw error;
    const offset = withoutSemicolons(offsetOf(withSemicolons(code, semicolons), error), semicolons);
    throw syntaxErrorAt(code, offset, error.message);
  }
}

// The rewrite of a cell, read with any semicolons `parseCell` had to add (listed in `semicolons`) and
// written without them, so the body and every offset are the cell's own.
function shareParsed(source: string, semicolons: number[]): SharedScopeCode {
  const cell = parseCell(source, semicolons);
  const { tokens, statements } = cell;
  const code = withSemicolons(source, semicolons);
  checkEarlyErrors(code, cell);
  const edits = new TextEdits();
  const defines: string[] = [];
  const functions: string[] = [];

  statements.forEach((statement, index) => {
    const first = tokens[statement.start];
    if (isImportDeclaration(tokens, statement.start)) throw cannotImport(code, first.start);
    let declaration = declarationAt(tokens, statement.start, statement.end);
    if (first.type === tt._export) {
      declaration = declarationAt(tokens, statement.start + 1, statement.end);
      // `export` means nothing in a cell (every top-level name is already shared), so drop the word.
      if (!declaration) throw syntaxErrorAt(code, first.start, 'a cell cannot export: its top-level names are already visible to later cells');
      edits.replace(first.start, tokens[declaration.start].start, '');
    }

    if (declaration?.kind === 'variables') {
      const declarators = declaratorsOf(tokens, declaration.declarators, statement.end);
      for (const declarator of declarators) {
        const names = bindingNames(code, tokens, declarator.start, declarator.headEnd);
        defines.push(...names);
        if (declarator.initEnd === undefined) edits.insert(tokens[declarator.headEnd - 1].end, ' = undefined');
      }
      const last = declarators[declarators.length - 1];
      // The leading semicolon guards against a previous line without one: `f()\n(a = 1)` would be a call.
      edits.replace(tokens[declaration.start].start, tokens[declaration.declarators].start, ';(');
      edits.insert(tokens[(last.initEnd ?? last.headEnd) - 1].end, ')');
    } else if (declaration?.kind === 'class') {
      const name = tokenText(code, tokens[firstDeclared(tokens, declaration.start, statement.end)]);
      defines.push(name);
      edits.insert(tokens[declaration.start].start, `;${name} = `);
      edits.insert(tokens[statement.end - 1].end, ';');
    } else if (declaration?.kind === 'function') {
      const name = tokenText(code, tokens[firstDeclared(tokens, declaration.start, statement.end)]);
      defines.push(name);
      functions.push(name);
    } else if (index === statements.length - 1 && isExpressionStatement(tokens, statement)) {
      const last = tokens[statement.end - 1];
      edits.insert(first.start, 'return (');
      edits.insert(last.type === tt.semi ? last.start : last.end, ')');
    }
  });

  for (const at of semicolons) edits.replace(at, at + 1, '');
  const uses = collectNames(code, cell);
  const edited = edits.apply(code);
  const toInput = (offset: number): number => withoutSemicolons(edited.toInput(offset), semicolons);
  const spans = statements.map((statement) => {
    const first = tokens[statement.start].type === tt._export ? statement.start + 1 : statement.start;
    return { start: withoutSemicolons(tokens[first].start, semicolons), end: withoutSemicolons(tokens[statement.end - 1].end, semicolons) };
  });
  return { body: edited.text, defines: unique(defines), functions, uses, toInput, statements: spans };
}

// Runs sucrase's parser as its own `parse` would (hashbang, first token, statements to the end of
// the file), but one top-level statement at a time, so each statement's tokens are known.
//
// Sucrase lets an operator continue an `async (…) => {…}` as if the arrow function were an operand,
// where JavaScript ends the statement at the line break (`f = async () => {}\n/re/.test(s)` is two
// statements) or refuses the operator on the same line. A semicolon is added after such a brace and
// the cell read again; `semicolons` lists where, in the code with the semicolons added before it.
function parseCell(source: string, semicolons: number[]): ParsedCell {
  for (;;) {
    const code = withSemicolons(source, semicolons);
    const statements: Statement[] = [];
    try {
      initParser(code, false, false, false);
      if (code.startsWith('#!')) skipLineComment(2);
      nextToken();
      while (!eat(tt.eof) && !state.error) {
        const start = state.tokens.length;
        parseStatement(true);
        statements.push({ start, end: state.tokens.length });
      }
    } catch (error) {
      // The parser reports mistakes in `state.error`; a throw is its own inconsistency, still the cell's syntax.
      throw new CellSyntaxError(error instanceof Error ? error.message : String(error), 1, 1);
    }
    const failure = state.error as (Error & { pos?: number }) | null;
    const tokens = state.tokens;
    // A class's static block is parsed as a plain block, but like a function it keeps its own `var`s.
    const functionScopes = state.scopes
      .filter((scope) => scope.isFunctionScope || tokens[scope.startTokenIndex - 1]?.type === tt._static)
      .map((scope) => ({ start: scope.startTokenIndex, end: scope.endTokenIndex, arrow: isArrow(tokens, scope.startTokenIndex, scope.endTokenIndex) }));

    const operand = functionScopes.find((scope) => scope.arrow && tokens[scope.end - 1]?.type === tt.braceR && isOperator(tokens[scope.end]));
    if (operand) {
      const brace = tokens[operand.end - 1];
      const operator = tokens[operand.end];
      if (!/[\n\r\u2028\u2029]/.test(code.slice(brace.end, operator.start))) throw syntaxErrorAt(code, operator.start, 'Unexpected token');
      semicolons.push(brace.end);
      continue;
    }
    if (failure) {
      const offset = failure.pos ?? 0;
      // A semicolon added where no statement can end (inside parentheses): the operator after it is the mistake.
      if (semicolons.includes(offset)) throw syntaxErrorAt(code, offset + 1 + /^\s*/.exec(code.slice(offset + 1))![0].length, 'Unexpected token');
      // The parser stops at the first mistake it sees; a mistake only the checks here see may come earlier.
      const parsed = { tokens, functionScopes, statements: [...statements, { start: statements.at(-1)?.end ?? 0, end: tokens.length }] };
      try {
        checkEarlyErrors(code, parsed);
      } catch (error) {
        if (error instanceof CellSyntaxError && offsetOf(code, error) < offset) throw error;
      }
      throw syntaxErrorAt(code, offset, explain(code, offset, failure.message));
    }
    return { tokens, functionScopes, statements };
  }
}

// A binary or assignment operator, or the `?` of a conditional: what cannot follow a function.
function isOperator(token: Token | undefined): boolean {
  if (!token) return false;
  return (token.type & tt.PRECEDENCE_MASK) > 0 || (token.type & tt.IS_ASSIGN) !== 0 || token.type === tt.question;
}

// The code with a semicolon at each of `semicolons` (each an offset in the code with the earlier ones added).
function withSemicolons(code: string, semicolons: number[]): string {
  return semicolons.reduce((text, at) => `${text.slice(0, at)};${text.slice(at)}`, code);
}

// The offset in the cell's own code of an offset in the code with semicolons added.
function withoutSemicolons(offset: number, semicolons: number[]): number {
  return offset - semicolons.filter((at) => at < offset).length;
}

// An arrow function's scope begins with its parameters and `=>`; any other function's, with its
// parameters (or name) and a brace, and a static block's with the brace.
function isArrow(tokens: Token[], start: number, end: number): boolean {
  let depth = 0;
  for (let index = start; index < end; index++) {
    const type = tokens[index].type;
    if (depth === 0 && (type === tt.arrow || type === tt.braceL)) return type === tt.arrow;
    if (type === tt.parenL || type === tt.bracketL || type === tt.braceL || type === tt.dollarBraceL) depth++;
    if (type === tt.parenR || type === tt.bracketR || type === tt.braceR) depth--;
  }
  return false;
}

// Sucrase stops with "Unexpected token" at a word strict code forbids (`with`, `let let`); naming the
// word says why, as a JavaScript engine would.
function explain(code: string, offset: number, message: string): string {
  const word = /^[A-Za-z]+\b/.exec(code.slice(offset))?.[0];
  if (message !== 'Unexpected token' || !word) return message;
  if (word === 'with') return "'with' in strict mode";
  if (RESERVED_IN_STRICT.has(word)) return `The keyword '${word}' is reserved`;
  return message;
}

// The declaration a statement starts with at token `at`, if it is one.
function declarationAt(tokens: Token[], at: number, end: number): Declaration | undefined {
  const token = tokens[at];
  const next = at + 1 < end ? tokens[at + 1] : undefined;
  switch (token.type) {
    case tt._var:
    case tt._let:
    case tt._const:
      return { kind: 'variables', start: at, declarators: at + 1 };
    case tt._class:
      return { kind: 'class', start: at, declarators: at + 1 };
    case tt._function:
      return { kind: 'function', start: at, declarators: at + 1 };
    case tt.name:
      if (token.contextualKeyword === ContextualKeyword._async && next?.type === tt._function) {
        return { kind: 'function', start: at, declarators: at + 1 };
      }
      // `using x = …` and `await using x = …`: the parser marks the name after `using` as declared.
      if (token.contextualKeyword === ContextualKeyword._using && next && isDeclared(next)) {
        return { kind: 'variables', start: at, declarators: at + 1 };
      }
      if (
        token.contextualKeyword === ContextualKeyword._await &&
        next?.contextualKeyword === ContextualKeyword._using &&
        at + 2 < end &&
        isDeclared(tokens[at + 2])
      ) {
        return { kind: 'variables', start: at, declarators: at + 2 };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A declarator's tokens: the binding from `start` to `headEnd`, then any value up to `initEnd`. */
interface Declarator {
  start: number;
  headEnd: number;
  initEnd?: number;
}

// Splits `a = 1, {b} = f(), c` into declarators. A binding is one name or one bracketed pattern;
// the parser records on the `=` after it the token its value ends before.
function declaratorsOf(tokens: Token[], start: number, end: number): Declarator[] {
  const declarators: Declarator[] = [];
  let at = start;
  while (at < end) {
    let index = at;
    for (let depth = 0; index < end; ) {
      const type = tokens[index++].type;
      if (type === tt.braceL || type === tt.bracketL || type === tt.dollarBraceL) depth++;
      if (type === tt.braceR || type === tt.bracketR) depth--;
      if (depth === 0) break;
    }
    const declarator: Declarator = { start: at, headEnd: index };
    if (index < end && tokens[index].type === tt.eq) {
      index = tokens[index].rhsEndIndex ?? end;
      declarator.initEnd = index;
    }
    declarators.push(declarator);
    if (index >= end || tokens[index].type !== tt.comma) break;
    at = index + 1;
  }
  return declarators;
}

// The names a declarator's binding declares, in order: `x`, `{a, b: [c], ...rest}`, `[d = 1]`.
function bindingNames(code: string, tokens: Token[], start: number, end: number): string[] {
  const names: string[] = [];
  for (let index = start; index < end; index++) {
    if (isTopLevelDeclared(tokens[index])) names.push(tokenText(code, tokens[index]));
  }
  return names;
}

function isTopLevelDeclared(token: Token): boolean {
  return (
    token.type === tt.name &&
    (token.identifierRole === IdentifierRole.TopLevelDeclaration ||
      token.identifierRole === IdentifierRole.ObjectShorthandTopLevelDeclaration)
  );
}

function isDeclared(token: Token): boolean {
  const role = token.identifierRole;
  return (
    token.type === tt.name &&
    (role === IdentifierRole.TopLevelDeclaration ||
      role === IdentifierRole.FunctionScopedDeclaration ||
      role === IdentifierRole.BlockScopedDeclaration ||
      role === IdentifierRole.ObjectShorthandTopLevelDeclaration ||
      role === IdentifierRole.ObjectShorthandFunctionScopedDeclaration ||
      role === IdentifierRole.ObjectShorthandBlockScopedDeclaration)
  );
}

function firstDeclared(tokens: Token[], start: number, end: number): number {
  for (let index = start; index < end; index++) if (isTopLevelDeclared(tokens[index])) return index;
  return start;
}

function isImportDeclaration(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  return tokens[at].type === tt._import && next?.type !== tt.parenL && next?.type !== tt.dot;
}

// The statements that start with a keyword, a brace or a semicolon, as sucrase's parseStatement tells
// them apart; anything else is an expression, or a label when a lone name is followed by a colon.
const STATEMENT_STARTS = new Set<tt>([
  tt._break, tt._continue, tt._debugger, tt._do, tt._for, tt._function, tt._class, tt._if, tt._return,
  tt._switch, tt._throw, tt._try, tt._let, tt._const, tt._var, tt._while, tt._with, tt.braceL, tt.semi,
  tt._export, tt.at,
]);

function isExpressionStatement(tokens: Token[], statement: Statement): boolean {
  const first = tokens[statement.start];
  if (STATEMENT_STARTS.has(first.type) || isImportDeclaration(tokens, statement.start)) return false;
  if (declarationAt(tokens, statement.start, statement.end)) return false;
  return !(first.type === tt.name && statement.end - statement.start > 1 && tokens[statement.start + 1].type === tt.colon);
}

// Every name in a reference or binding position, in order. Property names after a dot, object and
// class keys, private names, labels after `break` or `continue`, and the words of `new.target` and
// `import.meta` are not references. A word the parser gave no role to is kept unless it is one of
// its contextual keywords (`async`, `of`, `await`…), so the list errs towards more names, never fewer.
function collectNames(code: string, cell: ParsedCell): string[] {
  const { tokens, functionScopes } = cell;
  const arrows = new Set(functionScopes.filter((scope) => scope.arrow).map((scope) => scope.start));
  const names = new Set<string>();
  tokens.forEach((token, index) => {
    // A dynamic import could load code from anywhere; cells get everything they need up front.
    if (token.type === tt._import && tokens[index + 1]?.type === tt.parenL) throw cannotImport(code, token.start);
    if (token.type !== tt.name) return;
    const role = token.identifierRole;
    if (role === IdentifierRole.ObjectKey || role === IdentifierRole.ImportAccess) return;
    if (role == null) {
      const before = tokens[index - 1]?.type;
      if (before === tt.dot || before === tt.questionDot || before === tt.hash) return;
      if (before === tt._break || before === tt._continue) return;
      if (token.contextualKeyword !== ContextualKeyword.NONE) return;
    }
    const name = tokenText(code, token);
    // Words the parser leaves as names: the `import` of `import.meta`, `function` in `a.b = function () {}`,
    // and the `async` of `async (…) => …`, read as a name before the arrow is seen.
    if (name === 'import' || name === 'function' || (token.contextualKeyword === ContextualKeyword._async && arrows.has(index + 1))) return;
    names.add(name);
  });
  return [...names];
}

// The names strict code cannot declare, with what a reader is told.
const RESERVED_IN_STRICT = new Set(['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

// The syntax errors the rewrite would hide from the engine, or that the engine would report without
// a place, found in the order they appear.
function checkEarlyErrors(code: string, cell: ParsedCell): void {
  const { tokens, statements } = cell;
  const statementStarts = new Set(statements.map((statement) => statement.start));
  const lexical = new Set<string>();
  const vars = new Set<string>();
  const kinds = cellScopeKinds(cell);
  const unset = missingValues(code, cell);
  // The first mistake in the code is the one to show, whichever check finds it.
  const fail = (offset: number, message: string): never => {
    const earlier = unset.find((problem) => problem.offset < offset) ?? { offset, message };
    throw syntaxErrorAt(code, earlier.offset, earlier.message);
  };
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.type === tt.at) fail(token.start, "Unexpected character '@'");
    const isModuleWord = token.type === tt._export || (token.type === tt._import && next?.type !== tt.parenL && next?.type !== tt.dot);
    if (isModuleWord && !statementStarts.has(index)) {
      fail(token.start, "'import' and 'export' may only appear at the top level");
    }
    if (token.type === tt._new && next?.type === tt.dot && !newTargetAllowed(cell, index)) {
      fail(token.start, "'new.target' can only be used in functions and class static blocks");
    }
    if (!isDeclared(token)) return;
    const name = tokenText(code, token);
    if (name === 'eval' || name === 'arguments') fail(token.start, `Binding ${name} in strict mode`);
    if (RESERVED_IN_STRICT.has(name)) fail(token.start, `The keyword '${name}' is reserved`);
    if (name === 'await') fail(token.start, "Cannot use 'await' as a name: in a cell it waits for a promise");
    // Top-level names become assignments, so a name declared twice would no longer be an error.
    const kind = kinds.get(index);
    if (!kind) return;
    if (lexical.has(name) || (kind === 'lexical' && vars.has(name))) {
      fail(token.start, `Identifier '${name}' has already been declared`);
    }
    (kind === 'lexical' ? lexical : vars).add(name);
  });
  if (unset.length > 0) fail(unset[0].offset, unset[0].message);
}

// A top-level `const`, or a pattern, without a value: the rewrite would quietly assign undefined.
function missingValues(code: string, cell: ParsedCell): { offset: number; message: string }[] {
  const { tokens, statements } = cell;
  const problems: { offset: number; message: string }[] = [];
  for (const statement of statements) {
    const start = tokens[statement.start].type === tt._export ? statement.start + 1 : statement.start;
    const declaration = declarationAt(tokens, start, statement.end);
    if (declaration?.kind !== 'variables') continue;
    for (const declarator of declaratorsOf(tokens, declaration.declarators, statement.end)) {
      if (declarator.initEnd !== undefined) continue;
      // The mistake shows where the value should have begun: the token after the binding, or the end.
      const offset = declarator.headEnd < statement.end ? tokens[declarator.headEnd].start : code.length;
      if (tokens[declaration.start].type === tt._const) problems.push({ offset, message: 'Missing initializer in const declaration' });
      else if (tokens[declarator.headEnd - 1].type !== tt.name) {
        problems.push({ offset, message: 'Complex binding patterns require an initialization value' });
      }
    }
  }
  return problems;
}

// The names that belong to the cell's own scope, by token: those of top-level declarations, where
// `var` is function-scoped and the rest (`let`, `const`, `class`, and in a module also `function`)
// lexical, and those of a `var` in a block or loop that is in no function.
function cellScopeKinds(cell: ParsedCell): Map<number, 'var' | 'lexical'> {
  const { tokens, statements } = cell;
  const kinds = new Map<number, 'var' | 'lexical'>();
  for (const statement of statements) {
    const start = tokens[statement.start].type === tt._export ? statement.start + 1 : statement.start;
    const declaration = declarationAt(tokens, start, statement.end);
    if (!declaration) continue;
    const kind = tokens[declaration.start].type === tt._var ? 'var' : 'lexical';
    for (let index = start; index < statement.end; index++) if (isTopLevelDeclared(tokens[index])) kinds.set(index, kind);
  }
  tokens.forEach((token, at) => {
    if (token.type !== tt._var || insideFunction(cell, at)) return;
    for (const declarator of declaratorsOf(tokens, at + 1, tokens.length)) {
      for (let index = declarator.start; index < declarator.headEnd; index++) if (isDeclared(tokens[index])) kinds.set(index, 'var');
    }
  });
  return kinds;
}

// `new.target` means something in a function that is not an arrow, and anywhere in a class body
// (a field's initial value runs as if in a method); the parser marks a class's braces with its
// `class` token's context id.
function newTargetAllowed(cell: ParsedCell, index: number): boolean {
  const { tokens, functionScopes } = cell;
  if (functionScopes.some((scope) => !scope.arrow && scope.start <= index && index < scope.end)) return true;
  const classes = new Set(tokens.filter((token) => token.type === tt._class).map((token) => token.contextId));
  const open: number[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!classes.has(token.contextId)) continue;
    if (token.type === tt.braceL) open.push(at);
    if (token.type === tt.braceR && (open.pop() ?? at) < index && index < at) return true;
  }
  return false;
}

function insideFunction(cell: ParsedCell, index: number): boolean {
  return cell.functionScopes.some((scope) => scope.start <= index && index < scope.end);
}

function tokenText(code: string, token: Token): string {
  return code.slice(token.start, token.end);
}

function cannotImport(code: string, offset: number): CellSyntaxError {
  return syntaxErrorAt(code, offset, "a cell cannot import: the engine's names (tensor, MLP, SGD, …), plot and display are already in scope; its “What’s in scope” link lists them");
}

function syntaxErrorAt(code: string, offset: number, message: string): CellSyntaxError {
  const at = new LineIndex(code).position(offset);
  return new CellSyntaxError(message.replace(/ \(\d+:\d+\)$/, ''), at.line + 1, at.column + 1);
}

function offsetOf(code: string, error: CellSyntaxError): number {
  return new LineIndex(code).offset({ line: error.line - 1, column: error.column - 1 });
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
