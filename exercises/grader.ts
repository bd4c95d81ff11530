// The grader: pure functions from an answer key and an answer to a structured result.
// No DOM, no Node and no exercise code, so the page grades with it on its main thread (from
// the answer key computed when the site was built) and the CLI in Node.
//
// A code answer is graded in three steps, split so the untrusted one can run apart:
//   1. prepareCases (trusted, answer-key.ts): seeded cases, and for each call its arguments,
//      the reference output and each known-wrong solution's output. Chained calls
//      (optimizer steps) get the reference's state, so one slip does not compound.
//   2. the submission module (untrusted, submission/): the student's function on those
//      arguments, in a worker or a sandboxed process; outputs come back as tagged plain data
//      (holes, getters, cycles and Proxies become markers, see returned-value.ts).
//   3. gradeCode (trusted): structure first, read totally whatever arrives (invalid,
//      not an attempt), then every
//      element within |s − r| ≤ atol + rtol·|r|, per part for partial credit, then the
//      misconceptions the wrong parts show.

import type { ChoiceExercise, ChoiceOption, CodeExercise, CodeMisconception, Exercise, Numbers, NumericExercise, NumericMisconception, OutputPart } from './define-exercise.ts';
import { compareElements, elementIndex, flatten } from './compare.ts';
import { ownValue, readNumbers, readPart } from './returned-value.ts';
import {
  ALL_DETECTORS,
  behavesLike,
  detectGeneric,
  mergeRecognised,
  type DetectorContext,
  type PartEvidence,
  type RecognisedMisconception,
} from './misconceptions.ts';

export type { RecognisedMisconception } from './misconceptions.ts';

/** One call of a prepared case: the arguments to pass, the reference's output, and what the detectors and known-wrong solutions need. */
export interface PreparedCall {
  /** The arguments, plain data. */
  args: unknown[];
  /** The reference solution's output for these arguments. */
  expected: unknown;
  /** The N a mean over the batch divides by, for the sum-versus-mean detectors. */
  batchSize?: number;
  /** Per part, the answer without the activation's derivative, for that detector. */
  withoutActivationDerivative?: Record<string, Numbers>;
  /** Each known-wrong solution's outcome on this call, by misconception id. */
  wrong?: Record<string, CallOutcome>;
}

/** A case ready to grade: its calls, and whether its values may be shown to the student. */
export interface PreparedCase {
  /** The case's index in its seeded sequence. */
  index: number;
  /** A visible case shows its inputs and its worst element; a hidden one never shows expected values. */
  visible: boolean;
  /** One call, or one per consecutive step. */
  calls: PreparedCall[];
}

/** What one call of the student's function did: returned a value (copied to plain data) or threw (on this line of the submission, when known). */
export type CallOutcome = { ok: true; output: unknown } | { ok: false; error: string; line?: number };

/** Options of a grading run. */
export interface GradeOptions {
  /** The salt of the hidden cases ('' or absent: the public cases the page uses). */
  salt?: string;
  /** How many cases, at least 3 (default 3). */
  cases?: number;
  /** How many of the first cases are visible (default: 1 without a salt, 0 with one). */
  visibleCases?: number;
}

/** The worst element of a visible case: where it is and both values. */
export interface WorstElement {
  /** The case it is in. */
  case: number;
  /** The step (from 1) in a multi-step exercise. */
  step?: number;
  /** The element, as written in code: `dW1[2][0]`. */
  where: string;
  /** The student's value. */
  yours: number;
  /** The expected value. */
  expected: number;
}

/** How one output part did. */
export interface PartResult {
  /** The part's name. */
  name: string;
  /** The points it is worth. */
  maxScore: number;
  /** The points earned: all or nothing per part. */
  score: number;
  /** Whether every case agreed. */
  passed: boolean;
  /** How many cases agreed. */
  casesPassed: number;
  /** How many cases were graded. */
  caseCount: number;
  /** The first structural problem of this part, if any. */
  problem?: string;
  /** For a failing visible case, its worst element. */
  worst?: WorstElement;
  /** How many hidden cases failed (their values are never shown). */
  hiddenCasesFailed: number;
}

