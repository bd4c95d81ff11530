import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { diagnosisOf, tableOf } from '../../scripts/lighthouse.ts';
import { medianOrNull as median } from '../../scripts/stats.ts';
import { builtPages, serve } from '../../scripts/static-server.ts';

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

test('the static server gzips text for a browser that accepts it, when asked to, and never fonts', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'lighthouse-gzip-'));
  const html = `<!doctype html><title>t</title>${'<p>formula</p>'.repeat(500)}`;
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(join(dist, 'font.woff2'), 'wOF2 binary');
  const gzipped = await serve(dist, 0, { gzip: true });
  const plain = await serve(dist, 0);
  const url = (server: typeof plain, path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  try {
    const raw = (server: typeof plain, path: string, encoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((done, fail) =>
        get(url(server, path), { headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => done({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) })).on('error', fail);
        }).on('error', fail),
      );
    const compressed = await raw(gzipped, '/', 'gzip, deflate, br');
    expect(compressed.encoding).toBe('gzip');
    expect(gunzipSync(compressed.body).toString()).toBe(html);
    expect(compressed.body.length).toBeLessThan(html.length / 5);
    expect((await raw(gzipped, '/', 'identity')).body.toString()).toBe(html);
    expect((await raw(gzipped, '/font.woff2', 'gzip')).encoding).toBeUndefined();
    expect((await raw(plain, '/', 'gzip'))).toEqual({ encoding: undefined, body: Buffer.from(html) });
  } finally {
    gzipped.close();
    plain.close();
  }
});

test('--diagnose reads the metrics, DOM size, main-thread work, LCP element and longest scripts from a report', () => {
  const text = diagnosisOf({
    audits: {
      'first-contentful-paint': { numericValue: 1800.4 },
      'largest-contentful-paint': { numericValue: 2100 },
      'total-blocking-time': { numericValue: 120 },
      'speed-index': { numericValue: 1900 },
      'cumulative-layout-shift': { numericValue: 0.0123 },
      'dom-size': { displayValue: '1,234 elements' },
      'mainthread-work-breakdown': { displayValue: '2.0 s', details: { items: [{ group: 'styleLayout', groupLabel: 'Style & Layout', duration: 900.2 }, { group: 'other', groupLabel: 'Other', duration: 500 }] } },
      'largest-contentful-paint-element': { details: { items: [{ items: [{ node: { snippet: '<p class="lede">' } }] }] } },
      'bootup-time': { details: { items: [{ url: 'http://127.0.0.1:4430/lessons/mlp/', total: 700.6 }] } },
    },
  });
  expect(text.split('\n')).toEqual([
    '    FCP 1800 ms, LCP 2100 ms, TBT 120 ms, SI 1900 ms, CLS 0.012',
    '    DOM: 1,234 elements; main thread 2.0 s: Style & Layout 900 ms, Other 500 ms',
    '    LCP element: <p class="lede">',
    '    scripts: /lessons/mlp/ 701 ms',
  ]);
});
