// Measures how long a reader waits for a cell: from clicking Run on the first cell of a lesson
// to its output on the page, in headless Chromium against the built site (run `npm run build`
// first). Each sample is a fresh browser context, so nothing is cached: the notebook script, the
// worker and the engine all load anew.
//
//   npx tsx scripts/bench-cells.ts [--page /lessons/perceptron/] [--runs 11]
//
// "cold" clicks Run the moment the button is enabled (the notebook has just loaded and the worker
// is still starting); "fresh worker" clicks Restart and then Run in the same task, so the run
// waits for a whole worker start (load the script, evaluate the engine, lock down, handshake);
// "warm" waits two seconds first, so the worker is ready.

import { spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { median } from './stats.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const page = option('page', '/lessons/perceptron/');
const runs = Number(option('runs', '11'));
const port = Number(option('port', '4412'));
const base = `http://127.0.0.1:${port}`;

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server did not start on ${base}`);
}

/** One sample: load the page fresh, bring the first cell into view, click Run, time until its output is in the page. */
async function sample(browser: Browser, waitFirst: number, restartFirst: boolean): Promise<{ ms: number; status: string }> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(base + page);
  await tab.locator('notebook-cell').first().scrollIntoViewIfNeeded();
  await tab.waitForFunction(() => !document.querySelector<HTMLButtonElement>('notebook-cell button[data-action="run"]')?.disabled, null, { polling: 'raf' });
  if (waitFirst > 0) await tab.waitForTimeout(waitFirst);
  const result = await tab.evaluate(
    (restart) =>
      new Promise<{ ms: number; status: string }>((resolve) => {
        const cell = document.querySelector<HTMLElement>('notebook-cell')!;
        const button = cell.querySelector<HTMLButtonElement>('button[data-action="run"]')!;
        const observer = new MutationObserver(() => {
          const status = cell.dataset.status ?? '';
          if (status !== 'done' && status !== 'error') return;
          observer.disconnect();
          // The next animation frame is when the output is painted.
          requestAnimationFrame(() => resolve({ ms: performance.now() - started, status }));
        });
        observer.observe(cell, { attributes: true, attributeFilter: ['data-status'] });
        const started = performance.now();
        if (restart) document.querySelector<HTMLButtonElement>('button[data-action="restart"]')!.click();
        button.click();
      }),
    restartFirst,
  );
  await context.close();
  return result;
}

// Its own process group, so stopping it also stops the server npx starts under it.
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', detached: true });
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--headless'] });
  const modes = [['cold', 0, false], ['fresh worker', 2000, true], ['warm', 2000, false]] as const;
  for (const [label, wait, restart] of modes) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, status } = await sample(browser, wait, restart);
      if (status !== 'done') throw new Error(`the first cell of ${page} ended with status ${status}`);
      samples.push(ms);
    }
    const rounded = samples.map((ms) => Math.round(ms));
    console.log(`${label}: median ${median(samples).toFixed(1)} ms over ${runs} runs (min ${Math.min(...rounded)}, max ${Math.max(...rounded)}; all: ${rounded.join(', ')})`);
  }
  await browser.close();
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
