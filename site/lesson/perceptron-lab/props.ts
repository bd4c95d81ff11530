// The props of <PerceptronLab>, checked when the site is built.

import { z } from 'astro/zod';
import { numberWhere, oneOf, wholeNumber } from '../shared/props.ts';
import { LAB_DATASETS } from './datasets.ts';

/** The props of <PerceptronLab>. */
export const perceptronLabProps = z
  .object({
    /** The dataset shown first (default "and"). */
    dataset: oneOf(LAB_DATASETS).default('and'),
    /** The learning rate η to start with, above 0 (default 1). */
    learningRate: numberWhere('a number above 0', (eta) => eta > 0).default(1),
    /** The epochs to try before giving up, 1 to 1000 (default 20). */
    maxEpochs: wholeNumber(1, 1000).default(20),
    /** The seed that draws the blobs, a whole number from 0 (default 1). */
    seed: wholeNumber(0, 2 ** 31 - 1).default(1),
  })
  .strict();
