// Where a student's code runs: calls the function a submission defines on every case and returns
// what happened as one JSON text, in the same words on the exercise page (in its Web Worker) and in
// `npm run grade` (inside the vm context of the sandbox's child process). Only text leaves: the
// outputs are encoded here, next to the student's code and inside its time limit, and the trusted
// side reads that text with `reply.ts`.
//
// This file has no imports, so the grading CLI can evaluate its source inside the sandbox's realm.
// `createRunner` takes the language's functions when it is called, before any student code runs
// there, so a submission that replaces JSON, Object.keys or Array cannot forge its reply.
//
// The encoding is tagged JSON: numbers JSON cannot hold, undefined, and whatever cannot be copied
// faithfully (a hole, a getter, a cycle, a function, a bigint, too much data, a Proxy whose traps
// throw) become an object with the one key NOT_PLAIN naming what stood there.

/** The key of a tag object that stands where a value is not plain JSON data. */
export const NOT_PLAIN = '\u0000notPlain';

/** What a tag stands for: a number JSON cannot hold or undefined (read back as themselves), or something the grader reports. */
export type TagKind = 'number' | 'undefined' | 'hole' | 'getter' | 'cycle' | 'too-deep' | 'too-long' | 'unreadable' | 'function' | 'symbol' | 'bigint';

/** How deeply outputs are copied: the course's values are two levels deep. */
export const MAX_DEPTH = 8;

/** How many entries are copied in all, so a huge (or huge and sparse) array cannot exhaust memory or flood the grader. */
export const MAX_ENTRIES = 200_000;

/** How much of a string is kept: a number written as text needs a few characters. */
const MAX_TEXT = 1000;

/** The file name a submission's compiled code carries in stack traces, so an error can name its line. */
export const SUBMISSION_FILE = 'submission.js';

/** The line of the compiled body that holds the submission's first line (the body opens with "use strict"). */
export const BODY_FIRST_LINE = 2;

/** The one set of run-time messages a student reads, wherever the code ran. */
export const RUN_MESSAGES = {
  /** The code defines no function of the exercise's name. */
  notDefined: (name: string) => `Define a function named ${name}; your code does not.`,
  /** The name is defined but is not a function. */
  notAFunction: (name: string, what: string) => `${name} must be a function, yours is a ${what}.`,
  /** The code threw while it was being defined. */
  threwBeforeCall: (name: string, detail: string, line?: number) => `Your code threw before ${name} was called: ${detail}${lineText(line)}`,
  /** A call returned more values than are graded. */
  tooLarge: () => `it returned a value too large to grade (more than ${MAX_ENTRIES} values)`,
  /** The code broke the place it ran in (a stack overflow while handling an error, a crash of the worker). */
  crashed: () => 'your code stopped the grader while it ran (a stack overflow while handling an error?)',
} as const;

/** " (line 3)" for a known line, else nothing. */
export function lineText(line: number | undefined): string {
  return line === undefined ? '' : ` (line ${line})`;
}

/** What a runner is told about where it runs. */
export interface RunnerOptions {
  /**
   * Whether a getter in a returned value is run (where the code is isolated and under its time limit, so a getter can
   * only spoil its own output) or reported as a getter without running (when grading in the grader's own thread).
   */
  readAccessors: boolean;
  /** The line in a stack frame of `SUBMISSION_FILE` that holds the body's first line (hosts number a body differently). */
  firstFrameLine?: number;
}

/** The student's function made from the compiled body with the helpers bound, or what to say instead. */
export type Found = { ok: true; fn: (...args: unknown[]) => unknown } | { ok: false; reply: string };

/** Runs submissions; made by `createRunner` in the realm where the student's code runs. */
export interface Runner {
  /** Calls the factory (the compiled body) with the helpers and returns the function it defines, or the failure reply. */
  find(factory: (...helpers: unknown[]) => unknown, helperValues: readonly unknown[], functionName: string): Found;
  /** Calls `fn` on every call of every case (JSON text of `{ calls: { args }[] }[]`) and returns the reply as JSON text. */
  runCases(fn: (...args: unknown[]) => unknown, casesJson: string): string;
  /** Both: finds the function and runs it, the one call a sandbox makes under its time limit. */
  run(factory: (...helpers: unknown[]) => unknown, helperValues: readonly unknown[], functionName: string, casesJson: string): string;
  /** A value as tagged JSON text, never throwing. */
  encode(value: unknown): string;
  /** A thrown value as one line of text, never throwing. */
  describeThrown(thrown: unknown): string;
}

