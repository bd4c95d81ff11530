import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// Lesson 8, deep networks, as a student reads it: its figures are labelled images drawn when the site was built, every
// cell runs without an error and shows what the prose promises (the vanishing gradient of a 20-layer sigmoid network,
// He's level second moment, a layer of dead ReLUs), and the exercises the chapter places are on the page.

test.describe('the deep-networks lesson', () => {
  test.describe.configure({ timeout: 150_000 });

  test('its figures are labelled images drawn when the site was built, and its tables hold the engine’s numbers', async ({ page }) => {
    await page.goto('/lessons/deep-networks/');
    await expect(page.getByRole('heading', { level: 1, name: 'Deep networks' })).toBeVisible();
    for (const name of [/Gradient norm of each layer of a 20-layer network/, /size of the activations, layer by layer, under three initialisations/]) {
      await expect(page.getByRole('img', { name }).first()).toBeVisible();
    }
    const charts = page.locator('figure svg.line-chart[role="img"]');
    await expect(charts).toHaveCount(2);
    expect(await charts.first().locator('path').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const unnamed = await page.locator('figure svg[role="img"]').evaluateAll((svgs) =>
      svgs.filter((svg) => !(svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby'))).length,
    );
    expect(unnamed).toBe(0);
    // The parameter count of the MNIST network, and the dead-unit run that sticks at ln 2.
    await expect(page.locator('table').filter({ hasText: 'layers.0.weight' })).toContainText('203,530');
    await expect(page.locator('table').filter({ hasText: 'dead before' })).toContainText('0.6931');
    await expect(page.locator('table').filter({ hasText: 'TD-Gammon 3.0' })).toContainText('Kazaros');
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
  });

  test('every cell runs: gradients vanish through sigmoids, He keeps the signal, a large rate kills ReLUs', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/deep-networks/', 90_000)).toBe(3);
    const cell = (id: string) => cellById(page, id);
    await expect(cell('sigmoid-gradient-norms').locator('.cell-stream')).toContainText('layer 1: ‖∂L/∂W‖ = 1.82e-23');
    await expect(cell('sigmoid-gradient-norms').locator('.cell-stream')).toContainText('last / first: 1.0e+23');
    await expect(cell('sigmoid-gradient-norms').locator('.v-plot svg').first()).toBeVisible();
    await expect(cell('init-variance').locator('.cell-stream')).toContainText('xavier: E[h²] after 15 layers = 3.11e-5');
    await expect(cell('init-variance').locator('.cell-stream')).toContainText('he: E[h²] after 15 layers = 1.02e+0');
    await expect(cell('init-variance').locator('.v-plot svg').first()).toBeVisible();
    await expect(cell('dead-relus').locator('.cell-stream')).toContainText('layer 3: 100% of units dead');
    await expect(cell('dead-relus').locator('.cell-stream')).toContainText('loss 0.6931 (ln 2 = 0.6931)');
  });

  test('the chapter holds the exercises it teaches, and the exercises page links to them here', async ({ page }) => {
    const chapter = ['sigmoid-shrinkage', 'he-init-variance'];
    await page.goto('/lessons/deep-networks/');
    for (const id of chapter) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(1);
    }
    await page.goto('/practice/');
    await expect(page.locator('[data-practice-exercise]').first()).toBeAttached();
    for (const id of chapter) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(0);
      await expect(page.locator(`[data-practice-exercise="${id}"] a`)).toHaveAttribute('href', `/lessons/deep-networks/#exercise-${id}-title`);
    }
  });
});
