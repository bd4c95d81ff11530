import { test, expect, type Page } from '@playwright/test';
import { check, openExercise, setCode } from './pages.ts';
import { getExercise } from '../../exercises/index.ts';

// Progress where the student reads: the table of contents and the chapter header count the exercises solved, live;
// the home page offers to continue from the section last read and names the next exercise to solve; a recognised
// misconception's feedback links to the section that teaches it; corrupt saved data breaks no page.
const PROGRESS_KEY = 'neural-notebook:progress';
const LAST_READ_KEY = 'neural-notebook:last-read';

const RIGHT = `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) <= 0) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`;

/** A known-wrong solution of the exercise, as a student with that misconception would write it. */
function wrongAnswer(exercise: string, misconception: string): string {
  const definition = getExercise(exercise);
  if (definition.kind !== 'code') throw new Error(`${exercise} is not a code exercise`);
  return definition.misconceptions.find((m) => m.id === misconception)!.solution;
}

/** Scrolls a lesson's heading to the top of the window, as reading down to it does, and waits until it is saved. */
async function readTo(page: Page, anchor: string): Promise<void> {
  await page.locator(`[id="${anchor}"]`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), LAST_READ_KEY), { timeout: 15_000 }).toContain(`"section":"${anchor}"`);
}

/** Collects the page's uncaught errors, to assert there were none. */
function pageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

test.describe('progress where they read', () => {
  test('a new student is offered chapter 1 and no "Continue"', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: /^Start with chapter 1/ })).toBeVisible();
    await expect(page.locator('continue-reading')).toBeHidden();
  });

  test('solving an exercise marks its section and the chapter header; home continues from the section read', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('/lessons/perceptron/');
    const header = page.locator('.lesson-header [data-lesson-exercises]');
    const section = page.locator('.toc li', { has: page.locator('a[href="#rosenblatts-learning-rule"]') }).locator('[data-lesson-exercises]');
    await expect(header).toHaveText('0 of 2 exercises solved');
    await expect(section).toHaveText('0 of 1 solved');

    const exercise = await openExercise(page, 'perceptron-update', '/lessons/perceptron/');
    await setCode(page, exercise, RIGHT);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    // Live, without a reload.
    await expect(section).toHaveText('✓ 1 of 1 solved');
    await expect(section).toHaveAttribute('data-complete', 'true');
    await expect(header).toHaveText('1 of 2 exercises solved');
    await expect(page.locator('.toc li', { has: page.locator('a[href="#why-it-fails-on-xor"]') }).locator('[data-lesson-exercises]')).toHaveText('0 of 1 solved');

    await readTo(page, 'no-line-separates-xor');
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'Continue where you left off' });
    await expect(panel).toBeVisible();
    const sectionLink = panel.getByRole('link', { name: 'No line separates XOR' });
    await expect(sectionLink).toHaveAttribute('href', '/lessons/perceptron/#no-line-separates-xor');
    await expect(panel).toContainText('in chapter 1, The perceptron.');
    // The next unsolved exercise after that section is the one placed under it.
    const exerciseLink = panel.getByRole('link', { name: getExercise('perceptron-separable').title });
    await expect(exerciseLink).toHaveAttribute('href', '/lessons/perceptron/#exercise-perceptron-separable-title');

    await sectionLink.click();
    await expect(page).toHaveURL(/\/lessons\/perceptron\/#no-line-separates-xor$/);
    await expect(page.locator('#no-line-separates-xor')).toBeInViewport();
    // The lesson still counts what was solved on the earlier visit.
    await expect(header).toHaveText('1 of 2 exercises solved');

    await page.goto('/');
    await panel.getByRole('link', { name: getExercise('perceptron-separable').title }).click();
    await expect(page).toHaveURL(/#exercise-perceptron-separable-title$/);
    await expect(page.locator('#exercise-perceptron-separable-title')).toBeInViewport();
    expect(errors).toEqual([]);
  });

  test('a misconception\'s feedback links to the section that teaches it, and the link lands there', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update', '/lessons/perceptron/');
    // A misconception taught in a section of its own links there.
    await setCode(page, exercise, wrongAnswer('perceptron-update', 'bias-not-updated'));
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    const item = exercise.locator('[data-misconception="bias-not-updated"]');
    const link = item.getByRole('link', { name: 'Read: The bias is a weight on a constant input' });
    await expect(link).toHaveAttribute('href', '/lessons/perceptron/#the-bias-is-a-weight-on-a-constant-input');
    // Any other links to the section that teaches the exercise.
    await setCode(page, exercise, wrongAnswer('perceptron-update', 'strict-inequality'));
    await check(exercise);
    await expect(exercise.locator('[data-misconception="strict-inequality"]').getByRole('link', { name: 'Read: Rosenblatt’s learning rule' })).toHaveAttribute('href', '/lessons/perceptron/#rosenblatts-learning-rule');
    await exercise.locator('[data-misconception="strict-inequality"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/lessons\/perceptron\/#rosenblatts-learning-rule$/);
    await expect(page.locator('#rosenblatts-learning-rule')).toBeInViewport();
  });

  test('corrupt saved data leaves every page working', async ({ page }) => {
    const errors = pageErrors(page);
    const corrupt: [string, string][] = [
      ['{not json', '{not json'],
      [JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: { 'perceptron-update': { solved: 'yes' } } }), JSON.stringify({ lesson: ['perceptron'], section: 5 })],
      ['[]', JSON.stringify({ lesson: 'perceptron', section: 'a-section-that-no-longer-exists' })],
      ['null', JSON.stringify({ lesson: 'no-such-chapter', section: 'the-model' })],
    ];
    await page.goto('/');
    for (const [progress, lastRead] of corrupt) {
      await page.evaluate(([k1, v1, k2, v2]) => {
        localStorage.setItem(k1, v1);
        localStorage.setItem(k2, v2);
      }, [PROGRESS_KEY, progress, LAST_READ_KEY, lastRead]);
      await page.goto('/');
      await expect(page.locator('.chapter[data-lesson="perceptron"] .lesson-progress')).toHaveText('0 of 2 exercises solved');
      // Nothing readable: no place to continue from, and the start link as for a new student.
      await expect(page.locator('continue-reading')).toBeHidden();
      await expect(page.getByRole('link', { name: /^Start with chapter 1/ })).toBeVisible();
      await page.goto('/lessons/perceptron/');
      await expect(page.locator('.lesson-header [data-lesson-exercises]')).toHaveText('0 of 2 exercises solved');
      await expect(page.locator('.toc [data-lesson-exercises]').first()).toHaveText('0 of 1 solved');
    }
    // A solved exercise with a section that no longer exists: the section is ignored, the next exercise still offered.
    await page.evaluate(([k1, v1, k2, v2]) => {
      localStorage.setItem(k1, v1);
      localStorage.setItem(k2, v2);
    }, [
      PROGRESS_KEY,
      JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: { 'perceptron-update': { code: RIGHT, attempts: 1, bestScore: 2, maxScore: 2, solved: true, updatedAt: '2026-12-01T00:00:00Z' } }, rejected: {} }),
      LAST_READ_KEY,
      JSON.stringify({ lesson: 'perceptron', section: 'a-section-that-no-longer-exists' }),
    ]);
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'Continue where you left off' });
    await expect(panel).toBeVisible();
    await expect(panel.locator('[data-role="last-read"]')).toBeHidden();
    await expect(panel.getByRole('link', { name: getExercise('perceptron-separable').title })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
