// The names a notebook cell starts with, listed once. The kernel worker installs this module's
// exports as a cell's scope, the type checker declares its exports (values and types) for
// TypeScript cells, and the "What's available in a cell" page (/reference/cell/) is generated
// from it: each `// ## Title` comment opens a section, the `//` lines under it describe it, and
// each name is documented by the doc comment where it is defined. A name added here is therefore
// in scope, typed and documented at once; a name of the engine left out here is not in a cell.
//
// Everything comes from the engine's public index, except the notebook's own helpers at the end.

import * as engineIndex from '../../engine/index.ts';
import { createPlotHelper, type PlotHelper } from './plot-spec.ts';

// ## Tensors
// A tensor holds float64 numbers of shape [], [n] or [rows, cols]; give it `requiresGrad: true` and
// `loss.backward()` fills its `grad`. Every op below is also a method: `a.add(b)`, `x.relu()`.
export { Tensor, tensor, zeros, ones, full, noGrad } from '../../engine/index.ts';
export type { Shape, TensorOptions } from '../../engine/index.ts';

// ## Arithmetic, reductions and matrices
// Elementwise ops broadcast as NumPy does ([3, 4] + [4]); each records its backward rule.
export { add, sub, mul, div, neg, exp, log, sqrt, pow, abs, clamp, erf } from '../../engine/index.ts';
export { sum, mean, max, argmax, matmul, transpose, reshape } from '../../engine/index.ts';

// ## Activations
// Applied elementwise (softmax and logSoftmax along an axis), with the derivatives the lessons derive.
export { identity, step, relu, sigmoid, tanh, leakyRelu, prelu, elu, gelu, silu, mish, softplus, hardtanh, softmax, logSoftmax, logistic } from '../../engine/index.ts';

// ## The formulas
// One registry holds each activation's f and f′ and each loss with its gradient, written once; the ops,
// the modules and the fast path all read it. `df(x, y, params)` takes y = f(x): for σ it is y(1 − y).
export { ACTIVATION_FUNCTIONS, TRAINABLE_ELEMENTWISE, activationFunction, parameterValues, LOSS_FUNCTIONS, lossFunction } from '../../engine/index.ts';

// ## Layers and losses
// The functions behind the modules: a dense layer, dropout, and the losses of the course.
export { linear, dropout, mseLoss, binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, nllLoss, hingeLoss } from '../../engine/index.ts';
export type { Reduction } from '../../engine/index.ts';

// ## Networks (nn)
// Modules that own their parameters, as torch.nn, and the ways to draw first weights.
export { Module, Linear, Sequential, MLP, Activation, PReLU, Dropout, activations, Perceptron, signedLabels } from '../../engine/index.ts';
export { FastMLP, FAST_MLP_ACTIVATIONS } from '../../engine/index.ts';
export { torchDefault, gaussian, xavierUniform, xavierNormal, heUniform, heNormal, layerHealth, gradientTrend, SATURATION_THRESHOLD } from '../../engine/index.ts';
export type { ModuleState, LinearOptions, MLPOptions, ActivationName, Initializer, WeightScale, LayerHealth, GradientTrend, PerceptronResult, PerceptronFitOptions } from '../../engine/index.ts';

// ## Optimizers and schedules
// torch.optim's names, defaults and update rules; `OPTIMIZERS` lists them all, `createOptimizer` makes one by name.
export { Optimizer, SGD, Adagrad, RMSprop, Adam, AdamW, OPTIMIZERS, createOptimizer } from '../../engine/index.ts';
// The L1 penalty λ Σ|w|: its value, and its gradient λ sign(w) added to the weights' gradients after backward().
export { addL1Gradient, l1PenaltyValue } from '../../engine/index.ts';
export { constantSchedule, inverseTimeSchedule, stepSchedule, exponentialSchedule, cosineSchedule, warmupSchedule, LRScheduler, EarlyStopping } from '../../engine/index.ts';
export type { OptimizerState, OptimizerName, SGDOptions, AdagradOptions, RMSpropOptions, AdamOptions, AdamWOptions, Schedule } from '../../engine/index.ts';

// ## Loss surfaces
// Surfaces of two parameters (a quadratic bowl, Rosenbrock, Beale, a saddle, two minima) with their value,
// gradient and Hessian; `optimizerPath` runs any optimizer of `OPTIMIZERS` on one, with optional seeded noise.
export { SURFACES, createSurface, symmetricEigenvalues2, noisyGradient, optimizerPath } from '../../engine/index.ts';
export type { Surface, SurfaceName, SurfaceOptions, OptimizerPath } from '../../engine/index.ts';

// ## Data and randomness
// Seeded datasets, splits and mini-batches: the same seed gives the same numbers in every browser.
export { Random, logicGate, andGate, orGate, xorGate, blobs, circles, moons, spirals, checkerboard, regression, regressionTarget, planeRegression, planeRegressionTarget, linspace } from '../../engine/index.ts';
export { subset, trainValidationSplit, batchIndices, miniBatches, oneHot, accuracy, datasetTensors, predictedClasses } from '../../engine/index.ts';
export type { Dataset, Gate, DatasetTensors } from '../../engine/index.ts';
// The positional encoding γ(p) of NeRF and Fourier features, for feeding a network sines and cosines of a position.
export { positionalEncoding, encodePositions, encodedWidth } from '../../engine/index.ts';
// The Playground's input features of a point (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), by name.
export { PLANE_FEATURES, PLANE_FEATURE_INFO, orderPlaneFeatures, planeFeatures } from '../../engine/index.ts';
export type { PlaneFeature, PlaneFeatureInfo } from '../../engine/index.ts';
export type { PositionalEncodingOptions } from '../../engine/index.ts';

// ## Checking and seeing gradients
// Compare a backward rule with central differences, or turn a graph into nodes and edges.
export { gradcheck, trace } from '../../engine/index.ts';
export type { GradcheckResult, Trace } from '../../engine/index.ts';

// ## The notebook
// What the notebook adds to the engine. `console.log` and timers work as in any JavaScript; a cell
// cannot `import`, and the names a cell defines at its top level are shared with the cells below it.

/** The engine's whole public API as one object, for a name a cell has shadowed: `engine.relu(x)`. */
export const engine = engineIndex;

/** Draws a chart below the cell: `plot({ marks: [plot.line(ys), plot.dot(points, { x, y })] })`, or pass a mark alone. */
export const plot: PlotHelper = createPlotHelper();

/** Shows a value below the cell under `name` while the cell runs, replacing what that name showed before (the kernel provides it). */
export declare function display(value: unknown, name?: string): void;
