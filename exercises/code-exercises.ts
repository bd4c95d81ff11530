// The code exercises alone, in course order: what a class student's key (student-key.ts) needs, and all it imports,
// so the key worker's bundle carries the definitions it can be asked about and no numeric or choice exercise's.
// index.ts lists every exercise; tests/exercises/code-exercises.test.ts checks this list against it.

import type { CodeExercise } from './define-exercise.ts';
import adagradStep from './definitions/adagrad-step.ts';
import adamStep from './definitions/adam-step.ts';
import dropoutBackward from './definitions/dropout-backward.ts';
import earlyStoppingRestore from './definitions/early-stopping-restore.ts';
import gradientCheck from './definitions/gradient-check.ts';
import logisticLossGradient from './definitions/logistic-loss-gradient.ts';
import mlpBackward from './definitions/mlp-backward.ts';
import mlpForward from './definitions/mlp-forward.ts';
import momentumStep from './definitions/momentum-step.ts';
import mseGradient from './definitions/mse-gradient.ts';
import nesterovStep from './definitions/nesterov-step.ts';
import oneHiddenLayerQuiz from './definitions/one-hidden-layer-quiz.ts';
import perceptronUpdate from './definitions/perceptron-update.ts';
import reluBackward from './definitions/relu-backward.ts';
import rmspropStep from './definitions/rmsprop-step.ts';
import sigmoidBackward from './definitions/sigmoid-backward.ts';
import softmaxCrossEntropyBackward from './definitions/softmax-cross-entropy-backward.ts';
import tanhBackward from './definitions/tanh-backward.ts';
import tanhNetworkBackward from './definitions/tanh-network-backward.ts';
import valueBackward from './definitions/value-backward.ts';
import weightDecayGradient from './definitions/weight-decay-gradient.ts';

/** Every code exercise, in course order. */
export const CODE_EXERCISES: readonly CodeExercise[] = [
  perceptronUpdate,
  sigmoidBackward,
  tanhBackward,
  reluBackward,
  mlpForward,
  mseGradient,
  logisticLossGradient,
  softmaxCrossEntropyBackward,
  mlpBackward,
  oneHiddenLayerQuiz,
  tanhNetworkBackward,
  valueBackward,
  gradientCheck,
  weightDecayGradient,
  dropoutBackward,
  earlyStoppingRestore,
  momentumStep,
  adamStep,
  nesterovStep,
  adagradStep,
  rmspropStep,
];

const byId = new Map(CODE_EXERCISES.map((exercise) => [exercise.id, exercise]));

/** The code exercise with this id, or undefined (for an id that is not an exercise's, or is a numeric or choice exercise's). */
export function findCodeExercise(id: string): CodeExercise | undefined {
  return byId.get(id);
}
