import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PRESETS, presetById } from '../../site/lesson/optimizer-race/presets.ts';
import { engineOptions, noiseOf, surfaceOf } from '../../site/lesson/optimizer-race/race.ts';
import { decodeView } from '../../site/lesson/optimizer-race/url-state.ts';
import { optimizerPath } from '../../engine/surfaces.ts';

// The optimizer race on the optimization lesson: every preset's first ten points read from the page equal the
// engine's optimizerPath (computed here), each race starts when it nears the screen, a link reproduces a race, the
// divergent preset diverges, the keyboard steps and moves the start, the race fits 360 px, and axe finds nothing in
// light and dark mode.

/** The lesson that places every preset. */
const RACE_PAGE = '/lessons/optimization/';

/** The race of a preset, scrolled to and drawn. */
async function openRace(page: Page, presetId: string, url = RACE_PAGE): Promise<Locator> {
  await page.goto(url);
  const race = page.locator(`optimizer-race#race-${presetId}`);
  await race.scrollIntoViewIfNeeded();
  await expect(race).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  return race;
}

/** Opens the race's table of every point (it is written when opened). */
async function openTable(race: Locator): Promise<void> {
  const details = race.locator('details.race-table');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(race.locator('[data-table] td[data-x]').first()).toBeAttached();
}

/** The points of every racer read from the race's table: racer index → [x, y] per step (up to `steps`). */
async function tablePoints(race: Locator, steps = 10): Promise<Record<number, [number, number][]>> {
  await openTable(race);
  return race.locator('[data-table] td[data-x]').evaluateAll((cells, limit) => {
    const out: Record<number, [number, number][]> = {};
    for (const cell of cells as HTMLElement[]) {
      const row = Number(cell.closest('tr')!.querySelector('th')!.textContent);
      if (row > limit) continue;
      const index = Number(cell.dataset.racer);
      (out[index] ??= [])[row] = [Number(cell.dataset.x), Number(cell.dataset.y)];
    }
    return out;
  }, steps);
}

/**
 * Whether two lists of points agree: to the last bit where the page's JavaScript engine computes as Node's, and
 * within 1e-12 relatively where they differ (Chromium's and Node's V8 round β₁ᵗ = Math.pow(β₁, t) differently in
 * the last bit for some t, which Adam's bias correction uses).
 */
function expectSamePoints(read: [number, number][], expected: [number, number][]): void {
  expect(read.length).toBeGreaterThan(0);
  expect(read.length).toBeLessThanOrEqual(expected.length);
  read.forEach((point, k) => {
    for (let c = 0; c < 2; c++) expect(Math.abs(point[c] - expected[k][c]), `step ${k}, coordinate ${c}: ${point[c]} vs ${expected[k][c]}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[k][c])));
  });
}

/** The engine's first ten points of every racer that is on, for the race a URL parameter describes. */
function enginePoints(presetId: string, encoded: string | null = null): Record<number, [number, number][]> {
  const { state } = decodeView(presetById(presetId), encoded);
  const surface = surfaceOf(state);
  const out: Record<number, [number, number][]> = {};
  state.racers.forEach((racer, index) => {
    if (!racer.on) return;
    out[index] = optimizerPath(surface, racer.optimizer, engineOptions(racer), state.start, 10, noiseOf(state)).points;
  });
  return out;
}

test('the page places every preset', async ({ page }) => {
  await page.goto(RACE_PAGE);
  for (const preset of PRESETS) await expect(page.locator(`optimizer-race#race-${preset.id}`)).toHaveCount(1);
});

test('each race starts and draws when it nears the screen, not every race of the page when the first does', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const first = await openRace(page, 'noisy');
  const races = page.locator('optimizer-race');
  const last = races.last();
  expect(await races.count()).toBeGreaterThan(2);
  await expect(first.locator('[data-plot="contour"] svg')).toHaveCount(1);
  // Far below, the last race is defined (its code is the first's) but waits: no worker of its own, no chart.
  await page.waitForTimeout(500);
  await expect(last).toHaveAttribute('data-pending', '');
  await expect(last.locator('[data-plot] svg')).toHaveCount(0);
  const started = workers.length;
  await last.scrollIntoViewIfNeeded();
  await expect(last).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  await expect(last).not.toHaveAttribute('data-pending');
  await expect(last.locator('[data-plot="contour"] svg')).toHaveCount(1);
  expect(workers.length).toBeGreaterThan(started);
});

for (const preset of PRESETS) {
  test(`${preset.id}: the first ten points of each optimizer on the page are the engine's optimizerPath`, async ({ page }) => {
    const race = await openRace(page, preset.id);
    const expected = enginePoints(preset.id);
    const read = await tablePoints(race);
    expect(Object.keys(read).sort()).toEqual(Object.keys(expected).sort());
    // A path that left the plot is stopped there: the page shows the engine's points up to that step.
    for (const [index, points] of Object.entries(expected)) expectSamePoints(read[Number(index)], points);
    for (const points of Object.values(read)) expect(points.length).toBeGreaterThan(1);
  });
}

test('a link reproduces a race: surface, noise, seed, start, racers and options from the URL, the same points as the engine', async ({ page }) => {
  const encoded = '7*s_beale*n_0.4*seed_5*x_-1*y_1.25*r1_1_lr_0.0002*r5_1_lr_0.02_biasCorrection_0';
  const race = await openRace(page, 'race', `${RACE_PAGE}?race-race=${encoded}`);
  await expect(race.locator('[data-field="surface"]')).toHaveValue('beale');
  await expect(race.locator('[data-count]')).toHaveText('Step 7 of 300');
  const read = await tablePoints(race);
  const expected = enginePoints('race', encoded);
  for (const [index, points] of Object.entries(expected)) expectSamePoints(read[Number(index)], points);
  // The page keeps the link as it was given.
  expect(new URL(page.url()).searchParams.get('race-race')).toBe(encoded);
  // Reloading the written URL gives the same points.
  await page.reload();
  await race.scrollIntoViewIfNeeded();
  await expect(race).toHaveAttribute('data-ready', '');
  expect(await tablePoints(race)).toEqual(read);
});

test('a hostile link falls back to the preset without breaking the race', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const race = await openRace(page, 'noisy', `${RACE_PAGE}?race-noisy=${encodeURIComponent('x*s_<b>*n_1e999*r0_1_lr_-4*sel_77*r9_1')}`);
  await expect(race.locator('[data-field="surface"]')).toHaveValue('quadratic');
  const read = await tablePoints(race);
  for (const [index, points] of Object.entries(enginePoints('noisy'))) expectSamePoints(read[Number(index)], points);
  expect(errors).toEqual([]);
});

