// The code exercises alone, in course order, each loaded on its own: what a class student's key (student-key.ts) needs.
// The key worker loads the definition of the exercise it is asked about and no other (each is a chunk of its own), and
// no numeric or choice exercise's. index.ts lists every exercise; tests/exercises/code-exercises.test.ts checks this
// list against it.

import type { CodeExercise } from './define-exercise.ts';

/** Loads each code exercise's definition, by id, in course order. */
export const CODE_EXERCISES: Readonly<Record<string, () => Promise<CodeExercise>>> = {
  'perceptron-update': () => import('./definitions/perceptron-update.ts').then((module) => module.default),
  'sigmoid-backward': () => import('./definitions/sigmoid-backward.ts').then((module) => module.default),
  'tanh-backward': () => import('./definitions/tanh-backward.ts').then((module) => module.default),
  'relu-backward': () => import('./definitions/relu-backward.ts').then((module) => module.default),
  'mlp-forward': () => import('./definitions/mlp-forward.ts').then((module) => module.default),
  'mse-gradient': () => import('./definitions/mse-gradient.ts').then((module) => module.default),
  'logistic-loss-gradient': () => import('./definitions/logistic-loss-gradient.ts').then((module) => module.default),
  'softmax-cross-entropy-backward': () => import('./definitions/softmax-cross-entropy-backward.ts').then((module) => module.default),
  'mlp-backward': () => import('./definitions/mlp-backward.ts').then((module) => module.default),
  'one-hidden-layer-quiz': () => import('./definitions/one-hidden-layer-quiz.ts').then((module) => module.default),
  'tanh-network-backward': () => import('./definitions/tanh-network-backward.ts').then((module) => module.default),
  'value-backward': () => import('./definitions/value-backward.ts').then((module) => module.default),
  'gradient-check': () => import('./definitions/gradient-check.ts').then((module) => module.default),
  'weight-decay-gradient': () => import('./definitions/weight-decay-gradient.ts').then((module) => module.default),
  'dropout-backward': () => import('./definitions/dropout-backward.ts').then((module) => module.default),
  'early-stopping-restore': () => import('./definitions/early-stopping-restore.ts').then((module) => module.default),
  'momentum-step': () => import('./definitions/momentum-step.ts').then((module) => module.default),
  'adam-step': () => import('./definitions/adam-step.ts').then((module) => module.default),
  'nesterov-step': () => import('./definitions/nesterov-step.ts').then((module) => module.default),
  'adagrad-step': () => import('./definitions/adagrad-step.ts').then((module) => module.default),
  'rmsprop-step': () => import('./definitions/rmsprop-step.ts').then((module) => module.default),
};

/** The code exercise with this id, loaded, or undefined (for an id that is not an exercise's, or is a numeric or choice exercise's). */
export async function loadCodeExercise(id: string): Promise<CodeExercise | undefined> {
  return Object.hasOwn(CODE_EXERCISES, id) ? CODE_EXERCISES[id]() : undefined;
}
