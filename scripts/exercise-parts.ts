// Moves what an exercise needs only once the reader works on it out of the built pages: its solution, explanation,
// answer key, hints and feedback, typeset at build time, are most of a long lesson's HTML (on the backpropagation
// chapter about 770 of 1,680 kB), which a phone would otherwise download and parse before the page is usable.
//
// Exercise.astro puts them in `<div class="ex-parts" data-exercise-parts="ID">`. When `astro build` is done, this
// writes each holder's contents to /exercise-parts/ID.json (`{"html": "…"}`) and leaves the holder empty with
// `data-src` naming that file; the exercise controller (site/lesson/exercise/exercise-element.ts) fetches them when it
// starts, near the first exercise, before any exercise can be checked. It runs before the search index (which then
// indexes the exercises' prompts, not their answers) and the service worker (which precaches the files, so the
// exercises work offline as before). `astro dev` leaves the parts in the page.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the parts are written, inside the built site and on it. */
export const EXERCISE_PARTS_FOLDER = 'exercise-parts';

const OPEN = /<div class="ex-parts" data-exercise-parts="([^"]+)">/g;

/** The index just after the `</div>` closing the `<div` whose contents start at `from`, counting nested divs. */
function closingDivEnd(html: string, from: number): number {
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0] === '</div>' ? -1 : 1;
    if (depth === 0) return match.index;
  }
  throw new Error('an exercise\'s parts holder is not closed');
}

/** A page's HTML with every holder emptied and pointed at its file, and the parts taken out, by exercise id. */
export function extractExerciseParts(html: string, base = '/'): { html: string; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  let out = '';
  let at = 0;
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(html); match; match = OPEN.exec(html)) {
    const id = match[1];
    const start = match.index + match[0].length;
    const end = closingDivEnd(html, start);
    parts.set(id, html.slice(start, end));
    out += `${html.slice(at, match.index)}<div class="ex-parts" data-exercise-parts="${id}" data-src="${base}${EXERCISE_PARTS_FOLDER}/${encodeURIComponent(id)}.json">`;
    at = end;
    OPEN.lastIndex = end;
  }
  return { html: out + html.slice(at), parts };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Moves the parts out of every page of a built site; returns how many exercises' parts were written. */
export function writeExerciseParts(dir: string, base = '/'): number {
  const written = new Set<string>();
  for (const file of htmlFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    if (!source.includes('data-exercise-parts=')) continue;
    const { html, parts } = extractExerciseParts(source, base);
    for (const [id, contents] of parts) {
      mkdirSync(join(dir, EXERCISE_PARTS_FOLDER), { recursive: true });
      writeFileSync(join(dir, EXERCISE_PARTS_FOLDER, `${id}.json`), JSON.stringify({ html: contents }));
      written.add(id);
    }
    writeFileSync(file, html);
  }
  return written.size;
}

/** An Astro integration that moves the exercises' parts out of the pages when `astro build` is done. */
export function exercisePartsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'exercise-parts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const count = writeExerciseParts(fileURLToPath(dir), base);
        logger.info(`moved ${count} exercises' solutions, explanations, answer keys, hints and feedback to /${EXERCISE_PARTS_FOLDER}/`);
      },
    },
  };
}
