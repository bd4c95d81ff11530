// Links that travel: a section heading's own link, a cell's code by link (shown, never run until the student presses
// Run), a widget's settings by link, and what search engines and link previews read (sitemap.xml, robots.txt, the
// description and Open Graph tags, the chapter's picture). Driven in Chromium against the built site.
import { test, expect, type Page } from '@playwright/test';
import { builtLessonPaths, builtPagePaths, openEditor } from './pages.ts';

const LESSON = '/lessons/perceptron/';

async function cellReady(page: Page, index: number) {
  const cell = page.locator('notebook-cell').nth(index);
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toHaveAttribute('data-ready', '');
  return cell;
}

test.describe('heading links', () => {
  test('a section heading has a link to itself, reached by Tab, named for its section, and the heading reads once', async ({ page }) => {
    await page.goto(LESSON);
    const heading = page.locator('.prose h2').first();
    const title = (await heading.textContent())!.trim();
    const id = await heading.getAttribute('id');
    expect(id).toBeTruthy();
    // The heading's accessible name is its title alone: the link beside it is not part of it.
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toHaveCount(1);
    const link = page.getByRole('link', { name: `Link to section: ${title}`, exact: true });
    await expect(link).toHaveAttribute('href', `#${id}`);
    // Tab from the top of the page reaches the link (past the header, the contents and the objectives).
    await page.locator('body').focus();
    let presses = 0;
    while (!(await link.evaluate((element) => element === document.activeElement)) && presses < 150) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    await expect(link).toBeFocused();
    await expect(link).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(heading).toBeInViewport();
  });

  test('every section heading (h2, h3) of every lesson has its link', async ({ page }) => {
    for (const path of builtLessonPaths()) {
      await page.goto(path);
      // The lesson's own sections; a component's title (an exercise's) is part of the component.
      const anchored = page.locator('.prose > .heading-anchored > :is(h2, h3)');
      expect(await anchored.count(), path).toBeGreaterThan(0);
      await expect(page.locator('.prose > :is(h2, h3)'), path).toHaveCount(0);
      await expect(page.locator('.prose > .heading-anchored > .heading-anchor'), path).toHaveCount(await anchored.count());
    }
  });
});

