// Measures the JavaScript a page loads for a code exercise: every script and worker Chromium fetches
// while the page opens, its first code exercise comes into view and one answer is checked, gzipped
// one file at a time (as a server would send them). Serves a built site itself, so it needs only a
// build folder.
//
//   npx tsx scripts/measure-page-js.ts [--dist dist] [--port 4420] [PAGE...]   (default: /lessons/perceptron/ /lessons/optimization/)
//
// Prints one line per page with the total and a line per file, largest first; `--json` prints them as JSON.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { serve } from './static-server.ts';

/** The JavaScript one page loaded for its exercise: each file's gzipped size, and the total. */
export interface PageJavaScript {
  /** The page's path. */
  page: string;
  /** Bytes of all files, each gzipped. */
  gzipBytes: number;
  /** Bytes before compression. */
  rawBytes: number;
  /** Every file, largest first. */
  files: { path: string; gzipBytes: number; rawBytes: number }[];
}

/** Opens `page`, brings its first code exercise into view, checks its starter code, and sums every script fetched. */
async function measure(base: string, dist: string, page: string): Promise<PageJavaScript> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const scripts = new Set<string>();
    // Requests of the page and of its workers both reach the context.
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === base && /\.m?js$/.test(url.pathname)) scripts.add(url.pathname);
    });
    const tab = await context.newPage();
    await tab.goto(base + page);
    const exercise = tab.locator('course-exercise[data-kind="code"]').first();
    await exercise.scrollIntoViewIfNeeded();
    const element = await exercise.elementHandle();
    await tab.waitForFunction((host) => (host as HTMLElement).dataset.ready !== undefined, element, { timeout: 60_000 });
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await tab.waitForFunction((host) => /^(passed|failed|invalid)$/.test((host as HTMLElement).dataset.status ?? ''), element, { timeout: 60_000 });
    // Anything the check started loading has arrived by now; a short pause catches a late worker chunk.
    await tab.waitForTimeout(1000);
    const files = [...scripts].map((path) => {
      const source = readFileSync(join(dist, path));
      return { path, gzipBytes: gzipSync(source).length, rawBytes: source.length };
    });
    files.sort((a, b) => b.gzipBytes - a.gzipBytes);
    const sum = (key: 'gzipBytes' | 'rawBytes') => files.reduce((total, file) => total + file[key], 0);
    return { page, gzipBytes: sum('gzipBytes'), rawBytes: sum('rawBytes'), files };
  } finally {
    await browser.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const index = args.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const [, value] = args.splice(index, 2);
    return value ?? fallback;
  };
  const dist = option('dist', 'dist');
  const port = Number(option('port', '4420'));
  const json = args.includes('--json');
  const pages = args.filter((arg) => !arg.startsWith('--'));
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run npm run build (or pass --dist DIR)`);
  const server = await serve(dist, port);
  try {
    const results: PageJavaScript[] = [];
    for (const page of pages.length > 0 ? pages : ['/lessons/perceptron/', '/lessons/optimization/']) results.push(await measure(`http://127.0.0.1:${port}`, dist, page));
    if (json) {
      console.log(JSON.stringify(results, null, 2));
      return;
    }
    for (const result of results) {
      console.log(`${result.page}: ${kB(result.gzipBytes)} gzip (${kB(result.rawBytes)} raw) in ${result.files.length} files`);
      for (const file of result.files) console.log(`  ${kB(file.gzipBytes).padStart(9)}  ${file.path}`);
    }
  } finally {
    server.close();
  }
}

await main();
