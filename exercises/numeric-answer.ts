// Reading a typed answer to a numeric exercise: "0.25", "1, -2" (a vector),
// "1 2; 3 4" or "[[1, 2], [3, 4]]" (a matrix). The page and the CLI store the
// text as typed and parse it here, so both grade the same numbers.

import type { Numbers } from './define-exercise.ts';

/** Parses one part's typed answer into a number, vector or matrix, or explains why it cannot. */
export function parseNumericAnswer(text: string): { ok: true; value: Numbers } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the answer is empty' };
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: `"${trimmed}" is not a list of numbers such as [1, 2] or [[1, 2], [3, 4]]` };
    }
    if (isNumbers(parsed)) return { ok: true, value: parsed };
    return { ok: false, message: `"${trimmed}" must hold only numbers` };
  }
  const rows = trimmed.split(/\s*[;\n]\s*/).map((row) => row.split(/\s*,\s*|\s+/).filter((s) => s !== ''));
  const numbers = rows.map((row) => row.map(Number));
  const bad = rows.flat().find((s) => !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s));
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not a number` };
  if (numbers.length > 1) return { ok: true, value: numbers };
  return { ok: true, value: numbers[0].length === 1 ? numbers[0][0] : numbers[0] };
}

function isNumbers(value: unknown): value is Numbers {
  if (typeof value === 'number') return true;
  if (!Array.isArray(value)) return false;
  return value.every((x) => typeof x === 'number') || value.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number'));
}
