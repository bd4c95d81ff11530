// Compiling a cell: TypeScript to JavaScript, top-level names into the shared scope, and the
// result wrapped as an async function the kernel can call. The wrapper's first line holds the
// prologue, so the cell's line n is line n + 1 of the script, and a `sourceURL` names the script
// `cell-<run>.js` so a stack frame can be traced back to the run (and the cell) it came from.

import { CellSyntaxError } from './cell-error.ts';
import { shareScope } from './share-scope.ts';
import { stripTypes } from './strip-types.ts';
import { LineIndex } from './text-position.ts';

/** The languages a cell can be written in. */
export type CellLanguage = 'ts' | 'js';

/** The name under which the compiled function receives the kernel's scope helper. */
export const SCOPE_HELPER = '__cell';

/** A cell ready to evaluate, with what it shares, what it reads, and a way back to its own positions. */
export interface CompiledCell {
  /** A script whose value is `async function (__cell, ...scopeNames)` running the cell. */
  script: string;
  /** Names the cell declares at top level, shared with later cells. */
  defines: string[];
  /** Names the cell refers to (a superset of the free names it reads). */
  uses: string[];
  /** The cell's 1-based line and column of a 1-based position in `script`, or undefined outside the cell's code. */
  locate(line: number, column: number): { line: number; column: number } | undefined;
  /**
   * A syntax error the engine threw while compiling `script`, placed at the start of the first top-level
   * statement that `compile` refuses on its own; anything else is returned as it is.
   */
  placeSyntaxError(error: unknown, compile: (script: string) => unknown): unknown;
}

/** The file name a run's script carries in stack traces. */
export function cellFileName(runId: number): string {
  return `cell-${runId}.js`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Compiles a cell's code into a script for the kernel; a syntax error is thrown as a `CellSyntaxError`. */
export function compileCell(
  code: string,
  options: { lang: CellLanguage; runId: number; scopeNames?: readonly string[] },
): CompiledCell {
  const scopeNames = options.scopeNames ?? [];
  for (const name of scopeNames) {
    if (!IDENTIFIER.test(name) || name === SCOPE_HELPER) {
      throw new CellSyntaxError(`'${name}' cannot be a scope name: it must be a plain identifier`, 1, 1);
    }
  }
  // Blanking the types keeps every position, so an error in the JavaScript is at the cell's own line and column.
  const js = options.lang === 'ts' ? stripTypes(code) : code;
  const shared = shareScope(js);

  const declared = shared.defines.filter((name) => !shared.functions.includes(name));
  const prologue =
    `(async function (${[SCOPE_HELPER, ...scopeNames].join(', ')}) {"use strict"; ` +
    `${SCOPE_HELPER}.declare(${JSON.stringify(declared)}); ` +
    `${SCOPE_HELPER}.share({${shared.functions.join(', ')}});`;
  const script = `${prologue}\n${shared.body}\n})\n//# sourceURL=${cellFileName(options.runId)}`;

  const bodyLines = new LineIndex(shared.body);
  const jsLines = new LineIndex(js);
  const locate = (line: number, column: number): { line: number; column: number } | undefined => {
    const bodyLine = line - 2;
    if (bodyLine < 0 || bodyLine >= bodyLines.lineCount) return undefined;
    const bodyOffset = bodyLines.offset({ line: bodyLine, column: column - 1 });
    const inCell = jsLines.position(shared.toInput(bodyOffset));
    return { line: inCell.line + 1, column: inCell.column + 1 };
  };
  // The compiler checks the syntax sucrase's parser knows and the rules the rewrite would hide; the
  // engine checks the rest (strict mode, octal literals, `break` outside a loop…) without saying where.
  // Every top-level statement of a valid cell also compiles alone, so the first one that does not
  // holds the mistake.
  const placeSyntaxError = (error: unknown, compile: (script: string) => unknown): unknown => {
    if (!(error instanceof SyntaxError)) return error;
    for (const statement of shared.statements) {
      try {
        compile(`(async function () {"use strict";\n${js.slice(statement.start, statement.end)}\n})`);
      } catch {
        const at = jsLines.position(statement.start);
        return new CellSyntaxError(error.message, at.line + 1, at.column + 1);
      }
    }
    return error;
  };
  return { script, defines: shared.defines, uses: shared.uses, locate, placeSyntaxError };
}
