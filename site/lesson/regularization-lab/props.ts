// The props of <RegularizationLab>, checked when the site is built.

import { z } from 'astro/zod';
import { oneOf, stringMatching } from '../shared/props.ts';
import { PRESET_IDS } from './presets.ts';

/** The props of <RegularizationLab>. */
export const regularizationLabProps = z
  .object({
    /** The run to start with, by preset id (presets.ts): overfit, l2, dropout or early-stopping. */
    preset: oneOf(PRESET_IDS),
    /**
     * The lab's key in the page's URL and its element id (default: the preset id); give one only to place the same
     * preset twice on a page. Lowercase letters, digits and hyphens.
     */
    id: stringMatching(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter').optional(),
  })
  .strict();
