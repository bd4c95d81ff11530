// One way to run a submission: the exercise page's path (compile, `new Function`, the runner reading getters, as
// site/lesson/exercise/grading-worker.ts does) and the grading CLI's sandbox give the same reply, in the same words, with the
// student's own line numbers; and the page's answer key grades exactly as the definitions do.

import { expect, test } from 'vitest';
import { getExercise, grade, gradeCode, prepareCases } from '../../exercises/index.ts';
import type { CodeExercise } from '../../exercises/index.ts';
import { answerKeyJson } from '../../exercises/prepare-cases.ts';
import { readAnswerKey, type CodeAnswerKey } from '../../exercises/answer-key.ts';
import { compileSubmission, runCalls } from '../../exercises/submission/in-thread.ts';
import { compileError, compileSource } from '../../exercises/submission/compile.ts';
import { firstFrameLine, functionFactory } from '../../exercises/submission/function-factory.ts';
import { casesJson, readReply, type RunReply } from '../../exercises/submission/reply.ts';
import { createRunner } from '../../exercises/submission/runner.ts';
import { studentScope } from '../../exercises/student-helpers.ts';
import { runSandboxed } from '../../scripts/grade/sandbox.ts';

const sigmoid = getExercise('sigmoid-backward') as CodeExercise;

/** The page worker's path, in this thread: the same modules in the same order. */
function runAsThePage(source: string, functionName: string, cases: { calls: { args: unknown[] }[] }[]): RunReply {
  const frameLine = firstFrameLine();
  const compiled = compileSource(source, functionName);
  if (!compiled.ok) return readReply(JSON.stringify(compiled), cases.length);
  const scope = studentScope();
  const names = Object.keys(scope);
  let factory: ReturnType<typeof functionFactory>;
  try {
    factory = functionFactory(names, compiled.body);
  } catch (error) {
    return readReply(JSON.stringify({ ok: false, kind: 'syntax', ...compileError(error, frameLine) }), cases.length);
  }
  const runner = createRunner({ readAccessors: true, firstFrameLine: frameLine });
  return readReply(runner.run(factory, names.map((name) => scope[name]), functionName, casesJson(cases)), cases.length);
}

const SUBMISSIONS: [string, string][] = [
  ['a right answer', sigmoid.solution],
  ['an error thrown inside the function', 'function sigmoidBackward(x: number[], upstream: number[]): number[] {\n  const n = x.length;\n  throw new RangeError(`no ${n}`);\n}'],
  ['a helper called wrongly', 'function sigmoidBackward(x, upstream) {\n  return matmul(x, upstream);\n}'],
  ['an error at the top level', 'const table = null;\nconst first = table[0];\nfunction sigmoidBackward(x) { return x; }'],
  ['no such function', 'function sigmoid(x) { return x; }'],
  ['a syntax error', 'function sigmoidBackward(x) {\n  return x +;\n}'],
  ['NaN, a hole and undefined', 'function sigmoidBackward(x) { const out = [NaN, , undefined]; return out; }'],
  ['throw null', 'function sigmoidBackward() { throw null; }'],
];

test.each(SUBMISSIONS)('%s: the page and the CLI sandbox reply alike', async (_name, source) => {
  const cases = prepareCases(sigmoid).map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) }));
  const page = runAsThePage(source, sigmoid.functionName, cases);
  const cli = await runSandboxed({ source, functionName: sigmoid.functionName, cases }, { timeoutMs: 3000 });
  // The CLI's reply carries only the message; the page's also its kind and line, to mark the editor.
  expect(cli).toEqual(page.ok ? page : { ok: false, message: page.message });
}, 30_000);

test('an error thrown inside the student\'s function names the student\'s line, in the page and in the CLI', async () => {
  const [, source] = SUBMISSIONS[1];
  const cases = prepareCases(sigmoid).map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) }));
  const page = runAsThePage(source, sigmoid.functionName, cases);
  expect(page.ok && page.outcomes[0][0]).toEqual({ ok: false, error: expect.stringMatching(/^RangeError: no \d+ \(line 3\)$/), line: 3 });
  const result = grade(sigmoid, source);
  expect(result.problems[0]).toMatch(/^sigmoidBackward threw on case 0: RangeError: no \d+ \(line 3\)$/);
});

test('a syntax error and a throw at the top level name their lines', () => {
  expect(compileSubmission(SUBMISSIONS[5][1], 'sigmoidBackward')).toMatchObject({ ok: false, message: expect.stringMatching(/^Your code does not parse: .* \(line 2\)$/), line: 2 });
  expect(compileSubmission(SUBMISSIONS[3][1], 'sigmoidBackward')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^Your code threw before sigmoidBackward was called: TypeError: .* \(line 2\)$/),
    line: 2,
  });
});

test('a getter is read where the code is isolated (page, CLI) and reported unrun in the grader\'s own thread', async () => {
  const source = 'function f() { return { get v() { throw new Error("a getter said no"); } }; }';
  const cases = [{ calls: [{ args: [] }] }];
  const isolated = runAsThePage(source, 'f', cases);
  expect(isolated.ok && isolated.outcomes[0][0]).toEqual({ ok: true, output: { v: { '\u0000notPlain': 'unreadable', detail: 'a getter said no' } } });
  expect(await runSandboxed({ source, functionName: 'f', cases }, { timeoutMs: 3000 })).toEqual(isolated);
  const compiled = compileSubmission(source, 'f');
  if (!compiled.ok) throw new Error(compiled.message);
  expect(runCalls(compiled.fn, cases)[0][0]).toEqual({ ok: true, output: { v: { '\u0000notPlain': 'getter' } } });
});

test.each(['perceptron-update', 'mlp-backward', 'adam-step', 'softmax-cross-entropy-backward'])(
  '%s: the answer key a page gets grades every known-wrong solution as the definition does',
  (id) => {
    const exercise = getExercise(id) as CodeExercise;
    const key = readAnswerKey(answerKeyJson(exercise)) as CodeAnswerKey;
    // The key holds no code: no solution, starter or wrong solution text.
    const text = answerKeyJson(exercise);
    for (const source of [exercise.solution, exercise.starter, ...exercise.misconceptions.map((m) => m.solution)]) expect(text).not.toContain(source.split('\n')[1]);
    for (const source of [exercise.solution, exercise.starter, ...exercise.misconceptions.map((m) => m.solution)]) {
      const compiled = compileSubmission(source, exercise.functionName);
      if (!compiled.ok) throw new Error(compiled.message);
      const fromKey = gradeCode(key, key.cases, runCalls(compiled.fn, key.cases));
      expect(fromKey).toEqual(grade(exercise, source));
    }
  },
);
