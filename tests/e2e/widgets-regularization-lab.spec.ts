import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PRESETS, PRESET_IDS } from '../../site/lesson/regularization-lab/presets.ts';
import { trainLab } from '../../site/lesson/regularization-lab/run.ts';

// The regularisation lab on the regularisation lesson: on the overfit preset, training with dropout or with L2 ends
// at a lower validation loss than without (the test, driven through the controls and read from the page,
// and equal to the engine's run computed here); the dropout mask shows in training passes and not in evaluation;
// early stopping marks and restores its best epoch; the keyboard steps; a link restores the state; reduced motion
// jumps to the end; the lab fits 360 px; axe finds nothing in light and dark mode.

const LAB_PAGE = '/lessons/regularisation/';

/** The lab of a preset, scrolled to and trained. */
async function openLab(page: Page, presetId: string, url = LAB_PAGE): Promise<Locator> {
  await page.goto(url);
  const lab = page.locator(`regularization-lab#lab-${presetId}`);
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  return lab;
}

/** Plays the lab at its fastest speed to the end of training and returns the validation loss it reports there. */
async function trainToEnd(lab: Locator, epochs: number): Promise<number> {
  await expect(lab).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  await lab.getByLabel('Speed').selectOption({ label: '100 epochs/s' });
  await lab.getByRole('button', { name: 'Play' }).click();
  await expect(lab.locator('[data-count]')).toHaveText(`Epoch ${epochs} of ${epochs}`, { timeout: 30_000 });
  await expect(lab.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  return Number(await lab.locator('[data-validation-loss]').textContent());
}

test('the page places every preset', async ({ page }) => {
  await page.goto(LAB_PAGE);
  for (const id of PRESET_IDS) await expect(page.locator(`regularization-lab#lab-${id}`)).toHaveCount(1);
});

test('overfit preset: after the same number of epochs the validation loss is lower with dropout, and with L2, than without', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, 'overfit');
  const epochs = PRESETS.overfit.settings.epochs;
  const plain = await trainToEnd(lab, epochs);
  await lab.getByLabel('Dropout p').selectOption('0.3');
  const dropout = await trainToEnd(lab, epochs);
  await lab.getByLabel('Dropout p').selectOption('0');
  await lab.getByLabel('L2 weight decay λ').selectOption('0.01');
  const l2 = await trainToEnd(lab, epochs);
  expect(dropout).toBeLessThan(plain);
  expect(l2).toBeLessThan(plain);
  // The page's numbers are the engine's run of the same settings.
  const engine = (settings: Partial<typeof PRESETS.overfit.settings>) => trainLab({ ...PRESETS.overfit.settings, ...settings }).validationLoss[epochs];
  for (const [read, expected] of [[plain, engine({})], [dropout, engine({ dropout: 0.3 })], [l2, engine({ l2: 0.01 })]]) {
    expect(Math.abs(read - expected)).toBeLessThan(1e-3 * expected);
  }
  await expect(lab.locator('[data-status]')).toContainText(`Trained all ${epochs} epochs`);
});

test('dropout: each training step crosses out a new set of units; the evaluation pass shows every unit', async ({ page }) => {
  const lab = await openLab(page, 'dropout');
  const step = lab.getByRole('button', { name: 'Step →' });
  const masks = new Set<string>();
  for (let k = 0; k < 4; k++) {
    await step.click();
    await expect(lab.locator('[data-count]')).toHaveText(`Epoch ${k + 1} of 300`);
    const dropped = lab.locator('[data-network] [data-unit="dropped"]');
    expect(await dropped.count()).toBeGreaterThan(0);
    masks.add(await lab.locator('[data-network] svg').evaluate((svg) => Array.from(svg.querySelectorAll('[data-unit]'), (u) => (u.getAttribute('data-unit') === 'on' ? 1 : 0)).join('')));
  }
  expect(masks.size).toBeGreaterThan(1);
  await expect(lab.locator('[data-network-caption]')).toContainText('Training pass of epoch 4, p = 0.3');
  await lab.getByLabel('evaluation pass').check();
  await expect(lab.locator('[data-network] [data-unit="dropped"]')).toHaveCount(0);
  await expect(lab.locator('[data-network-caption]')).toContainText('Evaluation pass (no dropout)');
});

