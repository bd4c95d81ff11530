import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtLessonPaths, builtPagePaths, openEditor } from './pages.ts';

// axe over every built page, in light and dark mode, after the reader has used everything on it:
// cells run (outputs and plots shown), every widget drawn, an exercise checked (feedback shown)
// and its editor focused (the current-line highlight). A page is checked once per mode, so the
// check stays fast on a busy machine; the tags are WCAG 2.1 A/AA and axe's best practices.
const pagePaths = builtPagePaths();
const lessonPaths = builtLessonPaths();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** How to tell that each widget has drawn itself, once it has been scrolled into view. */
const widgetsDrawn: Record<string, (widget: Locator) => Promise<void>> = {
  // Mounted (training, which takes epochs, is checked with axe in widgets-mnist-lab.spec.ts).
  'mnist-lab': (widget) => expect(widget).toHaveAttribute('data-mounted', '', { timeout: 20_000 }),
  'perceptron-lab': (widget) => expect(widget.locator('[data-plot] svg')).toBeVisible({ timeout: 20_000 }),
  'activation-explorer': (widget) => expect(widget.locator('[data-plot="derivative"] svg')).toBeVisible({ timeout: 20_000 }),
  'universal-approximator': (widget) => expect(widget.getByRole('button', { name: 'Train' })).toBeEnabled({ timeout: 20_000 }),
  'nn-playground': (widget) => expect(widget).toHaveAttribute('data-frames', /[1-9]/, { timeout: 20_000 }),
  // Stepped to the end, so that its chain-rule lines (MathML) are on the page too.
  'backprop-stepper': async (widget) => {
    await expect(widget).toHaveAttribute('data-ready', '', { timeout: 20_000 });
    await widget.getByRole('button', { name: 'All backward' }).click();
    await expect(widget.locator('[data-lines] li').first()).toBeVisible();
  },
  // Stepped, so that its update lines (MathML), legend and paths are on the page too.
  'optimizer-race': async (widget) => {
    await expect(widget).toHaveAttribute('data-ready', '', { timeout: 20_000 });
    await widget.getByRole('button', { name: 'Step →' }).click();
    await widget.getByRole('button', { name: 'Step →' }).click();
    await expect(widget.locator('[data-lines] li').first()).toBeVisible();
  },
  // Trained one epoch, so that its pictures, loss curve and captions are drawn.
  'position-to-colour': async (widget) => {
    await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
    await widget.getByRole('button', { name: 'One epoch' }).click();
    await expect(widget).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
  },
  // Measured, so that its bars, their numbers and the diagnosis are on the page.
  'gradient-flow': (widget) => expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 }),
  // Stepped, so that its network drawing shows a dropout mask where the lab has one.
  'regularization-lab': async (widget) => {
    await expect(widget).toHaveAttribute('data-ready', '', { timeout: 30_000 });
    await widget.getByRole('button', { name: 'Step →' }).click();
    await expect(widget.locator('[data-network] svg')).toBeVisible();
  },
};

/** Runs every cell, draws every widget, checks an exercise and focuses its editor: the page as a reader leaves it. */
async function useEverything(page: Page): Promise<void> {
  const runAll = page.getByRole('button', { name: 'Run all' });
  if ((await runAll.count()) > 0) {
    await page.locator('notebook-cell').first().scrollIntoViewIfNeeded();
    await runAll.click();
    await expect(page.locator('.notebook-status')).toHaveText('All cells ran.', { timeout: 30_000 });
    // Plots are drawn after their cell is done; Plot loads on first use.
    await expect(page.locator('.v-plot[aria-busy]')).toHaveCount(0, { timeout: 15_000 });
  }
  for (const [tag, drawn] of Object.entries(widgetsDrawn)) {
    for (const widget of await page.locator(tag).all()) {
      await widget.scrollIntoViewIfNeeded();
      await drawn(widget);
    }
  }
  const exercise = page.locator('course-exercise:has(.ex-editor)').first();
  if ((await exercise.count()) > 0) {
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise).toHaveAttribute('data-ready', '', { timeout: 20_000 });
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(exercise).toHaveAttribute('data-status', /^(passed|failed|invalid)$/, { timeout: 20_000 });
    await expect(exercise.locator('[data-role="feedback"]')).not.toBeEmpty();
    // A click in the code loads the editor; a click puts the cursor on the first line, which the editor highlights as the current line.
    await openEditor(exercise);
    await exercise.locator('.cm-content').click({ position: { x: 40, y: 8 } });
    await expect(exercise.locator('.cm-activeLine')).toHaveCount(1);
  }
}

