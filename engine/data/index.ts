// The data table of contents: seeded datasets, splitting and batching, encodings, and the MNIST subset's loader.

export type { Dataset } from './dataset.ts';
export { subset } from './dataset.ts';
export type { SamplingOptions } from './sampling.ts';
export { linspace } from './sampling.ts';
export { logicGate, andGate, orGate, xorGate } from './logic.ts';
export type { Gate } from './logic.ts';
export { blobs } from './blobs.ts';
export type { BlobsOptions } from './blobs.ts';
export { circles } from './circles.ts';
export type { CirclesOptions } from './circles.ts';
export { moons } from './moons.ts';
export { spirals } from './spirals.ts';
export type { SpiralsOptions } from './spirals.ts';
export { checkerboard } from './checkerboard.ts';
export type { CheckerboardOptions } from './checkerboard.ts';
export { regression, regressionTarget } from './regression.ts';
export { planeRegression, planeRegressionTarget } from './plane-regression.ts';
export type { PlaneRegressionShape } from './plane-regression.ts';
export type { RegressionOptions, RegressionShape } from './regression.ts';
export { trainValidationSplit } from './split.ts';
export type { SplitOptions } from './split.ts';
export { batchIndices, miniBatches } from './batches.ts';
export { oneHot } from './one-hot.ts';
export { accuracy } from './accuracy.ts';
export { PLANE_FEATURES, PLANE_FEATURE_INFO, orderPlaneFeatures, planeFeatures } from './plane-features.ts';
export type { PlaneFeature, PlaneFeatureInfo } from './plane-features.ts';
export { datasetTensors, predictedClasses } from './tensors.ts';
export type { DatasetTensors } from './tensors.ts';
// The MNIST loader; its binary codec (encode, parse, the header constants) is imported from ./mnist.ts by the tools that write the file.
export { fetchMnistSubset, mnistPixels } from './mnist.ts';
export type { MnistSubset, MnistSplit } from './mnist.ts';
// The positional encoding γ(p) of NeRF and Fourier features: sines and cosines of a coordinate at octave frequencies.
export { positionalEncoding, encodePositions, encodedWidth } from './positional-encoding.ts';
export type { PositionalEncodingOptions } from './positional-encoding.ts';
