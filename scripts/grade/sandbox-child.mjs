// The child process of the grading sandbox (the design is explained at the top of
// sandbox.ts). It is plain JavaScript so Node can start it under the permission
// model with a read grant for this one file and nothing else: no loader, no
// node_modules (and it is not type-checked: its runtime handles whatever values a
// student's code makes, and is tested through the CLI). It reads one job from stdin, writes JSON lines to stdout
// ({"stage":"compiled"}, then the reply) and exits. Student code runs only inside a
// vm context that holds the language's own globals and the student helpers, all
// created inside that context; only strings cross back.

import vm from 'node:vm';
import { isNativeError } from 'node:util/types';

// If the vm boundary were ever crossed, leave as little as possible within reach.
for (const name of ['fetch', 'WebSocket', 'EventSource', 'Request', 'Response']) {
  try {
    delete globalThis[name];
  } catch {
    // A global that cannot be deleted stays; the permission model and the vm context still hold.
  }
}
// A promise the student leaves rejected is their own business, not a crash of the grader.
process.on('unhandledRejection', () => {});

/**
 * The sandbox's runtime, evaluated INSIDE the context as source text (never called in this realm): it takes the
 * language's functions before any student code can replace them, builds the helpers, runs the submission and
 * returns every outcome as one JSON string, so no object of the student's realm is ever touched by the host.
 */
function sandboxRuntime() {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const keysOf = Object.keys;
  const freeze = Object.freeze;
  const apply = Reflect.apply;
  const StringOf = String;
  const NumberOf = Number;
  const ReferenceErrorOf = ReferenceError;
  const TypeErrorOf = TypeError;
  const DataViewOf = DataView;
  const MAX_VALUES = 200000;
  const MAX_DEPTH = 6;
  const MAX_TEXT = 1000;
  // Nothing in an exercise needs these, and each lets code run after the graded window or outside it.
  for (const name of ['FinalizationRegistry', 'WeakRef', 'SharedArrayBuffer', 'Atomics', 'WebAssembly']) delete globalThis[name];

  // What page code may lean on beyond the language: a console that prints nowhere and a structuredClone for
  // the plain data exercises use (arrays, typed arrays, plain objects), both made here, in the student's realm.
  const quiet = () => undefined;
  globalThis.console = freeze({ log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, table: quiet, dir: quiet });
  function copy(value, depth) {
    if (value === null || typeof value !== 'object') return value;
    if (depth > 64) throw new TypeErrorOf('structuredClone: the value is nested too deep');
    if (isView(value) && !(value instanceof DataViewOf)) return new value.constructor(value);
    if (isArray(value)) {
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i], depth + 1);
      return out;
    }
    const out = {};
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = copy(value[keys[i]], depth + 1);
    return out;
  }
  globalThis.structuredClone = (value) => copy(value, 0);

  let helperNames = '[]';
  let helperValues = [];
  let staged = null;

  function text(s) {
    return s.length > MAX_TEXT ? stringify(s.slice(0, MAX_TEXT) + '…') : stringify(s);
  }

  // A value as JSON text; numbers JSON cannot hold, undefined and holes are tagged. Getters, Proxies and toJSON run
  // here, inside the context and inside the time limit, and can only change this submission's own output.
  function encode(value, depth, budget) {
    if (++budget.used > MAX_VALUES) throw budget;
    if (value === null) return 'null';
    const type = typeof value;
    if (type === 'number') {
      if (value !== value) return '{"$number":"NaN"}';
      if (value === Infinity) return '{"$number":"Infinity"}';
      if (value === -Infinity) return '{"$number":"-Infinity"}';
      return '' + value;
    }
    if (type === 'string') return text(value);
    if (type === 'boolean') return value ? 'true' : 'false';
    if (type === 'undefined') return '{"$undefined":true}';
    if (type !== 'object') return stringify('[' + type + ']');
    if (depth > MAX_DEPTH) return '"[nested too deep]"';
    let out = '';
    if ((isView(value) && !(value instanceof DataViewOf)) || isArray(value)) {
      const length = value.length;
      if (typeof length !== 'number' || !(length >= 0) || length > MAX_VALUES) throw budget;
      // A hole (an index never assigned) is tagged, so the grader can say which row is missing and why.
      for (let i = 0; i < length; i++) out += (i === 0 ? '' : ',') + (i in value ? encode(value[i], depth + 1, budget) : '{"$hole":true}');
      return '[' + out + ']';
    }
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i++) {
      const key = '' + keys[i];
      out += (i === 0 ? '' : ',') + stringify(key) + ':' + encode(value[key], depth + 1, budget);
    }
    return '{' + out + '}';
  }

  // A thrown value as one line of text, whatever it is: an Error, null, a Proxy, an object whose toString throws.
  function describe(thrown) {
    try {
      if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) {
        return typeof thrown === 'string' ? thrown : 'it threw ' + StringOf(thrown) + ', not an Error';
      }
      const message = thrown.message;
      const name = thrown.name;
      if (typeof message === 'string') return typeof name === 'string' && name !== 'Error' ? name + ': ' + message : message;
      const shown = StringOf(thrown);
      if (typeof shown === 'string') return shown;
    } catch {
      // Reading the thrown value threw in turn: it is described by what it is not.
    }
    return 'it threw a value that is not an Error and cannot be shown as text';
  }

  function failure(message) {
    return '{"ok":false,"message":' + text(message) + '}';
  }

  return freeze({
    /** Builds the helpers from their compiled module (a function of `exports`) and freezes them. */
    install(helpersModule) {
      const exports = {};
      helpersModule(exports);
      const scope = exports.studentScope();
      const names = keysOf(scope);
      helperValues = [];
      for (let i = 0; i < names.length; i++) {
        const helper = scope[names[i]];
        if (typeof helper === 'function' && helper.prototype !== undefined) freeze(helper.prototype);
        helperValues[i] = freeze(helper);
      }
      helperNames = stringify(names);
      return helperNames;
    },
    /** Keeps the compiled submission and its cases (JSON text) for `run`. */
    stage(factory, functionName, casesJson) {
      staged = { factory, functionName, casesJson };
    },
    /** Runs the staged submission on every case: the one call the host makes under the time limit. */
    run() {
      const { factory, functionName, casesJson } = staged;
      staged = null;
      let fn;
      try {
        fn = apply(factory, undefined, helperValues);
      } catch (thrown) {
        let missing = false;
        try {
          missing = thrown instanceof ReferenceErrorOf && typeof thrown.message === 'string' && thrown.message.indexOf(functionName) >= 0;
        } catch {
          // A thrown Proxy whose traps throw is not a missing definition.
        }
        if (missing) return failure('Define a function named ' + functionName + '; your code does not.');
        return failure('Your code threw before ' + functionName + ' was called: ' + describe(thrown));
      }
      if (fn === 'undefined') return failure('Define a function named ' + functionName + '; your code does not.');
      if (typeof fn !== 'function') return failure(functionName + ' must be a function, yours is a ' + StringOf(fn) + '.');
      const cases = parse(casesJson, (key, value) =>
        value !== null && typeof value === 'object' && typeof value.$number === 'string' ? NumberOf(value.$number) : value,
      );
      let out = '';
      for (let c = 0; c < cases.length; c++) {
        let row = '';
        const calls = cases[c].calls;
        for (let k = 0; k < calls.length; k++) {
          let outcome;
          try {
            const output = apply(fn, undefined, calls[k].args);
            const budget = { used: 0 };
            try {
              outcome = '{"ok":true,"output":' + encode(output, 0, budget) + '}';
            } catch (thrown) {
              if (thrown !== budget) throw thrown;
              outcome = '{"ok":false,"error":' + text('it returned a value too large to grade (more than ' + MAX_VALUES + ' values)') + '}';
            }
          } catch (thrown) {
            outcome = '{"ok":false,"error":' + text(describe(thrown)) + '}';
          }
          row += (k === 0 ? '' : ',') + outcome;
        }
        out += (c === 0 ? '' : ',') + '[' + row + ']';
      }
      return '{"ok":true,"outcomes":[' + out + ']}';
    },
    /** The error a student's `import()` rejects with, made in this realm so it leads nowhere. */
    importError() {
      return new TypeErrorOf('import() is not available in an exercise: the helpers are already in scope');
    },
  });
}

