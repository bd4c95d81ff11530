// The Playground's export to PyTorch, end to end: train a few epochs, pause, export, download the script, run it
// under PyTorch and find the page's training loss; the dialog is keyboard-friendly and gives the focus back.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { HOW_TO_GET_TORCH, findPythonTorch } from '../../scripts/python-torch.ts';

const LESSON = '/lessons/mlp/';

test('Export to PyTorch gives a script that, run under PyTorch, ends at the page\'s training loss', async ({ page }) => {
  await page.goto(`${LESSON}?playground=speed:10,drop:0.1,l2:0.001,opt:nesterov,in:x1-x2-x1sq-x2sq`);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await widget.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  // The pause has reached the worker once two frames in a row show the same epoch.
  await expect(widget.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(500);
  const epoch = await widget.getAttribute('data-epoch');
  const trainLoss = Number(await widget.getAttribute('data-train-loss'));

  const button = widget.getByRole('button', { name: 'Export to PyTorch' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'The run as a PyTorch script' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.pg-export-code')).toContainText('import torch', { timeout: 30_000 });
  await expect(dialog.locator('.pg-export-code')).toContainText(`EPOCHS = ${epoch}`);
  await expect(dialog).toContainText('python3 playground-run.py');
  await expect(dialog.getByRole('status')).toContainText(`${epoch} epoch`);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download playground-run.py' }).click()]);
  expect(download.suggestedFilename()).toBe('playground-run.py');
  const path = await download.path();
  const script = readFileSync(path, 'utf8');
  expect(script).toBe(await dialog.locator('.pg-export-code').textContent());

  const python = findPythonTorch();
  if (python === undefined) throw new Error(HOW_TO_GET_TORCH);
  const run = spawnSync(python, [path], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const last = /^now\s+train loss (\S+)/m.exec(run.stdout);
  expect(last, run.stdout).not.toBeNull();
  expect(Math.abs(Number(last![1]) - trainLoss)).toBeLessThanOrEqual(1e-9);
  const lines = run.stdout.trim().split('\n');
  expect(lines[lines.length - 2]).toMatch(new RegExp(`^epoch\\s+${epoch}\\s`));

  // Focus stays in the dialog, Escape closes it, and focus returns to the button.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('Export while training pauses first, and the script covers exactly the epochs trained', async ({ page }) => {
  await page.goto(`${LESSON}?playground=speed:100`);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await widget.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await widget.getByRole('button', { name: 'Export to PyTorch' }).click();
  const dialog = page.getByRole('dialog', { name: 'The run as a PyTorch script' });
  await expect(dialog.locator('.pg-export-code')).toContainText('import torch', { timeout: 30_000 });
  await expect(widget.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
  const code = (await dialog.locator('.pg-export-code').textContent()) ?? '';
  const epochs = /^EPOCHS = (\d+)$/m.exec(code);
  expect(epochs).not.toBeNull();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Paused: the page settles on the epoch the script was written at.
  await expect(widget).toHaveAttribute('data-epoch', epochs![1]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the open export dialog (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(LESSON);
    const widget = page.locator('nn-playground');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
    await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(widget).toHaveAttribute('data-epoch', '1');
    await widget.getByRole('button', { name: 'Export to PyTorch' }).click();
    const dialog = page.getByRole('dialog', { name: 'The run as a PyTorch script' });
    await expect(dialog.locator('.pg-export-code')).toContainText('import torch', { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).include('.pg-export').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
