import { test, expect, type Locator, type Page } from '@playwright/test';
import { getExercise, type NumericExercise } from '../../exercises/index.ts';
import { formatVariantNumber, variantNumbers } from '../../exercises/variant.ts';
import { formatNumbers } from '../../site/lesson/exercise/format-numbers.ts';
import { exerciseWhen, shownVariantNumbers } from './pages.ts';

// A numeric exercise seeded per learner, on the backprop chapter's page of the built site: the learner's numbers fill the
// typeset prompt, the right answer for those numbers passes, a reload keeps them, and another learner's seed shows others.
const PROGRESS_KEY = 'neural-notebook:progress';
const ID = 'two-two-one-by-hand';
/** Where the exercise is placed. */
const PAGE = '/lessons/backprop/';
const found = getExercise(ID);
if (found.kind !== 'numeric') throw new Error(`${ID} must be numeric`);
const exercise: NumericExercise = found;

/** Progress holding only a learner seed, as the page saves it. */
function progressWithSeed(variantSeed: number): string {
  return JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: {}, rejected: {}, variantSeed });
}

/** Opens the exercise's page with this saved progress (or none) and waits for the exercise's numbers. */
async function openWith(page: Page, saved: string | null): Promise<Locator> {
  await page.goto(PAGE);
  await page.evaluate(([key, value]) => (value === null ? localStorage.removeItem(key!) : localStorage.setItem(key!, value)), [PROGRESS_KEY, saved]);
  await page.reload();
  return exerciseWhen(page, ID, 'data-variant');
}

/** The numbers a learner with this seed must see, as the page writes them. */
function expectedNumbers(seed: number): Record<string, string> {
  return Object.fromEntries(Object.entries(variantNumbers(exercise, seed)).map(([name, value]) => [name, formatVariantNumber(value)]));
}

test.describe('a numeric exercise seeded per learner', () => {
  test('shows the learner\'s numbers in the typeset prompt, passes the right answer for them, and keeps them on reload', async ({ page }) => {
    const element = await openWith(page, progressWithSeed(1234));
    expect(await shownVariantNumbers(element)).toEqual(expectedNumbers(1234));
    // The formulas around the numbers were typeset when the site was built.
    await expect(element.locator('.ex-prompt .katex').first()).toBeVisible();

    const answer = exercise.answer(variantNumbers(exercise, 1234));
    for (const [part, value] of Object.entries(answer)) await element.getByLabel(part, { exact: true }).fill(formatNumbers(value));
    await element.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(element).toHaveAttribute('data-status', 'passed', { timeout: 10_000 });

    await page.reload();
    const again = await exerciseWhen(page, ID, 'data-variant');
    expect(await shownVariantNumbers(again)).toEqual(expectedNumbers(1234));
    await expect(again).toHaveAttribute('data-solved', '');
    await expect(again.getByLabel('dw35', { exact: true })).toHaveValue(formatNumbers(answer.dw35));
  });

  test('another learner\'s seed shows other numbers, and the first learner\'s answer is wrong for them', async ({ page }) => {
    const first = await shownVariantNumbers(await openWith(page, progressWithSeed(1234)));
    const element = await openWith(page, progressWithSeed(98765));
    const second = await shownVariantNumbers(element);
    expect(second).toEqual(expectedNumbers(98765));
    expect(second).not.toEqual(first);
    const theirs = exercise.answer(variantNumbers(exercise, 1234));
    for (const [part, value] of Object.entries(theirs)) await element.getByLabel(part, { exact: true }).fill(formatNumbers(value));
    await element.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(element).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
  });

  test('a new learner gets a seed of their own, saved at once, and an unreadable seed is kept aside and replaced', async ({ page }) => {
    const element = await openWith(page, null);
    const seed = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').variantSeed as number, PROGRESS_KEY);
    expect(Number.isInteger(seed)).toBe(true);
    expect(await shownVariantNumbers(element)).toEqual(expectedNumbers(seed));

    const replaced = await openWith(page, progressWithSeed(-1).replace('-1', '"not a seed"'));
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
    expect(saved.rejected['@variantSeed'].raw).toBe('not a seed');
    expect(await shownVariantNumbers(replaced)).toEqual(expectedNumbers(saved.variantSeed));
    await expect(page.locator('[data-progress-notice]')).toContainText('seed that picks your numbers');
  });

  test('the solution shows the answer for the learner\'s own numbers', async ({ page }) => {
    const element = await openWith(page, progressWithSeed(777));
    await element.getByRole('button', { name: 'Show the solution' }).click();
    await element.getByRole('button', { name: 'Show it' }).click();
    const answer = exercise.answer(variantNumbers(exercise, 777));
    await expect(element.locator('[data-answer-part="dw13"]')).toHaveText(formatNumbers(answer.dw13));
  });

  test('a wrong answer is drawn on the learner\'s own network: a dropped factor 2 turns ŷ red, with their numbers on the graph', async ({ page }) => {
    const element = await openWith(page, progressWithSeed(1234));
    const numbers = variantNumbers(exercise, 1234);
    const slip = exercise.misconceptions.find((m) => m.id === 'dropped-factor-two')!.answer(numbers);
    for (const [part, value] of Object.entries(slip)) await element.getByLabel(part, { exact: true }).fill(formatNumbers(value));
    await element.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(element).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    const graph = element.locator('.ex-graph');
    await expect(graph).toHaveAttribute('data-first', 'ŷ', { timeout: 15_000 });
    await expect(element.locator('.ex-graph-node[data-node="ŷ"]')).toHaveAttribute('data-state', 'first-difference');
    // The graph was traced on this learner's numbers: its input node holds their x₁.
    await expect(graph.locator('.graph-node[aria-label^="x₁"]')).toHaveAttribute('aria-description', new RegExp(formatVariantNumber(numbers.x1 as number).replace('−', '[−-]')));
  });
});