/** A case as the student may see it. */
export interface CaseSummary {
  /** The case's index. */
  index: number;
  /** Whether its inputs and values may be shown. */
  visible: boolean;
  /** Whether every part agreed on it. */
  passed: boolean;
  /** The first call's arguments, for a visible case only. */
  args?: unknown[];
}

/** Feedback on one option of a choice question. */
export interface OptionFeedback {
  /** The option's id. */
  id: string;
  /** Whether the student chose it. */
  chosen: boolean;
  /** Whether it belongs to the right answer. */
  correct: boolean;
  /** Its explanation. */
  explanation: string;
}

/** The structured result of grading one answer. */
export interface GradeResult {
  /** The exercise's id. */
  exercise: string;
  /** The exercise's kind. */
  kind: Exercise['kind'];
  /** passed: every part right; failed: a well-formed but wrong answer; invalid: a structural problem (not an attempt). */
  status: 'passed' | 'failed' | 'invalid';
  /** Whether every part is right. */
  passed: boolean;
  /** Whether this check counts as an attempt (invalid answers do not). */
  countsAsAttempt: boolean;
  /** Points earned. */
  score: number;
  /** Points possible. */
  maxScore: number;
  /** Per part, for partial credit. */
  parts: PartResult[];
  /** Structural problems, errors and time-outs, as messages. */
  problems: string[];
  /** The misconceptions recognised, the exercise's own first. */
  misconceptions: RecognisedMisconception[];
  /** The cases, without expected values. */
  cases: CaseSummary[];
  /** For a choice question, feedback on every option. */
  options?: OptionFeedback[];
}

/** What grading a code answer needs of its exercise: a definition has it, and so has the answer key a page gets. */
export type CodeGradingSpec = Pick<CodeExercise, 'id' | 'functionName' | 'returns' | 'parts' | 'steps' | 'detectors'> & {
  /** The known-wrong solutions' ids and feedback (their outputs are in the prepared calls). */
  misconceptions: readonly Pick<CodeMisconception, 'id' | 'feedback'>[];
};

/** What grading a numeric answer needs of its exercise. */
export type NumericGradingSpec = Pick<NumericExercise, 'id' | 'parts' | 'answer' | 'rtol' | 'detectors'> & {
  /** The known wrong answers. */
  misconceptions: readonly Pick<NumericMisconception, 'id' | 'answer' | 'feedback'>[];
};

/** What grading a choice needs of its exercise. */
export type ChoiceGradingSpec = Pick<ChoiceExercise, 'id' | 'multiple'> & {
  /** The options: id, whether right, and the explanation. */
  options: readonly Pick<ChoiceOption, 'id' | 'correct' | 'explanation'>[];
};

/** What an unrunnable result needs of its exercise: its id, kind and parts. */
export type ExerciseShape = Pick<Exercise, 'id' | 'kind'> & { parts?: readonly OutputPart[] };

function partOf(exercise: CodeGradingSpec, output: unknown, part: string): { value?: unknown; problem?: string } {
  if (exercise.returns === 'value') return { value: output };
  const read = readPart(exercise.functionName, output, part, exercise.parts.map((p) => p.name));
  return read.ok ? { value: read.value } : { problem: read.problem };
}

/** One call's outcome as it arrived (from a worker, possibly tampered with by the code that ran there), or undefined when it is not one. */
function outcomeAt(outcomes: unknown, ci: number, step: number): CallOutcome | undefined {
  const perCase = ownValue(outcomes, String(ci));
  const outcome = perCase.found ? ownValue(perCase.value, String(step)) : { found: false };
  if (!outcome.found) return undefined;
  const ok = ownValue(outcome.value, 'ok');
  if (ok.found && ok.value === true) {
    const output = ownValue(outcome.value, 'output');
    return { ok: true, output: output.found ? output.value : undefined };
  }
  const error = ownValue(outcome.value, 'error');
  if (ok.found && ok.value === false && error.found && typeof error.value === 'string') return { ok: false, error: error.value };
  return undefined;
}

