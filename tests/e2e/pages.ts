// What the end-to-end tests know of the built site: its pages, read from dist/, and how a test opens and answers an
// exercise on them.
import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { builtPages } from '../../scripts/static-server.ts';
import { readBundleReport, staticImportClosure } from '../../scripts/page-javascript.ts';

/** The built site under test: dist/, or the folder in E2E_DIST (for a build made beside another one). */
export const builtSite = resolve(process.env.E2E_DIST ?? 'dist');

/** The URL path of every lesson page in the built site. */
export function builtLessonPaths(): string[] {
  const dir = join(builtSite, 'lessons');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` before the end-to-end tests.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/lessons/${entry.name}/`)
    .sort();
}

/** The URL path of every HTML page in the built site (`/`, `/practice/`, `/404.html`, every lesson, ...). */
export function builtPagePaths(): string[] {
  if (!existsSync(builtSite)) throw new Error(`${builtSite} is missing: run \`npm run build\` before the end-to-end tests.`);
  return builtPages(builtSite);
}

/** The path of the built page that holds exercise `id` (its chapter, or the practice page): exactly one does. */
export function exercisePage(id: string): string {
  const marker = `data-exercise-id="${id}"`;
  // The authoring guide's pages show exercises as examples; an exercise's own page is its chapter or the practice page.
  const found = builtPagePaths().filter((path) => !path.startsWith('/authoring/')).filter((path) => {
    const file = path.endsWith('/') ? join(builtSite, path, 'index.html') : join(builtSite, path);
    return readFileSync(file, 'utf8').includes(marker);
  });
  expect(found, `the pages holding ${id}`).toHaveLength(1);
  return found[0];
}

/** Opens the page that holds exercise `id` (or `path`), scrolls to the exercise and waits until it can be answered. */
export async function openExercise(page: Page, id: string, path = exercisePage(id)): Promise<Locator> {
  await page.goto(path);
  const exercise = page.locator(`course-exercise[data-exercise-id="${id}"]`);
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise).toHaveAttribute('data-ready', '', { timeout: 15_000 });
  return exercise;
}

/**
 * Opens the editor of a cell or a code exercise as a student does, with a click in its code (the editor loads on a
 * reader's first focus, press or key in the static code the page shows until then), and returns the editor's content.
 */
export async function openEditor(container: Locator): Promise<Locator> {
  const content = container.locator('.cm-content');
  await ((await content.count()) === 0 ? container.locator('.code-static') : content).click();
  await expect(container).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
  await expect(content).toBeFocused();
  return content;
}

/** Replaces the code in an exercise's editor, as a student pasting it would. */
export async function setCode(page: Page, exercise: Locator, code: string): Promise<void> {
  await openEditor(exercise);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
  await expect(exercise.locator('.cm-content')).toHaveText(code.replace(/\n/g, ''));
}

/** Presses Check and waits for the verdict. */
export async function check(exercise: Locator): Promise<void> {
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(exercise).toHaveAttribute('data-status', /^(passed|failed|invalid)$/, { timeout: 20_000 });
}

/** Replaces the code and checks it. */
export async function checkCode(page: Page, exercise: Locator, code: string): Promise<void> {
  await setCode(page, exercise, code);
  await check(exercise);
}

/**
 * Opens a lesson and runs all its cells as a student does (Run all), then checks that every one finished without an
 * error and, the author's cells being known to type-check, that the type checker was never loaded. Returns the count.
 */
