import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gzipSync } from 'node:zlib';

// The MNIST lab on the deep-networks lesson: the subset downloads only when the lab starts; the 784-256-10
// network reaches at least 90% test accuracy within its first epoch or two; the confusion matrix and the misread
// images are filled in; a stroke drawn with the mouse gets ten probabilities that sum to 1; the keyboard starts
// training and loads a test image into the canvas; the page's own JavaScript stays small (the engine runs in the
// worker only); the lab fits 360 px; axe finds nothing in light and dark mode. An epoch takes about 4 s on a quiet
// 2-core machine and 10–20 s under load, so the waits are long.

const LAB_PAGE = '/lessons/deep-networks/';
const DATA_PATH = '/data/mnist-subset.bin';

/** The scripts `entries` import statically, transitively, the entries included, read from the fetched `sources` by address. */
function staticImports(entries: readonly string[], sources: ReadonlyMap<string, string>): string[] {
  const found = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.pop()!;
    for (const match of (sources.get(url) ?? '').matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
      const target = new URL(match[1], url).href;
      if (!found.has(target)) {
        found.add(target);
        queue.push(target);
      }
    }
  }
  return [...found];
}

/** The lab, scrolled to and mounted. */
async function openLab(page: Page): Promise<Locator> {
  await page.goto(LAB_PAGE);
  const lab = page.locator('mnist-lab').first();
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-mounted', '', { timeout: 20_000 });
  return lab;
}

