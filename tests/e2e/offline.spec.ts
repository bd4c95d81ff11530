import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite } from './pages.ts';

// The course works offline once loaded: the service worker (sw.js, written when the site is built)
// precaches every page and file, so a student who opened the home page once can go offline and
// still open a lesson never visited, run its cells and use its widgets. The other end-to-end tests
// block service workers; these allow them.
test.use({ serviceWorkers: 'allow' });

/** The manifest the build wrote into sw.js: its version and the addresses it precaches. */
function builtManifest(): { version: string; precache: string[] } {
  const script = readFileSync(join(builtSite, 'sw.js'), 'utf8');
  const json = /installServiceWorker\(self, (\{.*\})\);/.exec(script)?.[1];
  if (!json) throw new Error(`${builtSite}/sw.js has no manifest: build the site with its service worker`);
  return JSON.parse(json) as { version: string; precache: string[] };
}

/** Waits until the service worker controls the page and its precache holds every address of the manifest; returns the cache's addresses. */
async function waitForOfflineCopy(page: Page, version: string): Promise<string[]> {
  return page.evaluate(async (cacheName) => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    // `ready` means the worker is active, so its install (the whole precache) has finished.
    const cache = await caches.open(cacheName);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  }, `neural-notebook-site-${version}`);
}

/** Opens the home page online and waits until the whole course is saved for offline use. */
async function loadOnce(page: Page): Promise<void> {
  const manifest = builtManifest();
  await page.goto('/');
  const cached = await waitForOfflineCopy(page, manifest.version);
  expect(cached.sort()).toEqual([...manifest.precache].sort());
}

test('after the home page has loaded once, lessons never visited work offline: a cell runs, the explorer draws, the playground trains', async ({ page, context }) => {
  await loadOnce(page);
  await context.setOffline(true);

  // Without the trailing slash, as a student might type it.
  await page.goto('/lessons/activations');
  await expect(page.locator('h1')).toHaveText(/Activation/);

  const cell = page.locator('notebook-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  await cell.getByRole('button', { name: /^Run/ }).first().click();
  await expect(cell).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(cell.locator('.cell-result')).not.toBeEmpty();

  const explorer = page.locator('activation-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.locator('[data-plot="derivative"] svg')).toBeVisible({ timeout: 20_000 });
  await expect(explorer.locator('[data-agreement]')).toContainText('over 400 points');
  await expect(page.locator('.load-failure')).toHaveCount(0);

  // The playground trains in its own worker, a separate file that must come from the saved copy too.
  await page.goto('/lessons/mlp/?playground=seed:3');
  const playground = page.locator('nn-playground');
  await playground.scrollIntoViewIfNeeded();
  await expect(playground).toHaveAttribute('data-frames', /\d+/, { timeout: 20_000 });
  await playground.getByRole('button', { name: 'Step' }).click();
  await expect(playground).toHaveAttribute('data-epoch', '1');
  await expect(playground.locator('.pg-train-loss')).toHaveText(/^\d/);
});

test('offline, code that was never saved shows a clear message instead of a silent disabled button', async ({ page, context }) => {
  const manifest = builtManifest();
  await loadOnce(page);
  // As if the saved copy lacked the modules of the explorer, the notebook and the exercises: drop them from the cache.
  const dropped = await page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    const gone: string[] = [];
    for (const request of await cache.keys()) {
      if (/\/_astro\/(activation-explorer|notebook|exercise-element)\.[\w-]+\.js$/.test(request.url)) {
        await cache.delete(request);
        gone.push(request.url);
      }
    }
    return gone;
  }, `neural-notebook-site-${manifest.version}`);
  expect(dropped).toHaveLength(3);
  await context.setOffline(true);
  await page.goto('/lessons/activations/');

  const cell = page.locator('notebook-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.getByRole('status')).toHaveText(
    'The code cells could not load: it needs the network once. Reconnect to the internet, then reload the page.',
  );

  const explorer = page.locator('activation-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.getByRole('status')).toHaveText(
    'This widget could not load: it needs the network once. Reconnect to the internet, then reload the page.',
  );

  const exercise = page.locator('course-exercise').first();
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator(':scope > [role="status"]')).toHaveText(
    'This exercise could not load: it needs the network once. Reconnect to the internet, then reload the page.',
  );
});
