// The props of <BackpropStepper>, checked when the site is built.

import { z } from 'astro/zod';
import { oneOf, stringMatching } from '../shared/props.ts';
import { PRESET_IDS } from './presets.ts';

/** The props of <BackpropStepper>. */
export const backpropStepperProps = z
  .object({
    /** The graph to step through, by preset id (presets.ts): neuron, seed000-221, logistic-least-squares or mlp-softmax. */
    preset: oneOf(PRESET_IDS),
    /**
     * The stepper's key in the page's URL and its element id (default: the preset id); give one only to place the
     * same preset twice on a page. Lowercase letters, digits and hyphens.
     */
    id: stringMatching(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter').optional(),
  })
  .strict();
