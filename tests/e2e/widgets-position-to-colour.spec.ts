import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { drawPicture } from '../../site/lesson/position-to-colour/picture.ts';
import { PictureNetwork } from '../../site/lesson/position-to-colour/trainer.ts';

// The position-to-colour widget on the deep-networks lesson: the encoding toggle changes the network's input width
// (2 or 2 · (1 + 2L)), side by side the encoded network's loss after ten epochs is lower than the plain one's and
// both equal the engine's run of the same networks (computed here), a link opens the settings it holds, the
// keyboard drives it, it fits 360 px, and axe finds nothing in light and dark mode. The tests drive the first
// widget on the page through its own controls, whatever the lesson starts it with.

/** The lesson that places the widget. */
const PAGE = '/lessons/deep-networks/';

/** The first widget of the page, scrolled to and ready. */
async function openWidget(page: Page, url = PAGE): Promise<Locator> {
  await page.goto(url);
  const widget = page.locator('position-to-colour').first();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  return widget;
}

/** Sets a checkbox of the widget to `on` (it resets the networks) and waits until they are ready again. */
async function setBox(widget: Locator, name: RegExp, on: boolean): Promise<void> {
  const box = widget.getByRole('checkbox', { name });
  if ((await box.isChecked()) !== on) await box.setChecked(on);
  await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
}

/** The input widths the summary lists, one per network shown. */
async function inputWidths(widget: Locator): Promise<number[]> {
  return (await widget.locator('[data-summary] li').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.inputWidth))));
}

test('toggling the encoding changes the input width from 2 to 2 · (1 + 2L), and the octaves change it again', async ({ page }) => {
  const widget = await openWidget(page);
  await setBox(widget, /Side by side/, false);
  await setBox(widget, /Positional encoding/, false);
  expect(await inputWidths(widget)).toEqual([2]);
  await expect(widget.locator('[data-summary]')).toContainText('(x, y): 2 inputs → 64 → 64 → 64 ReLU → 3 sigmoid');
  await setBox(widget, /Positional encoding/, true);
  expect(await inputWidths(widget)).toEqual([26]);
  await expect(widget.locator('[data-summary]')).toContainText('γ(x), γ(y): 26 inputs');
  await expect(widget.locator('[data-panel="0"]')).toHaveAttribute('data-input-width', '26');
  await widget.getByRole('combobox', { name: 'Octaves L' }).selectOption('3');
  await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  expect(await inputWidths(widget)).toEqual([14]);
  await expect(widget.locator('[data-panel="0"]')).toHaveAttribute('data-input-width', '14');
  // The settings are in the URL.
  const key = await widget.getAttribute('data-key');
  const value = new URL(page.url()).searchParams.get(`colour-${key}`) ?? '';
  expect(value.split('*')).toContain('L_3');
});

test('side by side, after ten epochs the encoded network’s loss is lower than the plain one’s, both as the engine computes them', async ({ page }) => {
  test.setTimeout(180_000);
  const widget = await openWidget(page);
  await setBox(widget, /Side by side/, true);
  await expect(widget.getByRole('checkbox', { name: /Positional encoding/ })).toBeDisabled();
  expect(await inputWidths(widget)).toEqual([2, 26]);
  const step = widget.getByRole('button', { name: 'One epoch' });
  for (let epoch = 1; epoch <= 10; epoch++) {
    await step.click();
    await expect(widget).toHaveAttribute('data-epoch', String(epoch), { timeout: 30_000 });
  }
  await expect(widget.locator('[data-epoch]')).toHaveText('Epoch 10');
  const plain = Number(await widget.locator('[data-panel="0"]').getAttribute('data-loss'));
  const encoded = Number(await widget.locator('[data-panel="1"]').getAttribute('data-loss'));
  expect(encoded).toBeLessThan(plain / 3);
  await expect(widget.getByRole('status')).toContainText(/Epoch 10: mean squared error .* without the encoding, .* with it \(\d+(\.\d)?× lower with the encoding\)/);
  // The engine's own run of the same two networks (seed 1, L = 6) in Node: the same losses, to rounding.
  const picture = drawPicture();
  const expected = [false, true].map((encoding) => {
    const network = new PictureNetwork(picture, { encoding, frequencies: 6, seed: 1 });
    for (let epoch = 0; epoch < 10; epoch++) network.trainEpoch();
    return network.loss();
  });
  expect(Math.abs(plain - expected[0])).toBeLessThanOrEqual(1e-6 * expected[0]);
  expect(Math.abs(encoded - expected[1])).toBeLessThanOrEqual(1e-6 * expected[1]);
  // The pictures are painted: the encoded network's canvas is not blank.
  const painted = await widget.locator('[data-picture="1"]').evaluate((canvas) => {
    const data = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 64, 64).data;
    return new Set(Array.from({ length: 64 * 64 }, (_, i) => data[i * 4])).size;
  });
  expect(painted).toBeGreaterThan(20);
});