test.describe('a cell’s code by link', () => {
  test('Copy link copies a link that opens the page with that code in that cell, not run until Run', async ({ page, context, browser, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(LESSON);
    const cell = await cellReady(page, 0);
    const code = 'const shared = 6 * 7;\nshared';
    await openEditor(cell);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(code);
    await cell.getByRole('button', { name: 'Copy link to cell 1, with its code' }).click();
    await expect(cell.locator('.cell-link-note')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${baseURL}${LESSON}#cell-perceptron-data=[A-Za-z0-9_-]+$`));
    await expect(cell).toHaveAttribute('data-link', link);

    // A fresh browser profile: nothing saved, so what the cell shows can only come from the link.
    const other = await browser.newContext();
    const opened = await other.newPage();
    await opened.goto(link);
    const restored = opened.locator('notebook-cell').first();
    await expect(restored).toHaveAttribute('data-shared', 'true');
    await expect(restored).toBeInViewport();
    await expect(restored).toHaveAttribute('data-editor', 'ready');
    await expect(restored.locator('.cm-content')).toHaveText(code.replace(/\n/g, ''));
    await expect(restored.locator('.cell-link-note')).toContainText('has not run');
    await expect(restored.locator('.cell-edited')).toHaveText('Edited');
    // Not run: no count, no result, and the kernel has no `shared` yet.
    await expect(restored).toHaveAttribute('data-status', 'idle');
    await expect(restored.locator('.cell-count')).toHaveText('[ ]');
    await expect(restored.locator('.cell-result')).toBeEmpty();
    // The fragment is dropped once read, so a reload shows the reader's own code.
    await expect(opened).toHaveURL(`${baseURL}${LESSON}`);
    await restored.getByRole('button', { name: 'Run cell 1' }).click();
    await expect(restored).toHaveAttribute('data-status', 'done');
    await expect(restored.locator('.cell-result')).toHaveText('42');
    // Reset brings back the lesson's code.
    await restored.getByRole('button', { name: 'Reset cell 1 to the original code' }).click();
    await expect(restored.locator('.cell-edited')).toHaveText('');
    await other.close();
  });

  test('a malformed link says so in its cell and the page works', async ({ page }) => {
    await page.goto(`${LESSON}#cell-perceptron-data=not-a-real-payload!!`);
    const cell = page.locator('notebook-cell').first();
    await expect(cell.locator('.cell-link-note')).toContainText('could not be read');
    await expect(cell).toBeInViewport();
    await expect(cell).toHaveAttribute('data-ready', '');
    await expect(cell.locator('.cell-edited')).toHaveText('');
    await cell.getByRole('button', { name: 'Run cell 1' }).click();
    await expect(cell).toHaveAttribute('data-status', 'done');
  });

  test('a link to a cell the page does not have is explained in the notebook’s bar', async ({ page }) => {
    // A valid payload (the code "1") for a cell id no lesson uses.
    await page.goto(`${LESSON}#cell-no-such-cell=MwQA`);
    await expect(page.locator('.notebook-status')).toHaveText(/a cell, “no-such-cell”, that this page does not have/);
    await expect(page.locator('notebook-cell[data-shared]')).toHaveCount(0);
  });
});

test.describe('a widget’s settings by link', () => {
  test('the activation explorer’s settings go into the address and a link opens it as it was', async ({ page, browser, baseURL }) => {
    await page.goto('/lessons/activations/');
    const explorer = page.locator('activation-explorer');
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('[data-plot="derivative"] svg')).toBeVisible();
    await explorer.getByLabel('Activation').selectOption('elu');
    await explorer.getByLabel('Range').selectOption('2');
    await expect(page).toHaveURL(/[?&]explorer=activation_elu\*(parameter_1\*)?range_2$/);
    const other = await browser.newContext({ baseURL });
    const opened = await other.newPage();
    await opened.goto(page.url());
    const restored = opened.locator('activation-explorer');
    await restored.scrollIntoViewIfNeeded();
    await expect(restored.locator('[data-status]')).toContainText('ELU');
    await expect(restored.getByLabel('Activation')).toHaveValue('elu');
    await expect(restored.getByLabel('Range')).toHaveValue('2');
    await expect(restored.getByRole('slider', { name: 'ELU parameter α' })).toBeVisible();
    await other.close();
  });

  test('values a widget does not offer are ignored or clamped, and it still works', async ({ page }) => {
    await page.goto('/lessons/activations/?explorer=activation_bogus*range_999*parameter_1e999*threshold_0.2');
    const explorer = page.locator('activation-explorer');
    await explorer.scrollIntoViewIfNeeded();
    await expect(explorer.locator('[data-plot="derivative"] svg')).toBeVisible();
    await expect(explorer.getByLabel('Activation')).toHaveValue('sigmoid');
    await expect(explorer.getByLabel('Range')).toHaveValue('6');
    await expect(explorer.getByLabel(/Vanishing below/)).toHaveValue('0.2');
    await page.goto('/lessons/mlp/?approximator=units_5000*activation_nope*seed_-3');
    const approximator = page.locator('universal-approximator');
    await approximator.scrollIntoViewIfNeeded();
    await expect(approximator.locator('[data-control="units"]')).toHaveValue('64');
    await expect(approximator.locator('[data-control="seed"]')).toHaveValue('0');
  });
});

test.describe('what search engines and link previews read', () => {
  test('sitemap.xml lists every page by its absolute address, and robots.txt points at it', async ({ request }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc));
    expect(new Set(listed.map((url) => url.origin)).size).toBe(1);
    expect(listed.map((url) => url.pathname).sort()).toEqual(builtPagePaths().filter((path) => path !== '/404.html').sort());
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toContain(`Sitemap: ${listed[0].origin}/sitemap.xml`);
  });

  test('every lesson has a description, Open Graph and Twitter tags, and its picture is a 1200×630 PNG', async ({ page, request }) => {
    for (const path of builtLessonPaths()) {
      await page.goto(path);
      const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
      const description = await meta('name="description"');
      expect(description?.length, path).toBeGreaterThan(10);
      expect(await meta('property="og:description"'), path).toBe(description);
      expect(await meta('property="og:title"'), path).toBe((await page.locator('h1').textContent())?.trim());
      expect(await meta('name="twitter:card"'), path).toBe('summary_large_image');
      const image = new URL((await meta('property="og:image"'))!);
      expect(image.pathname, path).toBe(`/og/${path.split('/')[2]}.png`);
      const png = await request.get(image.pathname);
      expect(png.status(), path).toBe(200);
      expect(png.headers()['content-type'], path).toContain('image/png');
      const bytes = await png.body();
      expect([...bytes.subarray(0, 8)], path).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], path).toEqual([1200, 630]);
    }
  });
});