function where(part: string, shape: readonly number[], flatIndex: number): string {
  return part + elementIndex(shape, flatIndex).map((i) => `[${i}]`).join('');
}

/** Step 3: grades the outcomes of a code answer against prepared cases. */
export function gradeCode(exercise: CodeGradingSpec, cases: readonly PreparedCase[], outcomes: readonly CallOutcome[][]): GradeResult {
  const problems: string[] = [];
  const note = (message: string) => {
    if (!problems.includes(message)) problems.push(message);
  };
  const multiStep = (exercise.steps ?? 1) > 1;
  const casePassed = cases.map(() => true);
  const evidence: PartEvidence[] = [];
  const parts: PartResult[] = exercise.parts.map((part) => {
    const result: PartResult = { name: part.name, maxScore: part.weight ?? 1, score: 0, passed: false, casesPassed: 0, caseCount: cases.length, hiddenCasesFailed: 0 };
    const yours: unknown[] = [];
    const expected: Numbers[] = [];
    const contexts: DetectorContext[] = [];
    let worstRatio = -1;
    cases.forEach((c, ci) => {
      let ok = true;
      c.calls.forEach((call, step) => {
        const stepLabel = multiStep ? `Step ${step + 1}: ` : '';
        const reference = partOf(exercise, call.expected, part.name).value as Numbers;
        expected.push(reference);
        contexts.push({ args: call.args, batchSize: call.batchSize, withoutActivationDerivative: call.withoutActivationDerivative });
        const outcome = outcomeAt(outcomes, ci, step);
        if (outcome === undefined || !outcome.ok) {
          yours.push(undefined);
          const error = outcome === undefined ? 'no result came back' : outcome.error;
          if (!problems.some((p) => p.startsWith(`${exercise.functionName} threw`))) note(`${exercise.functionName} threw on case ${c.index}: ${error}`);
          ok = false;
          return;
        }
        const got = partOf(exercise, outcome.output, part.name);
        const read = got.problem === undefined ? readNumbers(part.name, got.value, reference) : undefined;
        // The detectors see the checked copy; a value of the wrong structure stays as it came (a transposed matrix is
        // recognised by its shape), and they read it with the same total reader.
        yours.push(read?.ok ? read.value : got.value);
        const problem = got.problem ?? (read !== undefined && !read.ok ? `${stepLabel}${read.problem}` : null);
        if (problem !== null) {
          // One structural message per part is enough; the others are usually the same slip at other sizes.
          if (result.problem === undefined) note(problem);
          result.problem ??= problem;
          ok = false;
          return;
        }
        const { pass, worst } = compareElements(flatten((read as { value: Numbers }).value), flatten(reference));
        if (pass) return;
        ok = false;
        if (c.visible && worst.ratio > worstRatio) {
          worstRatio = worst.ratio;
          const shape = Array.isArray(reference) ? (Array.isArray(reference[0]) ? [reference.length, (reference[0] as number[]).length] : [reference.length]) : [];
          result.worst = {
            case: c.index,
            ...(multiStep ? { step: step + 1 } : {}),
            where: where(part.name, shape, worst.flatIndex),
            yours: worst.yours,
            expected: worst.expected,
          };
        }
      });
      if (ok) result.casesPassed++;
      else {
        casePassed[ci] = false;
        if (!c.visible) result.hiddenCasesFailed++;
      }
    });
    result.passed = result.casesPassed === cases.length;
    result.score = result.passed ? result.maxScore : 0;
    evidence.push({ part: part.name, yours, expected, contexts });
    return result;
  });

  return partsResult(exercise, 'code', parts, problems, recogniseCode(exercise, cases, parts, evidence),
    cases.map((c, ci) => ({ index: c.index, visible: c.visible, passed: casePassed[ci], ...(c.visible ? { args: c.calls[0].args } : {}) })),
  );
}

