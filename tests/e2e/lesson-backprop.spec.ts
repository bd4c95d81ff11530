import { test, expect } from '@playwright/test';
import { cellById, runAllCells } from './pages.ts';

// Lesson 5, backpropagation, as a student reads it: its four figures are labelled images drawn when the site was
// built, every cell runs without an error (the autograd built in cells agrees with the engine and learns XOR), and
// the exercises the chapter teaches are on the page.

test.describe('the backpropagation lesson', () => {
  test.describe.configure({ timeout: 150_000 });

  test('its figures are labelled images drawn when the site was built', async ({ page }) => {
    await page.goto('/lessons/backprop/');
    await expect(page.getByRole('heading', { level: 1, name: 'Backpropagation' })).toBeVisible();
    const diagrams = page.locator('figure svg.diagram[role="img"]');
    await expect(diagrams).toHaveCount(3);
    await expect(page.getByRole('img', { name: /two paths from t to f/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Computation graph of one sigmoid neuron/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /shapes of a linear layer’s backward pass/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Error of finite-difference gradients/ })).toBeVisible();
    // The graph's nodes carry the values and bars the text states.
    const graph = page.getByRole('img', { name: /Computation graph of one sigmoid neuron/ });
    await expect(graph.locator('text', { hasText: 'value 0.6365' })).toHaveCount(1);
    // z̄ serves u and b unchanged, so three nodes carry the same bar.
    await expect(graph.locator('text', { hasText: 'bar −0.0841' })).toHaveCount(3);
    // The error curve has two curves with real coordinates.
    const curves = page.locator('figure svg.line-chart[role="img"] path');
    await expect(curves).toHaveCount(2);
    expect(await curves.first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  test('every cell runs: the layer and the Value agree with autograd, and the Value network learns XOR', async ({ page }) => {
    expect(await runAllCells(page, '/lessons/backprop/', 60_000)).toBe(5);
    const cell = (id: string) => cellById(page, id);
    await expect(cell('layer-forward-backward').locator('.cell-stream')).toContainText('X̄ matches: true  b̄ matches: true');
    await expect(cell('value-class').locator('.cell-result')).toContainText('a² + a = 12, d/da = 7');
    await expect(cell('value-tanh-network').locator('.cell-result')).toContainText('largest difference from the engine: 0');
    await expect(cell('value-train').locator('.cell-stream')).toContainText('step 300: loss 0.0096');
    await expect(cell('value-train').locator('.cell-result')).toContainText('0 xor 1 → 0.95');
    await expect(cell('value-gradcheck').locator('.cell-result')).toContainText("engine's gradcheck: passed");
  });

  test('the chapter holds the exercises it teaches', async ({ page }) => {
    await page.goto('/lessons/backprop/');
    for (const id of ['sigmoid-backward', 'small-network-gradient', 'mlp-backward']) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(1);
    }
  });

  test('the exercises page links to them here instead of holding them', async ({ page }) => {
    await page.goto('/practice/');
    await expect(page.locator('[data-practice-exercise]').first()).toBeAttached();
    for (const id of ['sigmoid-backward', 'small-network-gradient', 'mlp-backward']) {
      await expect(page.locator(`course-exercise[data-exercise-id="${id}"]`)).toHaveCount(0);
      await expect(page.locator(`[data-practice-exercise="${id}"] a`)).toHaveAttribute('href', `/lessons/backprop/#exercise-${id}-title`);
    }
  });
});