/** The serious and critical axe violations on the page, one line each with up to three of its elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default (runPartial, then finishRun in a new blank page)
  // took four to five times as long on a lesson page.
  const results = await new AxeBuilder({ page }).setLegacyMode().withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')})`);
}

test('the accessibility check visits the home page, the practice page, the Playground page, the 404 page and every lesson', () => {
  expect(pagePaths).toEqual(expect.arrayContaining(['/', '/practice/', '/playground/', '/404.html', ...lessonPaths]));
  expect(lessonPaths.length).toBeGreaterThan(0);
});

// Dark mode as the toggle leaves it (saved in localStorage, the system light), and light mode with
// reduced motion, so both the toggled theme and the reduced-motion states of the widgets are checked.
const modes = [
  { name: 'light', colorScheme: 'light', reducedMotion: 'reduce', savedTheme: undefined },
  { name: 'dark', colorScheme: 'light', reducedMotion: 'no-preference', savedTheme: 'dark' },
] as const;

for (const mode of modes) {
  for (const path of pagePaths) {
    test(`axe finds no serious or critical violation on ${path} in ${mode.name} mode, after everything on it has been used`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: mode.colorScheme, reducedMotion: mode.reducedMotion });
      if (mode.savedTheme) await page.addInitScript((theme) => localStorage.setItem('theme', theme), mode.savedTheme);
      await page.goto(path);
      if (mode.savedTheme) await expect(page.locator('html')).toHaveAttribute('data-theme', mode.savedTheme);
      await useEverything(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('run cells and their outputs have no axe violation of any impact, in light and dark mode', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/lessons/perceptron/');
  await page.locator('notebook-cell').first().scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('.notebook-status')).toHaveText('All cells ran.', { timeout: 30_000 });
  await expect(page.locator('.v-plot[aria-busy]')).toHaveCount(0, { timeout: 15_000 });
  // Every plot is one named image, and none of its groups carries a label it may not have.
  for (const chart of await page.locator('.v-plot svg[role="img"]').all()) await expect(chart).toHaveAttribute('aria-label', /\S/);
  expect(await page.locator('.v-plot svg[role="img"]').count()).toBeGreaterThan(0);
  await expect(page.locator('.v-plot g[aria-label]')).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).setLegacyMode().include('notebook-cell').include('.notebook-bar').analyze();
    expect(results.violations.map((violation) => `${colorScheme} ${violation.id}: ${violation.nodes.length}`)).toEqual([]);
  }
});

/** Scrolls every lazily mounted part of a lesson into view and waits until it is ready: cells, exercises and widgets. */
async function mountEverything(page: Page): Promise<void> {
  for (const cell of await page.locator('notebook-cell').all()) {
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  }
  for (const exercise of await page.locator('course-exercise').all()) {
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  }
  for (const [tag, drawn] of Object.entries(widgetsDrawn)) {
    for (const widget of await page.locator(tag).all()) {
      await widget.scrollIntoViewIfNeeded();
      await drawn(widget);
    }
  }
}

for (const path of [...lessonPaths, '/playground/']) {
  test(`every control on ${path} is reached by Tab and shows a visible focus indicator`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(path);
    await mountEverything(page);
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';
      const found = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.checkVisibility({ visibilityProperty: true }),
      );
      // One radio button of a group is a Tab stop; the arrow keys move within the group.
      const groups = new Set<string>();
      const stops = found.filter((element) => {
        if (!(element instanceof HTMLInputElement && element.type === 'radio')) return true;
        const key = `${element.form?.id ?? ''}/${element.name}`;
        if (groups.has(key)) return false;
        groups.add(key);
        return true;
      });
      stops.forEach((element, index) => (element.dataset.tabStop = String(index)));
      // A cell's or exercise's static code becomes the editor when it takes focus: the editor's content is the same stop.
      for (const code of document.querySelectorAll<HTMLElement>('.code-static[data-tab-stop]')) code.parentElement!.dataset.codeStop = code.dataset.tabStop;
      return stops.map((element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`);
    });
    expect(controls.length).toBeGreaterThan(0);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<number>();
    const unseen: string[] = [];
    for (let presses = 0; presses < controls.length * 2 + 20 && reached.size < controls.length; presses++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active === document.body) return undefined;
        const code = active.closest('.cm-editor') ? active.closest<HTMLElement>('[data-code-stop]') : null;
        const stop = active.closest<HTMLElement>('[data-tab-stop]') ?? active;
        const radio = active instanceof HTMLInputElement && active.type === 'radio' ? document.querySelector<HTMLElement>(`input[type="radio"][name="${active.name}"][data-tab-stop]`) : null;
        // The ring is drawn on the element, or, for the code editor, on the editor around its content.
        const ringed = [active, active.closest('.cm-editor')].filter((element): element is HTMLElement => element !== null);
        const visible = ringed.some((element) => {
          const style = getComputedStyle(element);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
        });
        return { index: Number(code?.dataset.codeStop ?? (radio ?? stop).dataset.tabStop ?? -1), visible, name: `${active.tagName.toLowerCase()} ${active.className}` };
      });
      if (!focus || focus.index < 0) continue;
      reached.add(focus.index);
      if (!focus.visible) unseen.push(`${controls[focus.index]} (${focus.name})`);
    }
    expect(controls.filter((_, index) => !reached.has(index)), 'controls Tab never reached').toEqual([]);
    expect([...new Set(unseen)], 'controls with no visible focus indicator').toEqual([]);
  });
}
