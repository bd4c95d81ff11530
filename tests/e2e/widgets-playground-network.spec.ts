import { test, expect, type Locator, type Page } from '@playwright/test';

// The Playground's network diagram (site/lesson/playground/network-diagram.ts) in the built site: a map per neuron,
// maps that change while training, a neuron's formula by keyboard, a weight edited by hand (training pauses, the loss
// changes, bad input is refused and changes nothing), and the /playground/ page, full width and without sideways
// scrolling at 360 px.

const LESSON = '/lessons/mlp/';

/** Opens a page with the given playground settings and waits for the widget's first frame and the diagram. */
async function openPlayground(page: Page, path: string, settings?: string): Promise<Locator> {
  await page.goto(settings === undefined ? path : `${path}?playground=${settings}`);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-frames', /[1-9]/, { timeout: 30_000 });
  await expect(widget.locator('.pg-network-diagram')).toHaveAttribute('data-neurons', /\d+/, { timeout: 30_000 });
  return widget;
}

const attribute = async (locator: Locator, name: string) => Number(await locator.getAttribute(name));

test('the diagram shows one map per neuron of the configured layers, and a hidden map changes while training', async ({ page }) => {
  const widget = await openPlayground(page, LESSON, 'in:x1-x2-x1sq,layers:5-3,speed:max');
  const diagram = widget.locator('.pg-network-diagram');
  // 3 inputs, 5 and 3 hidden neurons, 1 output.
  await expect(diagram).toHaveAttribute('data-neurons', '12');
  for (const [layer, count] of [[0, 3], [1, 5], [2, 3], [3, 1]]) {
    await expect(diagram.locator(`.pg-neuron[data-layer="${layer}"]`)).toHaveCount(count);
    await expect(diagram.locator(`.pg-neuron[data-layer="${layer}"] canvas`)).toHaveCount(count);
  }
  await expect(diagram.locator('.pg-neuron[data-layer="0"]').nth(2)).toHaveAccessibleName('x₁², input');
  // Every edge: 3·5 + 5·3 + 3·1.
  await expect(diagram.locator('.pg-network-edges > g:first-child path')).toHaveCount(33);
  const hidden = diagram.locator('.pg-neuron[data-layer="1"][data-neuron="0"]');
  const before = await hidden.getAttribute('data-map-sum');
  const canvasBefore = await hidden.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => attribute(widget, 'data-epoch'), { timeout: 30_000 }).toBeGreaterThanOrEqual(50);
  await expect.poll(() => hidden.getAttribute('data-map-sum'), { timeout: 10_000 }).not.toBe(before);
  // Frames keep coming at speed max with the diagram drawn (at most ~20 snapshots a second ride along).
  await expect.poll(() => attribute(widget, 'data-frames-per-second'), { timeout: 15_000 }).toBeGreaterThan(5);
  await widget.getByRole('button', { name: 'Pause' }).click();
  const canvasAfter = await hidden.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  expect(canvasAfter).not.toBe(canvasBefore);
});