/** Reads all of stdin as text. */
async function readStdin() {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  return input;
}

/** Writes one JSON line and, for the last one, exits once it is flushed. */
function send(message, last = false) {
  process.stdout.write(`${JSON.stringify(message)}\n`, () => {
    if (last) process.exit(0);
  });
}

/** A message of an error thrown by vm in this realm (compile errors, time-outs), read without running any getter. */
function ownText(error, key) {
  if (!isNativeError(error)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(error, key);
  return descriptor !== undefined && typeof descriptor.value === 'string' ? descriptor.value : undefined;
}

const job = JSON.parse(await readStdin());
const context = vm.createContext(Object.create(null), {
  name: 'submission',
  codeGeneration: { strings: false, wasm: false },
  microtaskMode: 'afterEvaluate',
});
const runtime = new vm.Script(`"use strict"; const __gradingRuntime = (${sandboxRuntime.toString()})(); __gradingRuntime;`, { filename: 'grading-runtime.js' }).runInContext(context);
const helpersModule = vm.compileFunction(job.helpers, ['exports'], { parsingContext: context, filename: 'student-helpers.js' });
const helperNames = JSON.parse(runtime.install(helpersModule));
const importModuleDynamically = () => {
  throw runtime.importError();
};

let factory;
try {
  if (!/^[A-Za-z_$][\w$]*$/.test(job.functionName)) throw new TypeError('the exercise names no valid function');
  factory = vm.compileFunction(`"use strict";\n${job.body}`, helperNames, {
    parsingContext: context,
    filename: 'submission.js',
    importModuleDynamically,
  });
} catch (error) {
  send({ ok: false, message: `Your code does not parse: ${ownText(error, 'message') ?? 'a syntax error'}` }, true);
}
if (factory !== undefined) {
  runtime.stage(factory, job.functionName, job.cases);
  const timed = new vm.Script('__gradingRuntime.run()', { filename: 'grading-run.js' });
  send({ stage: 'compiled' });
  let reply;
  try {
    const result = timed.runInContext(context, { timeout: job.timeoutMs });
    reply = typeof result === 'string' ? result : JSON.stringify({ ok: false, message: 'the grader got no readable answer from your code' });
  } catch (error) {
    const timedOut = ownText(error, 'code') === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
    reply = JSON.stringify({
      ok: false,
      message: timedOut ? `stopped after ${job.timeoutMs / 1000} s without finishing (an infinite loop?)` : 'your code stopped the grader while it ran (a stack overflow while handling an error?)',
    });
  }
  process.stdout.write(`{"stage":"done","reply":${reply}}\n`, () => process.exit(0));
}
