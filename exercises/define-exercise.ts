// What an exercise is, as data: the three kinds (write a function, type a number,
// pick options) and everything the page, the grader and the tests need from one.
// Definitions are plain objects built by `defineExercise`, so they load the same in
// the browser, in a Web Worker and in Node.

import type { Random } from '../engine/index.ts';
import { MIN_CASES } from './cases.ts';
import { graphDeclarationProblem, type ExerciseGraph } from './exercise-graph.ts';

/** A number, a vector or a matrix, as plain nested arrays: what code exercises take and return. */
export type Numbers = number | number[] | number[][];

/** Names of the generic misconception detectors the grader knows (see `misconceptions.ts`). */
export type GenericDetector = 'zeros' | 'sign' | 'double' | 'half' | 'sum-vs-mean' | 'mean-twice' | 'transposed' | 'activation-derivative';

/** One graded output of an exercise, scored on its own for partial credit. */
export interface OutputPart {
  /** The key in the returned object (or the single output's name), used in messages: "dW1 must be 4×5". */
  name: string;
  /** Points for this part when every case agrees; 1 by default. */
  weight?: number;
}

/** A known wrong solution of a code exercise, and the feedback it must earn. */
export interface CodeMisconception {
  /** A stable id, reported by the grader and the CLI (`forgot-relu-derivative`). */
  id: string;
  /** The wrong solution, as a student would write it (TypeScript, defining the exercise's function). */
  solution: string;
  /** What the student is told when their answer behaves like this one (Markdown with math). */
  feedback: string;
  /** With a `graph`: the label of the tensor whose gradient this mistake makes wrong first, going backward (`'z1'`). */
  node?: string;
}

/** One seeded test case of a code exercise: the arguments of the first call and any data the later calls need. */
export interface ExerciseCase {
  /** The arguments of the (first) call, plain numbers and nested arrays. */
  args: unknown[];
  /** Extra data for `chain` (the gradients of later steps) or for checks in the tests (a seed); never shown. */
  meta?: unknown;
}

/** Fields every kind of exercise has. */
interface ExerciseBase {
  /** The id, also the file name `exercises/definitions/<id>.ts` and the `<Exercise id>` that places it in a lesson (its chapter is where it is placed; placed nowhere, it is a practice exercise). */
  id: string;
  /** A short title shown above the prompt. */
  title: string;
  /** The task, in Markdown with `$...$` math. */
  prompt: string;
  /** Hints shown one at a time, from a nudge to nearly the answer. */
  hints: string[];
  /** Why the answer is what it is, shown once solved (Markdown with math). */
  explanation: string;
}

/** An exercise where the student writes a function, graded on seeded cases against the reference solution. */
export interface CodeExercise extends ExerciseBase {
  /** The kind. */
  kind: 'code';
  /** The function the student defines (`sigmoidBackward`). */
  functionName: string;
  /** The function's TypeScript signature, shown with the prompt. */
  signature: string;
  /** What the editor starts with: the signature and a placeholder body that returns the right shape. */
  starter: string;
  /** The reference solution's source, graded like a student's and shown on request. */
  solution: string;
  /** Whether the function returns one value (one part) or an object with one key per part. */
  returns: 'value' | 'object';
  /** The graded outputs, in the order they are reported. */
  parts: OutputPart[];
  /** Makes the arguments of case `index` from a seeded generator (shapes pairwise different, inputs away from kinks). */
  generate(rng: Random, index: number): ExerciseCase;
  /** How many cases it is graded on at the least (default and minimum 3): more when telling its misconceptions apart needs more situations. */
  caseCount?: number;
  /** How many calls a case makes (several consecutive optimizer steps); 1 by default. */
  steps?: number;
  /** The arguments of call `step + 1`, built from the case and the reference output of call `step`, so one slip never compounds. */
  chain?(exerciseCase: ExerciseCase, args: unknown[], referenceOutput: unknown, step: number): unknown[];
  /** Which generic detectors apply (parameter updates are not gradients, so "sign flipped" means nothing there); all by default. */
  detectors?: GenericDetector[];
  /** The number N that a mean over the batch divides by, for the sum-versus-mean detectors. */
  batchSize?(args: unknown[]): number;
  /** Per part, the answer a student gets who forgets to multiply by the activation's derivative, for that detector. */
  withoutActivationDerivative?(args: unknown[]): Record<string, Numbers>;
  /** The engine's answer to one call (by autograd or the engine's optimizers): the tests prove the reference equal to it on public and hidden cases. */
  oracle(args: unknown[], exerciseCase: ExerciseCase): unknown;
  /** Known wrong solutions, each with its own feedback. */
  misconceptions: CodeMisconception[];
  /** The computation graph a wrong answer's gradients are drawn on (see exercise-graph.ts); built from the visible case's arguments. */
  graph?: ExerciseGraph;
}

/** The numbers of one variant of a numeric exercise seeded per learner, by name: what its prompt's `{{name}}` placeholders show. */
export type VariantNumbers = Record<string, number>;

