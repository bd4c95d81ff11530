import { test, expect } from '@playwright/test';
import { builtLessonPaths } from './pages.ts';

// What keeps a lesson page light to open (issue 16): the browser lays out and paints only the blocks near the
// viewport (content-visibility: auto on the lesson's blocks), the math is KaTeX's HTML for the eye with MathML for
// screen readers (output htmlAndMathml: the HTML hidden from assistive technology, the MathML visually hidden),
// and a lesson's element count stays within a bound, so a formula or widget that multiplies it is noticed.

/**
 * The most elements a lesson page may hold at load: the heaviest (backpropagation) has about 20,700 since the exercises'
 * solutions, explanations, hints and feedback are fetched when the exercises start (27,000 before).
 */
const MAX_ELEMENTS = 24_000;

for (const path of builtLessonPaths()) {
  test(`${path} lays out only what is near the viewport, with math as HTML plus MathML, under ${MAX_ELEMENTS} elements`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(path);
    const facts = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.prose > *')].filter((block) => getComputedStyle(block).contentVisibility === 'auto');
      // (A block with content-visibility: auto is itself rendered; what it skips is its contents.)
      const last = blocks.filter((block) => block.firstElementChild !== null).at(-1);
      const formulas = [...document.querySelectorAll('.katex')];
      return {
        elements: document.getElementsByTagName('*').length,
        blocks: blocks.length,
        // A block far below the fold is skipped (its contents are not rendered) until the reader scrolls to it.
        lastSkipped: last !== undefined && last.getBoundingClientRect().top > 3 * innerHeight && !last.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
        formulas: formulas.length,
        withMathml: formulas.filter((f) => f.querySelector(':scope > .katex-mathml > math') !== null).length,
        htmlHidden: formulas.filter((f) => f.querySelector(':scope > .katex-html')?.getAttribute('aria-hidden') === 'true').length,
      };
    });
    expect(facts.elements).toBeLessThan(MAX_ELEMENTS);
    expect(facts.blocks).toBeGreaterThan(10);
    expect(facts.lastSkipped).toBe(true);
    expect(facts.formulas).toBeGreaterThan(0);
    expect(facts.withMathml).toBe(facts.formulas);
    expect(facts.htmlHidden).toBe(facts.formulas);
  });
}

test('a skipped block keeps its MathML in the page, and scrolling to it renders it', async ({ page }) => {
  await page.goto('/lessons/backprop/');
  const last = page.locator('.prose > .katex-display').last();
  expect(await last.evaluate((block) => block.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
  // A skipped formula's MathML is in the document all along (content-visibility: auto leaves it to assistive technology).
  await expect(last.locator('math').first()).toBeAttached();
  await last.scrollIntoViewIfNeeded();
  await expect.poll(() => last.evaluate((block) => block.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
  const box = await last.boundingBox();
  expect(box!.height).toBeGreaterThan(10);
});

for (const path of ['/lessons/backprop/', '/lessons/optimization/']) test(`${path}: an exercise's prompt, the code of cells and exercises and the figures are skipped off-screen too, each kept at least as tall as it renders`, async ({ page }) => {
  test.setTimeout(90_000);
  // A phone's width, where text wraps the most and an estimate that is too short would show.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(path);
  const selector = '.ex-prompt > *, .code-static, .prose > .katex-display, .prose > figure svg[width][height]';
  const before = await page.evaluate((selector) => {
    const blocks = [...document.querySelectorAll<Element>(selector)];
    return blocks.map((block) => ({
      kind: block.matches('.code-static') ? 'code' : block.closest('.ex-prompt') ? 'prompt' : block.matches('svg') ? 'figure' : 'math',
      skipped: block.firstElementChild !== null && !block.firstElementChild.checkVisibility({ contentVisibilityAuto: true }),
      height: block.getBoundingClientRect().height,
    }));
  }, selector);
  for (const kind of ['code', 'prompt', 'math', 'figure']) expect(before.filter((block) => block.kind === kind && block.skipped).length, kind).toBeGreaterThan(kind === 'figure' && path.includes('backprop') ? 0 : 3);
  // Each skipped block, once scrolled to and rendered, is no taller than the height it was given while skipped.
  for (const [index, block] of before.entries()) {
    if (!block.skipped) continue;
    const rendered = await page.evaluate(([selector, index]) => {
      const element = document.querySelectorAll<Element>(selector as string)[index as number];
      element.scrollIntoView();
      return new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(element.getBoundingClientRect().height))));
    }, [selector, index] as const);
    expect(block.height, `${block.kind} block ${index}: estimated ${block.height} px, rendered ${rendered} px`).toBeGreaterThanOrEqual(rendered - 1);
    // A figure keeps exactly its size: its aspect ratio is read from its width and height.
    if (block.kind === 'figure') expect(Math.abs(block.height - rendered), `figure ${index}`).toBeLessThan(1);
  }
});
