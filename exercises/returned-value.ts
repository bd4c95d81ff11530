// What a student's function returned, made safe to grade. Two halves:
//   - the runner (submission/runner.ts) encodes the value next to the student's code (the page's worker,
//     the CLI's sandbox) as tagged JSON, and reply.ts reads it back: plain data in which whatever could
//     not be copied faithfully (a hole, a getter, a cycle, a Proxy whose traps throw, a function, a bigint,
//     too much data) is a marker saying what was there. `toPlain` is that round trip in one call.
//   - `readNumbers` runs in the trusted grader and reads ANY value (plain data with markers, or a raw
//     value handed over directly: getters, Proxies with throwing traps, sparse and typed arrays) against
//     the expected number, vector or matrix. It returns a fresh plain copy, or one friendly message that
//     names the part and the index ("row 0 of dW1 is missing (the array has a hole at index 0) — did
//     your loop start at 1?"). It never invokes a getter and never throws.
// Typed arrays (Float64Array and the like) are accepted as arrays: they hold numbers and index like
// arrays, and `new Float64Array(n)` is a sensible way to build a result.

import type { Numbers } from './define-exercise.ts';
import { shapeOf, shapeText } from './compare.ts';
import { MAX_DEPTH, MAX_ENTRIES, NOT_PLAIN, type TagKind } from './submission/runner.ts';

export { MAX_DEPTH, MAX_ENTRIES, NOT_PLAIN } from './submission/runner.ts';
export { toPlain } from './submission/plain.ts';

// Captured when the module loads, before any student code runs in the same realm, so a submission that
// reassigns these globals cannot change how its value is copied.
const ownDescriptor = Object.getOwnPropertyDescriptor;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const arrayFrom = Array.from;
const hasOwn = Object.prototype.hasOwnProperty;

/** What a marker stands for (the runner's tags that are not read back as values). */
export type NotPlainKind = Exclude<TagKind, 'number' | 'undefined'>;

/** A marker: plain data that says what stood here in the returned value (and a detail, such as the error a Proxy threw). */
export interface NotPlain {
  /** What was there. */
  [NOT_PLAIN]: NotPlainKind;
  /** A detail for the message: a bigint's digits, a length, an error's text. */
  detail?: string;
}

/** A thrown value as short text, even when it is hostile (a Proxy, an object whose toString throws). */
export function safeErrorText(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = String(error.name);
      const message = String(error.message);
      return name === 'Error' ? message : `${name}: ${message}`;
    }
    return String(error);
  } catch {
    return 'an error that cannot be shown as text';
  }
}

/** What one slot of an array or object holds, read without running anything. */
type Slot = { kind: 'value'; value: unknown } | { kind: 'hole' } | { kind: 'getter' } | { kind: 'unreadable'; error: string };

/** The marker kind of a value, or null when it is not a marker. */
function markerKind(value: unknown): NotPlain | null {
  if (value === null || typeof value !== 'object' || isArray(value)) return null;
  const descriptor = ownDescriptor(value, NOT_PLAIN);
  if (descriptor === undefined || typeof descriptor.value !== 'string') return null;
  const detail = ownDescriptor(value, 'detail')?.value;
  return { [NOT_PLAIN]: descriptor.value as NotPlainKind, ...(typeof detail === 'string' ? { detail } : {}) };
}

/** Reads one own property without running a getter or trusting a Proxy. */
function rawSlot(object: object, key: string): Slot {
  try {
    const descriptor = ownDescriptor(object, key);
    if (descriptor === undefined) return { kind: 'hole' };
    if (descriptor.get !== undefined || descriptor.set !== undefined || !('value' in descriptor)) return { kind: 'getter' };
    return { kind: 'value', value: descriptor.value };
  } catch (error) {
    return { kind: 'unreadable', error: safeErrorText(error) };
  }
}

