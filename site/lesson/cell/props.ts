// The props of <Cell>, checked when the site is built.

import { z } from 'astro/zod';
import { numberWhere, oneOf, stringMatching } from '../shared/props.ts';

/** The languages a cell may be written in. */
export const CELL_LANGUAGES = ['ts', 'js'] as const;

/** The props of <Cell>. */
export const cellProps = z
  .object({
    /** A stable id, unique on the page, in kebab-case; it keys the reader's saved edits, so keep it when the code changes. */
    id: stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "train-and" (it keys the reader\'s saved edits)'),
    /** The cell's language: TypeScript (its types are checked, as warnings, when the reader edits or runs it) or JavaScript (default "ts"). */
    lang: oneOf(CELL_LANGUAGES).default('ts'),
    /** Seconds a run may take before the watchdog stops it, above 0 and at most 120 (default 5). */
    timeout: numberWhere('a number of seconds above 0 and at most 120', (seconds) => seconds > 0 && seconds <= 120).default(5),
    /** The code, when it is not given as a fenced code block inside the cell. */
    code: z.string().optional(),
  })
  .strict();
