import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { CELL_SCOPE, CellTypeChecker, PLOT_SPEC, toCellDiagnostic, type SourceTexts } from '../../../site/runtime/type-check.ts';

// The checker is given the same texts the worker bundles: the ES library, the engine's source, the cell scope's and the plot helper's.
const root = join(import.meta.dirname, '../../..');

function courseSources(): SourceTexts {
  const sources: SourceTexts = {};
  const libDir = join(root, 'node_modules/typescript/lib');
  for (const name of readdirSync(libDir)) {
    if (/^lib\.(es5|es20(1[5-9]|2[0-3])[\w.]*|decorators[\w.]*)\.d\.ts$/.test(name) && !name.endsWith('.full.d.ts')) {
      sources[`/${name}`] = readFileSync(join(libDir, name), 'utf8');
    }
  }
  for (const name of readdirSync(join(root, 'engine'), { recursive: true }) as string[]) {
    if (name.endsWith('.ts')) sources[`/engine/${name.split('\\').join('/')}`] = readFileSync(join(root, 'engine', name), 'utf8');
  }
  sources[PLOT_SPEC] = readFileSync(join(root, 'site/runtime/plot-spec.ts'), 'utf8');
  sources[CELL_SCOPE] = readFileSync(join(root, 'site/runtime/cell-scope.ts'), 'utf8');
  return sources;
}

describe('toCellDiagnostic', () => {
  const code = 'const a = 1;\nconst b: number = "two";\n';
  const diagnostic = (start: number | undefined, length: number | undefined): ts.Diagnostic => ({
    category: ts.DiagnosticCategory.Error,
    code: 2322,
    file: undefined,
    start,
    length,
    messageText: { messageText: "Type 'string' is not assignable to type 'number'.", category: ts.DiagnosticCategory.Error, code: 2322, next: [{ messageText: 'Because.', category: ts.DiagnosticCategory.Message, code: 1 }] },
  });

  test('an offset on the second line becomes that line and its 1-based column, with the chained message', () => {
    expect(toCellDiagnostic(diagnostic(19, 1), code)).toEqual({
      line: 2,
      column: 7,
      from: 19,
      to: 20,
      message: "Type 'string' is not assignable to type 'number'.\n  Because.",
      code: 2322,
    });
  });

  test('a problem past the end of the cell (in the appended `export {}`) is placed on the cell’s last character', () => {
    const placed = toCellDiagnostic(diagnostic(code.length + 3, 6), code);
    expect(placed).toMatchObject({ line: 2, from: code.length - 1, to: code.length });
  });

  test('a problem without a position is placed at the start', () => {
    expect(toCellDiagnostic(diagnostic(undefined, undefined), code)).toMatchObject({ line: 1, column: 1, from: 0, to: 1 });
  });
});

describe('CellTypeChecker', () => {
  let checker: CellTypeChecker;
  beforeAll(() => {
    checker = new CellTypeChecker(courseSources());
  }, 60_000);

  test('a string assigned to a number is reported on line 1, naming both types', () => {
    const problems = checker.check('const a: number = "hello";');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 7, code: 2322 });
    expect(problems[0].message).toMatch(/'string'.*'number'/);
  });

  test('the engine’s names, types, `engine`, `plot`, `display` and top-level await are known to a cell', () => {
    const code = [
      'const t: Tensor = tensor([[1, 2], [3, 4]], { requiresGrad: true });',
      'const loss = mseLoss(t, zeros([2, 2]));',
      'loss.backward();',
      'const same: Tensor = engine.tensor(1);',
      'display(t.grad, "grad");',
      'console.log(await Promise.resolve(1));',
      'plot({ marks: [plot.line([1, 2, 3], { x: (d: number, i: number) => i, y: (d: number) => d })] })',
    ].join('\n');
    expect(checker.check(code)).toEqual([]);
  });

  test('every value the kernel gives a cell is declared for the checker', async () => {
    const scope = await import('../../../site/runtime/cell-scope.ts');
    const names = [...Object.keys(scope), 'display', 'console'];
    expect(names).toEqual(expect.arrayContaining(['tensor', 'engine', 'plot']));
    const code = names.map((name) => `void ${name};`).join('\n');
    expect(checker.check(code)).toEqual([]);
  });

  test('a misuse of an engine type is found, a name no cell defined is unknown, and earlier cells’ names are `any`', () => {
    const problems = checker.check('tensor([1]).nope;\nshared.anything;\nnotDefined;', ['shared']);
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([
      [1, 2339],
      [3, expect.any(Number)],
    ]);
    expect(problems[1].message).toMatch(/^Cannot find name 'notDefined'/);
  });

  test('a cell may declare a name an earlier cell or the engine also has, and may return', () => {
    expect(checker.check('const shared: number = 1;\nconst relu = (x: number) => Math.max(0, x);\nif (relu(shared) > 2) return 3;', ['shared'])).toEqual([]);
  });

  test('a class an earlier cell defined may name a type in a later cell; an engine name keeps its own type', () => {
    expect(checker.check('const twice = (v: Value): Value => v.add(v);\nconst parts: Value[] = [];', ['Value'])).toEqual([]);
    expect(checker.check('const t: Tensor = tensor([1, 2]);', ['Tensor'])).toEqual([]);
  });

  test('every cell of every lesson type-checks without a problem, given the names the cells above it define', () => {
    const found: string[] = [];
    let checked = 0;
    let written = 0;
    for (const file of readdirSync(join(root, 'lessons')).filter((name) => name.endsWith('.mdx'))) {
      const text = readFileSync(join(root, 'lessons', file), 'utf8');
      const earlier: string[] = [];
      written += text.match(/<Cell\b/g)?.length ?? 0;
      for (const match of text.matchAll(/<Cell\b[^>]*\bid="([^"]+)"[^>]*>\s*```(\w*)\n([\s\S]*?)```\s*<\/Cell>/g)) {
        const [, id, lang, code] = match;
        checked++;
        if (lang !== 'js') for (const problem of checker.check(code, earlier)) found.push(`${file} ${id} line ${problem.line}: ${problem.message}`);
        earlier.push(...topLevelNames(code));
      }
    }
    expect(found).toEqual([]);
    // Every cell was found by the pattern above, so none escaped the check.
    expect(checked).toBe(written);
    expect(checked).toBeGreaterThan(0);
  });
});

// The names a cell defines at its top level, as the kernel would report them after a run.
function topLevelNames(code: string): string[] {
  const file = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.ES2022);
  const names: string[] = [];
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.push(statement.name.text);
  }
  return names;
}