/** Reads one own property as `rawSlot` does; a copy's marker reads as what it stands for. */
function readSlot(object: object, key: string): Slot {
  try {
    const slot = rawSlot(object, key);
    if (slot.kind !== 'value') return slot;
    const mark = markerKind(slot.value);
    if (mark?.[NOT_PLAIN] === 'hole') return { kind: 'hole' };
    if (mark?.[NOT_PLAIN] === 'getter') return { kind: 'getter' };
    if (mark?.[NOT_PLAIN] === 'unreadable') return { kind: 'unreadable', error: mark.detail ?? 'an error' };
    return slot;
  } catch (error) {
    return { kind: 'unreadable', error: safeErrorText(error) };
  }
}

/** An array-like value's entries (arrays and typed arrays), or a description of what it is instead. */
function readArray(value: unknown): { ok: true; items: Slot[]; typed: boolean } | { ok: false; what: string } {
  try {
    if (isView(value)) {
      if (value instanceof DataView) return { ok: false, what: 'a DataView' };
      return { ok: true, items: arrayFrom(value as unknown as ArrayLike<number>, (x) => ({ kind: 'value' as const, value: x })), typed: true };
    }
    if (!isArray(value)) return { ok: false, what: describe(value) };
    const length = ownDescriptor(value, 'length')?.value;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) return { ok: false, what: 'an array whose length cannot be read' };
    if (length > MAX_ENTRIES) return { ok: false, what: `an array of ${length} entries` };
    const items: Slot[] = [];
    for (let i = 0; i < length; i++) items.push(readSlot(value, String(i)));
    return { ok: true, items, typed: false };
  } catch (error) {
    return { ok: false, what: `unreadable (reading it threw: ${safeErrorText(error)}; a Proxy?)` };
  }
}

/** A value as a phrase that completes "yours is …": "text ("0.5")", "an array of 3", "a getter". Never throws. */
export function describe(value: unknown): string {
  try {
    const mark = markerKind(value);
    if (mark !== null) return describeMarker(mark);
    if (value === null) return 'null';
    if (value === undefined) return 'undefined';
    switch (typeof value) {
      case 'number':
        return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'a number' : String(value);
      case 'string':
        return `text (${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)})`;
      case 'boolean':
        return String(value);
      case 'bigint':
        return `a bigint (${value.toString()}n)`;
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
    }
    if (isView(value)) return value instanceof DataView ? 'a DataView' : `a typed array of ${(value as unknown as ArrayLike<number>).length}`;
    if (isArray(value)) {
      const length = ownDescriptor(value, 'length')?.value;
      return typeof length === 'number' ? `an array of ${length}` : 'an array';
    }
    return 'an object';
  } catch (error) {
    return `unreadable (reading it threw: ${safeErrorText(error)}; a Proxy?)`;
  }
}

function describeMarker(mark: NotPlain): string {
  switch (mark[NOT_PLAIN]) {
    case 'hole':
      return 'missing';
    case 'getter':
      return 'a getter (an accessor property), which the grader does not run';
    case 'cycle':
      return 'an array or object that contains itself (a cycle)';
    case 'too-deep':
      return `nested more than ${MAX_DEPTH} levels deep`;
    case 'too-long':
      return `an array of ${mark.detail ?? 'too many'} entries`;
    case 'unreadable':
      return `unreadable (reading it threw: ${mark.detail ?? 'an error'}; a Proxy?)`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'bigint':
      return `a bigint (${mark.detail ?? ''})`;
    default:
      return 'something that is not plain data';
  }
}

/** A hint for a hole at `index` of an array of `length`: the loop that most likely left it. */
function holeHint(index: number, length: number): string {
  if (index === 0) return ' — did your loop start at 1?';
  if (index === length - 1) return ' — did your loop stop one short of the end?';
  return ' — was an index skipped?';
}

