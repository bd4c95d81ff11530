import { test, expect, type Page } from '@playwright/test';
import { openPlayground, shownPixels } from './pages.ts';


const numberAttribute = async (widget: ReturnType<Page['locator']>, name: string) => Number(await widget.getAttribute(name));

test('the playground trains on circles until the test loss has fallen to under half its starting value', async ({ page }) => {
  const widget = await openPlayground(page, 'speed:max');
  await expect(widget).toHaveAttribute('data-epoch', '0');
  const before = await numberAttribute(widget, 'data-test-loss');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => numberAttribute(widget, 'data-epoch'), { timeout: 20_000 }).toBeGreaterThanOrEqual(200);
  await widget.getByRole('button', { name: 'Pause' }).click();
  const after = await numberAttribute(widget, 'data-test-loss');
  expect(after).toBeLessThan(before / 2);
  await expect(widget.locator('.pg-accuracy')).toHaveText(/^(9\d|100)%$/);
});

test('changing a control restarts the run and writes the settings into the URL', async ({ page }) => {
  const widget = await openPlayground(page);
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  await widget.getByLabel('Dataset', { exact: true }).selectOption('xor');
  await expect(page).toHaveURL(/[?&]playground=data(:|%3A)xor/);
  await expect(widget).toHaveAttribute('data-epoch', '0');
  await widget.getByLabel('Hidden layers', { exact: true }).fill('3');
  await widget.getByLabel('Hidden layers', { exact: true }).press('Enter');
  await expect(widget.locator('.pg-architecture')).toHaveText('2-4-4-4-1');
  await expect(page).toHaveURL(/layers(:|%3A)4-4-4/);
  await widget.getByLabel('Loss', { exact: true }).selectOption('cross-entropy');
  await expect(widget.locator('.pg-architecture')).toHaveText('2-4-4-4-2');
});

test('a link with settings reproduces every control, and the same seed the same training', async ({ page }) => {
  const settings = 'data:spiral,noise:0.2,split:70,batch:20,layers:8-6-4,act:relu,loss:cross-entropy,opt:rmsprop,lr:0.003,l2:0.001,drop:0.2,init:he-normal,seed:42';
  const widget = await openPlayground(page, settings);
  const expected: Record<string, string> = {
    data: 'spiral', noise: '0.2', split: '70', batch: '20', 'layer-count': '3', activation: 'relu', loss: 'cross-entropy',
    optimizer: 'rmsprop', lr: '0.003', l2: '0.001', dropout: '0.2', init: 'he-normal', seed: '42',
  };
  for (const [field, value] of Object.entries(expected)) {
    await expect(widget.locator(`[data-field="${field}"]`), field).toHaveValue(value);
  }
  await expect(widget.locator('.pg-architecture')).toHaveText('2-8-6-4-2');
  // Three epochs by keyboard, then the same three again after reloading the link: the losses agree to the last digit.
  const step = widget.getByRole('button', { name: 'Step' });
  await step.focus();
  for (const epoch of ['1', '2', '3']) {
    await page.keyboard.press('Enter');
    await expect(widget).toHaveAttribute('data-epoch', epoch);
  }
  const first = await widget.getAttribute('data-test-loss');
  const again = await openPlayground(page, settings);
  for (const epoch of ['1', '2', '3']) {
    await again.getByRole('button', { name: 'Step' }).click();
    await expect(again).toHaveAttribute('data-epoch', epoch);
  }
  expect(await again.getAttribute('data-test-loss')).toBe(first);
});

test('the playground stops training while it is scrolled out of view', async ({ page }) => {
  const widget = await openPlayground(page, 'speed:100');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => numberAttribute(widget, 'data-epoch')).toBeGreaterThan(5);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  const away = await numberAttribute(widget, 'data-epoch');
  await page.waitForTimeout(1000);
  expect(await numberAttribute(widget, 'data-epoch')).toBe(away);
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => numberAttribute(widget, 'data-epoch')).toBeGreaterThan(away);
  // At 100 epochs a second, the 1.5 s away would have added about 150 epochs had it kept training.
  expect(await numberAttribute(widget, 'data-epoch')).toBeLessThan(away + 75);
});

