import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, openEditor } from './pages.ts';

// The header's search: the index Pagefind wrote when the site was built, searched from every page, results opening
// the exact section. The search code loads only once the box is focused.

const search = (page: Page) => page.getByRole('combobox', { name: 'Search the course' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Sections found' }).getByRole('option');

/** Types a query and waits for the list of sections. */
async function searchFor(page: Page, query: string): Promise<void> {
  await search(page).fill(query);
  // Pagefind's client and its WebAssembly load on first use, which takes a while on a loaded machine.
  await expect(options(page).first()).toBeVisible({ timeout: 45_000 });
}

test('the page loads no search code until the box is focused', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/lessons/mlp/');
  await page.waitForLoadState('load');
  expect(requested.filter((path) => path.startsWith('/pagefind/') || /search-box/.test(path))).toEqual([]);
  await search(page).focus();
  await expect.poll(() => requested.some((path) => path === '/pagefind/pagefind-worker.js'), { timeout: 20_000 }).toBe(true);
  // Pagefind's worker alone: not its page-side client, which would run a second copy of the search on the page.
  expect(requested).not.toContain('/pagefind/pagefind.js');
});

test('searching "vanishing" finds the sections that teach it, and Enter opens the deep networks chapter at its vanishing-gradient section', async ({ page }) => {
  await page.goto('/');
  await searchFor(page, 'vanishing');
  const found = await options(page).allTextContents();
  expect(found.some((text) => /Vanishing gradients: sigmoid and tanh/.test(text) && /Chapter 8 · Deep networks/.test(text))).toBe(true);
  // The activations chapter's section on it too.
  expect(found.some((text) => /Saturation and vanishing gradients/.test(text) && /Chapter 2 · Activation functions/.test(text))).toBe(true);
  // Every option names a section, and the matched word is marked in its excerpt.
  await expect(options(page).first().locator('mark').first()).toHaveText(/vanish/i);

  const index = found.findIndex((text) => /Vanishing gradients: sigmoid and tanh/.test(text));
  const input = search(page);
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', await options(page).nth(index).getAttribute('id') as string);
  await input.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/deep-networks\/#vanishing-gradients-sigmoid-and-tanh$/);
  await expect(page.locator('#vanishing-gradients-sigmoid-and-tanh')).toBeInViewport();
});

test('a click on a result opens its section; exercise titles and widget names are found; Escape closes the list', async ({ page }) => {
  await page.goto('/playground/');
  // A widget is a section of its own, named by its kind and title, and opens at the widget.
  await searchFor(page, 'gradient flow twenty sigmoid layers');
  const widget = options(page).filter({ hasText: /Gradient flow: .*\(widget\)/ }).first();
  await expect(widget).toBeVisible();
  await widget.click();
  await expect(page).toHaveURL(/\/lessons\/deep-networks\/#gf-[a-z0-9-]+$/);
  await expect(page.locator(`gradient-flow#${new URL(page.url()).hash.slice(1)}`)).toBeInViewport();
  await search(page).fill('gradient flow');
  await expect(options(page).first()).toBeVisible({ timeout: 45_000 });
  await search(page).press('Escape');
  await expect(page.locator('#site-search-panel')).toBeHidden();
  await expect(search(page)).toHaveAttribute('aria-expanded', 'false');

  // An exercise title, from the exercise definitions, rendered in its chapter.
  const exerciseTitle = /<h3 id="exercise-[^"]+-title"[^>]*>([^<]+)<\/h3>/.exec(readFileSync(join(builtSite, 'lessons/deep-networks/index.html'), 'utf8'))?.[1];
  expect(exerciseTitle, 'the deep networks chapter has an exercise').toBeTruthy();
  await searchFor(page, exerciseTitle!);
  const option = options(page).filter({ hasText: exerciseTitle! }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/lessons\/[a-z-]+\/#exercise-[a-z0-9-]+-title$/);
});

test('math is found by its words: "eta" finds the formulas of the learning rate', async ({ page }) => {
  await page.goto('/');
  await searchFor(page, 'eta');
  expect((await options(page).allTextContents()).join(' ')).toMatch(/\beta\b/i);
});

test('"/" focuses the search from the page, but types a slash in a field or a cell’s editor', async ({ page }) => {
  await page.goto('/lessons/activations/');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveValue('');
  await search(page).press('Escape');
  await page.locator('h1').click();

  const cell = page.locator('notebook-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toHaveAttribute('data-ready', '', { timeout: 30_000 });
  // A click in the cell's code loads its editor, focused.
  const editor = await openEditor(cell);
  await page.keyboard.press('End');
  await page.keyboard.type(' // a/b');
  await expect(editor).toContainText('// a/b');
  await expect(search(page)).not.toBeFocused();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after a first visit, search works offline from the service worker’s copy of the index', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await context.setOffline(true);
    await page.goto('/lessons/perceptron/');
    await searchFor(page, 'vanishing');
    const section = options(page).filter({ hasText: 'Vanishing gradients: sigmoid and tanh' });
    await expect(section).toHaveCount(1);
    await section.click();
    await expect(page).toHaveURL(/\/lessons\/deep-networks\/#vanishing-gradients-sigmoid-and-tanh$/);
    await expect(page.locator('h1')).toHaveText('Deep networks');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open search has no axe violations (${theme})`, async ({ page }) => {
    await page.addInitScript((saved) => localStorage.setItem('theme', saved), theme);
    await page.goto('/lessons/backprop/');
    await searchFor(page, 'vanishing');
    await search(page).press('ArrowDown');
    const results = await new AxeBuilder({ page }).setLegacyMode().include('header').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`)).toEqual([]);
  });
}
