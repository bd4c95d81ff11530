// The widget's plain-language reading of a measurement: from the engine's layer health (weight-gradient norms, dead
// and saturated fractions) to a verdict and a few sentences a student can act on ("gradients shrink by about 1.8× per
// layer: the first layers barely learn"). The trend is the engine's `gradientTrend`; this file only words it.

import { SATURATION_THRESHOLD, gradientTrend, type LayerHealth } from '../../../engine/index.ts';
import { activationFunction } from '../../../engine/formulas/activations.ts';
import { formatFactor, percent } from './format.ts';

/** The overall verdict: how the gradient reaches the first layer. */
export type Verdict = 'vanishing' | 'exploding' | 'healthy' | 'blocked' | 'diverged';

/** A diagnosis: its verdict and its sentences, the verdict's first. */
export interface Diagnosis {
  verdict: Verdict;
  sentences: string[];
}

/** First and last layers within this factor of each other count as healthy. */
export const HEALTHY_RATIO = 10;
/** A layer is named as saturated when at least this fraction of its (unit, point) pairs is. */
export const SATURATED_REPORTED = 0.1;

/** A per-layer factor with two significant digits: 1.8, 4, 12. */
function perLayerText(x: number): string {
  return String(Number(x.toPrecision(2)));
}

/** The activation's name as a sentence uses it: "sigmoid", "ReLU". */
function activationName(activation: string): string {
  return activationFunction(activation).title.replace(/ σ$/, '').replace(/^Sigmoid$/, 'sigmoid');
}

/** "layer 3" or "layers 1–3". */
function layersUpTo(last: number): string {
  return last === 1 ? 'layer 1' : `layers 1–${last}`;
}

/** The verdict and sentences for a measurement of a network whose hidden layers use `activation`. */
export function diagnose(layers: readonly LayerHealth[], activation: string): Diagnosis {
  const sentences: string[] = [];
  let verdict: Verdict;
  const norms = layers.map((layer) => layer.gradientNorm);
  const hidden = layers.slice(0, -1);
  const trend = gradientTrend(layers);
  if (norms.some((norm) => !Number.isFinite(norm))) {
    verdict = 'diverged';
    sentences.push('The gradients are no longer finite numbers: the weights overflowed and training has diverged. Lower the learning rate and start again.');
  } else if (norms.some((norm) => norm === 0)) {
    verdict = 'blocked';
    const lastZero = norms.reduce((found, norm, i) => (norm === 0 ? i + 1 : found), 0);
    const deadLayer = hidden.reduce((found, layer) => (layer.dead === 1 ? layer.layer : found), 0);
    sentences.push(
      deadLayer > 0
        ? `No gradient reaches ${layersUpTo(lastZero)}: every unit of layer ${deadLayer} is dead, so nothing flows back through it and those layers stop learning.`
        : `No gradient reaches ${lastZero === 1 ? 'layer 1' : `some of layers 1–${lastZero}`}: their weights get a zero gradient and stop learning.`,
    );
  } else if (trend !== null && trend.lastOverFirst > HEALTHY_RATIO) {
    verdict = 'vanishing';
    sentences.push(
      `The first layer’s gradient is ${formatFactor(trend.lastOverFirst)}× smaller than the last’s: gradients shrink by about ${perLayerText(trend.perLayer)}× per layer on the way back, so the first layers barely learn.`,
    );
  } else if (trend !== null && trend.lastOverFirst < 1 / HEALTHY_RATIO) {
    verdict = 'exploding';
    sentences.push(
      `The first layer’s gradient is ${formatFactor(1 / trend.lastOverFirst)}× larger than the last’s: gradients grow by about ${perLayerText(1 / trend.perLayer)}× per layer on the way back to the input: exploding.`,
    );
  } else {
    verdict = 'healthy';
    const ratio = trend === null ? 1 : trend.lastOverFirst;
    const comparison =
      ratio >= 1.05 ? `the first is ${formatFactor(ratio)}× smaller` : ratio <= 1 / 1.05 ? `the first is ${formatFactor(1 / ratio)}× larger` : 'about equal';
    sentences.push(`Healthy: the first and last layers’ gradients are within ${HEALTHY_RATIO}× of each other (${comparison}).`);
  }
  const name = activationName(activation);
  const withDead = hidden.filter((layer) => layer.dead !== null && layer.dead > 0);
  if (withDead.length > 0) {
    const worst = withDead.reduce((a, b) => (b.dead! > a.dead! ? b : a));
    const others = withDead.length > 1 ? `; ${withDead.length} of the ${hidden.length} hidden layers have dead units` : '';
    sentences.push(`${percent(worst.dead!)} of layer ${worst.layer}’s units are dead: their ${name} is flat for every training point, so they pass no gradient back${others}.`);
  }
  const saturated = hidden.filter((layer) => layer.saturated !== null && layer.saturated >= SATURATED_REPORTED);
  if (saturated.length > 0) {
    const worst = saturated.reduce((a, b) => (b.saturated! > a.saturated! ? b : a));
    sentences.push(
      `Layer ${worst.layer}’s ${name} units are saturated ${percent(worst.saturated!)} of the time over the training points (slope under ${percent(SATURATION_THRESHOLD)} of its largest), so they pass almost no gradient back.`,
    );
  }
  return { verdict, sentences };
}