test('the table of every point is written when opened, and follows the race while open', async ({ page }) => {
  const race = await openRace(page, 'ravine-momentum');
  // Closed, it holds nothing (a few hundred rows would be most of the widget's elements).
  await expect(race.locator('[data-table] *')).toHaveCount(0);
  await race.getByText('Every point, as a table').click();
  await expect(race.getByRole('table', { name: 'The point (x, y) of each optimizer after each step' })).toBeVisible();
  const rows = await race.locator('[data-table] tbody tr').count();
  expect(rows).toBeGreaterThan(10);
  // A new start reruns the race; the open table shows the new first point.
  const first = race.locator('[data-table] td[data-racer="0"]').first();
  const before = await first.getAttribute('data-x');
  await race.locator('[data-field="start-x"]').fill(String(Number(before) + 0.25));
  await race.locator('[data-field="start-x"]').press('Enter');
  await expect(first).not.toHaveAttribute('data-x', before ?? '');
  // Closed again, it is emptied at the next redraw rather than kept stale.
  await race.getByText('Every point, as a table').click();
  await race.locator('[data-field="start-x"]').fill(String(Number(before)));
  await race.locator('[data-field="start-x"]').press('Enter');
  await expect(race.locator('[data-table] *')).toHaveCount(0);
});

test('the loss chart: a curve per racer, revealed up to the step, redrawn when the race changes', async ({ page }) => {
  const race = await openRace(page, 'ravine-momentum');
  const loss = race.locator('[data-plot="loss"] svg');
  const curves = loss.locator('g[data-mark="line"]');
  const racers = await race.locator('[data-legend] li').count();
  expect(racers).toBeGreaterThan(1);
  await expect(curves).toHaveCount(racers);
  // The clip shows the curves up to the step: it widens as the race steps on.
  const clipWidth = () => loss.locator('clipPath rect').getAttribute('width').then(Number);
  const atStart = await clipWidth();
  await race.locator('[data-action="step"]').click();
  await race.locator('[data-action="step"]').click();
  await expect(race.locator('[data-count]')).toHaveText(/^Step 2 of/);
  await expect.poll(clipWidth).toBeGreaterThan(atStart);
  // A new start is a new race: the chart is drawn again (a new element), still one curve per racer.
  const chart = await loss.elementHandle();
  await race.locator('[data-field="start-x"]').fill('0.5');
  await race.locator('[data-field="start-x"]').press('Enter');
  await expect.poll(() => chart!.evaluate((svg) => svg.isConnected)).toBe(false);
  await expect(curves).toHaveCount(racers);
});

