// The props of <Aside>, checked when the site is built.

import { z } from 'astro/zod';
import { oneOf } from '../shared/props.ts';

/** The kinds of aside, each with the title it shows when none is given. */
export const ASIDE_KINDS = { note: 'Note', tip: 'Tip', warning: 'Careful', mistake: 'Common mistake' } as const;

/** A kind of aside. */
export type AsideKind = keyof typeof ASIDE_KINDS;

/** The props of <Aside>. */
export const asideProps = z
  .object({
    /** What kind of aside this is; it sets the colour and the default title (default "note"). */
    type: oneOf(Object.keys(ASIDE_KINDS) as AsideKind[]).default('note'),
    /** The aside's heading; defaults to the kind's name. */
    title: z.string().optional(),
  })
  .strict();
