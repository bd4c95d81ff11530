// The optimizers and learning-rate schedules, as torch.optim.

export { Optimizer } from './optimizer.ts';
export type { OptimizerState, OptimizerOptions, OptimizerClass, HyperParameter, HyperParameters } from './optimizer.ts';
export { OPTIMIZERS, optimizerEntry, optimizerHyperparameters, createOptimizer, TORCH_OPTIMIZERS, torchName, torchOptimizer } from './registry.ts';
export type { OptimizerEntry, OptimizerName } from './registry.ts';
export { SGD } from './sgd.ts';
export type { SGDOptions } from './sgd.ts';
export { Adagrad } from './adagrad.ts';
export type { AdagradOptions } from './adagrad.ts';
export { RMSprop } from './rmsprop.ts';
export type { RMSpropOptions } from './rmsprop.ts';
export { Adam } from './adam.ts';
export type { AdamOptions } from './adam.ts';
export { AdamW } from './adamw.ts';
export type { AdamWOptions } from './adamw.ts';
export * from './schedules.ts';
export * from './early-stopping.ts';
export { addL1Gradient, l1PenaltyValue } from './l1-penalty.ts';