/** Why a slot is not a finite number, as the end of a sentence naming it, or null when it is one. */
function numberProblem(slot: Slot, where: string, holeIn: string, index: number, length: number): string | null {
  if (slot.kind === 'hole') return `${where} is missing (${holeIn} has a hole at index ${index})${holeHint(index, length)}`;
  if (slot.kind === 'getter') return `${where} is a getter (an accessor property); the grader does not run getters — return plain numbers`;
  if (slot.kind === 'unreadable') return `${where} could not be read (reading it threw: ${slot.error}; a Proxy?) — return plain numbers and arrays`;
  return valueProblem(slot.value, where);
}

/** Why a value is not a finite number, or null when it is one. */
function valueProblem(value: unknown, where: string): string | null {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return `${where} is NaN (a 0/0, ∞ − ∞ or a log of a negative number somewhere?)`;
    if (!Number.isFinite(value)) return `${where} is ${value} (an overflow, or a division by zero?)`;
    return null;
  }
  const mark = markerKind(value);
  if (mark !== null && mark[NOT_PLAIN] === 'hole') return `${where} is missing`;
  const what = describe(value);
  if (value === undefined) return `${where} is undefined, not a number — an index past the end of an array, or a variable never assigned?`;
  if (typeof value === 'string') {
    const hint = value.trim() !== '' && Number.isFinite(Number(value)) ? ' — toFixed and String give text; return the number itself' : '';
    return `${where} is ${what}, not a number${hint}`;
  }
  if (typeof value === 'bigint' || mark?.[NOT_PLAIN] === 'bigint') return `${where} is ${what}, not a number — the course computes with ordinary numbers; use Number(…)`;
  if (isArray(value) || isView(value)) return `${where} is ${what}, not a number — one level of nesting too many?`;
  return `${where} is ${what}, not a number`;
}

/** The outcome of reading a returned value: a fresh plain copy of the expected structure, or the first problem. */
export type ReadNumbers = { ok: true; value: Numbers } | { ok: false; problem: string };

/**
 * Reads `value` as a number, a vector or a matrix of `expected`'s shape with finite entries, without running anything
 * in it; total on any JavaScript value. Messages name the part (`name`), the row and the index.
 */
export function readNumbers(name: string, value: unknown, expected: Numbers): ReadNumbers {
  try {
    return read(name, value, shapeOf(expected));
  } catch (error) {
    // Every access above is guarded; this is the last line, so a grader bug can never become a crash.
    return { ok: false, problem: `${name} could not be read (${safeErrorText(error)})` };
  }
}

