import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// Lesson 4, losses and output units, as a student reads it: the figures are there without JavaScript's help, every
// cell runs (the naive softmax overflows and the stable one does not; the saturation plot is drawn), and the three
// exercises this chapter teaches are on the page.

test.describe('the losses lesson', () => {
  test.describe.configure({ timeout: 120_000 });

  test('its figures are labelled images drawn when the site was built', async ({ page }) => {
    await page.goto('/lessons/losses/');
    const charts = page.locator('figure svg.line-chart[role="img"]');
    await expect(charts).toHaveCount(2);
    await expect(page.getByRole('img', { name: /gradient ∂L\/∂z of a sigmoid output/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /loss of a sigmoid output/ })).toBeVisible();
    // Two curves each, with real coordinates.
    for (let i = 0; i < 2; i++) {
      const paths = charts.nth(i).locator('path');
      await expect(paths).toHaveCount(2);
      expect(await paths.first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    }
  });

  test('every cell runs: the naive softmax gives NaN, the stable one does not, and the gradients are plotted', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/losses/')).toBeGreaterThanOrEqual(2);
    const overflow = cellById(page, 'softmax-overflow');
    await expect(overflow.locator('.cell-stream')).toContainText('[NaN, NaN, NaN]');
    await expect(overflow.locator('.cell-stream')).toContainText('[0.0900306, 0.244728, 0.665241]');
    await expect(overflow.locator('.cell-stream')).toContainText('[-800, 0]');
    await expect(overflow.locator('.cell-result')).toContainText('cross-entropy against class 0: 800');
    const saturation = cellById(page, 'saturation-gradients');
    await expect(saturation.locator('.cell-stream')).toContainText('at z = -6: cross-entropy -0.9975, squared error -0.0025');
    await expect(saturation.locator('.v-plot svg').first()).toBeVisible();
  });

  test('the chapter holds its three exercises', async ({ page }) => {
    await page.goto('/lessons/losses/');
    for (const id of ['mse-gradient', 'logistic-loss-gradient', 'softmax-cross-entropy-backward']) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(1);
    }
  });
});