test('focusing a neuron shows its formula with the numbers plugged in, and the arrow keys move between neurons', async ({ page }) => {
  const widget = await openPlayground(page, LESSON, 'layers:3,act:tanh');
  const panel = widget.locator('.pg-network-formula');
  const first = widget.locator('.pg-neuron[data-layer="1"][data-neuron="0"]');
  // One tab stop in the diagram: the first hidden neuron.
  await expect(widget.locator('.pg-neuron[tabindex="0"]')).toHaveCount(1);
  await first.focus();
  await expect(panel).toHaveAttribute('data-formula', /^h₁⁽¹⁾ = tanh\(−?\d+\.\d\d·x₁ [+−] \d+\.\d\d·x₂ [+−] \d+\.\d\d\)$/);
  await expect(panel.locator('.pg-formula-text')).toHaveText(/^h₁⁽¹⁾ = tanh\(/);
  await page.keyboard.press('ArrowDown');
  await expect(widget.locator('.pg-neuron[data-layer="1"][data-neuron="1"]')).toBeFocused();
  await expect(panel).toHaveAttribute('data-formula', /^h₂⁽¹⁾ = tanh\(/);
  await page.keyboard.press('ArrowRight');
  await expect(panel).toHaveAttribute('data-formula', /^z = .*h₃⁽¹⁾.*; the logit: P\(class 1\) = σ\(z\)$/);
  await expect(widget.locator('.pg-neuron[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(panel).toHaveAttribute('data-formula', /^x₂: an input/);
});

test('editing a weight pauses training, refuses bad input, and a valid value changes the loss', async ({ page }) => {
  const widget = await openPlayground(page, LESSON, 'layers:3,act:tanh,speed:10');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => attribute(widget, 'data-epoch'), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await widget.locator('.pg-neuron[data-layer="1"][data-neuron="1"]').focus();
  await page.keyboard.press('Enter');
  const weight = widget.getByRole('button', { name: /^w from x₁ to h₂⁽¹⁾ −?[\d.]+ ?, edit$/ });
  await expect(weight).toBeFocused();
  await page.keyboard.press('Enter');
  const input = widget.getByRole('textbox', { name: 'New weight from x₁ to h₂⁽¹⁾' });
  await expect(input).toBeFocused();
  // The editor paused training.
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const epoch = await widget.getAttribute('data-epoch');
  const loss = await widget.getAttribute('data-train-loss');
  for (const bad of ['', 'abc', '1e9']) {
    await input.fill(bad);
    await input.press('Enter');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.locator('.pg-network-message')).toContainText('unchanged');
  }
  await expect(widget.locator('.pg-network-message')).toContainText('too large');
  expect(await widget.getAttribute('data-train-loss')).toBe(loss);
  // Escape cancels.
  await input.press('Escape');
  await expect(weight).toBeFocused();
  await expect(widget.locator('.pg-network-message')).toHaveText('Edit cancelled; nothing changed.');
  expect(await widget.getAttribute('data-train-loss')).toBe(loss);
  await page.keyboard.press('Enter');
  await input.fill('−4.5');
  await input.press('Enter');
  await expect(widget.locator('.pg-network-message')).toContainText('set to −4.50; training is paused');
  await expect.poll(() => widget.getAttribute('data-train-loss'), { timeout: 10_000 }).not.toBe(loss);
  await expect(widget.locator('.pg-network-formula')).toHaveAttribute('data-formula', /^h₂⁽¹⁾ = tanh\(−4\.50·x₁ /);
  expect(await widget.getAttribute('data-epoch')).toBe(epoch);
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  // A click on an edge opens the same editor for that weight.
  const edge = widget.locator('.pg-edge-hits path[data-layer="2"][data-to="0"][data-from="2"]');
  const box = (await edge.boundingBox())!;
  await edge.dispatchEvent('click');
  expect(box.width).toBeGreaterThan(0);
  await expect(widget.getByRole('textbox', { name: 'New weight from h₃⁽¹⁾ to z' })).toBeFocused();
  await page.keyboard.press('Escape');
});

test('/playground/ has the full-width Playground, linked from the header and from the lesson with its settings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${LESSON}?playground=data:xor,layers:6`);
  const link = page.locator('nn-playground a.pg-open-full');
  await link.scrollIntoViewIfNeeded();
  await expect(link).toHaveText('Open in the full Playground');
  await expect(link).toHaveAttribute('href', /^\/playground\/\?playground=.*data%3Axor/);
  await link.click();
  await expect(page).toHaveURL(/\/playground\/\?playground=/);
  const widget = page.locator('nn-playground');
  await expect(widget).toHaveAttribute('data-frames', /[1-9]/, { timeout: 30_000 });
  await expect(widget.locator('[data-field="data"]')).toHaveValue('xor');
  await expect(widget.locator('.pg-architecture')).toHaveText('2-6-1');
  await expect(widget.locator('a.pg-open-full')).toHaveCount(0);
  // Wider than the prose column.
  expect((await widget.boundingBox())!.width).toBeGreaterThan(900);
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Playground' })).toHaveAttribute('href', '/playground/');
  await expect(page.getByRole('link', { name: 'the multilayer perceptron' })).toHaveAttribute('href', '/lessons/mlp/');
});

test('/playground/ at 360 px never scrolls sideways: the diagram scrolls in its own labelled, focusable box', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const widget = await openPlayground(page, '/playground/', 'in:x1-x2-x1sq-x2sq-x1x2-sinx1-sinx2,layers:8-8-8-8');
  const scroller = widget.getByRole('region', { name: /Network diagram/ });
  await expect(scroller).toHaveAttribute('tabindex', '0');
  const sizes = await scroller.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
