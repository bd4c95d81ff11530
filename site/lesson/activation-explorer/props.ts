// The props of <ActivationExplorer>, checked when the site is built.

import { z } from 'astro/zod';
import { numberWhere, oneOf } from '../shared/props.ts';
import { ACTIVATIONS } from './catalogue.ts';

/** The half-widths of the input range the explorer offers: it shows [−range, range]. */
export const RANGES = [2, 4, 6, 10] as const;

/** The props of <ActivationExplorer>. */
export const activationExplorerProps = z
  .object({
    /** The activation shown first, by its id in the explorer's catalogue (default "sigmoid"). */
    activation: oneOf(ACTIVATIONS.map((a) => a.id)).default('sigmoid'),
    /** Half the width of the input range shown first, [−range, range] (default 6). */
    range: oneOf(RANGES).default(6),
    /** The gradient counts as vanished where |f′| is below this, between 0 and 1 (default 0.05). */
    threshold: numberWhere('a number between 0 and 1', (t) => t > 0 && t < 1).default(0.05),
  })
  .strict();
