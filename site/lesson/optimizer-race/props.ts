// The props of <OptimizerRace>, checked when the site is built.

import { z } from 'astro/zod';
import { oneOf, stringMatching } from '../shared/props.ts';
import { PRESET_IDS } from './presets.ts';

/** The props of <OptimizerRace>. */
export const optimizerRaceProps = z
  .object({
    /** The race to start with, by preset id (presets.ts): race, lr-too-large, ravine-momentum, adam-bias-correction, saddle-escape, two-minima or noisy. */
    preset: oneOf(PRESET_IDS),
    /**
     * The race's key in the page's URL and its element id (default: the preset id); give one only to place the
     * same preset twice on a page. Lowercase letters, digits and hyphens.
     */
    id: stringMatching(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter').optional(),
  })
  .strict();
