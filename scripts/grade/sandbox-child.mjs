// The child process of the grading sandbox (the design is explained at the top of
// sandbox.ts). It is plain JavaScript so Node can start it under the permission
// model with a read grant for this one file and nothing else: no loader, no
// node_modules (and it is not type-checked: it is tested through the CLI). It reads one
// job from stdin (the compiled submission, the runner's and the helpers' compiled source,
// the cases), writes JSON lines to stdout ({"stage":"compiled"}, then the runner's reply
// as text) and exits. Student code runs only inside a vm context that holds the
// language's own globals, the runner and the student helpers, all created inside that
// context; only strings cross back.

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
 * The sandbox's realm setup, evaluated INSIDE the context as source text (never called in this realm): it removes what
 * nothing in an exercise needs, gives page code a quiet console and a structuredClone made in the student's realm, and
 * holds the course's runner (exercises/submission/runner.ts, the same one the exercise page uses), made before any
 * student code runs, so no object of the student's realm is ever touched by the host and only strings cross back.
 */
function sandboxRuntime() {
  'use strict';
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const keysOf = Object.keys;
  const freeze = Object.freeze;
  const TypeErrorOf = TypeError;
  const DataViewOf = DataView;
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

  let helperValues = [];
  let runner = null;
  let staged = null;

  return freeze({
    /** Makes the runner from its compiled module and builds the helpers from theirs (each a function of `exports`), freezing them; returns the helpers' names as JSON. */
    install(runnerModule, helpersModule, firstFrameLine) {
      const runnerExports = {};
      runnerModule(runnerExports);
      // Getters are read here: the code is isolated and under its time limit, so a getter can spoil only its own output.
      runner = runnerExports.createRunner({ readAccessors: true, firstFrameLine });
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
      return JSON.stringify(names);
    },
    /** Keeps the compiled submission and its cases (JSON text) for `run`. */
    stage(factory, functionName, casesJson) {
      staged = { factory, functionName, casesJson };
    },
    /** Runs the staged submission on every case: the one call the host makes under the time limit; returns the reply as JSON text. */
    run() {
      const { factory, functionName, casesJson } = staged;
      staged = null;
      return runner.run(factory, helperValues, functionName, casesJson);
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
const runnerModule = vm.compileFunction(job.runner, ['exports'], { parsingContext: context, filename: 'grading-runner.js' });
const helpersModule = vm.compileFunction(job.helpers, ['exports'], { parsingContext: context, filename: 'student-helpers.js' });
// vm.compileFunction numbers a body from its first line, so the submission's line n is the body's line n + 1 (after "use strict").
const helperNames = JSON.parse(runtime.install(runnerModule, helpersModule, job.firstFrameLine));
const importModuleDynamically = () => {
  throw runtime.importError();
};

/** The line of a compile error in the body (V8 puts "submission.js:LINE" first in its stack), if given. */
function compileLine(error) {
  const match = /submission\.js:(\d+)/.exec(ownText(error, 'stack') ?? '');
  return match === null ? undefined : Number(match[1]);
}

let factory;
try {
  if (!/^[A-Za-z_$][\w$]*$/.test(job.functionName)) throw new TypeError('the exercise names no valid function');
  factory = vm.compileFunction(job.body, helperNames, {
    parsingContext: context,
    filename: 'submission.js',
    importModuleDynamically,
  });
} catch (error) {
  send({ stage: 'done', failure: { kind: 'syntax', detail: ownText(error, 'message') ?? 'a syntax error', bodyLine: compileLine(error) } }, true);
}
if (factory !== undefined) {
  runtime.stage(factory, job.functionName, job.cases);
  const timed = new vm.Script('__gradingRuntime.run()', { filename: 'grading-run.js' });
  send({ stage: 'compiled' });
  let last;
  try {
    const result = timed.runInContext(context, { timeout: job.timeoutMs });
    last = typeof result === 'string' ? { stage: 'done', reply: result } : { stage: 'done', failure: { kind: 'crash' } };
  } catch (error) {
    const timedOut = ownText(error, 'code') === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
    last = { stage: 'done', failure: { kind: timedOut ? 'timeout' : 'crash' } };
  }
  send(last, true);
}
