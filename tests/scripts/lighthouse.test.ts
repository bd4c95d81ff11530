import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tableOf } from '../../scripts/lighthouse.ts';
import { medianOrNull as median } from '../../scripts/stats.ts';
import { builtPages } from '../../scripts/static-server.ts';

// The parts of `npm run lighthouse` that do not need a browser: which pages it measures, the median of its runs and
// its table. (Lighthouse itself runs 10-30 s a page, so the command is not part of npm test.)

test('every built page is measured: index.html files by their folder, other HTML files by name, no assets', () => {
  const dist = mkdtempSync(join(tmpdir(), 'lighthouse-pages-'));
  for (const dir of ['lessons/perceptron', 'authoring/example', '_astro', 'playground']) mkdirSync(join(dist, dir), { recursive: true });
  for (const file of ['index.html', '404.html', 'lessons/perceptron/index.html', 'authoring/example/index.html', 'playground/index.html', '_astro/x.html', 'sw.js']) writeFileSync(join(dist, file), '');
  expect(builtPages(dist)).toEqual(['/', '/404.html', '/authoring/example/', '/lessons/perceptron/', '/playground/']);
});

test('a score is the median of its runs, and the table rounds each and marks a missing one', () => {
  expect(median([70, 66, 90])).toBe(70);
  expect(median([60, 70])).toBe(65);
  expect(median([])).toBeNull();
  const table = tableOf([
    { page: '/', scores: { performance: 99.4, accessibility: 100, 'best-practices': 100, seo: 100 } },
    { page: '/lessons/perceptron/', scores: { performance: 68.6, accessibility: null, 'best-practices': 96, seo: 100 } },
  ]);
  expect(table.split('\n')).toEqual([
    'page                  performance  accessibility  best-practices  seo',
    '/                              99            100             100  100',
    '/lessons/perceptron/           69              -              96  100',
  ]);
});
