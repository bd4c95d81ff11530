// Checking a TypeScript cell's types, with the TypeScript compiler itself, in memory. The program
// holds the ES library, the engine's own source files, the cell scope module and the `plot`
// helper's source (so the names a cell sees are declared by the code that defines them and cannot
// drift from it), one generated declaration file of the cell's starting scope, and the cell. Names that earlier cells defined are
// declared `any`: the kernel shares them by value, so their type is whatever that run made, which
// only the kernel knows. Type errors are reported, never enforced: the cell runs either way.

import ts from 'typescript';

/** One type problem in a cell, at its 1-based line and column (as an editor's gutter counts them). */
export interface TypeDiagnostic {
  /** The 1-based line where the problem starts. */
  line: number;
  /** The 1-based column where the problem starts. */
  column: number;
  /** The offset in the cell's code where the problem starts (0-based). */
  from: number;
  /** The offset in the cell's code where the problem ends (0-based, exclusive; at least `from + 1` unless the code is empty). */
  to: number;
  /** The compiler's message, its chained explanations joined by newlines. */
  message: string;
  /** TypeScript's error number, such as 2322 for "Type 'string' is not assignable to type 'number'". */
  code: number;
}

/** The source text a checker is built from: library files and the course's own modules, keyed by absolute path. */
export type SourceTexts = Record<string, string>;

/** The path of the engine's table of contents among the source texts. */
export const ENGINE_INDEX = '/engine/index.ts';

/** The path of the cell scope module (the names a cell starts with) among the source texts. */
export const CELL_SCOPE = '/site/runtime/cell-scope.ts';

/** The path of the `plot` helper's source among the source texts. */
export const PLOT_SPEC = '/site/runtime/plot-spec.ts';

const CELL_FILE = '/cell.ts';
const SCOPE_FILE = '/cell-scope.d.ts';

// A cell runs as the body of an async function, so `return` and top-level `await` are fine, and
// its last expression is its value; these compiler complaints describe a file, not a cell.
const NOT_FOR_CELLS = new Set([
  1108, // A 'return' statement can only be used within a function body.
  1375, // 'await' expressions are only allowed at the top level of a file when that file is a module...
  1378, // Top-level 'await' expressions are only allowed when the 'module' option is set to ...
]);

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  strict: true,
  // Earlier cells' names are `any`, so a callback over one of them (`points.map(([x, y]) => …)`) has
  // untyped parameters; flagging each of those would bury the problems a student actually made.
  noImplicitAny: false,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
  noLib: false,
};

/** Checks cells against a fixed set of source texts; the library and engine are parsed once and reused. */
export class CellTypeChecker {
  private readonly files = new Map<string, ts.SourceFile>();
  private program: ts.Program | undefined;
  private scopeDeclarations: string | undefined;
  /** The cell scope module's export names, known once the base scope is built. */
  private scopeNames = new Set<string>();

  /** Takes the library files (by their `/lib.*.d.ts` paths) and the engine's and plot helper's sources. */
  constructor(private readonly sources: SourceTexts) {}

  /** The type problems of one cell, given the names earlier cells defined. */
  check(code: string, earlierNames: readonly string[] = []): TypeDiagnostic[] {
    // `export {}` makes the cell a module, so its own top-level names may shadow shared ones; it goes
    // after the code, so every line and column of the cell stays where it was.
    const cellText = `${code}\nexport {};\n`;
    const ownNames = topLevelNames(code);
    const scope = this.scopeText(earlierNames.filter((name) => !ownNames.has(name)));
    const program = this.compile({ [CELL_FILE]: cellText, [SCOPE_FILE]: scope });
    const cell = program.getSourceFile(CELL_FILE);
    if (!cell) return [];
    const found = [...program.getSyntacticDiagnostics(cell), ...program.getSemanticDiagnostics(cell)];
    return found.filter((diagnostic) => !NOT_FOR_CELLS.has(diagnostic.code)).map((diagnostic) => toCellDiagnostic(diagnostic, code));
  }

