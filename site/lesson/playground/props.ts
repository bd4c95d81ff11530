// The props of <Playground>, checked when the site is built. A preset may set any field of the playground's state,
// each held to the choices and limits the controls offer (from state.ts, where they are defined).

import { z } from 'astro/zod';
import { numberWhere, oneOf, stringMatching, wholeNumber } from '../shared/props.ts';
import { ACTIVATIONS, DATASETS, INITIALIZERS, INPUTS, LIMITS, LOSSES, OPTIMIZERS, SPEEDS, type PlaygroundState } from './state.ts';

/** A number from the limit's min to its max, inclusive. */
const within = ({ min, max }: { min: number; max: number }) => numberWhere(`a number from ${min} to ${max}`, (v) => v >= min && v <= max);

/** The settings a preset may give: any field of the playground's state. */
export const presetSchema = z
  .object({
    /** Which dataset to learn. */
    data: oneOf(DATASETS),
    /** The number of classes of the spiral, Gaussian and custom datasets (2 to 5; your own points need at least their largest label + 1). */
    classes: wholeNumber(LIMITS.classes.min, LIMITS.classes.max),
    /** The features of each point the network reads (at least one): x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2. */
    inputs: z.array(oneOf(INPUTS)).min(1, 'must list at least one input'),
    /** How noisy the data are: the standard deviation of the noise for most datasets (XOR: 4 times it; Gaussian blobs: a spread of 0.3 + 2 times it). */
    noise: within(LIMITS.noise),
    /** Percentage of the points used for training. */
    split: wholeNumber(LIMITS.split.min, LIMITS.split.max),
    /** Mini-batch size. */
    batch: wholeNumber(LIMITS.batch.min, LIMITS.batch.max),
    /** Units in each hidden layer. */
    layers: z
      .array(wholeNumber(LIMITS.units.min, LIMITS.units.max))
      .max(LIMITS.layers.max, `must have at most ${LIMITS.layers.max} hidden layers`),
    /** The activation after each hidden layer. */
    activation: oneOf(ACTIVATIONS),
    /** The loss; regression always uses mean squared error. */
    loss: oneOf(LOSSES),
    /** The optimizer. */
    optimizer: oneOf(OPTIMIZERS),
    /** The learning rate. */
    lr: within(LIMITS.lr),
    /** The L2 weight-decay coefficient λ. */
    l2: within(LIMITS.l2),
    /** The L1 penalty's coefficient λ₁ on the weights. */
    l1: within(LIMITS.l1),
    /** The dropout probability after each hidden layer. */
    dropout: within(LIMITS.dropout),
    /** How the first weights are drawn. */
    init: oneOf(INITIALIZERS),
    /** The seed of every random draw. */
    seed: wholeNumber(LIMITS.seed.min, LIMITS.seed.max),
    /** How fast to train. */
    speed: oneOf(SPEEDS),
  } satisfies Record<keyof PlaygroundState, z.ZodTypeAny>)
  .partial()
  .strict();

/** The props of <Playground>. */
export const playgroundProps = z
  .object({
    /** The settings this playground starts from (any field of the state; the rest are the defaults); a URL overrides them. */
    preset: presetSchema.default({}),
    /** The URL query parameter that holds the settings; give each playground on a page its own (default "playground"). */
    param: stringMatching(/^[a-z][a-z0-9-]*$/, 'a short lowercase name such as "playground" or "xor-playground"').default('playground'),
    /** A heading for the widget (default "Playground"). */
    title: z.string().default('Playground'),
  })
  .strict();
