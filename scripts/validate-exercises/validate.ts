// Validating one exercise on many seeds, as PrairieLearn's "test 100 times" does: its reference must
// pass, its starter must fail, and each known-wrong solution must be rejected and recognised as itself,
// on every seed. A code exercise's seed s is the hidden-case salt `validate-s`; a numeric exercise
// seeded per learner takes s as the learner seed; a fixed numeric exercise and a choice question have
// one variant and are checked once. Everything runs in this thread through the grader's own path
// (prepareCases, the in-thread runner for trusted code, gradeCode), so a slip found here is one a
// student's grade would show.

import type { ChoiceExercise, CodeExercise, Exercise, Numbers, NumericExercise } from '../../exercises/define-exercise.ts';
import { gradeCode, type GradeResult } from '../../exercises/grader.ts';
import { compileTrusted, grade, prepareCases } from '../../exercises/prepare-cases.ts';
import { runCalls } from '../../exercises/submission/in-thread.ts';
import { isSeeded, variantNumbers } from '../../exercises/variant.ts';

/** What a solution is in a validation: the reference (must pass), the starter (must fail) or a known-wrong one (must be rejected and named). */
export type SolutionRole = 'reference' | 'starter' | 'wrong';

/** How an exercise's variants are drawn: hidden-case salts (code), learner seeds (seeded numeric), or one fixed variant. */
export type VariantKind = 'salts' | 'learners' | 'fixed';

/** One solution of one exercise to validate, before any seed is run. */
export interface Check {
  /** The exercise's id. */
  exercise: string;
  /** The exercise's kind. */
  kind: Exercise['kind'];
  /** The solution's name: `reference`, `starter`, a misconception's id, or `option ID` for a choice. */
  solution: string;
  /** What it must do. */
  role: SolutionRole;
  /** How the exercise's variants are drawn. */
  variants: VariantKind;
}

/** The first seed on which a solution did not do what it must, and what it did instead. */
export interface Failure {
  /** The seed (the salt `validate-seed` or the learner seed); 0 for an exercise with one fixed variant. */
  seed: number;
  /** What happened, in words. */
  reason: string;
}

/** How one solution did over the seeds run: a row of the report. */
export interface Tally extends Check {
  /** How many seeds were run. */
  runs: number;
  /** On how many it did what it must: the reference passed, the starter failed, a wrong solution was rejected. */
  met: number;
  /** For a wrong solution: on how many it was recognised as itself (its id among the result's misconceptions). */
  recognised?: number;
  /** The first (lowest) seed where it fell short, if any. */
  firstFailure?: Failure;
}

/** What one solution did on one seed. */
interface SeedOutcome {
  met: boolean;
  recognised?: boolean;
  reason?: string;
}

/** The salt of a code exercise's hidden cases for validation seed `seed`. */
export function saltOf(seed: number): string {
  return `validate-${seed}`;
}

/** How an exercise's variants are drawn. */
export function variantKindOf(exercise: Exercise): VariantKind {
  if (exercise.kind === 'code') return 'salts';
  if (exercise.kind === 'numeric' && isSeeded(exercise)) return 'learners';
  return 'fixed';
}

/** The single-option answers of a choice question that are not its right answer (every option, for a question with several right ones, but a lone right one). */
function wrongSingleOptions(exercise: ChoiceExercise): string[] {
  const right = exercise.options.filter((o) => o.correct).map((o) => o.id);
  return exercise.options.map((o) => o.id).filter((id) => !(right.length === 1 && right[0] === id));
}

/** Every solution of an exercise that a validation checks, in the order the report lists them. */
export function checksOf(exercise: Exercise): Check[] {
  const base = { exercise: exercise.id, kind: exercise.kind, variants: variantKindOf(exercise) };
  const wrong =
    exercise.kind === 'choice' ? wrongSingleOptions(exercise).map((id) => `option ${id}`) : exercise.misconceptions.map((m) => m.id);
  return [
    { ...base, solution: 'reference', role: 'reference' },
    { ...base, solution: 'starter', role: 'starter' },
    ...wrong.map((solution): Check => ({ ...base, solution, role: 'wrong' })),
  ];
}

/** A grade result in a few words, for a failure's reason: its status, the parts that missed, what it was named, its first problem. */
function resultInWords(result: GradeResult): string {
  const missed = result.parts.filter((p) => !p.passed).map((p) => p.name);
  const named = result.misconceptions.map((m) => m.id);
  return [
    result.status,
    ...(result.status === 'failed' && missed.length > 0 ? [`on ${missed.join(', ')}`] : []),
    named.length > 0 ? `named ${named.join(', ')}` : 'named nothing',
    ...(result.problems.length > 0 ? [`(${result.problems[0]})`] : []),
  ].join(' ');
}

/** Judges one graded answer against what its role requires; `own` is the misconception ids a wrong one must be named by. */
function judge(role: SolutionRole, result: GradeResult, own: readonly string[] = []): SeedOutcome {
  if (role === 'reference') return result.passed ? { met: true } : { met: false, reason: `the reference was ${resultInWords(result)}` };
  if (role === 'starter') return result.passed ? { met: false, reason: 'the starter passed' } : { met: true };
  const named = result.misconceptions.map((m) => m.id);
  const recognised = !result.passed && own.every((id) => named.includes(id));
  if (result.passed) return { met: false, recognised: false, reason: 'accepted: it passed every case' };
  return recognised ? { met: true, recognised: true } : { met: true, recognised: false, reason: `rejected but not recognised: ${resultInWords(result)}` };
}