  // The cell's starting scope: every export of the cell scope module under its own name (value and
  // type alike: the engine's names, `engine`, `plot`, `display`), the console and timers the kernel
  // provides, and the names of earlier cells as `any` — a capitalised one (a class an earlier cell
  // defined, such as `Value`) as an `any` type too, so a later cell may write `v: Value`.
  private scopeText(earlierNames: readonly string[]): string {
    this.scopeDeclarations ??= this.baseScope();
    const earlier = earlierNames
      .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
      .map((name) => `  var ${name}: any;\n${/^[A-Z]/.test(name) && !this.scopeNames.has(name) ? `  type ${name} = any;\n` : ''}`);
    return `${this.scopeDeclarations}${earlier.join('')}}\nexport {};\n`;
  }

  private baseScope(): string {
    const probe = this.compile({ [CELL_FILE]: 'export {};\n', [SCOPE_FILE]: `export * as E from '${CELL_SCOPE}';\n` });
    const checker = probe.getTypeChecker();
    const scope = probe.getSourceFile(CELL_SCOPE);
    const moduleSymbol = scope ? checker.getSymbolAtLocation(scope) : undefined;
    const names = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.getName()) : [];
    this.scopeNames = new Set(names);
    // `import name = E.name` brings a value, a type and its generics along, whatever the export is.
    const aliases = names.map((name) => `  export import ${name} = E.${name};\n`);
    return [
      `import * as E from '${CELL_SCOPE}';\n`,
      'declare global {\n',
      ...aliases,
      '  const console: { log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; debug(...data: unknown[]): void };\n',
      '  function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;\n',
      '  function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;\n',
      '  function clearTimeout(id: number | undefined): void;\n',
      '  function clearInterval(id: number | undefined): void;\n',
      '  function queueMicrotask(callback: () => void): void;\n',
      '  function structuredClone<T>(value: T): T;\n',
      '  const performance: { now(): number };\n',
      '  const self: typeof globalThis;\n',
    ].join('');
  }

  private compile(changing: Record<string, string>): ts.Program {
    const host: ts.CompilerHost = {
      getSourceFile: (fileName, languageVersion) => this.sourceFile(fileName, changing[fileName] ?? this.sources[fileName], languageVersion),
      getDefaultLibFileName: () => '/lib.es2023.d.ts',
      getDefaultLibLocation: () => '/',
      writeFile: () => {},
      getCurrentDirectory: () => '/',
      getDirectories: () => [],
      getCanonicalFileName: (fileName) => fileName,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (fileName) => fileName in changing || fileName in this.sources,
      readFile: (fileName) => changing[fileName] ?? this.sources[fileName],
    };
    this.program = ts.createProgram({ rootNames: [SCOPE_FILE, CELL_FILE], options: OPTIONS, host, oldProgram: this.program });
    return this.program;
  }

  // A source file is parsed again only when its text changed, so the library is parsed once.
  private sourceFile(fileName: string, text: string | undefined, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
    if (text === undefined) return undefined;
    const known = this.files.get(fileName);
    if (known && known.text === text) return known;
    const created = ts.createSourceFile(fileName, text, languageVersion, true);
    this.files.set(fileName, created);
    return created;
  }
}

/** Turns a compiler diagnostic on the cell's file into one at the cell's own line and column. */
export function toCellDiagnostic(diagnostic: ts.Diagnostic, code: string): TypeDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  // A problem reported in the appended `export {}` or past the end is shown at the end of the cell.
  const from = Math.max(0, Math.min(diagnostic.start ?? 0, Math.max(0, code.length - 1)));
  const to = Math.max(Math.min(from + Math.max(diagnostic.length ?? 1, 1), code.length), Math.min(from + 1, code.length));
  const before = code.slice(0, from);
  const line = before.split('\n').length;
  const column = from - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, from, to, message, code: diagnostic.code };
}

// The names a cell declares at its top level, which must not also be declared as earlier cells' names.
function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  const file = ts.createSourceFile(CELL_FILE, code, ts.ScriptTarget.ES2022, false);
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}
