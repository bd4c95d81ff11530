import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { presetById } from '../../site/lesson/gradient-flow/presets.ts';
import { GradientFlowRun } from '../../site/lesson/gradient-flow/run.ts';

// The gradient-flow widget on the deep-networks lesson. The claims, read from the page: a 20-layer sigmoid
// network with Gaussian weights shows the first layer's gradient norm at least 100× smaller than the last's, and
// ReLU with He weights within 10×, before and while training; the numbers on the bars are the engine's. Then the
// controls and the URL, the keyboard, reduced motion, 360 px, and axe in light and dark mode.

/** The lesson that places the widget. */
const PAGE = '/lessons/deep-networks/';

/** The widget of a preset, scrolled to and drawn. */
async function openFlow(page: Page, presetId: string, url = PAGE): Promise<Locator> {
  await page.goto(url);
  const flow = page.locator(`gradient-flow#gf-${presetId}`);
  await flow.scrollIntoViewIfNeeded();
  await expect(flow).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  return flow;
}

/** The gradient norm each bar shows, read from its text (layer 1 first), with its layer number. */
async function barNorms(flow: Locator): Promise<{ layer: number; text: number; exact: number; label: string }[]> {
  return flow.locator('[data-bars] li').evaluateAll((rows) =>
    (rows as HTMLElement[]).map((row) => {
      const norm = row.querySelector<HTMLElement>('[data-norm]')!;
      return { layer: Number(row.dataset.layer), text: Number(norm.textContent), exact: Number(norm.dataset.norm), label: row.getAttribute('aria-label') ?? '' };
    }),
  );
}

/** The last layer's norm over the first's, as the bars' text says. */
async function lastOverFirst(flow: Locator): Promise<number> {
  const bars = await barNorms(flow);
  expect(bars.map((bar) => bar.layer)).toEqual(Array.from({ length: bars.length }, (_, i) => i + 1));
  for (const bar of bars) expect(bar.text, `layer ${bar.layer}`).toBeGreaterThan(0);
  return bars[bars.length - 1].text / bars[0].text;
}

/** Clicks "Train 100 steps" and waits for the frame of that step. */
async function train(flow: Locator, steps: number): Promise<void> {
  await flow.getByRole('button', { name: 'Train 100 steps' }).click();
  await expect(flow).toHaveAttribute('data-step', String(steps));
}

test('the lesson places the vanishing-sigmoid and relu-he widgets', async ({ page }) => {
  await page.goto(PAGE);
  for (const id of ['vanishing-sigmoid', 'relu-he']) await expect(page.locator(`gradient-flow#gf-${id}`)).toHaveCount(1);
});

test('20 sigmoid layers with Gaussian weights: the first layer’s gradient norm is at least 100× smaller than the last’s', async ({ page }) => {
  const flow = await openFlow(page, 'vanishing-sigmoid');
  await expect(flow.locator('[data-bars] li')).toHaveCount(20);
  await expect(flow.locator('[data-field="activation"]')).toHaveValue('sigmoid');
  await expect(flow.locator('[data-field="init"]')).toHaveValue('gaussian');
  expect(await lastOverFirst(flow)).toBeGreaterThanOrEqual(100);
  await expect(flow.locator('[data-diagnosis] p').first()).toContainText(/^The first layer’s gradient is [\d,.]+.*× smaller than the last’s: gradients shrink by about [\d.]+× per layer/);
  await expect(flow).toHaveAttribute('data-verdict', 'vanishing');
  // While training, too.
  await train(flow, 100);
  expect(await lastOverFirst(flow)).toBeGreaterThanOrEqual(100);
});

test('20 ReLU layers with He weights: the first and last layers’ gradient norms are within 10× of each other', async ({ page }) => {
  const flow = await openFlow(page, 'relu-he');
  await expect(flow.locator('[data-bars] li')).toHaveCount(20);
  const ratio = await lastOverFirst(flow);
  expect(ratio).toBeLessThanOrEqual(10);
  expect(ratio).toBeGreaterThanOrEqual(0.1);
  await expect(flow.locator('[data-diagnosis] p').first()).toContainText(/^Healthy: the first and last layers’ gradients are within 10× of each other/);
  await train(flow, 100);
  const trained = await lastOverFirst(flow);
  expect(trained).toBeLessThanOrEqual(10);
  expect(trained).toBeGreaterThanOrEqual(0.1);
  // The dead shares are shown per layer, and the loss went down.
  await expect(flow.locator('[data-bars] li').first().locator('[data-units]')).toHaveText(/\d+% dead/);
  expect(Number(await flow.locator('[data-loss]').textContent())).toBeLessThan(0.69);
});

test('the bars show the engine’s numbers: each norm as text and in its accessible name', async ({ page }) => {
  const flow = await openFlow(page, 'relu-he');
  await train(flow, 100);
  const run = new GradientFlowRun(presetById('relu-he').state);
  run.train(100);
  const expected = run.measure().layers;
  const bars = await barNorms(flow);
  expect(bars).toHaveLength(expected.length);
  bars.forEach((bar, i) => {
    const norm = expected[i].gradientNorm;
    // Chromium's and Node's Math.exp may round differently in the last bit; a hundred steps keep that far below 1e-6.
    expect(Math.abs(bar.exact - norm) / norm, `layer ${i + 1}`).toBeLessThan(1e-6);
    expect(Math.abs(bar.text - norm) / norm, `layer ${i + 1}`).toBeLessThan(0.05);
    expect(bar.label).toMatch(new RegExp(`^Layer ${i + 1}(, the output layer)?: gradient norm [\\d.]+( × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?`));
  });
  await expect(flow.locator('[data-step]')).toHaveText('100');
});

