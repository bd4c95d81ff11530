// How healthy each layer of an MLP is on a batch: how large its weight gradient is (vanishing and exploding
// gradients show as norms that shrink or grow layer by layer), how many of its units are dead (their activation's
// slope is zero on every example, as a ReLU unit whose input is always negative: it never learns again), and how
// many of its units are saturated (a sigmoid or tanh slope below 1% of its largest, at 0). The slopes are the
// activation registry's own derivatives (formulas/activations.ts), the gradients autograd's.

import { activationFunction, parameterValues } from '../formulas/activations.ts';
import type { Tensor } from '../tensor.ts';
import { Activation } from './activation.ts';
import type { MLP } from './mlp.ts';

/** One layer's health on a batch. */
export interface LayerHealth {
  /** The layer, counted from 1 at the input side. */
  layer: number;
  /** ‖∂L/∂W‖, the Frobenius norm of the layer's weight gradient. */
  gradientNorm: number;
  /** The fraction of the layer's units whose activation has slope 0 on every example; null for the output layer. */
  dead: number | null;
  /** The fraction of (unit, example) pairs where a sigmoid or tanh slope is under 1% of its largest; null otherwise. */
  saturated: number | null;
}

/** Activations that saturate: their slope is largest at 0 and fades towards 0 in both tails. */
const SATURATING = new Set(['sigmoid', 'logistic', 'tanh']);

/** A slope under this fraction of the activation's largest counts as saturated. */
export const SATURATION_THRESHOLD = 0.01;

/**
 * Runs `model` on `inputs` block by block (dropout left out, as in evaluation), takes `loss` of its output backward,
 * and reports each layer's weight-gradient norm and the dead and saturated fractions of its hidden units. The model's
 * gradients are zeroed first and hold this batch's gradients afterwards.
 */
export function layerHealth(model: MLP, inputs: Tensor, loss: (output: Tensor) => Tensor): LayerHealth[] {
  model.zeroGrad();
  const slopes: (Float64Array | null)[] = [];
  const widths: number[] = [];
  let h = inputs;
  model.blocks.forEach((block, index) => {
    const z = block.linear.forward(h);
    h = block.activation === 'identity' ? z : new Activation(block.activation).forward(z);
    const hidden = index + 1 < model.blocks.length;
    const entry = activationFunction(block.activation);
    if (!hidden || entry.kind !== 'elementwise') {
      slopes.push(null);
    } else {
      const params = parameterValues(entry);
      const slope = new Float64Array(z.size);
      for (let k = 0; k < z.size; k++) slope[k] = entry.df(z.data[k], h.data[k], params);
      slopes.push(slope);
    }
    widths.push(block.linear.weight.shape[0]);
  });
  loss(h).backward();
  return model.blocks.map((block, index) => {
    const grad = block.linear.weight.grad;
    let squares = 0;
    if (grad !== null) for (const g of grad.data) squares += g * g;
    const slope = slopes[index];
    const width = widths[index];
    let dead: number | null = null;
    let saturated: number | null = null;
    if (slope !== null) {
      const examples = slope.length / width;
      let deadUnits = 0;
      for (let unit = 0; unit < width; unit++) {
        let alive = false;
        for (let e = 0; e < examples && !alive; e++) alive = slope[e * width + unit] !== 0;
        if (!alive) deadUnits++;
      }
      dead = deadUnits / width;
      if (SATURATING.has(block.activation)) {
        const entry = activationFunction(block.activation);
        if (entry.kind !== 'elementwise') throw new Error('unreachable: a saturating activation is elementwise');
        const params = parameterValues(entry);
        const largest = entry.df(0, entry.f(0, params), params);
        saturated = slope.filter((s) => s < SATURATION_THRESHOLD * largest).length / slope.length;
      }
    }
    return { layer: index + 1, gradientNorm: Math.sqrt(squares), dead, saturated };
  });
}

/** How the weight-gradient norm changes from the first layer to the last. */
export interface GradientTrend {
  /** ‖∂L/∂W‖ of the last layer over that of the first: above 1 when the gradients shrink towards the input. */
  lastOverFirst: number;
  /**
   * The geometric mean of the change per layer, (last / first)^(1 / (layers − 1)): the factor by which the norm
   * shrinks from one layer to the one before it (above 1), or grows (below 1), on the way back to the input.
   */
  perLayer: number;
}

/**
 * The trend of the weight-gradient norms of `health` (as `layerHealth` returns them) from the first layer to the
 * last; null when there are fewer than two layers, or the first or last norm is zero or not finite (no ratio then).
 */
export function gradientTrend(health: readonly LayerHealth[]): GradientTrend | null {
  if (health.length < 2) return null;
  const first = health[0].gradientNorm;
  const last = health[health.length - 1].gradientNorm;
  if (!(first > 0 && last > 0 && Number.isFinite(first) && Number.isFinite(last))) return null;
  const lastOverFirst = last / first;
  return { lastOverFirst, perLayer: Math.exp(Math.log(lastOverFirst) / (health.length - 1)) };
}
