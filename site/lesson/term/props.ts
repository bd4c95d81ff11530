// The props of <Term>, checked when the site is built: a term no one declared fails the build.

import { z } from 'astro/zod';
import { declaredId } from '../shared/props.ts';
import { closestId, declaredIds } from '../../course/notation.ts';

const TERM_IDS = declaredIds('term');

/** The props of <Term>. */
export const termProps = z
  .object({
    /** The glossary term this text defines or uses, by its id in site/course/notation.ts (TERMS). */
    id: declaredId(TERM_IDS, 'a term declared in site/course/notation.ts', (id) => closestId(id, TERM_IDS)),
  })
  .strict();
