import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Kernel, MAX_LOG_ENTRIES } from '../../../site/runtime/kernel.ts';
import { createPlotHelper } from '../../../site/runtime/plot-spec.ts';
import type { KernelMessage, RunRequest } from '../../../site/runtime/protocol.ts';
import { tensor } from '../../../engine/index.ts';

// The kernel shares names through the global object, as it does in the worker; the real console
// is put back afterwards so the test runner can still report.
const realConsole = globalThis.console;
const messages: KernelMessage[] = [];
const kernel = new Kernel((message) => messages.push(message));
let nextRun = 1;

beforeAll(() => kernel.install({ plot: createPlotHelper(), tensor }));
afterAll(() => Object.defineProperty(globalThis, 'console', { value: realConsole, writable: true, configurable: true }));

async function run(code: string, options: Partial<RunRequest> = {}) {
  messages.length = 0;
  const runId = nextRun++;
  await kernel.run({ runId, code, lang: 'ts', ...options });
  const done = messages.find((message) => message.type === 'done');
  if (!done || done.type !== 'done') throw new Error('the kernel sent no done message');
  const logs = messages.flatMap((message) => (message.type === 'logs' ? message.entries : []));
  const displays = messages.flatMap((message) => (message.type === 'display' ? [message] : []));
  return { done, logs, displays, runId };
}

describe('Kernel', () => {
  test('a cell returns the value of its last expression', async () => {
    const { done } = await run('const a: number = 20;\na * 2 + 2');
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 42 });
  });

  test('a later cell sees names an earlier cell declared', async () => {
    await run('const shared = [1, 2, 3];\nfunction total(xs: number[]) { return xs.reduce((s, x) => s + x, 0); }');
    const { done } = await run('total(shared)');
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 6 });
  });

  test('a cell can redeclare a const from an earlier run, as rerunning a notebook cell does', async () => {
    await run('const again = 1;');
    const { done } = await run('const again = 2;\nagain');
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 2 });
  });

  test('a closure and later cells see the same shared let', async () => {
    await run('let count = 0;\nfunction bump() { count++; }');
    const { done } = await run('bump(); bump();\ncount');
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 2 });
  });

  test('top-level await works', async () => {
    const { done } = await run('const v = await Promise.resolve(5);\nv + 1');
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 6 });
  });

  test('console output is captured in order, across levels', async () => {
    const { logs } = await run('console.log("first", 1);\nconsole.warn("second");\nconsole.error("third")');
    expect(logs.map((entry) => entry.level)).toEqual(['log', 'warn', 'error']);
    expect(logs[0].args).toEqual([{ kind: 'string', value: 'first', omitted: 0 }, { kind: 'number', value: 1 }]);
  });

  test('a function from an earlier cell logs into the run that calls it', async () => {
    await run('function say(x: string) { console.log(x); }');
    const { logs, runId, done } = await run('say("hello")');
    expect(done.runId).toBe(runId);
    expect(logs.map((entry) => entry.args[0])).toEqual([{ kind: 'string', value: 'hello', omitted: 0 }]);
  });

  test('a thrown error reports the line and column in the cell, not the worker', async () => {
    // V8 places a failed property read at the property's name: column 8 is `boom`.
    const { done } = await run('const x: number = 1;\nconst y = x + 1;\n  null.boom;');
    expect(done.ok).toBe(false);
    if (done.ok) return;
    expect(done.error).toMatchObject({ kind: 'runtime', name: 'TypeError', line: 3, column: 8 });
    expect(done.error.message).not.toMatch(/cell-\d+\.js|at /);
  });

  test('an error thrown inside the engine points at the cell line that called it', async () => {
    const { done } = await run('const a = tensor([1, 2, 3]);\n\nconst b = a.add(tensor([1, 2]));');
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.error.line).toBe(3);
  });

  test('an error in a function defined by an earlier cell names that run', async () => {
    const first = await run('function fail() {\n  throw new RangeError("no");\n}');
    const { done } = await run('fail()');
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.error).toMatchObject({ name: 'RangeError', line: 2, runId: first.runId });
  });

  test('a syntax error reports its line and defines nothing', async () => {
    const { done } = await run('const ok = 1;\nconst broken = ;');
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.error).toMatchObject({ kind: 'syntax', line: 2 });
  });

  test('a syntax error only the engine finds (strict mode) is still a syntax error at its statement', async () => {
    for (const [code, line] of [
      ['const ok = 1;\nlet octal = 010;', 2],
      ['const ok = 1;\nfor (;;) {\n  continue missing;\n}', 2],
      ['function f(a, a) {}', 1],
      ['const ok = 1;\nok = super.x;', 2],
    ] as const) {
      const { done } = await run(code, { lang: 'js' });
      expect(done.ok, code).toBe(false);
      if (!done.ok) expect(done.error, code).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line, column: 1 });
      if (!done.ok) expect(done.error.message, code).not.toBe('');
    }
  });

  test('a SyntaxError the cell throws while running is a runtime error, not a misplaced syntax error', async () => {
    const { done } = await run('const text = "{";\nJSON.parse(text)', { lang: 'js' });
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line: 2 });
  });

  test('display sends the latest value under its name', async () => {
    const { displays } = await run('for (let i = 0; i < 5; i++) display(i, "step");');
    expect(displays.at(-1)).toMatchObject({ name: 'step', value: { kind: 'number', value: 4 } });
    expect(displays.length).toBeLessThanOrEqual(5);
  });

  test('a million console lines are cut to the limit with a note', async () => {
    const { logs, done } = await run('for (let i = 0; i < 1e6; i++) console.log(i);');
    expect(done.ok).toBe(true);
    expect(logs.length).toBe(MAX_LOG_ENTRIES + 1);
    expect(logs.at(-1)?.args[0]).toEqual({ kind: 'cut', text: `… ${1e6 - MAX_LOG_ENTRIES} more console lines not shown` });
  });

  test('scope values are visible to that run only', async () => {
    const { done } = await run('input * 2', { scope: { input: 21 } });
    expect(done.ok && done.value).toEqual({ kind: 'number', value: 42 });
    const later = await run('typeof input');
    expect(later.done.ok && later.done.value).toEqual({ kind: 'string', value: 'undefined', omitted: 0 });
  });

  test('a returned plot is sent as a plot description', async () => {
    const { done } = await run('plot.line([1, 4, 9], {x: (d, i) => i, y: (d) => d})');
    expect(done.ok && done.value).toMatchObject({ kind: 'plot', spec: { marks: [{ mark: 'line', options: { x: [0, 1, 2], y: [1, 4, 9] } }] } });
  });
});
