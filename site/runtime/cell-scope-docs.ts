// Reads the cell scope module (./cell-scope.ts) with the TypeScript compiler, when the site is
// built, into the sections and entries of the "What's available in a cell" page: each `// ## Title`
// comment opens a section, the `//` lines under it are its description, and each exported name
// carries the doc comment of the declaration it comes from. The page is generated from the same
// source the kernel and the type checker use, so it cannot list a name a cell lacks or miss one.

import ts from 'typescript';
import { CELL_SCOPE, type SourceTexts } from './type-check.ts';

/** One name a cell starts with, as the reference page shows it. */
export interface ScopeEntry {
  /** The name, as a cell writes it. */
  name: string;
  /** What it is: a function, a class, a constant (or object), or a type (TypeScript cells only). */
  kind: 'function' | 'class' | 'constant' | 'type';
  /** How it is called: `tensor(data, options?)`, `new SGD(params, options?)`; empty for constants and types. */
  usage: string;
  /** Its doc comment, from the declaration that defines it. */
  doc: string;
}

/** One section of the reference page. */
export interface ScopeSection {
  /** The section's title, from its `// ## Title` comment. */
  title: string;
  /** The `//` lines under the title, joined into one paragraph. */
  description: string;
  /** The names of the section, in the order the module lists them. */
  entries: ScopeEntry[];
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  noLib: true,
  types: [],
};

/** The sections of the cell scope, read from the cell scope module and the engine sources it re-exports. */
export function describeCellScope(sources: SourceTexts): ScopeSection[] {
  if (!(CELL_SCOPE in sources)) throw new Error(`describeCellScope: the sources have no ${CELL_SCOPE}`);
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => (fileName in sources ? ts.createSourceFile(fileName, sources[fileName], languageVersion, true) : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getDirectories: () => [],
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => fileName in sources,
    readFile: (fileName) => sources[fileName],
  };
  const program = ts.createProgram({ rootNames: [CELL_SCOPE], options: OPTIONS, host });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(CELL_SCOPE)!;
  const sections: ScopeSection[] = [];

  for (const statement of file.statements) {
    const heading = sectionHeading(file.text, statement);
    if (heading) sections.push({ ...heading, entries: [] });
    const names = exportedNames(statement);
    if (names.length === 0) continue;
    const section = sections.at(-1);
    if (section === undefined) throw new Error(`${CELL_SCOPE}: '${names[0].getText(file)}' is exported before the first "// ## Title" section`);
    for (const name of names) section.entries.push(describe(checker, name, isTypeOnly(statement, name)));
  }
  return sections;
}

/** Every name of the cell scope, in the order of the page. */
export function cellScopeNames(sections: readonly ScopeSection[]): string[] {
  return sections.flatMap((section) => section.entries.map((entry) => entry.name));
}

/** The `// ## Title` and the `//` lines after it in the comments just before `statement`, if any. */
function sectionHeading(text: string, statement: ts.Statement): { title: string; description: string } | undefined {
  const lines = (ts.getLeadingCommentRanges(text, statement.pos) ?? [])
    .filter((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .map((range) => text.slice(range.pos, range.end).replace(/^\/\/ ?/, ''));
  const start = lines.findIndex((line) => line.startsWith('## '));
  if (start < 0) return undefined;
  return { title: lines[start].slice(3).trim(), description: lines.slice(start + 1).join(' ').trim() };
}

/** The identifiers a statement exports: the names of `export { … } from`, `export const` and `export declare function`. */
function exportedNames(statement: ts.Statement): ts.Identifier[] {
  if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
    return statement.exportClause.elements.map((element) => element.name as ts.Identifier);
  }
  const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (!exported) return [];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name).filter(ts.isIdentifier);
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name];
  return [];
}

/** Whether the export of `name` is type-only (`export type { … }` or `type X` in a list). */
function isTypeOnly(statement: ts.Statement, name: ts.Identifier): boolean {
  return ts.isExportDeclaration(statement) && (statement.isTypeOnly || (ts.isExportSpecifier(name.parent) && name.parent.isTypeOnly));
}

/** One entry: the name, what it is, how it is called and its doc comment, from the symbol it resolves to. */
function describe(checker: ts.TypeChecker, name: ts.Identifier, typeOnly: boolean): ScopeEntry {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const doc = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim() : '';
  const declaration = symbol?.declarations?.[0];
  const text = name.text;
  if (typeOnly || !symbol || !(symbol.flags & ts.SymbolFlags.Value)) return { name: text, kind: 'type', usage: '', doc };
  if (symbol.flags & ts.SymbolFlags.Class) {
    // An abstract class is extended, not created; a class without a constructor of its own has its base's.
    if (declaration && ts.isClassDeclaration(declaration) && ts.getModifiers(declaration)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) {
      return { name: text, kind: 'class', usage: `class … extends ${text}`, doc };
    }
    const construct = checker.getSignaturesOfType(checker.getTypeOfSymbolAtLocation(symbol, name), ts.SignatureKind.Construct)[0]?.getDeclaration();
    return { name: text, kind: 'class', usage: `new ${text}(${construct && ts.isConstructorDeclaration(construct) ? parameters(construct) : ''})`, doc };
  }
  if (symbol.flags & ts.SymbolFlags.Function && declaration && ts.isFunctionDeclaration(declaration)) {
    return { name: text, kind: 'function', usage: `${text}(${parameters(declaration)})`, doc };
  }
  return { name: text, kind: 'constant', usage: '', doc };
}

/** A declaration's parameters as a call shows them: `data, options?`, `...values`; a parameter tagged `@internal` is left out. */
function parameters(declaration: ts.SignatureDeclaration): string {
  return declaration.parameters
    .filter((p) => !ts.getJSDocTags(p).some((tag) => tag.tagName.text === 'internal'))
    .map((p) => `${p.dotDotDotToken ? '...' : ''}${p.name.getText()}${p.questionToken || p.initializer ? '?' : ''}`)
    .join(', ');
}