test('the loss chart, drawn in the worker, follows each epoch; every widget\'s chart clips with its own clip', async ({ page }) => {
  const widget = await openWidget(page);
  const chart = widget.locator('[data-plot="loss"] svg');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /^Mean squared error against the epoch/);
  await widget.getByRole('button', { name: 'One epoch' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
  // Two points a curve: the curve is a path with two points.
  await expect.poll(() => chart.locator('g[data-mark="line"] path').first().getAttribute('d')).toMatch(/^M[\d.,-]+L[\d.,-]+$/);
  // Every widget of the lesson drawn: no id twice on the page, and every url(#...) an id of its own chart.
  const widgets = page.locator('position-to-colour');
  for (const each of await widgets.all()) {
    await each.scrollIntoViewIfNeeded();
    await expect(each.locator('[data-plot="loss"] svg')).toHaveCount(1, { timeout: 30_000 });
  }
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids)) if (ids.filter((other) => other === id).length > 1) found.push(`the id ${id} is used twice`);
    for (const svg of document.querySelectorAll('position-to-colour [data-plot="loss"] svg')) {
      for (const element of svg.querySelectorAll('[clip-path], [marker-start]')) {
        for (const value of [element.getAttribute('clip-path'), element.getAttribute('marker-start')]) {
          const id = /url\(#([^)]+)\)/.exec(value ?? '')?.[1];
          if (id !== undefined && svg.querySelector(`[id="${id}"]`) === null) found.push(`${value} names no element of its chart`);
        }
      }
    }
    return found;
  });
  expect(await widgets.count()).toBeGreaterThan(1);
  expect(problems).toEqual([]);
});

test('a link opens the settings it holds: side by side with L = 4', async ({ page }) => {
  await page.goto(PAGE);
  const key = await page.locator('position-to-colour').first().getAttribute('data-key');
  const widget = await openWidget(page, `${PAGE}?colour-${key}=c_1*L_4`);
  await expect(widget.getByRole('checkbox', { name: /Side by side/ })).toBeChecked();
  await expect(widget.getByRole('combobox', { name: 'Octaves L' })).toHaveValue('4');
  expect(await inputWidths(widget)).toEqual([2, 18]);
  await expect(widget.locator('[data-caption="1"]')).toContainText('With encoding (L = 4): MSE');
});

test('keyboard: Space toggles the encoding, Enter starts and pauses training, which moves the epoch on', async ({ page }) => {
  const widget = await openWidget(page);
  await setBox(widget, /Side by side/, false);
  const toggle = widget.getByRole('checkbox', { name: /Positional encoding/ });
  const before = await toggle.isChecked();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked({ checked: !before });
  await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  expect(await inputWidths(widget)).toEqual([before ? 2 : 26]);
  const start = widget.getByRole('button', { name: 'Start' });
  await start.focus();
  await page.keyboard.press('Enter');
  const pause = widget.getByRole('button', { name: 'Pause' });
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await widget.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect(pause).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: 'Start' })).toHaveAttribute('aria-pressed', 'false');
  await expect(widget.getByRole('status')).toContainText(/Paused at epoch \d+: mean squared error/);
  // The chart drawn last answers the latest request: its curve reaches the epoch the run paused at (a point an epoch,
  // from epoch 0), however many drawings were skipped while the worker was busy.
  const epoch = Number(await widget.getAttribute('data-epoch'));
  const curve = widget.locator('[data-plot="loss"] svg g[data-mark="line"] path').first();
  await expect.poll(async () => ((await curve.getAttribute('d')) ?? '').split('L').length).toBe(epoch + 1);
  // Reset goes back to epoch 0, and the run just ended stays on the chart, faded, to compare with.
  await widget.getByRole('button', { name: 'Reset' }).press('Enter');
  await expect(widget.locator('[data-epoch]')).toHaveText('Epoch 0');
  await expect(widget.locator('[data-plot="loss"] svg')).toContainText(`last run, ${before ? 'without' : 'with γ'}`);
});

test('reduced motion: nothing trains or moves until Start is pressed', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await openWidget(page);
  await expect(widget.getByRole('status')).toContainText('Press Start.');
  await page.waitForTimeout(2_000);
  await expect(widget).toHaveAttribute('data-epoch', '0');
  await expect(widget.getByRole('button', { name: 'Start' })).toHaveAttribute('aria-pressed', 'false');
});

test('at 360 px the widget fits the page: no sideways scrolling, the three pictures side by side within it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const widget = await openWidget(page);
  await setBox(widget, /Side by side/, true);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const box = (await widget.boundingBox())!;
  const canvases = await widget.locator('canvas:visible').all();
  expect(canvases).toHaveLength(3);
  const tops = new Set<number>();
  for (const canvas of canvases) {
    const c = (await canvas.boundingBox())!;
    expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(c.width).toBeGreaterThanOrEqual(64);
    tops.add(Math.round(c.y));
  }
  expect(tops.size).toBe(1);
  const chart = (await widget.locator('[data-plot="loss"] svg').boundingBox())!;
  expect(chart.x + chart.width).toBeLessThanOrEqual(box.x + box.width + 1);
});

for (const mode of ['light', 'dark'] as const) {
  test(`axe finds no violation in the widgets in ${mode} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    if (mode === 'dark') await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(PAGE);
    for (const widget of await page.locator('position-to-colour').all()) {
      await widget.scrollIntoViewIfNeeded();
      await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
    }
    const first = page.locator('position-to-colour').first();
    await setBox(first, /Side by side/, true);
    await first.getByRole('button', { name: 'One epoch' }).click();
    await expect(first).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).setLegacyMode().include('position-to-colour').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
}