/** The result of a graded code or numeric answer from its parts: invalid when a structural problem was found, else passed when every part passed. */
function partsResult(
  exercise: CodeGradingSpec | NumericGradingSpec,
  kind: 'code' | 'numeric',
  parts: PartResult[],
  problems: string[],
  misconceptions: RecognisedMisconception[],
  cases: GradeResult['cases'],
): GradeResult {
  const status = problems.length > 0 ? 'invalid' : parts.every((p) => p.passed) ? 'passed' : 'failed';
  return {
    exercise: exercise.id,
    kind,
    status,
    passed: status === 'passed',
    countsAsAttempt: status !== 'invalid',
    score: parts.reduce((total, p) => total + p.score, 0),
    maxScore: exercise.parts.reduce((total, p) => total + (p.weight ?? 1), 0),
    parts,
    problems,
    misconceptions,
    cases,
  };
}

function recogniseCode(exercise: CodeGradingSpec, cases: readonly PreparedCase[], parts: readonly PartResult[], evidence: readonly PartEvidence[]): RecognisedMisconception[] {
  const own: RecognisedMisconception[] = [];
  const explained = new Set<string>();
  for (const misconception of exercise.misconceptions) {
    const wrongOutcomes = cases.map((c) => c.calls.map((call): CallOutcome => call.wrong?.[misconception.id] ?? { ok: false, error: 'not prepared' }));
    evidence.forEach((e, pi) => {
      if (parts[pi].passed) return;
      const wrong = wrongOutcomes.flat().map((outcome) => {
        if (!outcome.ok) return null;
        const value = partOf(exercise, outcome.output, e.part).value;
        return value === undefined ? null : (value as Numbers);
      });
      if (behavesLike(e, wrong)) {
        own.push({ id: misconception.id, source: 'exercise', message: misconception.feedback, parts: [e.part] });
        explained.add(e.part);
      }
    });
  }
  const generic: RecognisedMisconception[] = [];
  evidence.forEach((e, pi) => {
    if (parts[pi].passed || explained.has(e.part)) return;
    generic.push(...detectGeneric(e, exercise.detectors ?? ALL_DETECTORS));
  });
  return [...mergeRecognised(own), ...generic];
}

/** The result for an answer that could not be run at all: it does not compile, it timed out, its worker crashed. */
export function unrunnableResult(exercise: ExerciseShape, message: string): GradeResult {
  const parts: readonly OutputPart[] = exercise.kind === 'choice' || exercise.parts === undefined ? [{ name: 'answer' }] : exercise.parts;
  return {
    exercise: exercise.id,
    kind: exercise.kind,
    status: 'invalid',
    passed: false,
    countsAsAttempt: false,
    score: 0,
    maxScore: exercise.kind === 'choice' ? 1 : parts.reduce((total, p) => total + (p.weight ?? 1), 0),
    parts: parts.map((p) => ({ name: p.name, maxScore: p.weight ?? 1, score: 0, passed: false, casesPassed: 0, caseCount: 0, hiddenCasesFailed: 0 })),
    problems: [message],
    misconceptions: [],
    cases: [],
  };
}

