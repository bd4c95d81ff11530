// The props of <MnistLab>, checked when the site is built.

import { z } from 'astro/zod';
import { stringMatching } from '../shared/props.ts';

/** The props of <MnistLab>. */
export const mnistLabProps = z
  .object({
    /**
     * The lab's element id (default "mnist-lab"); give one only to place the lab twice on a page. Lowercase letters,
     * digits and hyphens.
     */
    id: stringMatching(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter').optional(),
  })
  .strict();
