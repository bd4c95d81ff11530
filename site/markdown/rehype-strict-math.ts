import { relative } from 'node:path';
import type { VFile } from 'vfile';

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number } };
  value?: string;
  children?: Positioned[];
}

/** Where a malformed formula went wrong, inside its MDX file (lines and columns count from 1). */
export interface FormulaPlace {
  line: number;
  column: number;
}

/**
 * The file position of character `index` of a formula whose node starts at `nodeStart` in `source`.
 *
 * remark-math hands KaTeX the formula without its `$` delimiters and, for a display formula nested in JSX, without
 * its indentation, so the formula's text is found line by line in the source rather than by one offset.
 */
export function formulaPlace(source: string, nodeStart: { line: number; column: number; offset?: number }, formula: string, index: number): FormulaPlace {
  const sourceLines = source.split('\n');
  const formulaLines = formula.split('\n');
  const before = formula.slice(0, Math.max(0, Math.min(index, formula.length)));
  const lineInFormula = before.split('\n').length - 1;
  const columnInFormulaLine = before.length - (before.lastIndexOf('\n') + 1);
  // The formula's first line is the first source line at or after the node's start that contains it after a `$`
  // (inline math sits after `$` on the node's own line; display math starts on the line after its `$$`).
  const firstText = formulaLines[0];
  for (let line = nodeStart.line - 1; line < sourceLines.length; line++) {
    const text = sourceLines[line];
    const from = line === nodeStart.line - 1 ? nodeStart.column - 1 : 0;
    const at = firstText.trim() === '' ? (line === nodeStart.line - 1 ? -1 : 0) : text.indexOf(firstText, from);
    if (at < 0) continue;
    if (lineInFormula === 0) return { line: line + 1, column: at + columnInFormulaLine + 1 };
    const targetText = sourceLines[line + lineInFormula] ?? '';
    const wanted = formulaLines[lineInFormula];
    const indent = wanted.trim() === '' ? 0 : Math.max(0, targetText.indexOf(wanted));
    return { line: line + 1 + lineInFormula, column: indent + columnInFormulaLine + 1 };
  }
  return { line: nodeStart.line, column: nodeStart.column };
}

/** A rehype plugin that fails the build when KaTeX reported a malformed formula, naming the file, line, column and KaTeX's reason. */
export function rehypeStrictMath() {
  return (_tree: unknown, file: VFile) => {
    const problems = file.messages.filter((message) => message.source === 'rehype-katex');
    if (problems.length === 0) return;
    const where = file.path ? relative(file.cwd, file.path) : 'an MDX file';
    const source = String(file.value);
    const places: FormulaPlace[] = [];
    const lines = problems.map((message) => {
      // The math element of a display formula has no position in MDX; its nearest positioned ancestor (the `pre`
      // on the `$$` line, or the paragraph) does. An inline formula's element has its own.
      const chain = [...((message.ancestors ?? []) as Positioned[])].reverse();
      const start = message.place && 'start' in message.place ? message.place.start : chain.find((node) => node.position)?.position?.start;
      const cause = message.cause as (Error & { rawMessage?: string; position?: number }) | undefined;
      const formula = textOf(chain[0]);
      const reason = cause?.rawMessage !== undefined ? `KaTeX parse error: ${cause.rawMessage}` : (cause?.message ?? String(message.reason));
      const place = start ? formulaPlace(source, start, formula ?? '', cause?.position ?? 0) : undefined;
      if (place) places.push(place);
      const shown = formula === undefined ? '' : `\n    ${formula.split('\n').join('\n    ')}`;
      return `${where}:${place ? `${place.line}:${place.column}` : '?'}: ${reason}${shown}`;
    });
    const error = new Error(`Malformed math: KaTeX could not parse ${problems.length === 1 ? 'a formula' : `${problems.length} formulas`}.\n${lines.join('\n')}`);
    // Astro's MDX plugin reads `line` and `column` for the error's location; without them it prints `:undefined:undefined`.
    Object.assign(error, places[0] ?? {});
    // The message names the file, line and formula; a stack trace of the bundler's internals would only bury it. The MDX
    // plugin and Vite rewrite `stack`, so it is fixed as empty rather than deleted.
    Object.defineProperty(error, 'stack', { get: () => undefined, set: () => undefined, configurable: false });
    throw error;
  };
}

// The formula is the text of the math element KaTeX was given: the last ancestor the message lists.
function textOf(node: Positioned | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => textOf(child) ?? '').join('');
}
