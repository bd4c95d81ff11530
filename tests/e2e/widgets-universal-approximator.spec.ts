import { test, expect, type Page } from '@playwright/test';
import { plotOnTheElementsSide } from './pages.ts';

async function openApproximator(page: Page) {
  await page.goto('/lessons/mlp/');
  const widget = page.locator('universal-approximator').first();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.getByRole('button', { name: 'Train' })).toBeEnabled();
  return widget;
}

/** The step and loss the widget shows. */
async function shown(widget: ReturnType<Page['locator']>): Promise<{ step: number; loss: number }> {
  const text = (await widget.locator('[data-loss]').textContent()) ?? '';
  const match = /step (\d+) · loss ([\d.e+-]+)/.exec(text);
  expect(match, text).not.toBeNull();
  return { step: Number(match![1]), loss: Number(match![2]) };
}

test('the approximator’s loss falls as it trains on sin(2x), and each unit’s contribution is drawn', async ({ page }) => {
  const widget = await openApproximator(page);
  const start = await shown(widget);
  expect(start.step).toBe(0);
  await expect(widget.locator('[data-plot="pieces"] svg g[data-mark="line"] path')).toHaveCount(8);
  await widget.getByRole('button', { name: 'Train' }).click();
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await shown(widget)).step, { timeout: 20_000 }).toBeGreaterThanOrEqual(400);
  await widget.getByRole('button', { name: 'Pause' }).click();
  // The worker finishes the slice it is on after Pause: the status says where training stopped, and the readout
  // reaches that step with the slice's last frame.
  const status = widget.getByRole('status');
  await expect(status).toContainText('Paused. Step ');
  await expect
    .poll(async () => ((await status.textContent()) ?? '').includes(`Paused. Step ${(await shown(widget)).step},`))
    .toBe(true);
  const after = await shown(widget);
  expect(after.loss).toBeLessThan(start.loss / 4);
});

test('the same seed gives the same starting loss, and the unit slider changes the number of pieces', async ({ page }) => {
  const widget = await openApproximator(page);
  const first = await shown(widget);
  const slider = widget.getByRole('slider', { name: 'Hidden units' });
  await slider.fill('3');
  await expect(widget.locator('[data-plot="pieces"] svg g[data-mark="line"] path')).toHaveCount(3);
  await slider.fill('8');
  await expect.poll(async () => (await shown(widget)).loss).toBe(first.loss);
});

test('with reduced motion, Train takes one block of steps and shows where it ends; added points are fitted', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await openApproximator(page);
  await widget.getByRole('combobox', { name: 'Target' }).selectOption('points');
  await expect(widget.getByRole('status')).toContainText('New network');
  await widget.getByLabel('x', { exact: true }).fill('2.8');
  await widget.getByLabel('y', { exact: true }).fill('-1');
  await widget.getByRole('button', { name: 'Add point' }).click();
  await expect(widget.getByRole('status')).toContainText('Added the point (2.8, -1); 8 points');
  await expect(widget.locator('[data-plot="fit"] svg g[data-mark="dot"] circle')).toHaveCount(8);
  const before = await shown(widget);
  await widget.getByRole('button', { name: 'Train' }).click();
  await expect(widget.getByRole('status')).toContainText('Trained to step 1000');
  expect((await shown(widget)).loss).toBeLessThan(before.loss);
});

test('a point dragged on the plot moves', async ({ page }) => {
  const widget = await openApproximator(page);
  await widget.getByRole('combobox', { name: 'Target' }).selectOption('points');
  await expect(widget.getByRole('status')).toContainText('New network');
  const dot = widget.locator('[data-plot="fit"] svg g[data-mark="dot"] circle').first();
  const box = (await dot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 40, { steps: 5 });
  await page.mouse.up();
  // The point sat at x = −2.5; a vertical drag keeps x within a pixel of it and raises y.
  await expect(widget.getByRole('status')).toContainText(/Moved point 1 to \(-2\.(5|49|51)\d*, /);
});

test('the charts are drawn in the approximator’s worker: the element’s code reaches no Plot; a dragged point’s chart keeps up', async ({ page }) => {
  expect(plotOnTheElementsSide('site/lesson/universal-approximator/universal-approximator.ts', 'site/lesson/universal-approximator/charts.ts')).toEqual({ withPlot: [], chartsApart: true });
  const widget = await openApproximator(page);
  for (const [name, label] of [['fit', 'The target and the network’s fit'], ['pieces', 'Each hidden unit’s contribution']]) {
    const chart = widget.locator(`[data-plot="${name}"] svg`);
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`^${label}`));
  }
  // Dragging a point asks for a chart at each move; the one shown last has the point where the drag ended.
  await widget.getByRole('combobox', { name: 'Target' }).selectOption('points');
  await expect(widget.getByRole('status')).toContainText('New network');
  await expect(widget).not.toHaveAttribute('data-pending');
  const dot = widget.locator('[data-plot="fit"] svg g[data-mark="dot"] circle').nth(2);
  const box = (await dot.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx, cy + 30, { steps: 15 });
  await page.mouse.up();
  await expect(widget.getByRole('status')).toContainText('Moved point 3 to');
  await expect(widget).not.toHaveAttribute('data-pending');
  const moved = (await dot.boundingBox())!;
  expect(Math.abs(moved.x + moved.width / 2 - cx)).toBeLessThan(2);
  expect(moved.y + moved.height / 2 - cy).toBeGreaterThan(20);
});
