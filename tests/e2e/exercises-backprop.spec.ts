import { test, expect } from '@playwright/test';
import { checkCode, openExercise } from './pages.ts';

// The backpropagation exercises of issue 11 in the built site: wherever each is placed (a lesson, or the practice page
// while no lesson holds it), its prompt renders with typeset math, the reference solution passes Check, and a known-wrong
// solution fails with its own feedback.
const EXERCISES = [
  { id: 'one-hidden-layer-quiz', wrong: 'forgot-weight-penalty', score: 'Score 3 of 5' },
  { id: 'tanh-network-backward', wrong: 'squared-one-minus-z', score: 'Score 2 of 4' },
  { id: 'gradient-check', wrong: 'one-sided-difference', score: 'Score 1 of 2' },
];




for (const { id, wrong, score } of EXERCISES) {
  test(`${id}: the prompt shows typeset math, the reference passes and ${wrong} earns its own feedback`, async ({ page }) => {
    const { getExercise } = await import('../../exercises/index.ts');
    const definition = getExercise(id);
    if (definition.kind !== 'code') throw new Error(`${id} must be a code exercise`);
    const exercise = await openExercise(page, id);
    await expect(exercise.locator('.katex').first()).toBeVisible();
    await expect(exercise.locator('.ex-editor')).toContainText(`function ${definition.functionName}`);

    await checkCode(page, exercise, definition.misconceptions.find((m) => m.id === wrong)!.solution);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    const feedback = exercise.locator('[data-role="feedback"]');
    await expect(feedback.locator(`[data-misconception="${wrong}"]`)).toBeVisible();
    await expect(feedback).toContainText(score);

    await checkCode(page, exercise, definition.solution);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    await expect(exercise.locator('[data-role="explanation"]')).toBeVisible();
  });
}
