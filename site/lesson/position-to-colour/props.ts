// The props of <PositionToColour>, checked when the site is built.

import { z } from 'astro/zod';
import { stringMatching } from '../shared/props.ts';

/** The props of <PositionToColour>. */
export const positionToColourProps = z
  .object({
    /** Whether the positional encoding is on at first (the toggle's starting state; default false: the plain (x, y) input). */
    encoding: z.boolean().default(false),
    /** Whether to start with both networks side by side, without and with the encoding (default false: one network and the toggle). */
    compare: z.boolean().default(false),
    /**
     * The widget's key in the page's URL and its element id (default "plain", or "encoded" when `encoding` is set); give
     * one to place two widgets that would otherwise share a key. Lowercase letters, digits and hyphens.
     */
    id: stringMatching(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter').optional(),
  })
  .strict();
