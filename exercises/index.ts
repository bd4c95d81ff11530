// The table of contents of the exercises: every definition by id, and the grader's entry points.
// A lesson's `<Exercise id>` must name one of `exerciseIds()`, which the build checks; where it is
// placed is its chapter (site/course/exercise-placement.ts), and one placed nowhere is a practice exercise.

import type { Exercise } from './define-exercise.ts';
import adamStep from './definitions/adam-step.ts';
import dropoutBackward from './definitions/dropout-backward.ts';
import earlyStoppingRestore from './definitions/early-stopping-restore.ts';
import heInitVariance from './definitions/he-init-variance.ts';
import sigmoidShrinkage from './definitions/sigmoid-shrinkage.ts';
import countParameters from './definitions/count-parameters.ts';
import criticalLearningRate from './definitions/critical-learning-rate.ts';
import logisticLossGradient from './definitions/logistic-loss-gradient.ts';
import mlpBackward from './definitions/mlp-backward.ts';
import oneHiddenLayerQuiz from './definitions/one-hidden-layer-quiz.ts';
import tanhNetworkBackward from './definitions/tanh-network-backward.ts';
import gradientCheck from './definitions/gradient-check.ts';
import mlpForward from './definitions/mlp-forward.ts';
import momentumStep from './definitions/momentum-step.ts';
import nesterovStep from './definitions/nesterov-step.ts';
import adagradStep from './definitions/adagrad-step.ts';
import rmspropStep from './definitions/rmsprop-step.ts';
import mseGradient from './definitions/mse-gradient.ts';
import perceptronSeparable from './definitions/perceptron-separable.ts';
import perceptronUpdate from './definitions/perceptron-update.ts';
import reluBackward from './definitions/relu-backward.ts';
import sigmoidBackward from './definitions/sigmoid-backward.ts';
import smallNetworkGradient from './definitions/small-network-gradient.ts';
import softmaxCrossEntropyBackward from './definitions/softmax-cross-entropy-backward.ts';
import tanhBackward from './definitions/tanh-backward.ts';
import twoTwoOneByHand from './definitions/two-two-one-by-hand.ts';
import valueBackward from './definitions/value-backward.ts';
import weightDecayGradient from './definitions/weight-decay-gradient.ts';

/** Every exercise, in course order. */
export const EXERCISES: readonly Exercise[] = [
  perceptronUpdate,
  perceptronSeparable,
  sigmoidBackward,
  tanhBackward,
  reluBackward,
  mlpForward,
  countParameters,
  mseGradient,
  logisticLossGradient,
  softmaxCrossEntropyBackward,
  smallNetworkGradient,
  twoTwoOneByHand,
  mlpBackward,
  oneHiddenLayerQuiz,
  tanhNetworkBackward,
  valueBackward,
  gradientCheck,
  weightDecayGradient,
  dropoutBackward,
  earlyStoppingRestore,
  heInitVariance,
  sigmoidShrinkage,
  momentumStep,
  adamStep,
  nesterovStep,
  adagradStep,
  rmspropStep,
  criticalLearningRate,
];

const byId = new Map(EXERCISES.map((exercise) => [exercise.id, exercise]));

/** The ids of every exercise, for the build's check of `<Exercise id>` in lessons. */
export function exerciseIds(): string[] {
  return EXERCISES.map((exercise) => exercise.id);
}

/** The exercise with this id, or undefined. */
export function findExercise(id: string): Exercise | undefined {
  return byId.get(id);
}

/** The exercise with this id; an unknown id throws with the known ones listed. */
export function getExercise(id: string): Exercise {
  const exercise = byId.get(id);
  if (exercise === undefined) throw new RangeError(`unknown exercise ${JSON.stringify(id)}; known: ${exerciseIds().join(', ')}`);
  return exercise;
}


export { defineExercise, maxScoreOf } from './define-exercise.ts';
export type { Exercise, CodeExercise, NumericExercise, ChoiceExercise, Numbers, OutputPart, ExerciseCase } from './define-exercise.ts';
export { gradeCode, gradeNumeric, gradeChoice, unrunnableResult } from './grader.ts';
export type { GradeResult, GradeOptions, PartResult, PreparedCase, CallOutcome, WorstElement, CaseSummary, OptionFeedback } from './grader.ts';
export { grade, prepareCases, answerKeyOf, answerKeyJson } from './prepare-cases.ts';
export type { RecognisedMisconception } from './misconceptions.ts';
export { compileSubmission, runCalls } from './submission/in-thread.ts';
export { HELPER_DOCS, AUTOGRAD_OFF_MESSAGE } from './student-helpers.ts';
export { parseNumericAnswer } from './numeric-answer.ts';
