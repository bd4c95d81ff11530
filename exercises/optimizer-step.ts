// What the optimizer-step exercises (momentum, Nesterov, AdaGrad, RMSProp, Adam) share: a case is a parameter vector
// and the gradients of several consecutive graded steps; each step after the first starts from the reference's
// parameters and state (so a slip in one step is not carried into the next); and the oracle is one step of the
// engine's optimizer, loaded with the state the learner's function was given.

import { tensor, type Optimizer, type OptimizerState, type Tensor } from '../engine/index.ts';
import type { Random } from '../engine/random.ts';
import { distinctSizes, vector } from './cases.ts';
import type { ExerciseCase } from './define-exercise.ts';
import { leaf } from './engine-oracle.ts';

/** How many consecutive steps an optimizer-step exercise grades. */
export const OPTIMIZER_STEPS = 4;

/**
 * A case: 3 to 7 parameters, one gradient per graded step (no component near 0), hyper-parameters drawn by `hyper`,
 * and the state before the first step, `initial(n)`; the gradients are kept in the case's meta for `chainSteps`.
 */
export function optimizerStepCase(rng: Random, hyper: (rng: Random) => Record<string, number>, initial: (n: number) => unknown): ExerciseCase {
  const [n] = distinctSizes(rng, 1, 3, 7);
  const grads = Array.from({ length: OPTIMIZER_STEPS }, () => vector(rng, n, -1, 1, [0], 0.05));
  const hp = hyper(rng);
  return { args: [vector(rng, n, -1, 1), grads[0], initial(n), hp], meta: { grads } };
}

/** SGD momentum's hyper-parameters for a case (momentum-step and nesterov-step). */
export function momentumHyper(rng: Random): { lr: number; momentum: number } {
  return { lr: Math.round(rng.uniform(0.05, 0.3) * 100) / 100, momentum: Math.round(rng.uniform(0.6, 0.95) * 100) / 100 };
}

/**
 * The `chain` of an optimizer-step exercise: the next call takes the reference's parameters, the case's next gradient,
 * the state `stateOf` reads from the reference's output, and the same hyper-parameters.
 */
export function chainSteps<Output extends { param: number[] }>(stateOf: (reference: Output) => unknown) {
  return (exerciseCase: ExerciseCase, args: unknown[], reference: unknown, step: number): unknown[] => {
    const grads = (exerciseCase.meta as { grads: number[][] }).grads;
    return [(reference as Output).param, grads[step + 1] ?? grads[grads.length - 1], stateOf(reference as Output), args[3]];
  };
}

/**
 * One step of an engine optimizer made by `make` over the parameters `param`, from the saved `state` (none: a fresh
 * optimizer), with gradient `grad`: the new parameters and the optimizer's state after the step.
 */
export function engineStep(
  make: (theta: Tensor) => Optimizer,
  param: number[],
  grad: number[],
  state?: OptimizerState,
): { param: number[]; state: OptimizerState } {
  const theta = leaf(param);
  const optimizer = make(theta);
  if (state !== undefined) optimizer.loadStateDict(state);
  theta.grad = tensor(grad);
  optimizer.step();
  return { param: Array.from(theta.data), state: optimizer.stateDict() };
}
