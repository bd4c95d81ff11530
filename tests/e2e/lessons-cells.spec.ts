import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// The cells of lessons 2 and 3, run as a student runs them: Run all, then every cell must finish
// without an error and show what it promises (a value, a chart, the XOR outputs, an accuracy).

test.describe('lesson cells', () => {
  test.describe.configure({ timeout: 120_000 });

  test('every cell of the activations lesson runs: the collapse holds, the chain shrinks, the curves are drawn', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/activations/')).toBeGreaterThanOrEqual(2);
    await expect(cellById(page, 'collapse-layers').locator('.cell-result')).toContainText(/differ by at most \d(\.\d)?e-1[5-7]/);
    await expect(cellById(page, 'sigmoid-chain').locator('.v-plot svg').first()).toBeVisible();
    await expect(cellById(page, 'activation-derivative').locator('.v-plot svg').first()).toBeVisible();
  });

  test('every cell of the MLP lesson runs: XOR comes out 0, 1, 1, 0 and the moons are learned', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/mlp/')).toBeGreaterThanOrEqual(2);
    await expect(cellById(page, 'xor-by-hand').locator('.cell-result')).toHaveText(/shape \[4\]\s*0\s*1\s*1\s*0$/);
    // textContent, not innerText: the cell may be scrolled away, where content-visibility skips its rendering (innerText
    // reads rendered text).
    const accuracy = (await cellById(page, 'train-moons').locator('.cell-result').textContent()) ?? '';
    expect(Number(/training accuracy: ([\d.]+)%/.exec(accuracy)?.[1])).toBeGreaterThanOrEqual(95);
    await expect(cellById(page, 'train-moons').locator('.v-plot')).toHaveCount(2);
  });
});
