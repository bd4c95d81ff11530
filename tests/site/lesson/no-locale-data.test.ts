// Code that runs in the page (widgets, cells, exercises) writes numbers without Intl: the first toLocaleString or
// Intl formatter in a page loads Chromium's locale data, about 80 ms of the main thread, and widgets write numbers
// as they open. formatCount (site/lesson/shared/graph/number-format.ts) groups thousands instead. Components
// (.astro) run at build time and may use Intl freely.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}

test('no script that runs in the page uses toLocaleString or an Intl formatter', () => {
  const files = [...scripts(join(root, 'site/lesson')), ...scripts(join(root, 'site/runtime')), ...scripts(join(root, 'site/reading'))];
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/\.toLocale\w*String\(|\bIntl\.\w+\(/.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(offenders).toEqual([]);
});
