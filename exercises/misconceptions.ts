// Recognising what a wrong answer got wrong. Two sources: each exercise's own
// known wrong solutions (run on the same inputs; an answer that agrees with one on
// a part earns that misconception's feedback), and generic detectors, each a
// transformation of the right answer that a typical slip produces: −r for a flipped
// sign, 2r and r/2 for a factor of two, N·r and r/N for mean versus sum, rᵀ for a
// missing transpose, and the answer without the activation's derivative.

import type { GenericDetector, Numbers } from './define-exercise.ts';
import { matches, shapeOf } from './compare.ts';

/** A misconception the grader recognised in an answer, with the feedback to show. */
export interface RecognisedMisconception {
  /** The misconception's id (an exercise's own, or a generic detector's name). */
  id: string;
  /** Whether it is one of the exercise's known wrong solutions or a generic detector. */
  source: 'exercise' | 'generic';
  /** The feedback (Markdown with math). */
  message: string;
  /** The output parts that behave this way. */
  parts: string[];
}

/** What a generic detector may look at for one call: its arguments, and what the exercise computed for it when the cases were prepared. */
export interface DetectorContext {
  /** The arguments of the call. */
  args: unknown[];
  /** The N a mean over the batch divides by (the exercise's `batchSize` of these arguments). */
  batchSize?: number;
  /** Per part, the answer without the activation's derivative (the exercise's `withoutActivationDerivative`). */
  withoutActivationDerivative?: Record<string, Numbers>;
}

/** A generic detector: the answer a typical slip produces from the right one, and what to tell the student. */
export interface Detector {
  /** The wrong answer this slip gives for one part of one call, or null when the slip cannot apply there. */
  candidate(expected: Numbers, part: string, context: DetectorContext): Numbers | null;
  /** The feedback for a part that behaves this way. */
  message(part: string, context: DetectorContext): string;
}

function scaled(value: Numbers, factor: number): Numbers {
  if (typeof value === 'number') return value * factor;
  return (value as (number | number[])[]).map((x) => (typeof x === 'number' ? x * factor : x.map((y) => y * factor))) as Numbers;
}

function transposed(value: Numbers): Numbers | null {
  const shape = shapeOf(value);
  if (shape.length !== 2) return null;
  const rows = value as number[][];
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

function batchOf(context: DetectorContext): number | null {
  const n = context.batchSize;
  // With N = 2, "N times" and "twice" are the same slip; the factor-two detector speaks for it.
  return n !== undefined && n > 2 ? n : null;
}

/** The generic detectors, by name, in the order they are tried. */
export const DETECTORS: Record<GenericDetector, Detector> = {
  zeros: {
    candidate: (r) => scaled(r, 0),
    message: (part) => `${part} is all zeros: that is the starter's placeholder. Replace it with the computation.`,
  },
  sign: {
    candidate: (r) => scaled(r, -1),
    message: (part) =>
      `${part} has the opposite sign of the right answer everywhere. Check the sign of the error term (prediction − target, not target − prediction).`,
  },
  double: {
    candidate: (r) => scaled(r, 2),
    message: (part) => `${part} is twice the right answer: a factor of 2 too many somewhere.`,
  },
  half: {
    candidate: (r) => scaled(r, 0.5),
    message: (part) => `${part} is half the right answer: a factor of 2 is missing (the derivative of $u^2$ is $2u$).`,
  },
  'sum-vs-mean': {
    candidate: (r, _part, context) => {
      const n = batchOf(context);
      return n === null ? null : scaled(r, n);
    },
    message: (part, context) =>
      `${part} is N = ${batchOf(context)} times the right answer: the loss is a mean over the batch, so its gradient carries a factor $1/N$. You summed.`,
  },
  'mean-twice': {
    candidate: (r, _part, context) => {
      const n = batchOf(context);
      return n === null ? null : scaled(r, 1 / n);
    },
    message: (part, context) =>
      `${part} is the right answer divided by N = ${batchOf(context)}: you divided by the batch size once too often. The $1/N$ of the mean enters once, and the gradient then sums over the batch.`,
  },
  transposed: {
    candidate: (r) => transposed(r),
    message: (part) =>
      `${part} is the transpose of the right answer. A gradient has the shape of what it is the gradient of (a weight is out×in, as in torch.nn.Linear): swap the factors of the product and transpose them.`,
  },
  'activation-derivative': {
    candidate: (_r, part, context) => context.withoutActivationDerivative?.[part] ?? null,
    message: (part) =>
      `${part} is missing the activation's derivative: the chain rule multiplies the upstream gradient by $f'(z)$, element by element.`,
  },
};

/** Every generic detector's name, in the order they are tried. */
export const ALL_DETECTORS = Object.keys(DETECTORS) as GenericDetector[];

/** For one part over every call: the student's values, the expected ones and each call's context. */
export interface PartEvidence {
  /** The part's name. */
  part: string;
  /** The student's value of this part in each call (anything, if the structure is wrong). */
  yours: unknown[];
  /** The expected value in each call. */
  expected: Numbers[];
  /** Each call's context. */
  contexts: DetectorContext[];
}

/** Whether the student's part agrees with `wrong` in every call, where `wrong` differs from the right answer in at least one. */
export function behavesLike(evidence: PartEvidence, wrong: readonly (Numbers | null)[], rtol?: number): boolean {
  let differs = false;
  for (let call = 0; call < evidence.expected.length; call++) {
    const candidate = wrong[call];
    if (candidate === null || candidate === undefined) return false;
    if (!matches(evidence.yours[call], candidate, rtol)) return false;
    if (!matches(candidate, evidence.expected[call], rtol)) differs = true;
  }
  return differs;
}

/** The generic detectors that recognise a wrong part, each as a recognised misconception for that part. */
export function detectGeneric(evidence: PartEvidence, detectors: readonly GenericDetector[], rtol?: number): RecognisedMisconception[] {
  const found: RecognisedMisconception[] = [];
  for (const name of detectors) {
    const detector = DETECTORS[name];
    const candidates = evidence.expected.map((r, call) => detector.candidate(r, evidence.part, evidence.contexts[call]));
    if (behavesLike(evidence, candidates, rtol)) {
      found.push({ id: name, source: 'generic', message: detector.message(evidence.part, evidence.contexts[0]), parts: [evidence.part] });
    }
  }
  return found;
}

/** Merges recognitions of the same misconception on several parts into one entry listing the parts. */
export function mergeRecognised(list: readonly RecognisedMisconception[]): RecognisedMisconception[] {
  const byId = new Map<string, RecognisedMisconception>();
  for (const item of list) {
    const key = `${item.source}:${item.id}`;
    const seen = byId.get(key);
    if (seen === undefined) byId.set(key, { ...item, parts: [...item.parts] });
    else for (const part of item.parts) if (!seen.parts.includes(part)) seen.parts.push(part);
  }
  return [...byId.values()];
}
