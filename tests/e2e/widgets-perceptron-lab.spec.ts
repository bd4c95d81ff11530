import { test, expect, type Page } from '@playwright/test';

async function openLab(page: Page) {
  await page.goto('/lessons/perceptron/');
  const lab = page.locator('perceptron-lab').first();
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByRole('button', { name: 'Step' })).toBeEnabled();
  await expect(lab.locator('[data-plot] svg')).toBeVisible();
  return lab;
}

test('the perceptron lab converges on AND one update at a time and shows each update with its numbers', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByLabel('Dataset').selectOption('and');
  const status = lab.getByRole('status');
  await lab.getByRole('button', { name: 'Step' }).click();
  const readout = lab.locator('[data-readout]');
  await expect(readout).toContainText('w ← w + η y x = (0, 0) + 1·(−1)·(0, 0) = (0, 0)');
  await expect(readout).toContainText('b ← b + η y = 0 + 1·(−1) = −1');
  for (let i = 0; i < 40 && !(await status.textContent())?.startsWith('Converged'); i++) {
    await lab.getByRole('button', { name: 'Step' }).click();
  }
  await expect(status).toContainText(/^Converged after \d+ epochs and \d+ updates/);
  await expect(status).toHaveAttribute('data-tone', 'good');
});

test('the perceptron lab runs continuously on AND until it converges', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByLabel('Dataset').selectOption('and');
  await lab.getByRole('button', { name: 'Run' }).click();
  await expect(lab.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.getByRole('status')).toContainText('Converged', { timeout: 20_000 });
  await expect(lab.getByRole('button', { name: 'Run' })).toHaveAttribute('aria-pressed', 'false');
});

test('with reduced motion the perceptron lab jumps to its verdict: no line separates XOR after the epoch limit', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = await openLab(page);
  await lab.getByLabel('Dataset').selectOption('xor');
  await lab.getByLabel('Give up after (epochs)').fill('12');
  await lab.getByLabel('Give up after (epochs)').dispatchEvent('change');
  await lab.getByRole('button', { name: 'Run' }).click();
  const status = lab.getByRole('status');
  await expect(status).toContainText('The rule found no separating line within 12 epochs');
  await expect(status).toContainText('which does not show that no line exists');
  await expect(status).toHaveAttribute('data-tone', 'bad');
});

test('points added with the keyboard fields and by clicking the plot join the data', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByLabel('Dataset').selectOption('empty');
  await expect(lab.getByRole('button', { name: 'Step' })).toBeDisabled();
  await lab.getByLabel('x₁').fill('1');
  await lab.getByLabel('x₂').fill('0.5');
  await lab.getByLabel('Class').selectOption('1');
  await lab.getByRole('button', { name: 'Add point' }).focus();
  await page.keyboard.press('Enter');
  await expect(lab.getByRole('status')).toContainText('Added a point of class +1 at (1, 0.5); 1 points');
  await lab.getByLabel('Class').selectOption('-1');
  const plot = lab.locator('[data-plot] svg');
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
  await expect(lab.getByRole('status')).toContainText('Added a point of class −1');
  await expect(lab.getByRole('status')).toContainText('2 points');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await lab.getByRole('button', { name: 'Run' }).click();
  await expect(lab.getByRole('status')).toContainText('Converged');
});