test('a regression over the plane: the value scale replaces the classes, training fits the bumps, and the map reads out the output', async ({ page }) => {
  const widget = await openPlayground(page, 'layers:8-8,lr:0.03,speed:max');
  await widget.getByLabel('Dataset', { exact: true }).selectOption('bumps');
  await expect(page).toHaveURL(/[?&]playground=[^&]*data(:|%3A)bumps/);
  await expect(widget.locator('.pg-value-key')).toBeVisible();
  await expect(widget.locator('.pg-class-key').first()).toBeHidden();
  await expect(widget.getByLabel('Loss', { exact: true })).toBeDisabled();
  await expect(widget.locator('.pg-architecture')).toHaveText('2-8-8-1');
  const before = await numberAttribute(widget, 'data-test-loss');
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => numberAttribute(widget, 'data-epoch'), { timeout: 30_000 }).toBeGreaterThanOrEqual(150);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await numberAttribute(widget, 'data-test-loss')).toBeLessThan(before / 3);
  const picture = widget.locator('.pg-picture');
  const readout = widget.locator(`#${await picture.getAttribute('aria-describedby')}`);
  await picture.hover({ position: { x: 40, y: 60 } });
  await expect(readout).toHaveText(/^\(−?\d+\.\d\d, −?\d+\.\d\d\): output −?\d+\.\d{3}$/, { timeout: 10_000 });
});

test('a resize redraws the picture only when its width changes: a height-only resize draws no frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await openPlayground(page);
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  const frames = await numberAttribute(widget, 'data-frames');
  // Taller only: the picture (as wide as its column) keeps its width.
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await numberAttribute(widget, 'data-frames')).toBe(frames);
  // Narrower: the picture is redrawn at its new width, one frame.
  await page.setViewportSize({ width: 600, height: 700 });
  await expect.poll(() => numberAttribute(widget, 'data-frames')).toBe(frames + 1);
});

/** The picture as the screen shows it: its distinct colours and mean brightness. */
const shownPicture = (page: Page, widget: ReturnType<Page['locator']>) => shownPixels(page, widget.locator('.pg-picture'));

test('the painter worker draws the picture on the canvas the page hands it, redrawn in the new colours after a theme change', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const widget = await openPlayground(page);
  await expect(widget).toHaveAttribute('data-picture-drawn-by', 'worker');
  // The page handed the canvas over, so it cannot draw on it: every frame of the picture is the worker's.
  expect(await widget.locator('.pg-picture').evaluate((canvas: HTMLCanvasElement) => {
    try {
      canvas.getContext('2d');
      return 'the page can draw';
    } catch (error) {
      return (error as Error).name;
    }
  })).toBe('InvalidStateError');
  // The heat map and the points are on screen: hundreds of colours, not an empty box.
  await expect.poll(async () => (await shownPicture(page, widget)).colours).toBeGreaterThan(200);
  const light = await shownPicture(page, widget);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await shownPicture(page, widget)).brightness).toBeLessThan(light.brightness - 60);
  // Training shows in the worker's picture too: a step changes it.
  const before = await widget.locator('.pg-picture').screenshot();
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  await expect.poll(async () => (await widget.locator('.pg-picture').screenshot()).equals(before)).toBe(false);
});

test('where a canvas cannot be handed to a worker, the page draws the picture itself', async ({ page }) => {
  await page.addInitScript(() => {
    delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
  });
  const widget = await openPlayground(page);
  await expect(widget).toHaveAttribute('data-picture-drawn-by', 'page');
  const drawn = () => widget.locator('.pg-picture').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
  await expect.poll(drawn).toBeGreaterThan(200);
  expect((await shownPicture(page, widget)).colours).toBeGreaterThan(200);
});

test('moved elsewhere in the page (disconnected and connected again), the Playground starts afresh: a theme change before its first new frame is no error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const widget = await openPlayground(page);
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  // In one task: out of the page, back in (new workers, a fresh canvas), and the theme switched before any frame of
  // the new workers can arrive, so the switch redraws whatever the element still holds of its last frame.
  await page.evaluate(() => {
    const element = document.querySelector('nn-playground')!;
    const place = element.nextSibling;
    const parent = element.parentNode!;
    element.remove();
    parent.insertBefore(element, place);
    const root = document.documentElement;
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
  });
  // The new workers start a new run from epoch 0, and the worker draws the picture on its fresh canvas.
  await expect(widget).toHaveAttribute('data-epoch', '0', { timeout: 30_000 });
  await expect(widget).toHaveAttribute('data-picture-drawn-by', 'worker');
  await expect(widget.locator('canvas.pg-picture')).toHaveCount(1);
  await expect.poll(async () => (await shownPicture(page, widget)).colours).toBeGreaterThan(200);
  expect(errors).toEqual([]);
});
