import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// Lesson 6, optimization, as a student reads it: its figures are labelled images drawn when the site was built,
// every cell runs without an error and shows what the prose promises (the critical rate, the noise floor, the race),
// and the exercises the chapter already places are on the page.

test.describe('the optimization lesson', () => {
  test.describe.configure({ timeout: 150_000 });

  test('its figures are labelled images drawn when the site was built', async ({ page }) => {
    await page.goto('/lessons/optimization/');
    await expect(page.getByRole('heading', { level: 1, name: 'Optimization' })).toBeVisible();
    for (const name of [
      /spread of mini-batch gradients against the batch size/,
      /loss against the step for four learning rates/,
      /Gradient descent on the contours of a quadratic with condition number 20/,
      /one Newton step goes in a straight line to the minimum/,
      /Momentum’s step on a constant slope/,
      /momentum μ = 0.7 on the quadratic with condition number 50/,
      /step of AdaGrad, RMSProp and Adam on a steady slope/,
      /Adam’s running averages over the first 30 steps/,
      /Adam’s step in units of η, with and without bias correction/,
      /Three learning-rate schedules/,
      /fraction of random critical points that are minima/,
      /distance between the weights of the two momentum forms/,
    ]) {
      await expect(page.getByRole('img', { name }).first()).toBeVisible();
    }
    // The line charts carry curves with real coordinates, and no figure is left without a name.
    const charts = page.locator('figure svg.line-chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(8);
    expect(await charts.first().locator('path').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const unnamed = await page.locator('figure svg[role="img"]').evaluateAll((svgs) =>
      svgs.filter((svg) => !(svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby'))).length,
    );
    expect(unnamed).toBe(0);
    // The table of learning rates names the critical rate's neighbours.
    await expect(page.locator('table').filter({ hasText: 'divergent' })).toContainText('0.205');
  });

  test('every cell runs: the critical rate, the noise floor of a constant rate, and the race of optimizers', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/optimization/', 90_000)).toBe(3);
    const cell = (id: string) => cellById(page, id);
    await expect(cell('gd-quadratic').locator('.cell-stream')).toContainText('critical rate 2/λmax = 0.200');
    await expect(cell('gd-quadratic').locator('.cell-stream')).toContainText('step 40: loss 2.76e-6');
    await expect(cell('gd-quadratic').locator('.v-plot svg').first()).toBeVisible();
    await expect(cell('schedules-noisy').locator('.cell-stream')).toContainText('constant: mean loss over the last 20 steps 0.2301');
    await expect(cell('schedules-noisy').locator('.cell-stream')).toContainText('cosine: mean loss over the last 20 steps 0.0175');
    await expect(cell('optimizer-race').locator('.cell-stream')).toContainText('adam {"lr":0.01}: loss 0.0078 after 150 epochs');
    await expect(cell('optimizer-race').locator('.v-plot svg').first()).toBeVisible();
  });

  test('the chapter holds the exercises it teaches, and the exercises page links to them here', async ({ page }) => {
    const chapter = ['critical-learning-rate', 'momentum-step', 'nesterov-step', 'adagrad-step', 'rmsprop-step', 'adam-step'];
    await page.goto('/lessons/optimization/');
    for (const id of chapter) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(1);
    }
    await page.goto('/practice/');
    await expect(page.locator('[data-practice-exercise]').first()).toBeAttached();
    for (const id of chapter) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(0);
      await expect(page.locator(`[data-practice-exercise="${id}"] a`)).toHaveAttribute('href', `/lessons/optimization/#exercise-${id}-title`);
    }
  });

  test('the previous chapter links forward to it', async ({ page }) => {
    await page.goto('/lessons/backprop/');
    await expect(page.locator('a[href$="/lessons/optimization/"]').first()).toBeAttached();
  });
});
