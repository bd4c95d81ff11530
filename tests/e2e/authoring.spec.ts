import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { check, openExercise, runAllCells, setCode, cellById } from './pages.ts';

// The authoring guide (/authoring/), its component catalogue, each component's page and its example chapter, in the
// built site: the tables are there, the catalogue runs nothing while each component's page runs its example, mounted
// when scrolled to, and the example chapter, whose source the guide prints, works as a chapter does: its cell runs
// and its exercise tells a right answer from a wrong one.

const barrel = readFileSync(new URL('../../site/lesson/index.ts', import.meta.url), 'utf8');
const exported = [...barrel.matchAll(/^export \{ default as (\w+) \}/gm)].map((match) => match[1]);
/** Every component with the folder its page is named by, read from the barrel as the build reads it. */
const components = [...barrel.matchAll(/^export \{ default as (\w+) \} from '\.\/([\w-]+)\//gm)].map((match) => ({ name: match[1], folder: match[2] }));

test('the guide shows the frontmatter table, every component, the example chapter source, and links them', async ({ page }) => {
  await page.goto('/authoring/');
  await expect(page.getByRole('heading', { level: 1, name: 'Authoring guide' })).toBeVisible();
  const table = page.locator('[data-field-table]');
  await expect(table).toHaveCount(1);
  await expect(table.locator('tbody tr')).toHaveText([/^\s*title\b/, /^\s*description\b/, /^\s*objectives\b/, /^\s*prerequisites\b/, /^\s*draft\b/]);
  await expect(table.locator('tr[data-field="title"]')).toContainText('required');
  await expect(table.locator('tr[data-field="draft"]')).toContainText('false');
  await expect(page.locator('.component-list dt')).toHaveText(exported.map((name) => `<${name}>`));
  // Each name links to its component's own page (its props, its tag and the tag running).
  for (const link of await page.locator('.component-list dt a').all()) await expect(link).toHaveAttribute('href', /^\/authoring\/components\/[\w-]+\/$/);
  await page.locator('.component-list dt a').first().click();
  await expect(page.locator('.live-example')).toHaveCount(1);
  await page.goBack();
  // The example chapter's source as it is in the repository, and a link to it rendered.
  const source = readFileSync(new URL('../../lessons/authoring-example.mdx', import.meta.url), 'utf8');
  await expect(page.locator('section[aria-labelledby="example"] .astro-code').last()).toContainText('<Exercise id="relu-backward" />');
  await expect(page.locator('section[aria-labelledby="example"] pre')).toHaveText(source.trim());
  await page.getByRole('link', { name: '/authoring/example/' }).click();
  await expect(page).toHaveURL(/\/authoring\/example\/$/);
  // Every page links the guide from its footer.
  await page.goto('/');
  await expect(page.locator('.site-footer').getByRole('link', { name: 'authoring guide' })).toHaveAttribute('href', '/authoring/');
});

test('the catalogue has an entry with a props table, a usage snippet and a link to its live page for every component, and runs none', async ({ page }) => {
  await page.goto('/authoring/components/');
  expect(components.map(({ name }) => name)).toEqual(exported);
  const entries = page.locator('.catalogue-entry');
  await expect(entries).toHaveCount(exported.length);
  // The examples run on the components' own pages only: together they load more than a page's budget.
  await expect(page.locator('[data-live-example]')).toHaveCount(0);
  for (const [index, { name, folder }] of components.entries()) {
    const entry = entries.nth(index);
    await expect(entry).toHaveAttribute('data-component', name);
    expect(await entry.locator('[data-field-table] tbody tr').count(), name).toBeGreaterThan(0);
    await expect(entry.locator('[data-usage]'), name).toContainText(`<${name}`);
    await expect(entry.getByRole('link', { name: `See <${name}> running` }), name).toHaveAttribute('href', `/authoring/components/${folder}/`);
  }
});

test('each component has a page with its entry, its live example, a breadcrumb back and links to its neighbours', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [index, { name, folder }] of components.entries()) {
    await page.goto(`/authoring/components/${folder}/`);
    await expect(page.getByRole('heading', { level: 1 }), folder).toHaveText(`<${name}>`);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link'), folder).toHaveText(['Authoring guide', 'Components']);
    await expect(breadcrumb.getByRole('link', { name: 'Components' }), folder).toHaveAttribute('href', '/authoring/components/');
    const entry = page.locator(`.catalogue-entry[data-component="${name}"]`);
    expect(await entry.locator('[data-field-table] tbody tr').count(), name).toBeGreaterThan(0);
    await expect(entry.locator('[data-usage]'), name).toContainText(`<${name}`);
    await expect(entry.locator(`[data-live-example="${name}"] > *`).first(), name).toBeAttached();
    // The first and last lead back to the catalogue; the others to the barrel's neighbours.
    const pager = page.getByRole('navigation', { name: 'Lesson components' });
    const previous = components[index - 1];
    const next = components[index + 1];
    await expect(pager.locator('a.previous'), folder).toHaveAttribute('href', previous === undefined ? '/authoring/components/' : `/authoring/components/${previous.folder}/`);
    await expect(pager.locator('a.next'), folder).toHaveAttribute('href', next === undefined ? '/authoring/components/' : `/authoring/components/${next.folder}/`);
  }
});

test('a live example mounts when scrolled to: the backprop stepper steps and the cell runs, each on its page', async ({ page }) => {
  await page.goto('/authoring/components/backprop-stepper/');
  const stepper = page.locator('[data-live-example="BackpropStepper"] backprop-stepper');
  await stepper.scrollIntoViewIfNeeded();
  await expect(stepper).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  await stepper.getByRole('button', { name: 'All backward' }).click();
  await expect(stepper.locator('[data-lines] li').first()).toBeVisible();
  await page.goto('/authoring/components/cell/');
  const cell = cellById(page, 'catalogue-cell');
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  await cell.getByRole('button', { name: /^Run/ }).first().click();
  await expect(cell).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(cell.locator('.cell-result')).toContainText('6');
});

test("the example chapter's cell runs and shows autograd's slopes", async ({ page }) => {
  test.setTimeout(60_000);
  expect(await runAllCells(page, '/authoring/example/')).toBe(1);
  await expect(page.getByRole('heading', { level: 1, name: 'ReLU in miniature' })).toBeVisible();
  await expect(cellById(page, 'relu-slope').locator('.cell-result')).toHaveText(/shape \[4\]\s*0\s*0\s*1\s*1\s*$/);
  await expect(page.locator('.prose')).toContainText('autograd gives the slopes 0, 0, 1, 1');
});

test("the example chapter's exercise rejects a misconception with its feedback and accepts a right answer", async ({ page }) => {
  test.setTimeout(60_000);
  const exercise = await openExercise(page, 'relu-backward', '/authoring/example/');
  await setCode(page, exercise, 'function reluBackward(x: number[][], upstream: number[][]): number[][] {\n  return map(upstream, (g) => Math.max(0, g));\n}');
  await check(exercise);
  await expect(exercise).toHaveAttribute('data-status', 'failed');
  await expect(exercise.locator('[data-misconception="relu-of-upstream"]')).toContainText('You applied ReLU to the upstream gradient');
  await setCode(page, exercise, 'function reluBackward(x: number[][], upstream: number[][]): number[][] {\n  return map(x, (v, i, j) => (v > 0 ? upstream[i][j] : 0));\n}');
  await check(exercise);
  await expect(exercise).toHaveAttribute('data-status', 'passed');
});
