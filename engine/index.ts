// The engine's table of contents: everything a lesson, widget, exercise or test imports.

export { Random, portableLog } from './random.ts';
export { Tensor, tensor, zeros, ones, full, noGrad, isGradEnabled, asTensor, gradBuffer, topologicalOrder } from './tensor.ts';
export type { TensorOptions, BackwardRule } from './tensor.ts';
export { shapeString, sizeOf, sameShape, broadcastShapes, broadcastPlan } from './shape.ts';
export type { Shape, BroadcastPlan } from './shape.ts';
export { erf, erfc } from './erf.ts';
export { add, sub, mul, div, neg, exp, log, sqrt, pow, abs, clamp, unaryOp, binaryOp } from './ops/elementwise.ts';
export { sum, mean, max, argmax } from './ops/reductions.ts';
export { matmul, transpose } from './ops/matmul.ts';
export { reshape } from './ops/reshape.ts';
export {
  identity,
  step,
  relu,
  sigmoid,
  tanh,
  leakyRelu,
  prelu,
  elu,
  gelu,
  silu,
  mish,
  softplus,
  hardtanh,
  softmax,
  logSoftmax,
  logistic,
} from './ops/activations.ts';
export {
  ACTIVATION_FUNCTIONS,
  TRAINABLE_ELEMENTWISE,
  activationFunction,
  parameterValues,
} from './formulas/activations.ts';
export type {
  ActivationFunction,
  ActivationFunctionName,
  ActivationParameter,
  ElementwiseActivation,
  ElementwiseActivationName,
  LineActivation,
  ParameterValues,
} from './formulas/activations.ts';
export { LOSS_FUNCTIONS, lossFunction } from './formulas/losses.ts';
export type { LossFunction, LossFunctionName, PairLoss, ClassLoss } from './formulas/losses.ts';
export { linear } from './ops/linear.ts';
export { dropout } from './ops/dropout.ts';
export { mseLoss, binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, nllLoss, hingeLoss } from './ops/losses.ts';
export type { Reduction } from './ops/losses.ts';
export { gradcheck } from './gradcheck.ts';
export type { GradcheckOptions, GradcheckResult, GradcheckWorst } from './gradcheck.ts';
export { trace } from './trace.ts';
export type { Trace, TraceNode, TraceEdge, TraceValue } from './trace.ts';
export { Optimizer, SGD, Adagrad, RMSprop, Adam, AdamW } from './optim/index.ts';
export type { OptimizerState, SGDOptions, AdagradOptions, RMSpropOptions, AdamOptions, AdamWOptions } from './optim/index.ts';
export { runCase, runCaseFile, summarize, describeFailure, OPS as CONFORMANCE_OPS } from './conformance.ts';
export type { CaseResult, ConformanceReport, WorstElement } from './conformance.ts';
export * from './nn/index.ts';
export * from './data/index.ts';
export * from './optim/schedules.ts';
export * from './optim/early-stopping.ts';
