// Measures the playground in headless Chromium: epochs per second and heat-map
// frames per second while it trains TensorFlow Playground's benchmark task, a
// 2-8-8-1 tanh network on circles (250 training points, batch 10, SGD with
// learning rate 0.03, squared error), at every speed its speed control offers,
// against the page's own requestAnimationFrame rate in the same window.
//
//   tsx scripts/bench-playground.ts [BASE_URL ...] [--runs 5] [--seconds 5] [--path /lessons/mlp/] [--speeds max,100] [--cold] [--json]
//
// BASE_URL is a served build (default http://127.0.0.1:4321, as `npm start`); given two or more (a build before
// and after a change), the runs alternate between them in one sitting, so both see the same load. Each run loads
// the page with the settings in its URL, presses Play, lets it warm up for a second, then reads the widget's
// epoch and frame counters (data-epoch, data-frames) and a requestAnimationFrame counter of the page's own at the
// start and end of the window. A frame is a picture with new content: at speeds slower than the screen ("1",
// "10") there are only as many as epochs, so besides frames as a share of the rAF rate it reports frames as a
// share of the frames due, min(rAF rate, epochs/s). Every run and the medians are printed, with the load average
// (/proc/loadavg) at the start and the end. On Linux each run also reads its threads' CPU time (thread-cpu.ts): the
// trainer's, the painter's and the page's share of a core, and the epochs per second of the trainer's own CPU time,
// which tell a trainer starved by the machine's load from one slowed by its own work.
//
// Each build is measured in a browser context of its own, opened once, where the site's service worker is installed
// (its precache of the whole course fetched and compiled) before the first run: a returning reader's steady state.
// A fresh context per run would measure each run alongside that one-time install, which takes a core for seconds and
// grows with the site, so builds with different precache lists would not be compared alike. `--cold` measures that.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';
import { loadAverage, loadText, median } from './stats.ts';
import { threadShares, threadTimes } from './thread-cpu.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const bases = args.filter((arg) => /^https?:/.test(arg));
if (bases.length === 0) bases.push('http://127.0.0.1:4321');
const runs = Number(option('runs', '5'));
const seconds = Number(option('seconds', '5'));
const path = option('path', '/lessons/mlp/');
const onlySpeeds = option('speeds', '');
const json = args.includes('--json');
const cold = args.includes('--cold');

/** The benchmark's settings in the playground's URL form: everything else is the default (circles, batch 10, 50% split). */
const task = (speed: string) => `data:circles,noise:0,layers:8-8,act:tanh,loss:mse,opt:sgd,lr:0.03,speed:${speed}`;


/** One run's measurements. */
interface Run {
  epochsPerSecond: number;
  framesPerSecond: number;
  rafPerSecond: number;
  /** Frames as a percentage of the rAF rate. */
  framesOfRaf: number;
  /** Frames as a percentage of min(rAF rate, epochs/s): the pictures with new content there were to show. */
  framesOfDue: number;
  testLoss: number;
  /**
   * Shares of one core in the window, in percent (Linux only, else NaN): the busiest page worker (the trainer), the
   * next (the painter, where there is one), and the page's main thread. A trainer well under 100% waited for a core.
   */
  trainerCpu: number;
  painterCpu: number;
  mainCpu: number;
  /** Epochs per second of the trainer's own CPU time: what the trainer does with a core, whatever the load. */
  epochsPerTrainerSecond: number;
}

/** The CPU shares of a run or a median, as printed: nothing where they could not be read. */
function cpuText(r: Pick<Run, 'trainerCpu' | 'painterCpu' | 'mainCpu' | 'epochsPerTrainerSecond'>): string {
  if (Number.isNaN(r.trainerCpu)) return '';
  return `; CPU: trainer ${r.trainerCpu.toFixed(0)}%, painter ${r.painterCpu.toFixed(0)}%, page ${r.mainCpu.toFixed(0)}% of a core; ${r.epochsPerTrainerSecond.toFixed(0)} epochs per trainer CPU-second`;
}

/** The speeds the playground's control offers, read from the page. */
async function offeredSpeeds(context: BrowserContext, base: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  const speeds = await page.locator('nn-playground [data-field="speed"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await page.close();
  return speeds;
}

/** A context for one build: with its service worker installed and active first, unless `--cold` (then a fresh one per run). */
async function openContext(browser: Browser, base: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cold) return context;
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  // The page registers its worker after its load event; `ready` resolves once a worker is active, which is after its
  // install (the precache) has finished. A build that registers none within 5 s has nothing to wait for.
  await page.evaluate(`(async () => {
    for (let i = 0; i < 50 && 'serviceWorker' in navigator; i++) {
      if (await navigator.serviceWorker.getRegistration()) return void (await navigator.serviceWorker.ready);
      await new Promise((done) => setTimeout(done, 100));
    }
  })()`);
  await page.close();
  return context;
}