test('lr-too-large: the run above 2/λmax is stopped and marked diverged, the one below converges', async ({ page }) => {
  // The last step, by the URL.
  const last = presetById('lr-too-large').state.steps;
  const at = await openRace(page, 'lr-too-large', `${RACE_PAGE}?race-lr-too-large=${last}`);
  const legend = at.locator('[data-legend] li');
  await expect(legend.nth(0)).toContainText(/diverged at step \d+ \(left the plot\)/);
  await expect(legend.nth(1)).not.toContainText('diverged');
  await expect(at.locator('[data-status]')).toContainText(/SGD #1 diverged at step \d+/);
  // The plot still draws the part before the divergence.
  await expect(at.locator('.race-path[data-racer="0"]')).toHaveAttribute('d', /^M[\d.,-]+L/);
});

test('keyboard: → and ← step, Play runs and pauses, and the start marker moves with the arrow keys', async ({ page }) => {
  const race = await openRace(page, 'ravine-momentum');
  const count = race.locator('[data-count]');
  await race.getByRole('button', { name: 'Step →' }).focus();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('Step 1 of 100');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText('Step 3 of 100');
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText('Step 2 of 100');
  await expect(race.locator('[data-lines] li')).not.toHaveCount(0);
  await expect(race.locator('[data-lines] li').last()).toHaveAttribute('aria-label', /^θ ← θ − η · b = /);
  expect(new URL(page.url()).searchParams.get('race-ravine-momentum')).toBe('2');

  const start = race.locator('[data-start]');
  await start.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  const { state } = decodeView(presetById('ravine-momentum'), null);
  const surface = surfaceOf(state);
  const x = Number((state.start[0] + 0.02 * (surface.domain.x[1] - surface.domain.x[0])).toFixed(3));
  const y = Number((state.start[1] + 0.1 * (surface.domain.y[1] - surface.domain.y[0])).toFixed(3));
  await expect(race.locator('[data-field="start-x"]')).toHaveValue(String(x));
  await expect(race.locator('[data-field="start-y"]')).toHaveValue(String(y));
  await expect(start).toBeFocused();
  // The race reran from the new start: its first point is the start.
  await race.locator('details.race-table').evaluate((details: HTMLDetailsElement) => (details.open = true));
  await expect(race.locator('[data-table] td[data-racer="0"]').first()).toHaveAttribute('data-x', String(x));
  // The address is rewritten after the rerun is drawn (on a loaded machine the table can come first).
  await expect.poll(() => new URL(page.url()).searchParams.get('race-ravine-momentum')).toBe(`2*x_${x}*y_${y}`);

  await race.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  await expect(race.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(race.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('dragging the start on the plot moves it', async ({ page }) => {
  const race = await openRace(page, 'saddle-escape');
  const svg = race.locator('[data-plot="contour"] svg');
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35, { steps: 4 });
  await page.mouse.up();
  await expect(race.locator('[data-field="start-x"]')).not.toHaveValue('-1.8');
  await expect(race.locator('[data-status]')).toContainText('Start moved to');
});

test('reduced motion: Play jumps to the last step instead of animating', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const race = await openRace(page, 'adam-bias-correction');
  await race.getByRole('button', { name: 'Play' }).click();
  await expect(race.locator('[data-count]')).toHaveText('Step 30 of 30');
  await expect(race.locator('[data-status]')).toContainText('Reduced motion');
});

test('at 360 px the race fits the page: no sideways scrolling, plots shrink and controls wrap', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const race = await openRace(page, 'race');
  await race.getByRole('button', { name: 'Step →' }).click();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const raceBox = (await race.boundingBox())!;
  for (const plot of await race.locator('.widget-plot svg').all()) {
    const box = (await plot.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(raceBox.x + raceBox.width + 1);
  }
});

for (const mode of ['light', 'dark'] as const) {
  test(`axe finds no violation in the races in ${mode} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    if (mode === 'dark') await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    await page.goto(RACE_PAGE);
    for (const preset of PRESETS) {
      const race = page.locator(`optimizer-race#race-${preset.id}`);
      await race.scrollIntoViewIfNeeded();
      await expect(race).toHaveAttribute('data-ready', '', { timeout: 20_000 });
      await race.getByRole('button', { name: 'Step →' }).click();
      for (const details of await race.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    }
    const results = await new AxeBuilder({ page }).setLegacyMode().include('optimizer-race').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
}