test('early stopping: the run stops, the best epoch is marked and its weights are the ones reported', async ({ page }) => {
  const lab = await openLab(page, 'early-stopping');
  const run = trainLab(PRESETS['early-stopping'].settings);
  await lab.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('End');
  await expect(lab.locator('[data-count]')).toHaveText(`Epoch ${run.trained} of ${run.trained} (stopped early)`);
  await expect(lab.locator('[data-loss] [data-mark="restored"]')).toHaveCount(1);
  await expect(lab.locator('[data-weights-epoch]')).toHaveText(String(run.restoredEpoch));
  await expect(lab.locator('[data-status]')).toContainText(`restored the weights of epoch ${run.restoredEpoch}`);
  expect(Math.abs(Number(await lab.locator('[data-validation-loss]').textContent()) - run.validationLoss[run.restoredEpoch])).toBeLessThan(1e-3);
});

test('the keyboard steps, goes to the start and the end; keys in a field are left to the field', async ({ page }) => {
  const lab = await openLab(page, 'l2');
  await lab.getByRole('button', { name: 'Step →' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('.');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 2 of 300');
  await page.keyboard.press('ArrowLeft');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 1 of 300');
  await page.keyboard.press('End');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 300 of 300');
  await page.keyboard.press('Home');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 0 of 300');
  await lab.getByLabel('Seed').focus();
  await page.keyboard.press('ArrowRight');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 0 of 300');
  // Every control is reachable with Tab and named.
  for (const name of ['Reset', '← Back', 'Play', 'Step →']) await expect(lab.getByRole('button', { name })).toBeVisible();
  for (const label of ['Speed', 'L2 weight decay λ', 'Dropout p', 'Early-stopping patience', 'Epochs', 'Seed']) {
    await expect(lab.getByLabel(new RegExp(`^${label}`))).toBeVisible();
  }
});

test('a link restores the settings and the epoch, and changing a control writes the URL', async ({ page }) => {
  const lab = await openLab(page, 'overfit', `${LAB_PAGE}?lab-overfit=120*drop_0.3*seed_4`);
  await expect(lab.getByLabel('Dropout p')).toHaveValue('0.3');
  await expect(lab.getByLabel('Seed')).toHaveValue('4');
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 120 of 300');
  const run = trainLab({ ...PRESETS.overfit.settings, dropout: 0.3, seed: 4 });
  expect(Math.abs(Number(await lab.locator('[data-validation-loss]').textContent()) - run.validationLoss[120])).toBeLessThan(1e-3);
  await lab.getByLabel('Early-stopping patience').selectOption('10');
  await expect(lab).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  await lab.getByRole('button', { name: 'Step →' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('lab-overfit')).toBe('1*drop_0.3*pat_10*seed_4');
});

test('with reduced motion, Play jumps to the end of training', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = await openLab(page, 'overfit');
  await lab.getByRole('button', { name: 'Play' }).click();
  await expect(lab.locator('[data-count]')).toHaveText('Epoch 300 of 300');
  await expect(lab.locator('[data-status]')).toContainText('Reduced motion');
});

test('at 360 px the lab fits the page: no sideways scrolling, panels stacked', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const lab = await openLab(page, 'dropout');
  await lab.getByRole('button', { name: 'Step →' }).click();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const labBox = (await lab.boundingBox())!;
  for (const part of await lab.locator('canvas, .widget-plot svg').all()) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(labBox.x + labBox.width + 1);
  }
});

for (const mode of ['light', 'dark'] as const) {
  test(`axe finds no violation in the labs in ${mode} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    if (mode === 'dark') await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(LAB_PAGE);
    for (const id of PRESET_IDS) {
      const lab = page.locator(`regularization-lab#lab-${id}`);
      await lab.scrollIntoViewIfNeeded();
      await expect(lab).toHaveAttribute('data-ready', '', { timeout: 30_000 });
      await lab.getByRole('button', { name: 'Step →' }).click();
    }
    const results = await new AxeBuilder({ page }).setLegacyMode().include('regularization-lab').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
}
