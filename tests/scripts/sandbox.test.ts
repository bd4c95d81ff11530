// The sandbox on its own: limits, the plain data that comes back, and compile time kept out of the time limit.

import { expect, test } from 'vitest';
import { MAX_SUBMISSION_BYTES, runSandboxed } from '../../scripts/grade/sandbox.ts';
import { NOT_PLAIN } from '../../exercises/returned-value.ts';

const oneCall = [{ calls: [{ args: [[1, 2, 3]] }] }];

test('values that JSON cannot hold come back as plain NaN, infinities and undefined, and a hole as the hole marker', async () => {
  const source = 'function f(v) { const out = [NaN, Infinity, -Infinity, undefined, , v.length, new Float64Array([0.5])]; return { out, nested: { v } }; }';
  const reply = await runSandboxed({ source, functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(reply.ok).toBe(true);
  if (!reply.ok) return;
  const outcome = reply.outcomes[0][0];
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  const output = outcome.output as { out: unknown[]; nested: { v: number[] } };
  expect(output.out).toEqual([NaN, Infinity, -Infinity, undefined, { [NOT_PLAIN]: 'hole' }, 3, [0.5]]);
  // The hole arrives as the grader's hole marker, present in a dense array, so no consumer trips over a sparse
  // array and the feedback can still say that the element was never assigned.
  expect(4 in output.out).toBe(true);
  expect(Object.getPrototypeOf(output.nested)).toBe(Object.prototype);
  expect(output.nested.v).toEqual([1, 2, 3]);
}, 30_000);

test('a submission that exhausts its heap ends only its own process, and the next one runs normally', async () => {
  const bomb = 'function f() { const keep = []; for (;;) keep.push({ a: [Math.random(), Math.random()] }); }';
  const stopped = await runSandboxed({ source: bomb, functionName: 'f', cases: oneCall }, { timeoutMs: 20_000, memoryMb: 48 });
  expect(stopped).toEqual({ ok: false, message: expect.stringMatching(/memory limit \(48 MB of heap\)/) });
  const next = await runSandboxed({ source: 'function f(v) { return v.length; }', functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(next).toEqual({ ok: true, outcomes: [[{ ok: true, output: 3 }]] });
}, 60_000);

test('a large but valid submission compiles outside the time limit and passes under a small one', async () => {
  const filler = Array.from({ length: 3000 }, (_, i) => `function helper${i}(a: number, b: number): number { return a * ${i} + b - ${i}; }`).join('\n');
  const source = `${filler}\nfunction f(v: number[]): number { return helper7(v.length, 7) / 7; }\n`;
  expect(source.length).toBeGreaterThan(200_000);
  expect(source.length).toBeLessThan(MAX_SUBMISSION_BYTES);
  const reply = await runSandboxed({ source, functionName: 'f', cases: oneCall }, { timeoutMs: 250 });
  expect(reply).toEqual({ ok: true, outcomes: [[{ ok: true, output: 3 }]] });
}, 30_000);

test('a returned value over the size limit is that call’s error, not a flood', async () => {
  const source = 'function f() { return new Array(300000).fill(1); }';
  const reply = await runSandboxed({ source, functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(reply).toEqual({ ok: true, outcomes: [[{ ok: false, error: expect.stringMatching(/too large to grade/) }]] });
}, 30_000);

test('a submission that defines no function, or a function under another name, says so', async () => {
  const none = await runSandboxed({ source: 'const g = 1;', functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(none).toEqual({ ok: false, message: 'Define a function named f; your code does not.' });
  const syntax = await runSandboxed({ source: 'function f( {', functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(syntax).toEqual({ ok: false, message: expect.stringMatching(/^Your code does not parse/) });
}, 30_000);

test('a submission that logs with console and copies with structuredClone runs as it does on the page', async () => {
  const source = 'function f(v) { console.log("debugging", v); const w = structuredClone(v); w[0] = 10; return [v[0], w[0], w.length]; }';
  const reply = await runSandboxed({ source, functionName: 'f', cases: oneCall }, { timeoutMs: 3000 });
  expect(reply).toEqual({ ok: true, outcomes: [[{ ok: true, output: [1, 10, 3] }]] });
}, 30_000);

test('an endless chain of promises counts against the time limit and is stopped', async () => {
  const source = 'function f(v) { const again = () => Promise.resolve().then(again); again(); return v.length; }';
  const reply = await runSandboxed({ source, functionName: 'f', cases: oneCall }, { timeoutMs: 500 });
  expect(reply).toEqual({ ok: false, message: 'Stopped after 0.5 s: your code did not finish. Does a loop never end?' });
}, 30_000);
