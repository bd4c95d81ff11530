import { test, expect } from '@playwright/test';

// A student looks a symbol up: from a lesson's term to its glossary entry, and from the entry back to the section
// that introduces it; and the notation page answers every symbol a lesson links to.

test('a term in a lesson opens its glossary entry, whose "Introduced in" link leads back to the section that teaches it', async ({ page }) => {
  await page.goto('/lessons/perceptron/');
  const epoch = page.locator('a.notation-ref[data-term="epoch"]').first();
  await expect(epoch).toHaveText('epoch');
  await epoch.click();
  await expect(page).toHaveURL(/\/notation\/#term-epoch$/);
  const entry = page.locator('#term-epoch');
  await expect(entry).toBeInViewport();
  await expect(entry.locator('dt')).toHaveText('epoch');
  await expect(entry).toContainText('one pass of training over every example of the training set');
  const back = entry.getByRole('link', { name: /Chapter 1, The perceptron: Rosenblatt’s learning rule|Chapter 1, The perceptron: Rosenblatt's learning rule/ });
  await back.click();
  await expect(page).toHaveURL(/\/lessons\/perceptron\/#rosenblatts-learning-rule$/);
  await expect(page.locator('#rosenblatts-learning-rule')).toBeInViewport();
});

test('a symbol in a lesson opens its entry, with its shape, its PyTorch name and the lecture notes\' name', async ({ page }) => {
  await page.goto('/lessons/optimization/');
  await page.locator('a.notation-ref[data-sym="alpha"]').first().click();
  await expect(page).toHaveURL(/\/notation\/#sym-alpha$/);
  const entry = page.locator('#sym-alpha');
  await expect(entry.locator('li', { hasText: 'PyTorch' })).toContainText('alpha (0.99 by default)');
  await expect(entry.locator('li', { hasText: 'Lecture notes' })).toContainText('the notes write γ');
  await expect(page.locator('#sym-W li').first()).toContainText('(outputs × inputs)');
});

test('every symbol and term a lesson links to has its entry on /notation/', async ({ page }) => {
  await page.goto('/notation/');
  const anchors = new Set(await page.locator('.notation-entry').evaluateAll((entries) => entries.map((entry) => entry.id)));
  for (const lesson of ['/lessons/backprop/', '/lessons/regularisation/']) {
    await page.goto(lesson);
    const targets = await page.locator('a.notation-ref').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).hash.slice(1)));
    expect(targets.length, lesson).toBeGreaterThan(3);
    for (const target of targets) expect(anchors.has(target), `${lesson} links to #${target}`).toBe(true);
  }
});
