import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// Lesson 7, regularisation, as a student reads it: its figures are labelled images drawn when the site was built,
// every cell runs and shows what the prose promises (the engine's weight-decay step equals the formula, training
// passes differ while the evaluation pass does not, early stopping restores a best epoch), and the chapter holds
// its three exercises, which the practice page no longer lists.

test.describe('the regularisation lesson', () => {
  test.describe.configure({ timeout: 150_000 });

  test('its figures are labelled images drawn when the site was built', async ({ page }) => {
    await page.goto('/lessons/regularisation/');
    await expect(page.getByRole('heading', { level: 1, name: 'Regularisation' })).toBeVisible();
    for (const name of [
      /Training and validation loss of a network that overfits/,
      /Validation loss after training against the number of training points/,
      /early stopping with patience 20 stops at epoch \d+ and restores epoch \d+/,
    ]) {
      await expect(page.getByRole('img', { name }).first()).toBeVisible();
    }
    const unnamed = await page.locator('figure svg[role="img"]').evaluateAll((svgs) =>
      svgs.filter((svg) => !(svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby'))).length,
    );
    expect(unnamed).toBe(0);
    await expect(page.locator('table').filter({ hasText: 'AdamW, weightDecay' })).toContainText('%');
  });

  test('every cell runs: the weight-decay step, training and evaluation passes, and an early-stopping loop', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/regularisation/', 120_000)).toBe(3);
    const stream = (id: string) => cellById(page, id).locator('.cell-stream');
    const lines = (await stream('weight-decay-step').innerText()).split('\n');
    const engine = lines.find((l) => l.startsWith('engine :'))!.split(':')[1].trim();
    const byHand = lines.find((l) => l.startsWith('by hand:'))!.split(':')[1].trim();
    expect(engine).toBe(byHand);
    const passes = (await stream('dropout-passes').innerText()).split('\n').filter((l) => l.startsWith('training pass')).map((l) => l.split(':')[1].trim());
    expect(passes).toHaveLength(5);
    expect(new Set(passes).size).toBeGreaterThan(1);
    await expect(stream('dropout-passes')).toContainText('evaluation pass:');
    await expect(stream('early-stopping-loop')).toContainText(/stopped after epoch \d+; restored epoch \d+/);
    await expect(cellById(page, 'early-stopping-loop').locator('.v-plot svg').first()).toBeVisible();
  });

  test('the chapter holds its exercises, and the practice page no longer lists them', async ({ page }) => {
    const chapter = ['weight-decay-gradient', 'dropout-backward', 'early-stopping-restore'];
    await page.goto('/lessons/regularisation/');
    for (const id of chapter) await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(1);
    await page.goto('/practice/');
    for (const id of chapter) await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(0);
  });
});
