// The shape of a value on its way from the worker to the page: plain data with every limit
// already applied, so the page can draw it without ever walking a million-element array.

import type { PlotSpec } from './plot-spec.ts';

/** A value as the page shows it; each kind says how to draw it. */
export type Shown =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string; omitted: number }
  /** true, null, undefined, 3n, Symbol(x), a date or a regular expression, already written out. */
  | { kind: 'literal'; text: string }
  | { kind: 'function'; name: string }
  /** Arrays, typed arrays and sets: the first items, and how many more there were. */
  | { kind: 'list'; name: string; length: number; items: Shown[]; omitted: number }
  /** Objects and maps: the first entries, and how many more there were. */
  | { kind: 'record'; name: string; entries: [string, Shown][]; omitted: number }
  /** A tensor as a table: its shape, the first rows and columns, and its gradient if it has one. */
  | {
      kind: 'tensor';
      shape: number[];
      rows: number[][];
      rowsOmitted: number;
      columnsOmitted: number;
      requiresGrad: boolean;
      grad: Shown | null;
    }
  | { kind: 'plot'; spec: PlotSpec }
  | { kind: 'error'; name: string; message: string }
  /** Something left out: a circular reference, nesting too deep, or the output budget spent. */
  | { kind: 'cut'; text: string };

/** One captured console call: its level and its arguments as shown values. */
export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  args: Shown[];
}
