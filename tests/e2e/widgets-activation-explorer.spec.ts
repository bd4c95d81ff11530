import { test, expect, type Page } from '@playwright/test';
import { plotOnTheElementsSide } from './pages.ts';

async function openExplorer(page: Page) {
  await page.goto('/lessons/activations/');
  const explorer = page.locator('activation-explorer').first();
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.locator('[data-plot="derivative"] svg')).toBeVisible();
  return explorer;
}

/** Waits until the explorer shows what its worker drew for `activation` (and, when given, the parameter `p`). */
async function drawn(explorer: ReturnType<Page['locator']>, activation: string, p?: number): Promise<void> {
  await expect(explorer).toHaveAttribute('data-drawn', new RegExp(`^${activation}:${p === undefined ? '' : `${p}:`}`));
  await expect(explorer).not.toHaveAttribute('data-pending');
}

/** The largest |autograd − formula| the explorer shows. */
async function shownDifference(explorer: ReturnType<Page['locator']>): Promise<number> {
  const text = (await explorer.locator('[data-agreement]').textContent()) ?? '';
  const match = /max \|autograd − formula\| = ([\d.e+-]+) over 400 points/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

test('for every activation the explorer shows autograd and the formula agreeing', async ({ page }) => {
  const explorer = await openExplorer(page);
  const select = explorer.getByLabel('Activation');
  const ids = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(ids).toEqual(['step', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu', 'elu', 'gelu', 'gelu-tanh', 'silu', 'mish', 'softplus', 'hardtanh', 'rbf']);
  for (const id of ids) {
    await select.selectOption(id);
    await drawn(explorer, id);
    expect(await shownDifference(explorer), id).toBeLessThan(1e-12);
  }
});

test('the ELU parameter slider changes the curve, and autograd still matches the formula', async ({ page }) => {
  const explorer = await openExplorer(page);
  await explorer.getByLabel('Activation').selectOption('elu');
  const slider = explorer.getByRole('slider', { name: 'ELU parameter α' });
  await expect(slider).toBeVisible();
  await drawn(explorer, 'elu', 1);
  const before = await explorer.locator('[data-plot="f"] svg path').last().getAttribute('d');
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(explorer.locator('[data-parameter-value]')).toHaveText('α = 2');
  await drawn(explorer, 'elu', 2);
  expect(await explorer.locator('[data-plot="f"] svg path').last().getAttribute('d')).not.toBe(before);
  expect(await shownDifference(explorer)).toBeLessThan(1e-12);
});

test('the sigmoid’s vanishing gradient is shaded on both tails and reported in the status', async ({ page }) => {
  const explorer = await openExplorer(page);
  await explorer.getByLabel('Activation').selectOption('sigmoid');
  await explorer.getByLabel('Range').selectOption('6');
  await explorer.getByLabel(/Vanishing below/).selectOption('0.05');
  const status = explorer.getByRole('status');
  await expect(status).toContainText('Sigmoid σ: autograd and the formula agree');
  await expect(explorer.locator('[data-agreement]')).toContainText(/max \|autograd − central difference\| = \d\.\de-(9|1\d)/);
  // σ′(x) = σ(1 − σ) = 0.05 where σ = (1 + √0.8) / 2, so |x| = log(σ / (1 − σ)) ≈ 2.887.
  const sigma = (1 + Math.sqrt(0.8)) / 2;
  const edge = Math.log(sigma / (1 - sigma)).toFixed(2);
  await expect(status).toContainText(`|f′| < 0.05 on [−6, −${edge}] and [${edge}, 6]`);
  await expect(explorer.locator('[data-plot="derivative"] svg rect[fill="var(--bad)"], [data-plot="derivative"] svg g[fill="var(--bad)"] rect')).toHaveCount(2);
});

test('the curves are computed and drawn in the explorer’s worker: the element’s code reaches no Plot, and its charts keep their labels', async ({ page }) => {
  // The element's chunk and everything it imports statically: none of it holds Plot, which only the worker imports.
  expect(plotOnTheElementsSide('site/lesson/activation-explorer/activation-explorer.ts', 'site/lesson/activation-explorer/charts.ts')).toEqual({ withPlot: [], chartsApart: true });

  const explorer = await openExplorer(page);
  await drawn(explorer, 'sigmoid');
  for (const name of ['f', 'derivative']) {
    const chart = explorer.locator(`[data-plot="${name}"] svg`);
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute('aria-label', /^Sigmoid σ: f/);
  }
});
