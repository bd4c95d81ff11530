import { writeFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { cellById, openEditor } from './pages.ts';

// A chapter printed (or saved as PDF) from Chromium: the lesson alone, in black on white; cells as their code (the
// reader's own) with their last output; each widget as its picture with its settings written out; links with their
// addresses. "Print this chapter" draws every figure first. The PDFs are kept in the test's output folder, to look at.
const PAGE = '/lessons/optimization/';

/** Replaces window.print (which would open a dialog) with a counter. */
async function countPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counter = window as unknown as { prints: number };
    counter.prints = 0;
    window.print = () => {
      counter.prints += 1;
    };
  });
}

/** The number of pages of a PDF Chromium made (its page objects are written out in the open). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

test.describe('printing a chapter', () => {
  test('Print this chapter draws every figure and cell, then prints the lesson with the reader’s code, its output and each widget’s settings', async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    await page.goto(PAGE);
    await countPrints(page);
    // The reader edits and runs a cell, and changes a widget's setting, before printing.
    const cell = page.locator('notebook-cell').first();
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toHaveAttribute('data-ready', '');
    await openEditor(cell);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText("console.log('printed from the reader');");
    await cell.getByRole('button', { name: /^Run cell/ }).click();
    await expect(cell).toHaveAttribute('data-status', 'done');
    const race = page.locator('optimizer-race').first();
    await race.scrollIntoViewIfNeeded();
    await expect(race.locator('[data-plot="contour"] svg').first()).toBeVisible();
    const surface = race.locator('select[data-field="surface"]');
    const chosen = await surface.locator('option').nth(1).textContent();
    await surface.selectOption({ index: 1 });

    await page.evaluate(() => window.scrollTo(0, 0));
    const button = page.getByRole('button', { name: 'Print this chapter' });
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { prints: number }).prints), { timeout: 120_000 }).toBe(1);
    await expect(button).toBeEnabled();
    // Every widget was brought on screen, so each has its code and has drawn.
    const undrawn = await page.locator('main .widget').evaluateAll((widgets) => widgets.filter((w) => customElements.get(w.localName) === undefined).map((w) => w.localName));
    expect(undrawn).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.sidebar', '.site-footer', 'nav.pager']) await expect(page.locator(chrome).first()).toBeHidden();
    await expect(button).toBeHidden();
    // The cell: the reader's code and its output, no buttons.
    await expect(cell.locator('.cm-content')).toContainText("console.log('printed from the reader');");
    await expect(cell.locator('.cell-output')).toContainText('printed from the reader');
    await expect(cell.getByRole('button', { name: /^Run cell/ })).toBeHidden();
    // The widget: its picture, its controls replaced by their settings as the reader left them.
    await expect(race.locator('[data-plot="contour"] svg').first()).toBeVisible();
    await expect(surface).toBeHidden();
    const settings = race.locator('.print-only[data-print="settings"]');
    await expect(settings).toBeVisible();
    await expect(settings).toContainText(`Surface: ${chosen?.trim()}`);
    await expect(settings).toContainText(/Noise σ: [\d.]+/);
    await expect(race.locator('.print-only[data-print="not-drawn"]')).toBeHidden();
    // A link to another page prints its address.
    const link = page.locator('main .prose a[data-print-url]').first();
    const address = await link.getAttribute('data-print-url');
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(address!);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(testInfo.outputPath('optimization.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(5);
  });

  test('printed at once (Ctrl+P), a widget never scrolled to says it was not drawn, and still lists its settings', async ({ page }) => {
    await page.goto(PAGE);
    await page.emulateMedia({ media: 'print' });
    const last = page.locator('main .widget').last();
    const note = last.locator('.print-only[data-print="not-drawn"]');
    await expect(note).toBeVisible();
    await expect(note).toContainText('had not been when this page was printed');
    await expect(last.locator('.print-only[data-print="settings"]')).toContainText(':');
    // A cell never mounted prints the code the lesson gives it.
    const cell = cellById(page, await page.locator('notebook-cell').last().getAttribute('data-cell-id') ?? '');
    await expect(cell.locator('.cell-code')).toBeVisible();
    await expect(cell.locator('.cell-code')).not.toBeEmpty();
  });

  test('a reader in dark mode prints black on white, code included', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(PAGE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('main .prose p')!).color,
      // A cell's code, as the build writes it (the editor loads only when the reader edits).
      code: getComputedStyle(document.querySelector('main .code-static')!).backgroundColor,
      keyword: getComputedStyle(document.querySelector('main .code-static .tok-keyword')!).color,
    }));
    expect(colours.background).not.toBe(dark);
    expect(colours.background).toBe('rgb(255, 255, 255)');
    expect(colours.text).toBe('rgb(0, 0, 0)');
    // The code block's background is light: each channel above 200.
    const channels = colours.code.match(/\d+/g)!.slice(0, 3).map(Number);
    expect(Math.min(...channels)).toBeGreaterThan(200);
    // And its tokens take their light-mode colours, dark on the light background.
    const keyword = colours.keyword.match(/\d+/g)!.slice(0, 3).map(Number);
    expect(Math.max(...keyword)).toBeLessThan(200);
    writeFileSync(testInfo.outputPath('optimization-dark.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
  });

  test('a printed Playground keeps its network diagram, each neuron’s map drawn, without the buttons to edit weights', async ({ page }) => {
    await page.goto('/playground/');
    const widget = page.locator('nn-playground');
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
    const neurons = widget.locator('.pg-neuron');
    await expect(widget.locator('.pg-formula-weights')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    // Each neuron is a button on screen, but the box is its map: it prints, as the picture does; the controls do not.
    expect(await neurons.count()).toBeGreaterThan(4);
    for (const neuron of await neurons.all()) await expect(neuron).toBeVisible();
    await expect(widget.locator('.pg-picture')).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Play' })).toBeHidden();
    await expect(widget.locator('.pg-formula-weights')).toBeHidden();
    await expect(widget.locator('.print-only[data-print="settings"]')).toContainText('Dataset: Circles');
    // The readouts' hints are for the screen ("Point at the picture…"): they do not print, but a reading the reader took does.
    const readout = widget.locator(`#${await widget.locator('.pg-picture').getAttribute('aria-describedby')}`);
    await expect(readout).toHaveAttribute('data-showing-hint', '');
    await expect(readout).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    // By keyboard, so the reading stays while the picture has focus (a pointer would leave it when print's layout moves it).
    await page.mouse.move(0, 0);
    await widget.locator('.pg-picture').focus();
    await page.keyboard.press('ArrowRight');
    await expect(readout).toHaveText(/^\(−?\d+\.\d\d, −?\d+\.\d\d\): P\(class 1\)/);
    await page.emulateMedia({ media: 'print' });
    await expect(readout).toBeVisible();
  });

  test('a printed MNIST lab leaves out its drawing area while nothing is drawn in it, and prints a digit once one is', async ({ page }) => {
    await page.goto('/authoring/components/mnist-lab/');
    const lab = page.locator('mnist-lab');
    await lab.scrollIntoViewIfNeeded();
    const canvas = lab.locator('[data-canvas]');
    await expect(lab.locator('.mnist-draw')).toHaveAttribute('data-empty', '');
    await page.emulateMedia({ media: 'print' });
    await expect(canvas).toBeHidden();
    await expect(lab.locator('.mnist-confusion')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + 0.06 * k));
    await page.mouse.up();
    await expect(lab.locator('.mnist-draw')).not.toHaveAttribute('data-empty', '');
    await page.emulateMedia({ media: 'print' });
    await expect(canvas).toBeVisible();
    // Cleared, it is empty again.
    await page.emulateMedia({ media: 'screen' });
    await lab.getByRole('button', { name: 'Clear' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(canvas).toBeHidden();
  });
});
