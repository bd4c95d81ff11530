import { test, expect, type Page } from '@playwright/test';
import { builtLessonPaths } from './pages.ts';

const lessonPaths = builtLessonPaths();
const allPaths = ['/', ...lessonPaths, '/playground/', '/reference/cell/', '/404.html'];

/** Collects console errors, uncaught exceptions and failed or 4xx/5xx requests while a page is used. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

test('the course has at least one built lesson page', () => {
  expect(lessonPaths.length).toBeGreaterThan(0);
});

for (const path of allPaths) {
  test(`${path} loads with no console error and no failed request`, async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('main#main')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test(`${path} has no horizontal scroll at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path, { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

for (const path of lessonPaths) {
  test(`${path} has its math rendered by KaTeX with no error`, async ({ page }) => {
    await page.goto(path);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-display').count()).toBeGreaterThan(0);
    // MathML is what a screen reader reads; KaTeX's HTML is what a sighted reader sees.
    expect(await page.locator('.katex math').count()).toBeGreaterThan(0);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // The KaTeX fonts come from this site, never from a CDN.
    const fontsReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded');
    });
    expect(fontsReady).toBe(true);
  });

  test(`${path} has a title, objectives and a table of contents that links to its headings`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.locator('.objectives li').count()).toBeGreaterThan(0);
    const tocLinks = page.locator('nav.toc a');
    expect(await tocLinks.count()).toBeGreaterThan(0);
    for (const href of await tocLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      await expect(page.locator(`[id="${href!.slice(1)}"]`)).toHaveCount(1);
    }
    await expect(page.getByRole('link', { name: 'Neural Notebook' })).toHaveAttribute('href', '/');
  });
}

/**
 * Focuses the page's last focusable element (in the footer), as a reader who has reached the end of a chapter, then
 * presses Shift+Tab until the element matching the selector has focus. Tabbing forward from the top would cross every
 * control of every widget on a long chapter (hundreds of stops) to reach the pager at its end.
 */
async function tabBackTo(page: Page, selector: string): Promise<void> {
  // After Enter on a link the URL changes before the new page has loaded; focus set earlier would be lost.
  await page.waitForLoadState('load');
  await page.evaluate(() => {
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
    focusable.filter((element) => element.offsetParent !== null).at(-1)?.focus();
  });
  for (let presses = 0; presses < 40; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab from the end of the page never reached ${selector}`);
}

test('the home page lists every chapter in order, and next/previous links walk the course by keyboard', async ({ page }) => {
  await page.goto('/');
  const chapterLinks = await page.locator('.chapters h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect([...chapterLinks].sort()).toEqual(lessonPaths);

  const course = [...chapterLinks, '/'];
  for (let i = 0; i < chapterLinks.length; i++) {
    await page.goto(chapterLinks[i]);
    await tabBackTo(page, 'nav.pager a.next');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${course[i + 1]}$`));
    if (i + 1 < chapterLinks.length) {
      await tabBackTo(page, 'nav.pager a.previous');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${chapterLinks[i]}$`));
    }
  }
});

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  await page.goto(lessonPaths[0]);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the dark-mode toggle switches the theme and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(lessonPaths[0]);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await background();
  expect(darkBackground).not.toBe(lightBackground);

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(darkBackground);

  await page.getByRole('button', { name: 'Dark mode' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe(lightBackground);
});

test('without a saved choice the site follows the system dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(150);
});
