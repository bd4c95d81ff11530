// The props of <Challenge>, checked when the site is built: an id, a title, the Playground settings the challenge
// starts from, and a goal whose every condition is held to the limits the Playground has (from goal.ts and state.ts).

import { z } from 'astro/zod';
import { numberWhere, oneOf, stringMatching, wholeNumber } from '../shared/props.ts';
import { presetSchema } from '../playground/props.ts';
import { DATASETS, INPUTS, LIMITS } from '../playground/state.ts';
import { MAX_EPOCHS, type Goal } from './goal.ts';

/** A number from `min` to `max`, inclusive. */
const between = (min: number, max: number) => numberWhere(`a number from ${min} to ${max}`, (v) => v >= min && v <= max);

/** The conditions a goal may set; at least one. Every condition given must hold on one frame of training. */
export const goalSchema = z
  .object({
    /** The test loss must be below this: `{ below: 0.1 }`. */
    testLoss: z.object({ below: numberWhere('a number above 0 and at most 100', (v) => v > 0 && v <= 100) }).strict(),
    /** The test accuracy must be at least this fraction: `{ atLeast: 0.95 }`. */
    testAccuracy: z.object({ atLeast: numberWhere('a fraction above 0 and at most 1, such as 0.95', (v) => v > 0 && v <= 1) }).strict(),
    /** The hidden units of all layers together, at most: `{ atMost: 12 }` (0: a linear model). */
    hiddenUnits: z.object({ atMost: wholeNumber(0, LIMITS.layers.max * LIMITS.units.max) }).strict(),
    /** The number of hidden layers, at most: `{ atMost: 1 }`. */
    hiddenLayers: z.object({ atMost: wholeNumber(0, LIMITS.layers.max) }).strict(),
    /** Met within this many epochs: `{ atMost: 300 }`. */
    epochs: z.object({ atMost: wholeNumber(1, MAX_EPOCHS) }).strict(),
    /** The dataset it must be met on. */
    data: oneOf(DATASETS),
    /** The number of classes of the spiral or Gaussian data it must be met with. */
    classes: wholeNumber(LIMITS.classes.min, LIMITS.classes.max),
    /** The noise may not be lowered below this: `{ atLeast: 0.05 }`. */
    noise: z.object({ atLeast: between(LIMITS.noise.min, LIMITS.noise.max) }).strict(),
    /** The inputs the network may read: `{ only: ['x1', 'x2', 'x1x2'] }`. */
    inputs: z.object({ only: z.array(oneOf(INPUTS)).min(1, 'must list at least one input') }).strict(),
  } satisfies Record<keyof Goal, z.ZodTypeAny>)
  .partial()
  .strict()
  .refine((goal) => Object.keys(goal).length > 0, 'must set at least one condition, such as { testLoss: { below: 0.1 } }');

/** The props of <Challenge>. */
export const challengeProps = z
  .object({
    /** The challenge's id, kebab-case and unique in the course: it keys the reader's progress. */
    id: stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "xor-linear"').refine((id) => id.length <= 60, 'must be at most 60 characters'),
    /** The challenge's title, shown on its card and on the exercises page. */
    title: z.string().min(1, 'must not be empty'),
    /** The Playground settings the challenge starts from (any field of the Playground's state). */
    preset: presetSchema.default({}),
    /** What the reader must reach; every condition must hold on one frame. */
    goal: goalSchema,
  })
  .strict();
