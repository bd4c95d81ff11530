import { test, expect, type Page } from '@playwright/test';

// The cells of lessons 2 and 3, run as a student runs them: Run all, then every cell must finish
// without an error and show what it promises (a value, a chart, the XOR outputs, an accuracy).

async function runAll(page: Page, path: string): Promise<number> {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(path);
  const cells = page.locator('notebook-cell');
  const count = await cells.count();
  await cells.first().scrollIntoViewIfNeeded();
  await expect(cells.first()).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Run all' }).click();
  for (let index = 0; index < count; index++) {
    await expect(cells.nth(index)).toHaveAttribute('data-status', 'done', { timeout: 40_000 });
  }
  await expect(page.locator('.notebook-status')).toHaveText('All cells ran.');
  await expect(page.locator('notebook-cell .cell-error')).toHaveCount(0);
  // The author's cells are known to type-check, so running them as written never loads the type checker.
  expect(requested.filter((url) => /type-worker/.test(url))).toEqual([]);
  await expect(page.locator('notebook-cell .cell-types')).toHaveText(Array(count).fill(''));
  return count;
}

function cellById(page: Page, id: string) {
  return page.locator(`notebook-cell[data-cell-id="${id}"]`);
}

test.describe('lesson cells', () => {
  test.describe.configure({ timeout: 120_000 });

  test('every cell of the activations lesson runs: the collapse holds, the chain shrinks, the curves are drawn', async ({ page }) => {
    expect(await runAll(page, '/lessons/activations/')).toBeGreaterThanOrEqual(2);
    await expect(cellById(page, 'collapse-layers').locator('.cell-result')).toContainText(/differ by at most \d(\.\d)?e-1[5-7]/);
    await expect(cellById(page, 'sigmoid-chain').locator('.v-plot svg').first()).toBeVisible();
    await expect(cellById(page, 'activation-derivative').locator('.v-plot svg').first()).toBeVisible();
  });

  test('every cell of the MLP lesson runs: XOR comes out 0, 1, 1, 0 and the moons are learned', async ({ page }) => {
    expect(await runAll(page, '/lessons/mlp/')).toBeGreaterThanOrEqual(2);
    await expect(cellById(page, 'xor-by-hand').locator('.cell-result')).toHaveText(/shape \[4\]\s*0\s*1\s*1\s*0$/);
    const accuracy = await cellById(page, 'train-moons').locator('.cell-result').innerText();
    expect(Number(/training accuracy: ([\d.]+)%/.exec(accuracy)?.[1])).toBeGreaterThanOrEqual(95);
    await expect(cellById(page, 'train-moons').locator('.v-plot')).toHaveCount(2);
  });
});