/** A known wrong numeric answer, and the feedback it must earn. */
export interface NumericMisconception {
  /** A stable id. */
  id: string;
  /** The wrong answer, per part, computed from the same numbers by the wrong method (a seeded exercise's variant numbers). */
  answer(numbers?: VariantNumbers): Record<string, Numbers>;
  /** What the student is told when they give this answer. */
  feedback: string;
  /** With a `graph`: the label of the tensor whose gradient this mistake makes wrong first, going backward (`'z1'`). */
  node?: string;
}

/** An exercise where the student types numbers (a gradient computed by hand), per part. */
export interface NumericExercise extends ExerciseBase {
  /** The kind. */
  kind: 'numeric';
  /** The answer's parts, each a number, a vector or a matrix. */
  parts: OutputPart[];
  /** The reference answer per part, computed (never typed) from the numbers in the prompt (a seeded exercise's variant numbers). */
  answer(numbers?: VariantNumbers): Record<string, Numbers>;
  /**
   * For an exercise seeded per learner: draws the numbers of a variant (see `variant.ts`), which the prompt shows at its
   * `{{name}}` placeholders and `answer` and the misconceptions take. Absent: the numbers are fixed, written in the prompt.
   */
  generate?(rng: Random): VariantNumbers;
  /** Relative tolerance: hand computation keeps a few significant digits, so this is looser than for code. */
  rtol: number;
  /** Which generic detectors apply; all that make sense for numbers by default. */
  detectors?: GenericDetector[];
  /** Known wrong answers. */
  misconceptions: NumericMisconception[];
  /** The computation graph a wrong answer's gradients are drawn on (see exercise-graph.ts); `build` gets no arguments. */
  graph?: ExerciseGraph;
}

/** One option of a choice exercise. */
export interface ChoiceOption {
  /** A stable id, what the student's answer and saved progress record. */
  id: string;
  /** The option's text (Markdown with math). */
  text: string;
  /** Whether the option belongs to the right answer. */
  correct: boolean;
  /** Why it is right or wrong, shown when it is chosen (or, for a right option, missed). */
  explanation: string;
}

/** A single or multiple choice (or true/false) question with an explanation per option. */
export interface ChoiceExercise extends ExerciseBase {
  /** The kind. */
  kind: 'choice';
  /** Whether several options may be chosen (checkboxes) or exactly one (radio buttons). */
  multiple: boolean;
  /** The options, in the order shown. */
  options: ChoiceOption[];
}

/** Any exercise. */
export type Exercise = CodeExercise | NumericExercise | ChoiceExercise;

/** The total points of an exercise: the sum of its parts' weights, or 1 for a choice question. */
export function maxScoreOf(exercise: Exercise): number {
  if (exercise.kind === 'choice') return 1;
  return exercise.parts.reduce((total, part) => total + (part.weight ?? 1), 0);
}

/** Checks an exercise definition and returns it unchanged: a malformed one fails where it is defined, not in a student's page. */
export function defineExercise<E extends Exercise>(exercise: E): E {
  const where = `exercise ${JSON.stringify(exercise.id)}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(exercise.id)) throw new Error(`${where}: the id must be kebab-case`);
  if (exercise.hints.length === 0) throw new Error(`${where}: give at least one hint`);
  if (exercise.kind === 'choice') {
    if (!exercise.options.some((o) => o.correct)) throw new Error(`${where}: no option is correct`);
    if (!exercise.multiple && exercise.options.filter((o) => o.correct).length !== 1) {
      throw new Error(`${where}: a single-choice question needs exactly one correct option`);
    }
    assertUnique(where, 'option', exercise.options.map((o) => o.id));
    return exercise;
  }
  if (exercise.parts.length === 0) throw new Error(`${where}: declare at least one output part`);
  assertUnique(where, 'part', exercise.parts.map((p) => p.name));
  assertUnique(where, 'misconception', exercise.misconceptions.map((m) => m.id));
  if (exercise.kind === 'numeric' && exercise.generate === undefined && /\{\{\w+\}\}/.test(exercise.prompt)) {
    throw new Error(`${where}: a prompt with {{name}} placeholders needs generate() to draw its numbers`);
  }
  const misconceptions: readonly { id: string; node?: string }[] = exercise.misconceptions;
  if (exercise.graph === undefined) {
    const placed = misconceptions.find((m) => m.node !== undefined);
    if (placed) throw new Error(`${where}: misconception ${JSON.stringify(placed.id)} names a node, but the exercise declares no graph`);
  } else {
    const problem = graphDeclarationProblem(exercise.graph, exercise.parts.map((p) => p.name), misconceptions);
    if (problem !== null) throw new Error(`${where}: ${problem}`);
  }
  if (exercise.kind === 'code') {
    if (exercise.returns === 'value' && exercise.parts.length !== 1) throw new Error(`${where}: a function returning one value has one part`);
    if ((exercise.steps ?? 1) > 1 && exercise.chain === undefined) throw new Error(`${where}: several steps need a chain`);
    if (exercise.caseCount !== undefined && !(Number.isInteger(exercise.caseCount) && exercise.caseCount >= MIN_CASES)) {
      throw new Error(`${where}: caseCount must be a whole number ≥ ${MIN_CASES}`);
    }
  }
  return exercise;
}

function assertUnique(where: string, what: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${where}: the ${what} id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
  }
}