/** Grades a numeric answer: per part, with the exercise's looser tolerance, and recognises its known wrong answers. */
export function gradeNumeric(exercise: NumericGradingSpec, answer: unknown): GradeResult {
  const reference = exercise.answer();
  let single = false;
  try {
    single = exercise.parts.length === 1 && (typeof answer === 'number' || Array.isArray(answer) || ArrayBuffer.isView(answer));
  } catch {
    // A revoked Proxy throws even on Array.isArray; it is then read part by part, and found wanting.
  }
  const valueOf = (name: string): unknown => (single ? answer : ownValue(answer, name).value);
  const problems: string[] = [];
  const evidence: PartEvidence[] = [];
  const parts: PartResult[] = exercise.parts.map((part) => {
    const expected = reference[part.name];
    const value = valueOf(part.name);
    const result: PartResult = { name: part.name, maxScore: part.weight ?? 1, score: 0, passed: false, casesPassed: 0, caseCount: 1, hiddenCasesFailed: 0 };
    const read = readNumbers(part.name, value, expected);
    evidence.push({ part: part.name, yours: [read.ok ? read.value : value], expected: [expected], contexts: [{ args: [] }] });
    if (!read.ok) {
      const problem = value === undefined ? `give a value for ${part.name}` : read.problem;
      problems.push(problem);
      result.problem = problem;
      return result;
    }
    // The expected value of a hand computation is the answer itself, so a miss shows no values.
    result.passed = compareElements(flatten(read.value), flatten(expected), exercise.rtol).pass;
    result.casesPassed = result.passed ? 1 : 0;
    result.score = result.passed ? result.maxScore : 0;
    return result;
  });
  const own: RecognisedMisconception[] = [];
  const explained = new Set<string>();
  for (const misconception of exercise.misconceptions) {
    const wrong = misconception.answer();
    evidence.forEach((e, pi) => {
      if (!parts[pi].passed && behavesLike(e, [wrong[e.part] ?? null], exercise.rtol)) {
        own.push({ id: misconception.id, source: 'exercise', message: misconception.feedback, parts: [e.part] });
        explained.add(e.part);
      }
    });
  }
  const generic = evidence.flatMap((e, pi) =>
    parts[pi].passed || explained.has(e.part) ? [] : detectGeneric(e, exercise.detectors ?? ['sign', 'double', 'half', 'transposed'], exercise.rtol),
  );
  const passed = parts.every((p) => p.passed);
  return partsResult(exercise, 'numeric', parts, problems, [...mergeRecognised(own), ...generic], [{ index: 0, visible: false, passed }]);
}

/** Grades a choice: right when exactly the correct options are chosen; every chosen wrong option is a recognised misconception. */
export function gradeChoice(exercise: ChoiceGradingSpec, answer: unknown): GradeResult {
  let chosen: string[] = [];
  try {
    chosen = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? Array.from(answer as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  } catch {
    // An answer that cannot even be read (a revoked Proxy) chooses nothing, and is told to choose.
  }
  const known = new Set(exercise.options.map((o) => o.id));
  const problems: string[] = [];
  if (chosen.length === 0) problems.push('choose an option');
  const unknown = chosen.filter((id) => !known.has(id));
  if (unknown.length > 0) problems.push(`there is no option ${unknown.join(', ')}`);
  if (!exercise.multiple && chosen.length > 1) problems.push('choose exactly one option');
  const passed = problems.length === 0 && exercise.options.every((o) => o.correct === chosen.includes(o.id));
  const status = problems.length > 0 ? 'invalid' : passed ? 'passed' : 'failed';
  const misconceptions: RecognisedMisconception[] =
    status === 'failed'
      ? exercise.options
          .filter((o) => chosen.includes(o.id) !== o.correct)
          .map((o) => ({ id: o.id, source: 'exercise' as const, message: o.explanation, parts: ['answer'] }))
      : [];
  return {
    exercise: exercise.id,
    kind: 'choice',
    status,
    passed,
    countsAsAttempt: status !== 'invalid',
    score: passed ? 1 : 0,
    maxScore: 1,
    parts: [{ name: 'answer', maxScore: 1, score: passed ? 1 : 0, passed, casesPassed: passed ? 1 : 0, caseCount: 1, hiddenCasesFailed: 0 }],
    problems,
    misconceptions,
    cases: [{ index: 0, visible: true, passed }],
    options: exercise.options.map((o) => ({ id: o.id, chosen: chosen.includes(o.id), correct: o.correct, explanation: o.explanation })),
  };
}
