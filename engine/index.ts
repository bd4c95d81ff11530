// The engine's public API: what a lesson, a cell, a widget or an exercise uses. Internals (the
// gradient buffers, the graph's order, the op builders, broadcasting plans, the MNIST codec) are
// imported by their own paths where needed; the conformance runner lives in conformance/runner.ts.
// A notebook cell sees the names listed in site/runtime/cell-scope.ts, drawn from here.

export { Random } from './random.ts';
export { Tensor, tensor, zeros, ones, full, noGrad } from './tensor.ts';
export type { TensorOptions } from './tensor.ts';
export type { Shape } from './shape.ts';
export { erf } from './erf.ts';
export { add, sub, mul, div, neg, exp, log, sqrt, pow, abs, clamp } from './ops/elementwise.ts';
export { sum, mean, max, argmax } from './ops/reductions.ts';
export { matmul, transpose } from './ops/matmul.ts';
export { setKernelBackend, kernelBackend, wasmKernelAvailable, type KernelBackend } from './ops/gemm.ts';
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
export { Optimizer, SGD, Adagrad, RMSprop, Adam, AdamW, OPTIMIZERS, optimizerEntry, optimizerHyperparameters, createOptimizer, TORCH_OPTIMIZERS, torchName, torchOptimizer, addL1Gradient, l1PenaltyValue } from './optim/index.ts';
export type { OptimizerState, OptimizerOptions, OptimizerClass, OptimizerEntry, OptimizerName, HyperParameter, HyperParameters } from './optim/index.ts';
export type { SGDOptions, AdagradOptions, RMSpropOptions, AdamOptions, AdamWOptions } from './optim/index.ts';
export * from './nn/index.ts';
export * from './data/index.ts';
export * from './optim/schedules.ts';
export * from './optim/early-stopping.ts';
export { SURFACES, createSurface, symmetricEigenvalues2, noisyGradient, optimizerPath } from './surfaces.ts';
export type { Surface, SurfaceName, SurfaceOptions, CriticalPoint, OptimizerPath, Point } from './surfaces.ts';
export { pytorchScript, parseScriptLosses, pythonNumber } from './export/pytorch.ts';
export type { RunRecord, RunEvent, ExportLoss, ScriptLosses } from './export/pytorch.ts';