/** Makes a runner, taking the language's functions now; call it before any student code runs in this realm. */
export function createRunner(options: RunnerOptions): Runner {
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const keysOf = Object.keys;
  const ownDescriptor = Object.getOwnPropertyDescriptor;
  const prototypeOf = Object.getPrototypeOf;
  const freeze = Object.freeze;
  const apply = Reflect.apply;
  const StringOf = String;
  const NumberOf = Number;
  const isInteger = Number.isInteger;
  const ReferenceErrorOf = ReferenceError;
  const DataViewOf = DataView;
  const matchFirst = RegExp.prototype.exec;
  const frame = new RegExp(`${SUBMISSION_FILE.replace('.', '\\.')}:(\\d+):\\d+`);
  const tagKey = stringify(NOT_PLAIN);
  const firstFrameLine = options.firstFrameLine ?? BODY_FIRST_LINE;
  const NOT_SHOWABLE = 'it threw a value that is not an Error and cannot be shown as text';

  const tag = (kind: TagKind, detail?: string): string =>
    `{${tagKey}:${stringify(kind)}${detail === undefined ? '' : `,"detail":${text(detail)}`}}`;

  function text(s: string): string {
    return stringify(s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);
  }

  function describeThrown(thrown: unknown): string {
    try {
      if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) {
        return typeof thrown === 'string' ? thrown : `it threw ${StringOf(thrown)}, not an Error`;
      }
      // Read as data, never by running a getter: an Error's message is its own data property.
      let message: unknown;
      try {
        const own = ownDescriptor(thrown, 'message');
        if (own !== undefined && !('value' in own)) return NOT_SHOWABLE;
        message = own?.value;
      } catch {
        return NOT_SHOWABLE;
      }
      if (typeof message === 'string') {
        const name = nameOf(thrown);
        return name !== '' && name !== 'Error' ? `${name}: ${message}` : message;
      }
      const shown = StringOf(thrown);
      if (typeof shown === 'string') return shown;
    } catch {
      // Showing it ran its own code, which threw in turn.
    }
    return 'an error that cannot be shown as text';
  }

  /** An error's name, read as data along its prototype chain (an Error's name lives on its prototype). */
  function nameOf(thrown: object): string {
    try {
      let holder: object | null = thrown;
      for (let depth = 0; holder !== null && depth < 8; depth++) {
        const own = ownDescriptor(holder, 'name');
        if (own !== undefined) return 'value' in own && typeof own.value === 'string' ? own.value : '';
        holder = prototypeOf(holder) as object | null;
      }
    } catch {
      // A Proxy in the chain: no name.
    }
    return '';
  }

  /** The submission's line where `thrown` was raised, from the first stack frame in the submission's code. */
  function lineOf(thrown: unknown): number | undefined {
    try {
      if (thrown === null || typeof thrown !== 'object') return undefined;
      // Where code is isolated the stack is read as the language reads it (newer engines give errors a `stack`
      // accessor); in the grader's own thread only as a data property, running nothing.
      const stack: unknown = options.readAccessors ? (thrown as { stack?: unknown }).stack : ownDescriptor(thrown, 'stack')?.value;
      if (typeof stack !== 'string') return undefined;
      const match = apply(matchFirst, frame, [stack]) as RegExpExecArray | null;
      if (match === null) return undefined;
      const line = NumberOf(match[1]) - firstFrameLine + 1;
      return line >= 1 ? line : undefined;
    } catch {
      return undefined;
    }
  }

  /** The objects being copied, innermost first, as a linked list: no array method a submission may have replaced is used. */
  type Path = { object: object; parent: Path; depth: number } | null;

  /** How many more entries may be copied, and whether a value was cut for want of them. */
  type Budget = { left: number; exceeded: boolean };

  function tooLong(length: number, budget: Budget): string {
    budget.exceeded = true;
    return tag('too-long', StringOf(length));
  }

  function encode(value: unknown, path: Path, budget: Budget): string {
    try {
      switch (typeof value) {
        case 'number':
          if (value !== value) return tag('number', 'NaN');
          if (value === Infinity) return tag('number', 'Infinity');
          if (value === -Infinity) return tag('number', '-Infinity');
          return `${value}`;
        case 'string':
          return text(value);
        case 'boolean':
          return value ? 'true' : 'false';
        case 'undefined':
          return tag('undefined');
        case 'bigint':
          return tag('bigint', `${value.toString()}n`);
        case 'symbol':
          return tag('symbol');
        case 'function':
          return tag('function');
      }
      if (value === null) return 'null';
      const object = value as object;
      for (let outer = path; outer !== null; outer = outer.parent) if (outer.object === object) return tag('cycle');
      const depth = path === null ? 0 : path.depth;
      if (depth >= MAX_DEPTH) return tag('too-deep');
      const inner: Path = { object, parent: path, depth: depth + 1 };
      if (isView(object)) {
        if (object instanceof DataViewOf) return '{}';
        const numbers = object as unknown as ArrayLike<number | bigint>;
        const length = numbers.length;
        if (length > budget.left) return tooLong(length, budget);
        budget.left -= length;
        let out = '';
        for (let i = 0; i < length; i++) out += (i === 0 ? '' : ',') + encode(numbers[i], inner, budget);
        return `[${out}]`;
      }
      if (isArray(object)) {
        const length: unknown = ownDescriptor(object, 'length')?.value;
        if (typeof length !== 'number' || !isInteger(length) || length < 0) return tag('unreadable', 'its length is not a whole number');
        if (length > budget.left) return tooLong(length, budget);
        budget.left -= length;
        let out = '';
        for (let i = 0; i < length; i++) out += (i === 0 ? '' : ',') + slot(object, StringOf(i), inner, budget);
        return `[${out}]`;
      }
      const keys = keysOf(object);
      if (keys.length > budget.left) return tooLong(keys.length, budget);
      budget.left -= keys.length;
      let out = '';
      for (let i = 0; i < keys.length; i++) out += `${i === 0 ? '' : ','}${text(`${keys[i]}`)}:${slot(object, keys[i], inner, budget)}`;
      return `{${out}}`;
    } catch (error) {
      return tag('unreadable', describeThrown(error));
    }
  }

  function slot(object: object, key: string, path: Path, budget: Budget): string {
    try {
      const descriptor = ownDescriptor(object, key);
      if (descriptor === undefined) return tag('hole');
      if ('value' in descriptor) return encode(descriptor.value, path, budget);
      if (!options.readAccessors || descriptor.get === undefined) return tag('getter');
      return encode(apply(descriptor.get, object, []), path, budget);
    } catch (error) {
      return tag('unreadable', describeThrown(error));
    }
  }

  const failure = (kind: string, message: string, line?: number): string =>
    `{"ok":false,"kind":${stringify(kind)},"message":${text(message)}${line === undefined ? '' : `,"line":${line}`}}`;

  function find(factory: (...helpers: unknown[]) => unknown, helperValues: readonly unknown[], functionName: string): Found {
    let found: unknown;
    try {
      found = apply(factory, undefined, helperValues);
    } catch (thrown) {
      let missing = false;
      try {
        missing = thrown instanceof ReferenceErrorOf && typeof thrown.message === 'string' && thrown.message.indexOf(functionName) >= 0;
      } catch {
        // A thrown Proxy whose traps throw is not a missing definition.
      }
      if (missing) return { ok: false, reply: failure('definition', RUN_MESSAGES.notDefined(functionName)) };
      const line = lineOf(thrown);
      return { ok: false, reply: failure('runtime', RUN_MESSAGES.threwBeforeCall(functionName, describeThrown(thrown), line), line) };
    }
    if (typeof found === 'function') return { ok: true, fn: found as (...args: unknown[]) => unknown };
    if (found === 'undefined') return { ok: false, reply: failure('definition', RUN_MESSAGES.notDefined(functionName)) };
    return { ok: false, reply: failure('definition', RUN_MESSAGES.notAFunction(functionName, StringOf(found))) };
  }

  function runCases(fn: (...args: unknown[]) => unknown, casesJson: string): string {
    const cases = parse(casesJson, (_key, value: unknown) => {
      if (value === null || typeof value !== 'object' || isArray(value)) return value;
      const kind = ownDescriptor(value, NOT_PLAIN)?.value;
      if (kind === 'number') return NumberOf(ownDescriptor(value, 'detail')?.value);
      return value;
    }) as { calls: { args: unknown[] }[] }[];
    let out = '';
    for (let c = 0; c < cases.length; c++) {
      let row = '';
      const calls = cases[c].calls;
      for (let k = 0; k < calls.length; k++) {
        let outcome: string;
        try {
          const output = apply(fn, undefined, calls[k].args);
          const budget: Budget = { left: MAX_ENTRIES, exceeded: false };
          const encoded = encode(output, null, budget);
          // A value cut short is no answer: the call fails with the reason, rather than being graded in part.
          outcome = budget.exceeded ? `{"ok":false,"error":${text(RUN_MESSAGES.tooLarge())}}` : `{"ok":true,"output":${encoded}}`;
        } catch (thrown) {
          const line = lineOf(thrown);
          outcome = `{"ok":false,"error":${text(describeThrown(thrown) + lineText(line))}${line === undefined ? '' : `,"line":${line}`}}`;
        }
        row += (k === 0 ? '' : ',') + outcome;
      }
      out += `${c === 0 ? '' : ','}[${row}]`;
    }
    return `{"ok":true,"outcomes":[${out}]}`;
  }

  return freeze({
    find,
    runCases,
    run(factory: (...helpers: unknown[]) => unknown, helperValues: readonly unknown[], functionName: string, casesJson: string): string {
      const found = find(factory, helperValues, functionName);
      return found.ok ? runCases(found.fn, casesJson) : found.reply;
    },
    encode: (value: unknown) => encode(value, null, { left: MAX_ENTRIES, exceeded: false }),
    describeThrown,
  });
}
