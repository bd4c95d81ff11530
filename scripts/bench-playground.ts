// Measures the playground in headless Chromium: epochs per second and heat-map
// frames per second while it trains TensorFlow Playground's benchmark task, a
// 2-8-8-1 tanh network on circles (250 training points, batch 10, SGD with
// learning rate 0.03, squared error).
//
//   tsx scripts/bench-playground.ts [BASE_URL] [--runs 5] [--seconds 5] [--path /lessons/mlp/] [--json]
//
// BASE_URL is a served build (default http://127.0.0.1:4321, as `npm start`). Each run loads the page with
// the settings in its URL, presses Play, lets it warm up for a second, then reads the widget's epoch and
// frame counters (data-epoch, data-frames) at the start and end of the window; it reports every run and
// the median. The speeds measured are "max" (as fast as the worker can) and "100" (the default pace).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';
import { median } from './stats.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const base = args.find((arg) => /^https?:/.test(arg)) ?? 'http://127.0.0.1:4321';
const runs = Number(option('runs', '5'));
const seconds = Number(option('seconds', '5'));
const path = option('path', '/lessons/mlp/');
const json = args.includes('--json');

/** The benchmark's settings in the playground's URL form: everything else is the default (circles, batch 10, 50% split). */
const task = (speed: string) => `data:circles,noise:0,layers:8-8,act:tanh,loss:mse,opt:sgd,lr:0.03,speed:${speed}`;

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const results: Record<string, { epochsPerSecond: number[]; framesPerSecond: number[]; finalTestLoss: number[] }> = {};
for (const speed of ['max', '100']) {
  const result = { epochsPerSecond: [] as number[], framesPerSecond: [] as number[], finalTestLoss: [] as number[] };
  results[speed] = result;
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}${path}?playground=${task(speed)}`);
    const widget = page.locator('nn-playground');
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('nn-playground')?.getAttribute('data-frames') !== null);
    await widget.locator('[data-action="play"]').click();
    await page.waitForTimeout(1000);
    const read = () => widget.evaluate((el: HTMLElement) => ({ epoch: Number(el.dataset.epoch), frames: Number(el.dataset.frames), time: performance.now(), testLoss: Number(el.dataset.testLoss) }));
    const start = await read();
    await page.waitForTimeout(seconds * 1000);
    const end = await read();
    const elapsed = (end.time - start.time) / 1000;
    result.epochsPerSecond.push((end.epoch - start.epoch) / elapsed);
    result.framesPerSecond.push((end.frames - start.frames) / elapsed);
    result.finalTestLoss.push(end.testLoss);
    if (!json) console.log(`speed ${speed}, run ${run + 1}: ${((end.epoch - start.epoch) / elapsed).toFixed(1)} epochs/s, ${((end.frames - start.frames) / elapsed).toFixed(1)} frames/s, test loss ${end.testLoss.toFixed(4)}`);
    await page.close();
  }
}
await browser.close();

const summary = Object.fromEntries(
  Object.entries(results).map(([speed, r]) => [speed, { ...r, medianEpochsPerSecond: median(r.epochsPerSecond), medianFramesPerSecond: median(r.framesPerSecond) }]),
);
if (json) console.log(JSON.stringify({ base, path, runs, seconds, summary }, null, 2));
else {
  for (const [speed, s] of Object.entries(summary)) {
    console.log(`speed ${speed}: median ${s.medianEpochsPerSecond.toFixed(1)} epochs/s and ${s.medianFramesPerSecond.toFixed(1)} frames/s over ${runs} runs of ${seconds} s`);
  }
}
