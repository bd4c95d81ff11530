// The props of <UniversalApproximator>, checked when the site is built.

import { z } from 'astro/zod';
import { oneOf, wholeNumber } from '../shared/props.ts';
import { HIDDEN_ACTIVATIONS } from './network.ts';
import { TARGETS } from './targets.ts';

/** The props of <UniversalApproximator>. */
export const universalApproximatorProps = z
  .object({
    /** The target shown first (default "sin"). */
    target: oneOf(TARGETS).default('sin'),
    /** Hidden units to start with, 1 to 64 (default 8). */
    units: wholeNumber(1, 64).default(8),
    /** The hidden nonlinearity to start with (default "relu"). */
    activation: oneOf(HIDDEN_ACTIVATIONS).default('relu'),
    /** The seed of the first weights, a whole number from 0 (default 1). */
    seed: wholeNumber(0, 2 ** 31 - 1).default(1),
  })
  .strict();