async function measure(browser: Browser, contexts: Map<string, BrowserContext>, base: string, speed: string): Promise<Run> {
  const context = cold ? await openContext(browser, base) : contexts.get(base)!;
  const page = await context.newPage();
  await page.goto(`${base}${path}?playground=${task(speed)}`);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('nn-playground')?.getAttribute('data-frames') !== null);
  // The page's own animation-frame counter, running through the warm-up and the window (a string, so the
  // TypeScript loader adds no helpers to it that the page lacks).
  await page.evaluate('window.benchRafTicks = 0; (function tick() { window.benchRafTicks++; requestAnimationFrame(tick); })();');
  await widget.locator('[data-action="play"]').click();
  await page.waitForTimeout(1000);
  const read = () =>
    widget.evaluate((el: HTMLElement) => ({
      epoch: Number(el.dataset.epoch),
      frames: Number(el.dataset.frames),
      raf: (window as unknown as { benchRafTicks: number }).benchRafTicks,
      time: performance.now(),
      testLoss: Number(el.dataset.testLoss),
    }));
  const start = await read();
  const cpuStart = threadTimes();
  await page.waitForTimeout(seconds * 1000);
  const cpuEnd = threadTimes();
  const end = await read();
  await page.close();
  if (cold) await context.close();
  const elapsed = (end.time - start.time) / 1000;
  const epochsPerSecond = (end.epoch - start.epoch) / elapsed;
  const framesPerSecond = (end.frames - start.frames) / elapsed;
  const rafPerSecond = (end.raf - start.raf) / elapsed;
  const due = Math.min(rafPerSecond, epochsPerSecond);
  // The other pages of the run are closed, so the renderer's threads are this page's.
  const shares = cpuStart === null || cpuEnd === null ? [] : threadShares(cpuStart, cpuEnd, elapsed).filter((s) => s.thread.startsWith('renderer:'));
  const workers = shares.filter((s) => s.thread.endsWith(':DedicatedWorker'));
  const main = shares.find((s) => /:chromium$/.test(s.thread));
  const trainerCpu = shares.length === 0 ? NaN : (workers[0]?.percent ?? 0);
  return {
    epochsPerSecond,
    framesPerSecond,
    rafPerSecond,
    framesOfRaf: (100 * framesPerSecond) / rafPerSecond,
    framesOfDue: due > 0 ? Math.min(100, (100 * framesPerSecond) / due) : NaN,
    testLoss: end.testLoss,
    trainerCpu,
    painterCpu: shares.length === 0 ? NaN : (workers[1]?.percent ?? 0),
    mainCpu: shares.length === 0 ? NaN : (main?.percent ?? 0),
    epochsPerTrainerSecond: trainerCpu > 0 ? (100 * epochsPerSecond) / trainerCpu : NaN,
  };
}

const loadStart = loadAverage();
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const contexts = new Map<string, BrowserContext>();
for (const base of bases) contexts.set(base, await openContext(browser, base));
const speeds = onlySpeeds !== '' ? onlySpeeds.split(',') : await offeredSpeeds(contexts.get(bases[0])!, bases[0]);
const results = new Map<string, Run[]>();
const key = (base: string, speed: string) => `${base} ${speed}`;
for (const speed of speeds) {
  for (let run = 0; run < runs; run++) {
    // Alternate the builds run by run, and which goes first, so a change of load falls on both alike.
    const order = run % 2 === 0 ? bases : [...bases].reverse();
    for (const base of order) {
      const r = await measure(browser, contexts, base, speed);
      if (!results.has(key(base, speed))) results.set(key(base, speed), []);
      results.get(key(base, speed))!.push(r);
      if (!json) {
        console.log(
          `${bases.length > 1 ? `${base} ` : ''}speed ${speed}, run ${run + 1}: ${r.epochsPerSecond.toFixed(1)} epochs/s, ${r.framesPerSecond.toFixed(1)} frames/s of ${r.rafPerSecond.toFixed(1)} rAF/s (${r.framesOfRaf.toFixed(1)}%, ${r.framesOfDue.toFixed(1)}% of due), test loss ${r.testLoss.toFixed(4)}${cpuText(r)}`,
        );
      }
    }
  }
}
await browser.close();
const loadEnd = loadAverage();

const summary = bases.flatMap((base) =>
  speeds.map((speed) => {
    const r = results.get(key(base, speed))!;
    const pick = (field: keyof Run) => r.map((x) => x[field]);
    return {
      base,
      speed,
      runs: r,
      medianEpochsPerSecond: median(pick('epochsPerSecond')),
      medianFramesPerSecond: median(pick('framesPerSecond')),
      medianRafPerSecond: median(pick('rafPerSecond')),
      medianFramesOfRafPercent: median(pick('framesOfRaf')),
      medianFramesOfDuePercent: median(pick('framesOfDue')),
      medianTrainerCpuPercent: median(pick('trainerCpu')),
      medianPainterCpuPercent: median(pick('painterCpu')),
      medianMainCpuPercent: median(pick('mainCpu')),
      medianEpochsPerTrainerSecond: median(pick('epochsPerTrainerSecond')),
    };
  }),
);
if (json) console.log(JSON.stringify({ bases, path, runs, seconds, speeds, serviceWorker: cold ? 'installing during each run' : 'installed before the runs', loadAverage: { start: loadStart, end: loadEnd }, summary }, null, 2));
else {
  for (const s of summary) {
    console.log(
      `${bases.length > 1 ? `${s.base} ` : ''}speed ${s.speed}: median ${s.medianEpochsPerSecond.toFixed(1)} epochs/s, ${s.medianFramesPerSecond.toFixed(1)} frames/s of ${s.medianRafPerSecond.toFixed(1)} rAF/s: ${s.medianFramesOfRafPercent.toFixed(1)}% of rAF, ${s.medianFramesOfDuePercent.toFixed(1)}% of frames due (${runs} runs of ${seconds} s)${cpuText({ trainerCpu: s.medianTrainerCpuPercent, painterCpu: s.medianPainterCpuPercent, mainCpu: s.medianMainCpuPercent, epochsPerTrainerSecond: s.medianEpochsPerTrainerSecond })}`,
    );
  }
  console.log(cold ? 'each run in a fresh context (the service worker installing)' : 'each build in one context, its service worker installed before the runs');
  console.log(`load average (1, 5, 15 min): ${loadText(loadStart)} at the start, ${loadText(loadEnd)} at the end`);
}