/** The test accuracy of each finished epoch, read from the table. */
async function testAccuracies(lab: Locator): Promise<number[]> {
  return lab.locator('[data-epoch-rows] tr[data-epoch]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.testAccuracy)));
}

/** The ten probabilities shown beside the canvas, read from the DOM (null where none is shown). */
async function shownProbabilities(lab: Locator): Promise<(number | null)[]> {
  return lab.locator('[data-probabilities] li').evaluateAll((items) =>
    items.map((item) => ((item as HTMLElement).dataset.probability === undefined ? null : Number((item as HTMLElement).dataset.probability))),
  );
}

test('started from the keyboard, the lab downloads the subset only then and reaches 90% test accuracy within two epochs; a drawn digit gets ten probabilities that sum to 1', async ({ page }) => {
  test.setTimeout(240_000);
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === DATA_PATH) dataRequests.push(request.url());
  });
  const lab = await openLab(page);
  await expect(lab.getByRole('status')).toContainText('Press Start training');
  expect(dataRequests).toEqual([]);

  // Keyboard: focus the button and press Enter.
  await lab.getByRole('button', { name: 'Start training' }).focus();
  await page.keyboard.press('Enter');
  await expect(lab.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  expect(dataRequests.length).toBe(1);
  const download = lab.locator('[data-progress="download"]');
  expect(await download.evaluate((bar) => (bar as HTMLProgressElement).value === (bar as HTMLProgressElement).max && (bar as HTMLProgressElement).max > 700_000)).toBe(true);

  // The progress bar within the epoch moves before the first epoch ends.
  await expect.poll(async () => lab.locator('[data-progress="epoch"]').evaluate((bar) => (bar as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(0);

  // At least 90% on the test set within the first two epochs.
  await expect.poll(async () => (await testAccuracies(lab)).length, { timeout: 150_000, intervals: [1000] }).toBeGreaterThanOrEqual(2);
  const accuracies = await testAccuracies(lab);
  expect(Math.max(accuracies[0], accuracies[1])).toBeGreaterThanOrEqual(0.9);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await expect(lab.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-pressed', 'false');
  await expect(lab.getByRole('status')).toContainText('Paused');

  // Each epoch's time is measured and shown.
  const firstRow = lab.locator('[data-epoch-rows] tr[data-epoch="1"]');
  expect(Number(await firstRow.getAttribute('data-milliseconds'))).toBeGreaterThan(0);
  await expect(firstRow.locator('td').last()).toHaveText(/^\d+(\.\d+)? s$/);

  // The confusion matrix counts the 1,000 test images; its diagonal is the accuracy shown.
  const counts = await lab.locator('[data-confusion] td[data-count]').evaluateAll((cells) =>
    cells.map((cell) => ({ count: Number((cell as HTMLElement).dataset.count), right: (cell as HTMLElement).dataset.kind === 'right' })),
  );
  expect(counts.length).toBe(100);
  const latest = (await testAccuracies(lab)).at(-1)!;
  expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(1000);
  expect(counts.filter((c) => c.right).reduce((sum, c) => sum + c.count, 0)).toBe(Math.round(latest * 1000));

  // The misread test images, each with its guess and true label.
  const wrong = lab.locator('[data-wrong] button');
  expect(await wrong.count()).toBeGreaterThan(0);
  await expect(wrong.first()).toHaveAttribute('aria-label', /^Test image \d+: a \d, read as \d \(\d+\.\d% sure\); load it into the canvas$/);

  // Draw a stroke (a 1) with the mouse: ten probabilities that sum to 1.
  const canvas = lab.locator('[data-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + 0.06 * k));
  await page.mouse.up();
  await expect.poll(async () => (await shownProbabilities(lab)).every((p) => p !== null)).toBe(true);
  const probabilities = (await shownProbabilities(lab)) as number[];
  expect(probabilities.length).toBe(10);
  for (const p of probabilities) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  expect(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
  // What the network sees is not blank.
  expect(await lab.locator('[data-seen]').evaluate((c) => {
    const data = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
    return data.some((v, i) => i % 4 === 0 && v > 0);
  })).toBe(true);

  // Clear empties the bars; the keyboard loads a test image into the canvas and gets its probabilities.
  await lab.getByRole('button', { name: 'Clear' }).click();
  expect((await shownProbabilities(lab)).every((p) => p === null)).toBe(true);
  await lab.getByLabel('Test image (0–999)').fill('7');
  await lab.getByLabel('Test image (0–999)').press('Enter');
  await expect(lab.getByRole('status')).toContainText(/Loaded test image 7 \(a \d\)/);
  await expect.poll(async () => (await shownProbabilities(lab)).every((p) => p !== null)).toBe(true);
  // A misread image loads from the grid with Enter.
  await wrong.first().focus();
  await page.keyboard.press('Enter');
  const index = /Test image (\d+)/.exec((await wrong.first().getAttribute('aria-label'))!)![1];
  await expect(lab.getByRole('status')).toContainText(`Loaded test image ${index}`);

  // axe, in light and dark mode, with everything filled in.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).setLegacyMode().include('mnist-lab').analyze();
    expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  }

  // Reset: new weights, the table emptied.
  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(lab.getByRole('status')).toContainText('New random weights');
  expect(await testAccuracies(lab)).toEqual([]);
});

test('the page’s own JavaScript stays small: the engine and the data codec load in the worker only', async ({ page }) => {
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    const url = response.url();
    if (url.endsWith('.js')) scripts.set(url, await response.text().catch(() => ''));
  });
  const lab = await openLab(page);
  await lab.getByRole('button', { name: 'Start training' }).click();
  await expect(lab.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 60_000 });
  await lab.getByRole('button', { name: 'Pause' }).click();
  // Chromium lists the scripts of the page and of its workers alike in the page's resource timings, one entry for each
  // fetch: a worker's chunks (built as chunks of the pages' own build, scripts/worker-chunks.ts) are its entry and what
  // that imports. Taking one entry off for each of the worker's files leaves what the page itself fetched.
  const fetched = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
  const workerScripts = staticImports(page.workers().map((worker) => worker.url()), scripts);
  expect(workerScripts.some((url) => (scripts.get(url) ?? '').includes('FastMLP:'))).toBe(true);
  const pageScripts = [...fetched];
  for (const url of workerScripts) {
    const at = pageScripts.indexOf(url);
    if (at >= 0) pageScripts.splice(at, 1);
  }
  const labChunks = pageScripts.filter((url) => (scripts.get(url) ?? '').includes('mnist-lab'));
  expect(labChunks.length).toBeGreaterThan(0);
  for (const url of pageScripts) {
    const source = scripts.get(url) ?? '';
    expect(source, url).not.toContain('FastMLP:');
    expect(source, url).not.toContain('parseMnistSubset:');
  }
  const labBytes = labChunks.reduce((sum, url) => sum + gzipSync(scripts.get(url)!).length, 0);
  expect(labBytes).toBeLessThan(8 * 1024);
});

test('at 360 px the lab fits the page: no sideways scrolling, the canvas and the panels stack', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const lab = await openLab(page);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const labBox = (await lab.boundingBox())!;
  const canvasBox = (await lab.locator('[data-canvas]').boundingBox())!;
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(labBox.x + labBox.width);
  expect(canvasBox.width).toBeGreaterThan(150);
});

test('before it starts, the canvas says the network is needed, and axe finds nothing in dark mode', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  const lab = await openLab(page);
  await expect(lab.locator('[data-draw-note]')).toContainText('Start training first');
  const results = await new AxeBuilder({ page }).setLegacyMode().include('mnist-lab').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
});