function read(name: string, value: unknown, shape: number[]): ReadNumbers {
  const want = shapeText(shape);
  if (shape.length === 0) {
    const problem = valueProblem(value, name);
    if (problem !== null) return { ok: false, problem };
    return { ok: true, value: value as number };
  }
  const outer = readArray(value);
  if (!outer.ok) return { ok: false, problem: `${name} must be ${shape.length === 1 ? 'an array of ' : ''}${want}, yours is ${outer.what}` };
  const items = outer.items;
  if (shape.length === 1) {
    if (items.length > 0 && items.every((slot) => slot.kind === 'value' && (isArray(slot.value) || isView(slot.value)))) {
      const first = readArray((items[0] as { value: unknown }).value);
      return { ok: false, problem: `${name} must be ${want}, yours is ${items.length}×${first.ok ? first.items.length : '?'}` };
    }
    if (items.length !== shape[0]) return { ok: false, problem: `${name} must have ${want}, yours has ${items.length}` };
    const out: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const problem = numberProblem(items[i], `${name}[${i}]`, 'the array', i, items.length);
      if (problem !== null) return { ok: false, problem };
      out.push((items[i] as { value: number }).value);
    }
    return { ok: true, value: out };
  }
  const [rowCount, colCount] = shape;
  // Every row must be an array before sizes mean anything; a hole or a number where a row belongs says most.
  const rows: Slot[][] = [];
  for (let i = 0; i < items.length; i++) {
    const slot = items[i];
    const where = `row ${i} of ${name}`;
    if (slot.kind === 'hole') return { ok: false, problem: `${where} is missing (the array has a hole at index ${i})${holeHint(i, items.length)}` };
    if (slot.kind === 'getter') return { ok: false, problem: `${where} is a getter (an accessor property); the grader does not run getters — return plain arrays` };
    if (slot.kind === 'unreadable') return { ok: false, problem: `${where} could not be read (reading it threw: ${slot.error}; a Proxy?) — return plain arrays` };
    const row = readArray(slot.value);
    if (!row.ok) {
      if (items.every((s) => s.kind === 'value' && typeof s.value === 'number')) {
        return { ok: false, problem: `${name} must be ${want} (an array of ${rowCount} rows), yours is a flat array of ${items.length} numbers` };
      }
      return { ok: false, problem: `${where} is ${row.what}, not an array of ${colCount} numbers (${name} must be ${want})` };
    }
    rows.push(row.items);
  }
  const ragged = rows.findIndex((row) => row.length !== rows[0].length);
  if (ragged >= 0) return { ok: false, problem: `${name} must be ${want}; its row ${ragged} has ${rows[ragged].length} numbers and row 0 has ${rows[0].length}` };
  if (rows.length !== rowCount || rows[0].length !== colCount) return { ok: false, problem: `${name} must be ${want}, yours is ${rows.length}×${rows[0]?.length ?? 0}` };
  const out: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const line: number[] = [];
    for (let j = 0; j < rows[i].length; j++) {
      const problem = numberProblem(rows[i][j], `${name}[${i}][${j}]`, `row ${i}`, j, rows[i].length);
      if (problem !== null) return { ok: false, problem };
      line.push((rows[i][j] as { value: number }).value);
    }
    out.push(line);
  }
  return { ok: true, value: out };
}

/** The outcome of reading one named part of a returned object: its value (still to be read), or why there is none. */
export type ReadPart = { ok: true; value: unknown } | { ok: false; problem: string };

/** Reads part `part` of the object a function returned, without running a getter; `keys` lists every part for the message. */
export function readPart(functionName: string, output: unknown, part: string, keys: readonly string[]): ReadPart {
  const list = keys.join(', ');
  try {
    const mark = markerKind(output);
    if (output === null || typeof output !== 'object' || isArray(output) || isView(output) || mark !== null) {
      const what = output === undefined ? 'nothing' : isArray(output) ? 'an array' : describe(output);
      return { ok: false, problem: `${functionName} must return an object { ${list} }, yours returns ${what}` };
    }
    const slot = readSlot(output, part);
    if (slot.kind === 'hole') {
      // A part inherited from a prototype (a class instance) is still not an own, copyable value.
      const inherited = part in (output as object);
      return { ok: false, problem: `the object ${functionName} returns has no ${part}${inherited ? ' of its own' : ''} (it must have ${list})` };
    }
    if (slot.kind === 'getter') return { ok: false, problem: `${part} is a getter (an accessor property); the grader does not run getters — return { ${list} } with plain values` };
    if (slot.kind === 'unreadable') return { ok: false, problem: `${part} could not be read (reading it threw: ${slot.error}; a Proxy?) — return a plain object { ${list} }` };
    return { ok: true, value: slot.value };
  } catch (error) {
    return { ok: false, problem: `${functionName} returned something that could not be read (${safeErrorText(error)}; a Proxy?)` };
  }
}

/** Whether `value` is an own data property holding `key` (used to read a call outcome that crossed from a worker). */
export function ownValue(value: unknown, key: string): { found: boolean; value?: unknown } {
  try {
    if (value === null || typeof value !== 'object' || !hasOwn.call(value, key)) return { found: false };
    const slot = rawSlot(value, key);
    return slot.kind === 'value' ? { found: true, value: slot.value } : { found: false };
  } catch {
    return { found: false };
  }
}
