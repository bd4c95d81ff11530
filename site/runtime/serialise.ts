// Serialising values in the worker with limits, so that returning a 10⁶-element array or logging
// a deep structure costs the page a few hundred small nodes, never a frozen tab. Every walk is
// bounded three ways: items per collection, depth, and a total node budget per value.

import { plotSpecOf } from './plot-spec.ts';
import type { Shown } from './shown.ts';

/** How much of a value to keep. */
export interface ShowLimits {
  /** Items kept from an array, set, map or object. */
  items: number;
  /** Levels of nesting followed. */
  depth: number;
  /** Characters kept from a string. */
  stringLength: number;
  /** Shown values made in total for one value. */
  nodes: number;
  /** Rows kept from a tensor. */
  tensorRows: number;
  /** Columns kept from a tensor. */
  tensorColumns: number;
}

/** Limits for a cell's result and for `display`. */
export const VALUE_LIMITS: ShowLimits = { items: 100, depth: 5, stringLength: 20_000, nodes: 3_000, tensorRows: 40, tensorColumns: 16 };

/** Smaller limits for each argument of a console call, since a loop may log thousands of them. */
export const LOG_LIMITS: ShowLimits = { items: 30, depth: 3, stringLength: 5_000, nodes: 300, tensorRows: 10, tensorColumns: 10 };

/** Serialises any value into a `Shown` within the limits; it never throws, whatever getters or proxies the value has. */
export function serialise(value: unknown, limits: ShowLimits = VALUE_LIMITS): Shown {
  const state = { nodes: 0, seen: new Set<object>() };
  return show(value, limits, 0, state);
}

interface WalkState {
  nodes: number;
  seen: Set<object>;
}

function show(value: unknown, limits: ShowLimits, depth: number, state: WalkState): Shown {
  state.nodes++;
  if (state.nodes > limits.nodes) return { kind: 'cut', text: '…' };
  try {
    return showUnsafe(value, limits, depth, state);
  } catch (error) {
    return { kind: 'cut', text: `(cannot be shown: ${error instanceof Error ? error.message : String(error)})` };
  }
}

function showUnsafe(value: unknown, limits: ShowLimits, depth: number, state: WalkState): Shown {
  switch (typeof value) {
    case 'number':
      return { kind: 'number', value };
    case 'string':
      return value.length > limits.stringLength
        ? { kind: 'string', value: value.slice(0, limits.stringLength), omitted: value.length - limits.stringLength }
        : { kind: 'string', value, omitted: 0 };
    case 'bigint':
      return { kind: 'literal', text: `${value}n` };
    case 'boolean':
    case 'undefined':
      return { kind: 'literal', text: String(value) };
    case 'symbol':
      return { kind: 'literal', text: value.toString() };
    case 'function':
      return { kind: 'function', name: value.name || '(anonymous)' };
  }
  if (value === null) return { kind: 'literal', text: 'null' };
  const object = value as object;

  const plot = plotSpecOf(object);
  if (plot) return { kind: 'plot', spec: plot };
  if (isTensorLike(object)) return showTensor(object, limits, depth, state);
  if (object instanceof Error) return { kind: 'error', name: object.name, message: object.message };
  if (object instanceof Date) return { kind: 'literal', text: Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString() };
  if (object instanceof RegExp) return { kind: 'literal', text: String(object) };
  if (object instanceof Promise) return { kind: 'literal', text: 'Promise (add await to see its value)' };

  if (state.seen.has(object)) return { kind: 'cut', text: '[circular]' };
  if (depth >= limits.depth) return { kind: 'cut', text: Array.isArray(object) ? `[… ${object.length} items]` : '{…}' };
  state.seen.add(object);
  try {
    if (Array.isArray(object)) return showList('Array', object.length, object, limits, depth, state);
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      const typed = object as unknown as ArrayLike<unknown>;
      return showList(object.constructor.name, typed.length, typed, limits, depth, state);
    }
    if (object instanceof Set) return showList('Set', object.size, firstItems(object.values(), limits.items), limits, depth, state);
    if (object instanceof Map) {
      const entries: [string, Shown][] = [];
      for (const [key, item] of firstItems(object.entries(), limits.items)) {
        entries.push([typeof key === 'string' ? key : describeKey(key), show(item, limits, depth + 1, state)]);
      }
      return { kind: 'record', name: `Map(${object.size})`, entries, omitted: Math.max(0, object.size - entries.length) };
    }
    const keys = Object.keys(object);
    const entries: [string, Shown][] = [];
    for (const key of keys.slice(0, limits.items)) {
      entries.push([key, showProperty(object, key, limits, depth, state)]);
    }
    return { kind: 'record', name: constructorName(object), entries, omitted: keys.length - entries.length };
  } finally {
    state.seen.delete(object);
  }
}

// Reading a property may run a getter, and a getter may throw; that costs the entry, not the object.
function showProperty(object: object, key: string, limits: ShowLimits, depth: number, state: WalkState): Shown {
  let value: unknown;
  try {
    value = (object as Record<string, unknown>)[key];
  } catch (error) {
    return { kind: 'cut', text: `(cannot be shown: ${error instanceof Error ? error.message : String(error)})` };
  }
  return show(value, limits, depth + 1, state);
}

function showList(name: string, length: number, items: ArrayLike<unknown>, limits: ShowLimits, depth: number, state: WalkState): Shown {
  const kept = Math.min(length, limits.items, items.length);
  const shown: Shown[] = [];
  for (let i = 0; i < kept; i++) shown.push(show(items[i], limits, depth + 1, state));
  return { kind: 'list', name, length, items: shown, omitted: length - kept };
}

interface TensorLike {
  data: Float64Array;
  shape: number[];
  requiresGrad?: boolean;
  grad?: unknown;
}

function isTensorLike(value: object): value is TensorLike {
  return (value as TensorLike).data instanceof Float64Array && Array.isArray((value as TensorLike).shape);
}

// A scalar is a 1x1 table, a vector one row, a matrix its rows; only the kept corner is copied.
function showTensor(tensor: TensorLike, limits: ShowLimits, depth: number, state: WalkState): Shown {
  const shape = [...tensor.shape];
  const columns = shape.length === 0 ? 1 : shape[shape.length - 1];
  const rowCount = columns === 0 ? 0 : tensor.data.length / columns;
  const keptRows = Math.min(rowCount, limits.tensorRows);
  const keptColumns = Math.min(columns, limits.tensorColumns);
  const rows: number[][] = [];
  for (let row = 0; row < keptRows; row++) {
    rows.push(Array.from(tensor.data.subarray(row * columns, row * columns + keptColumns)));
  }
  const grad = tensor.grad && typeof tensor.grad === 'object' && depth < limits.depth ? show(tensor.grad, limits, depth + 1, state) : null;
  return {
    kind: 'tensor',
    shape,
    rows,
    rowsOmitted: rowCount - keptRows,
    columnsOmitted: columns - keptColumns,
    requiresGrad: Boolean(tensor.requiresGrad),
    grad,
  };
}

function firstItems<T>(iterator: Iterator<T>, count: number): T[] {
  const items: T[] = [];
  for (let next = iterator.next(); !next.done && items.length < count; next = iterator.next()) items.push(next.value);
  return items;
}

function describeKey(key: unknown): string {
  if (typeof key === 'object' && key !== null) return `[${constructorName(key)}]`;
  return String(key);
}

function constructorName(object: object): string {
  const prototype = Object.getPrototypeOf(object);
  if (prototype === null) return 'Object';
  const name = prototype.constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'Object';
}