test('Play trains and moves the bars; Pause stops; the status says where it stopped', async ({ page }) => {
  const flow = await openFlow(page, 'relu-he');
  const play = flow.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(flow.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await flow.getAttribute('data-step')), { timeout: 20_000 }).toBeGreaterThan(200);
  await flow.getByRole('button', { name: 'Pause' }).click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(flow.locator('[data-status]')).toContainText(/^Paused\. Now at step [\d,]+\. (Healthy|The first layer)/);
  const stopped = await flow.getAttribute('data-step');
  await page.waitForTimeout(500);
  expect(await flow.getAttribute('data-step')).toBe(stopped);
  await flow.getByRole('button', { name: 'Reset' }).click();
  await expect(flow).toHaveAttribute('data-step', '0');
});

test('keyboard and URL: the controls change the network, the link keeps it, a hostile link falls back', async ({ page }) => {
  const flow = await openFlow(page, 'relu-he');
  await flow.getByRole('button', { name: 'Train 100 steps' }).focus();
  await page.keyboard.press('Enter');
  await expect(flow).toHaveAttribute('data-step', '100');
  const depth = flow.locator('[data-field="depth"]');
  await depth.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(flow.locator('[data-bars] li')).toHaveCount(18);
  await expect(flow).toHaveAttribute('data-step', '0');
  await expect(flow.locator('output[data-for="depth"]')).toHaveText('18');
  await flow.locator('[data-field="activation"]').selectOption('tanh');
  await expect(flow.locator('[data-bars] li').first().locator('[data-units]')).toHaveText(/% sat\./);
  expect(new URL(page.url()).searchParams.get('gf-relu-he')).toBe('d_18*a_tanh');
  // The other widget's parameter is not touched.
  expect(new URL(page.url()).searchParams.has('gf-vanishing-sigmoid')).toBe(false);
  await page.reload();
  const again = page.locator('gradient-flow#gf-relu-he');
  await again.scrollIntoViewIfNeeded();
  await expect(again).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  await expect(again.locator('[data-field="depth"]')).toHaveValue('18');
  await expect(again.locator('[data-field="activation"]')).toHaveValue('tanh');
  await expect(again.locator('[data-bars] li')).toHaveCount(18);
  // The preset is a click away, and the link forgets the changes.
  const restore = again.getByRole('button', { name: 'Restore the preset' });
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(again.locator('[data-bars] li')).toHaveCount(20);
  await expect(again.locator('[data-field="activation"]')).toHaveValue('relu');
  await expect(restore).toBeHidden();
  await expect(again.locator('[data-field="depth"]')).toBeFocused();
  expect(new URL(page.url()).searchParams.has('gf-relu-he')).toBe(false);

  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const hostile = await openFlow(page, 'relu-he', `${PAGE}?gf-relu-he=${encodeURIComponent('d_99*a_<b>*lr_-3*w_7*s_x')}`);
  await expect(hostile.locator('[data-bars] li')).toHaveCount(20);
  await expect(hostile.locator('[data-field="activation"]')).toHaveValue('relu');
  expect(errors).toEqual([]);
});

test('reduced motion: Play trains a thousand steps at once instead of animating', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const flow = await openFlow(page, 'vanishing-sigmoid');
  await flow.getByRole('button', { name: 'Play' }).click();
  await expect(flow).toHaveAttribute('data-step', '1000', { timeout: 20_000 });
  await expect(flow.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(flow.locator('[data-status]')).toContainText('Reduced motion: trained 1,000 steps at once.');
  const transition = await flow.locator('.gf-bar').first().evaluate((bar) => getComputedStyle(bar).transitionDuration);
  // No animation: none of the widget's own, and the site's reduced-motion rule leaves at most a hundredth of a millisecond.
  expect(parseFloat(transition)).toBeLessThanOrEqual(1e-4);
});

test('at 360 px the widget fits: no sideways scrolling, every bar and its number inside the widget', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const flow = await openFlow(page, 'vanishing-sigmoid');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const box = (await flow.boundingBox())!;
  for (const norm of await flow.locator('[data-norm]').all()) {
    const b = (await norm.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  const track = (await flow.locator('.gf-track').first().boundingBox())!;
  expect(track.width).toBeGreaterThan(60);
});

for (const mode of ['light', 'dark'] as const) {
  test(`axe finds no violation in the widgets in ${mode} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    if (mode === 'dark') await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(PAGE);
    for (const flow of await page.locator('gradient-flow').all()) {
      await flow.scrollIntoViewIfNeeded();
      await expect(flow).toHaveAttribute('data-ready', '', { timeout: 30_000 });
      await flow.getByRole('button', { name: 'Train 100 steps' }).click();
      await expect(flow).toHaveAttribute('data-step', '100');
    }
    const results = await new AxeBuilder({ page }).setLegacyMode().include('gradient-flow').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
}
