// The nn table of contents: modules, layers, initialisers and the perceptron.

export { Module } from './module.ts';
export type { ModuleState } from './module.ts';
export { Linear } from './linear.ts';
export type { LinearOptions } from './linear.ts';
export { Sequential } from './sequential.ts';
export { MLP } from './mlp.ts';
export type { MLPOptions, MLPBlock } from './mlp.ts';
export { FastMLP, FAST_MLP_ACTIVATIONS } from './fast-mlp.ts';
export type { FastMLPOptions } from './fast-mlp.ts';
export { Activation, PReLU, activations } from './activation.ts';
export type { ActivationName } from './activation.ts';
export { Dropout } from './dropout.ts';
export { layerHealth, gradientTrend, SATURATION_THRESHOLD } from './layer-health.ts';
export type { LayerHealth, GradientTrend } from './layer-health.ts';
export { torchDefault, gaussian, xavierUniform, xavierNormal, heUniform, heNormal } from './init.ts';
export type { Initializer, WeightScale } from './init.ts';
export { Perceptron, signedLabels } from './perceptron.ts';
export type { PerceptronResult, PerceptronFitOptions } from './perceptron.ts';