export async function runAllCells(page: Page, path: string, cellTimeout = 40_000): Promise<number> {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(path);
  const cells = page.locator('notebook-cell');
  const count = await cells.count();
  await cells.first().scrollIntoViewIfNeeded();
  await expect(cells.first()).toHaveAttribute('data-ready', '', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Run all' }).click();
  for (let index = 0; index < count; index++) {
    await expect(cells.nth(index)).toHaveAttribute('data-status', 'done', { timeout: cellTimeout });
  }
  await expect(page.locator('.notebook-status')).toHaveText('All cells ran.');
  await expect(page.locator('notebook-cell .cell-error')).toHaveCount(0);
  expect(requested.filter((url) => /type-worker/.test(url))).toEqual([]);
  await expect(page.locator('notebook-cell .cell-types')).toHaveText(Array(count).fill(''));
  return count;
}

/** A lesson's cell by its id. */
export function cellById(page: Page, id: string): Locator {
  return page.locator(`notebook-cell[data-cell-id="${id}"]`);
}

/** Opens lesson 3 with `query` (e.g. `playground=data:xor&challenge=...`, or none) and waits for its Playground's first frame. */
export async function openPlaygroundAt(page: Page, query = ''): Promise<Locator> {
  await page.goto(query === '' ? '/lessons/mlp/' : `/lessons/mlp/?${query}`);
  const widget = page.locator('nn-playground');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
  return widget;
}

/** Opens lesson 3's Playground with the given settings (the `playground` parameter's value), or its preset. */
export function openPlayground(page: Page, settings?: string): Promise<Locator> {
  return openPlaygroundAt(page, settings === undefined ? '' : `playground=${settings}`);
}

/** Scrolls to exercise `id` on the open page and waits until it has `attribute` (`data-ready`; `data-variant` for its own numbers). */
export async function exerciseWhen(page: Page, id: string, attribute: 'data-ready' | 'data-variant'): Promise<Locator> {
  const element = page.locator(`course-exercise[data-exercise-id="${id}"]`);
  await element.scrollIntoViewIfNeeded();
  await expect(element).toHaveAttribute(attribute, '', { timeout: 20_000 });
  return element;
}

/** The numbers a seeded numeric exercise's prompt shows, by name. */
export async function shownVariantNumbers(element: Locator): Promise<Record<string, string>> {
  return element.locator('[data-variant-number]').evaluateAll((slots) =>
    Object.fromEntries(slots.map((slot) => [(slot as HTMLElement).dataset.variantNumber!, slot.textContent!])),
  );
}

/** Joins a class on the home page's progress panel, as a student does, and waits for the identity line. */
export async function joinClass(page: Page, course: string, id: string): Promise<void> {
  await page.goto('/');
  const panel = page.locator('progress-panel');
  await panel.getByLabel('Course code').fill(course);
  await panel.getByLabel('Student id').fill(id);
  await panel.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(panel.getByText(`Course ${course} · student ${id}`)).toBeVisible();
}

/**
 * For a widget whose charts its worker draws: the built files that the chunk holding the module `element` (its path in
 * the project) imports statically, itself included, that hold Observable Plot (none is expected), and whether the module
 * `charts` is in a file outside them (the worker's).
 */
export function plotOnTheElementsSide(element: string, charts: string): { withPlot: string[]; chartsApart: boolean } {
  const report = readBundleReport(builtSite);
  const chunk = report.find((entry) => entry.sources.includes(element));
  expect(chunk, `the chunk of ${element}`).toBeDefined();
  const reached = new Set(staticImportClosure([join(builtSite, chunk!.file)]).map((file) => relative(builtSite, file).split(sep).join('/')));
  return {
    withPlot: report.filter((entry) => reached.has(entry.file) && '@observablehq/plot' in entry.packages).map((entry) => entry.file),
    chartsApart: report.some((entry) => entry.sources.includes(charts) && !reached.has(entry.file)),
  };
}

/**
 * An element as the screen shows it (a screenshot, decoded in the page): its distinct colours and mean brightness
 * (0-255). For a canvas handed to a worker, whose pixels the page cannot read.
 */
export async function shownPixels(page: Page, element: Locator): Promise<{ colours: number; brightness: number }> {
  const png = await element.screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const seen = new Set<number>();
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      sum += data[i] + data[i + 1] + data[i + 2];
    }
    return { colours: seen.size, brightness: sum / ((3 * data.length) / 4) };
  }, png.toString('base64'));
}
