// What an exercise page knows of an exercise: its answer key, computed when the site is built
// (prepare-cases.ts) and written into the page as JSON. For a code exercise that is the public
// cases with the reference's outputs and every known-wrong solution's outputs, so the page grades
// without shipping or running a solution; hidden cases and the salt stay with the CLI. The page
// reads it back here, with the same decoder as a submission's reply. An exercise that declares a
// graph also gets it traced on the visible case (graph-key.ts), to draw a wrong answer on.

import type { ChoiceGradingSpec, CodeGradingSpec, NumericGradingSpec, PreparedCase } from './grader.ts';
import type { Numbers, NumericMisconception, OutputPart } from './define-exercise.ts';
import { decodeValue } from './submission/reply.ts';
import type { GraphKey } from './graph-key.ts';

/** A code exercise's key: what grading needs, and the public cases prepared with every expected and known-wrong output. */
export type CodeAnswerKey = CodeGradingSpec & {
  kind: 'code';
  cases: PreparedCase[];
  /** The exercise's graph traced on the visible case, when it declares one. */
  graph?: GraphKey;
};

/**
 * A numeric exercise's key: the answer and the known wrong answers, as numbers. A key of an exercise seeded per learner
 * has none (its numbers differ per learner): the page loads the definition's arithmetic (seeded-definitions.ts) instead.
 */
export type NumericAnswerKey = Omit<NumericGradingSpec, 'answer' | 'misconceptions'> & {
  kind: 'numeric';
  /** Whether its numbers are seeded per learner, so `expected` and the wrong answers are empty. */
  seeded?: boolean;
  /** The reference answer per part. */
  expected: Record<string, Numbers>;
  /** The known wrong answers, each per part. */
  misconceptions: (Pick<NumericMisconception, 'id' | 'feedback'> & { answer: Record<string, Numbers> })[];
  /** The exercise's graph, traced on the prompt's numbers, when it declares one. */
  graph?: GraphKey;
};

/** A choice's key: its options with which are right and why. */
export type ChoiceAnswerKey = ChoiceGradingSpec & { kind: 'choice' };

/** The answer key of any exercise, as a page gets it. */
export type AnswerKey = (CodeAnswerKey | NumericAnswerKey | ChoiceAnswerKey) & { parts?: OutputPart[] };

/** Reads a key written by `answerKeyJson` (tagged JSON, so NaN and undefined in a wrong solution's outputs survive). */
export function readAnswerKey(text: string): AnswerKey {
  return decodeValue(JSON.parse(text)) as AnswerKey;
}

/** A numeric key as the grader takes it: its numbers behind the `answer()` functions a definition has. */
export function numericSpecOf(key: NumericAnswerKey): NumericGradingSpec {
  return {
    ...key,
    answer: () => key.expected,
    misconceptions: key.misconceptions.map((m) => ({ id: m.id, feedback: m.feedback, answer: () => m.answer })),
  };
}