/** A message for anything thrown while validating. */
function thrownMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A code exercise on one seed: its cases prepared under the seed's salt, each solution run on them in this thread and graded. */
function codeSeed(exercise: CodeExercise, seed: number, checks: readonly Check[]): SeedOutcome[] {
  let cases: ReturnType<typeof prepareCases>;
  try {
    cases = prepareCases(exercise, { salt: saltOf(seed) });
  } catch (error) {
    // The reference threw or a solution does not compile: no solution can be graded on this seed.
    const reason = `the cases could not be prepared: ${thrownMessage(error)}`;
    return checks.map((check) => ({ met: false, ...(check.role === 'wrong' ? { recognised: false } : {}), reason }));
  }
  const sources = new Map<string, string>([
    ['reference', exercise.solution],
    ['starter', exercise.starter],
    ...exercise.misconceptions.map((m): [string, string] => [m.id, m.solution]),
  ]);
  return checks.map((check) => {
    try {
      const fn = compileTrusted(sources.get(check.solution)!, exercise.functionName);
      return judge(check.role, gradeCode(exercise, cases, runCalls(fn, cases)), [check.solution]);
    } catch (error) {
      // A starter that cannot run still fails, as a student's check of it would; any other solution falls short.
      if (check.role === 'starter') return { met: true };
      return { met: false, ...(check.role === 'wrong' ? { recognised: false } : {}), reason: thrownMessage(error) };
    }
  });
}

/** The same shape as a value, every number zero: the starter of a numeric exercise, a well-formed answer of nothing. */
function zerosLike(value: Numbers): Numbers {
  if (typeof value === 'number') return 0;
  return (value as (number | number[])[]).map((x) => (typeof x === 'number' ? 0 : x.map(() => 0))) as Numbers;
}

/** A numeric exercise on one seed (a learner seed, or its one fixed variant): the answer passes, an empty and a zero answer fail, each slip is named. */
function numericSeed(exercise: NumericExercise, seed: number, checks: readonly Check[]): SeedOutcome[] {
  const seeded = isSeeded(exercise);
  const options = seeded ? { learnerSeed: seed } : {};
  let numbers: ReturnType<typeof variantNumbers> | undefined;
  let reference: Record<string, Numbers>;
  try {
    numbers = seeded ? variantNumbers(exercise, seed) : undefined;
    reference = exercise.answer(numbers);
  } catch (error) {
    const reason = `the variant's numbers or answer could not be computed: ${thrownMessage(error)}`;
    return checks.map((check) => ({ met: false, ...(check.role === 'wrong' ? { recognised: false } : {}), reason }));
  }
  return checks.map((check) => {
    try {
      if (check.role === 'reference') return judge('reference', grade(exercise, reference, options));
      if (check.role === 'starter') {
        // Both a blank form and zeros typed in every box must fail: the latter catches an answer that is zero.
        const empty = judge('starter', grade(exercise, {}, options));
        const zeros = judge('starter', grade(exercise, Object.fromEntries(Object.entries(reference).map(([part, value]) => [part, zerosLike(value)])), options));
        return empty.met ? (zeros.met ? { met: true } : { met: false, reason: 'an answer of zeros passed' }) : { met: false, reason: 'an empty answer passed' };
      }
      const misconception = exercise.misconceptions.find((m) => m.id === check.solution)!;
      return judge('wrong', grade(exercise, misconception.answer(numbers), options), [misconception.id]);
    } catch (error) {
      return { met: false, ...(check.role === 'wrong' ? { recognised: false } : {}), reason: thrownMessage(error) };
    }
  });
}

/** A choice question, once: its right options pass, an empty answer fails, each other single option is rejected with every misjudged option explained. */
function choiceOnce(exercise: ChoiceExercise, checks: readonly Check[]): SeedOutcome[] {
  const right = exercise.options.filter((o) => o.correct).map((o) => o.id);
  return checks.map((check) => {
    if (check.role === 'reference') return judge('reference', grade(exercise, right));
    if (check.role === 'starter') return judge('starter', grade(exercise, []));
    const chosen = check.solution.replace(/^option /, '');
    // Recognised: the options judged wrong (the one chosen when wrong, the right ones it leaves out) are each explained.
    const misjudged = exercise.options.filter((o) => o.correct !== (o.id === chosen)).map((o) => o.id);
    return judge('wrong', grade(exercise, [chosen]), misjudged);
  });
}

/** What each solution of an exercise did on one seed, in the order of `checksOf`. */
export function validateSeed(exercise: Exercise, seed: number, checks: readonly Check[] = checksOf(exercise)): SeedOutcome[] {
  if (exercise.kind === 'code') return codeSeed(exercise, seed, checks);
  if (exercise.kind === 'numeric') return numericSeed(exercise, seed, checks);
  return choiceOnce(exercise, checks);
}

/** The seeds an exercise is validated on: all of them, or the one fixed variant (seed 0) when it has no others. */
export function seedsFor(exercise: Exercise, seeds: readonly number[]): number[] {
  return variantKindOf(exercise) === 'fixed' ? [0] : [...seeds];
}

/** Validates an exercise on the given seeds (once, if it has one fixed variant): one tally per solution, with its first failing seed. */
export function validateExercise(exercise: Exercise, seeds: readonly number[]): Tally[] {
  const checks = checksOf(exercise);
  const tallies: Tally[] = checks.map((check) => ({ ...check, runs: 0, met: 0, ...(check.role === 'wrong' ? { recognised: 0 } : {}) }));
  for (const seed of seedsFor(exercise, seeds)) {
    validateSeed(exercise, seed, checks).forEach((outcome, i) => {
      const tally = tallies[i];
      tally.runs++;
      if (outcome.met) tally.met++;
      if (outcome.recognised) tally.recognised!++;
      if (outcome.reason !== undefined && tally.firstFailure === undefined) tally.firstFailure = { seed, reason: outcome.reason };
    });
  }
  return tallies;
}
