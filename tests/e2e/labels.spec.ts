import { test, expect } from '@playwright/test';

// Text a new reader saw wrong (issue 9): the prerequisites line and the playground's option labels.

test('the prerequisites line separates the titles with a comma and no space before it', async ({ page }) => {
  await page.goto('/lessons/mlp/');
  await expect(page.locator('.prerequisites')).toHaveText('Read first: The perceptron, Activation functions');
});

test("the playground's learning-rate and L2 options read as numbers and its speeds as epochs per second", async ({ page }) => {
  await page.goto('/lessons/mlp/');
  const widget = page.locator('nn-playground').first();
  const texts = (field: string) => widget.locator(`select[data-field="${field}"] option`).allTextContents();
  const values = (field: string) => widget.locator(`select[data-field="${field}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (const field of ['lr', 'l2']) {
    const shown = await texts(field);
    expect(shown.length, field).toBeGreaterThan(5);
    expect(shown.map(Number), field).toEqual((await values(field)).map(Number));
    for (const text of shown) expect(text, field).toMatch(/^\d+(\.\d+)?$/);
  }
  const speeds = await texts('speed');
  expect(speeds).toEqual(['1 epoch/s', '10 epochs/s', '100 epochs/s', 'As fast as possible']);
});
