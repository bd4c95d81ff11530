// The props of <Sym>, checked when the site is built: a symbol no one declared fails the build.

import { z } from 'astro/zod';
import { declaredId } from '../shared/props.ts';
import { closestId, declaredIds } from '../../course/notation.ts';

const SYMBOL_IDS = declaredIds('symbol');

/** The props of <Sym>. */
export const symProps = z
  .object({
    /** The symbol, by its id in site/course/notation.ts (SYMBOLS); without text inside the tag, its declared TeX is shown. */
    id: declaredId(SYMBOL_IDS, 'a symbol declared in site/course/notation.ts', (id) => closestId(id, SYMBOL_IDS)),
  })
  .strict();
