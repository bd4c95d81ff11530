// A configured course, built: tests/fixtures/course/three-chapters.json keeps the perceptron, backpropagation and
// activation chapters in that order (not the files' order), drops some of their exercises, and keeps chapters that
// link to or list as a prerequisite chapters it drops. The build must make exactly those three chapters, numbered
// 1 to 3 everywhere, with no link to a page it did not make. One build of three chapters takes about a minute on a
// quiet 2-core machine; the limit leaves room for a busy one.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runNode } from '../scripts/run-node.ts';
import { brokenLinks, builtLinks } from './built-links.ts';
import { exerciseIds } from '../../exercises/index.ts';

const repo = process.cwd();
const FIXTURE = 'tests/fixtures/course/three-chapters.json';
const CHAPTERS = ['perceptron', 'backprop', 'activations'];
const TITLES = ['The perceptron', 'Backpropagation', 'Activation functions'];
const KEPT = ['perceptron-update', 'sigmoid-backward', 'two-two-one-by-hand', 'small-network-gradient', 'tanh-network-backward', 'one-hidden-layer-quiz', 'mlp-backward', 'relu-backward'];
const DROPPED_FROM_KEPT_CHAPTERS = ['perceptron-separable', 'gradient-check', 'value-backward', 'tanh-backward'];

const out = mkdtempSync(join(tmpdir(), 'course-configured-'));
let build = { status: null as number | null, output: '' };
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

beforeAll(async () => {
  const result = await runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--outDir', out], repo, {
    ...process.env,
    COURSE_CONFIG: FIXTURE,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    // Its own dependency cache, so a concurrent build of the whole site keeps its own.
    COURSE_VITE_CACHE_DIR: join(out, '.vite-cache'),
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a course configured to three chapters', () => {
  test('builds, saying which chapters and warning of the prerequisites it leaves out', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(`${FIXTURE}: "Backpropagation in three chapters", 3 chapters (perceptron, backprop, activations), 8 exercises`);
    expect(build.output).toContain('the chapter "backprop" lists the prerequisite "mlp", which this course leaves out');
  });

  test('makes exactly its three lesson pages, numbered 1 to 3 in the configured order on the home page and on each page', () => {
    expect(readdirSync(join(out, 'lessons')).sort()).toEqual([...CHAPTERS].sort());
    const home = page('');
    const listed = [...home.matchAll(/<li class="chapter" data-lesson="([^"]+)"[^>]*> <span class="number"[^>]*>(\d+)<\/span>/g)].map((match) => [match[1], match[2]]);
    expect(listed).toEqual([['perceptron', '01'], ['backprop', '02'], ['activations', '03']]);
    CHAPTERS.forEach((id, index) => {
      const html = page(`lessons/${id}`);
      expect(html).toMatch(new RegExp(`Course</a> · Chapter ${index + 1}</p>`));
      // The pager walks the configured order: back to the home page before the first, home again after the last.
      const previous = /<a class="previous"[^>]*href="([^"]+)"/.exec(html)?.[1];
      const next = /<a class="next"[^>]*href="([^"]+)"/.exec(html)?.[1];
      expect(previous).toBe(index === 0 ? '/' : `/lessons/${CHAPTERS[index - 1]}/`);
      expect(next).toBe(index === CHAPTERS.length - 1 ? '/' : `/lessons/${CHAPTERS[index + 1]}/`);
      expect(html).toContain(`<title>${TITLES[index]} · Backpropagation in three chapters</title>`);
    });
  });

  test('no page links to a page the build did not make, and the left-out chapters are named as text', () => {
    expect(brokenLinks(out)).toEqual([]);
    const hrefs = builtLinks(out).map(({ href }) => href);
    expect(hrefs.some((href) => href.startsWith('/lessons/') && !CHAPTERS.some((id) => href.startsWith(`/lessons/${id}/`)))).toBe(false);
    // Activations links to losses (left out: plain text) and to backprop (kept: a link).
    const activations = page('lessons/activations');
    expect(activations).toMatch(/<span class="left-out-link"[^>]*>Chapter 4<\/span>/);
    expect(activations).toMatch(/<a href="\/lessons\/backprop\/">lesson on backpropagation<\/a>/);
    // Backprop lists mlp and losses as prerequisites: named, not linked.
    expect(page('lessons/backprop')).toMatch(/<span class="left-out"[^>]*>Multi-layer perceptrons \(not part of this course\)<\/span>/);
  });

  test('the exercises are the chosen ones: the dropped ones are gone from the lessons, the practice page and the counts', () => {
    const placedOn = (html: string) => [...html.matchAll(/data-exercise-id="([^"]+)"/g)].map((match) => match[1]);
    const onLessons = CHAPTERS.flatMap((id) => placedOn(page(`lessons/${id}`)));
    expect(onLessons.sort()).toEqual([...KEPT].sort());
    const practice = page('practice');
    expect([...practice.matchAll(/data-practice-exercise="([^"]+)"/g)].map((match) => match[1]).sort()).toEqual([...KEPT].sort());
    expect(placedOn(practice)).toEqual([]);
    // Dropped exercises are neither listed nor linked (the progress panel still knows their ids, below).
    for (const id of DROPPED_FROM_KEPT_CHAPTERS) {
      expect(practice).not.toContain(`#exercise-${id}-title`);
      for (const chapter of CHAPTERS) expect(page(`lessons/${chapter}`)).not.toContain(`id="exercise-${id}-title"`);
    }
    expect(practice).toContain(`All ${KEPT.length} exercises of the course`);
    // The progress panel counts this course's exercises and still knows every exercise, so no saved answer is set aside.
    expect(practice).toContain(`data-course-exercises="${exerciseIds().filter((id) => KEPT.includes(id)).join(' ')}"`);
    expect(practice).toContain(`data-known-exercises="${exerciseIds().join(' ')}"`);
  });

  test('the offline precache lists the three chapters and no other', () => {
    const manifest = JSON.parse(/installServiceWorker\(self, (\{"version".*\})\);/.exec(readFileSync(join(out, 'sw.js'), 'utf8'))![1]) as { precache: string[] };
    expect(manifest.precache.filter((address) => address.startsWith('/lessons/')).sort()).toEqual(CHAPTERS.map((id) => `/lessons/${id}/`).sort());
  });
});
