// The props of <Exercise>, checked when the site is built.

import { z } from 'astro/zod';
import { exerciseIds } from '../../../exercises/index.ts';
import { oneOf } from '../shared/props.ts';

/** The props of <Exercise>. */
export const exerciseProps = z
  .object({
    /** The exercise's id: the file name of its definition, `exercises/definitions/<id>.ts`. */
    id: oneOf(exerciseIds()),
  })
  .strict();
