// The trusted half of grading, run when the site is built, by the CLI and by the tests: the seeded
// cases with the reference's output for every call and each known-wrong solution's output, and the
// answer key a page gets. It runs reference and wrong solutions in this thread; a student's code
// never runs here but through the submission module.

import { exerciseCases } from './cases.ts';
import type { CodeExercise, Exercise } from './define-exercise.ts';
import { gradeChoice, gradeCode, gradeNumeric, unrunnableResult, type GradeOptions, type GradeResult, type PreparedCall, type PreparedCase } from './grader.ts';
import type { AnswerKey } from './answer-key.ts';
import { graphKeyOf } from './graph-key.ts';
import { compileSubmission, runCalls } from './submission/in-thread.ts';
import { NOT_PLAIN } from './submission/runner.ts';
import { isSeeded, numericSpecFor, variantNumbers } from './variant.ts';

const compiled = new Map<string, (...args: unknown[]) => unknown>();

/** Compiles trusted source (a reference or a known wrong solution), once per source text. */
export function compileTrusted(source: string, functionName: string): (...args: unknown[]) => unknown {
  const key = `${functionName}\u0000${source}`;
  let fn = compiled.get(key);
  if (fn === undefined) {
    const result = compileSubmission(source, functionName);
    if (!result.ok) throw new Error(`a solution of ${functionName} does not compile: ${result.message}`);
    fn = result.fn;
    compiled.set(key, fn);
  }
  return fn;
}

/** Step 1: the seeded cases of a code exercise, every call with its arguments, the reference's output, the detectors' data and each wrong solution's output. */
export function prepareCases(exercise: CodeExercise, options: GradeOptions = {}): PreparedCase[] {
  const reference = compileTrusted(exercise.solution, exercise.functionName);
  const visibleCount = options.visibleCases ?? (options.salt ? 0 : 1);
  const cases = exerciseCases(exercise, { salt: options.salt, count: options.cases }).map((exerciseCase, index) => {
    const calls: PreparedCall[] = [];
    let args = exerciseCase.args;
    for (let step = 0; step < (exercise.steps ?? 1); step++) {
      const [outcome] = runCalls(reference, [{ calls: [{ args }] }])[0];
      if (!outcome.ok) throw new Error(`${exercise.id}: the reference solution threw on case ${index}: ${outcome.error}`);
      const batchSize = exercise.batchSize?.(args);
      const withoutActivationDerivative = exercise.withoutActivationDerivative?.(args);
      calls.push({
        args,
        expected: outcome.output,
        ...(batchSize === undefined ? {} : { batchSize }),
        ...(withoutActivationDerivative === undefined ? {} : { withoutActivationDerivative }),
      });
      if (exercise.chain !== undefined) args = exercise.chain(exerciseCase, args, outcome.output, step);
    }
    return { index, visible: index < visibleCount, calls };
  });
  // Each known-wrong solution on the same calls (the reference's chained arguments), so recognising it needs no code later.
  for (const misconception of exercise.misconceptions) {
    runCalls(compileTrusted(misconception.solution, exercise.functionName), cases).forEach((row, ci) =>
      row.forEach((outcome, k) => {
        const call = cases[ci].calls[k];
        call.wrong = { ...call.wrong, [misconception.id]: outcome };
      }),
    );
  }
  return cases;
}

/**
 * The answer key of an exercise for its page: the public cases prepared (for code), or the answers as numbers. A code
 * exercise's cases are those of `publicSalt` (cases.ts): '' for the page as built, a class student's own salt for the
 * key their page computes in a worker (student-key.ts), the first case visible either way.
 */
export function answerKeyOf(exercise: Exercise, salt = ''): AnswerKey {
  if (exercise.kind === 'code') {
    const { id, functionName, returns, parts, steps, detectors, misconceptions } = exercise;
    const cases = prepareCases(exercise, salt === '' ? {} : { salt, visibleCases: 1 });
    const visible = cases.find((c) => c.visible);
    const graph = visible === undefined ? undefined : graphKeyOf(exercise, visible.calls[0].args);
    return {
      kind: 'code',
      id,
      functionName,
      returns,
      parts,
      ...(steps === undefined ? {} : { steps }),
      ...(detectors === undefined ? {} : { detectors }),
      misconceptions: misconceptions.map((m) => ({ id: m.id, feedback: m.feedback })),
      cases,
      ...(graph === undefined ? {} : { graph }),
    };
  }
  if (exercise.kind === 'numeric') {
    const { id, parts, rtol, detectors } = exercise;
    // A seeded exercise's numbers, answers and graph are the learner's: the page computes them (seeded-definitions.ts).
    const seeded = isSeeded(exercise);
    return {
      kind: 'numeric',
      id,
      parts,
      rtol,
      ...(detectors === undefined ? {} : { detectors }),
      ...(seeded ? { seeded: true } : {}),
      expected: seeded ? {} : exercise.answer(),
      misconceptions: exercise.misconceptions.map((m) => ({ id: m.id, feedback: m.feedback, answer: seeded ? {} : m.answer() })),
      ...(seeded || exercise.graph === undefined ? {} : { graph: graphKeyOf(exercise) }),
    };
  }
  return { kind: 'choice', id: exercise.id, multiple: exercise.multiple, options: exercise.options.map(({ id, correct, explanation }) => ({ id, correct, explanation })) };
}

/** An answer key (of the public cases of `salt`) as the tagged JSON a page embeds (NaN, the infinities and undefined in wrong outputs survive); `readAnswerKey` reads it. */
export function answerKeyJson(exercise: Exercise, salt = ''): string {
  return JSON.stringify(answerKeyOf(exercise, salt), (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return { [NOT_PLAIN]: 'number', detail: String(value) };
    return value === undefined ? { [NOT_PLAIN]: 'undefined' } : value;
  });
}

/** What the grader says when a seeded exercise's answer comes without the learner's variant seed. */
export const NO_VARIANT_SEED_MESSAGE =
  'this exercise gives each learner their own numbers, and the variant seed that picked them is missing or unreadable, so the answer cannot be re-graded; ask for a new export from the course page (the answer itself is kept)';

/**
 * Grades an answer in one go, in this thread: for a code exercise the student's function or its source,
 * for a numeric one the numbers (per part; for one seeded per learner, on the numbers of `options.learnerSeed`),
 * for a choice the chosen option ids.
 */
export function grade(exercise: Exercise, answer: unknown, options: GradeOptions & { learnerSeed?: number } = {}): GradeResult {
  if (exercise.kind === 'numeric' && isSeeded(exercise)) {
    if (options.learnerSeed === undefined) return unrunnableResult(exercise, NO_VARIANT_SEED_MESSAGE);
    return gradeNumeric(numericSpecFor(exercise, variantNumbers(exercise, options.learnerSeed)), answer);
  }
  if (exercise.kind === 'numeric') return gradeNumeric(exercise, answer);
  if (exercise.kind === 'choice') return gradeChoice(exercise, answer);
  let fn: (...args: unknown[]) => unknown;
  if (typeof answer === 'function') fn = answer as (...args: unknown[]) => unknown;
  else if (typeof answer === 'string') {
    const compiledAnswer = compileSubmission(answer, exercise.functionName);
    if (!compiledAnswer.ok) return unrunnableResult(exercise, compiledAnswer.message);
    fn = compiledAnswer.fn;
  } else {
    return unrunnableResult(exercise, `${exercise.functionName} must be a function, yours is ${answer === undefined ? 'not defined' : typeof answer}`);
  }
  const cases = prepareCases(exercise, options);
  return gradeCode(exercise, cases, runCalls(fn, cases));
}
