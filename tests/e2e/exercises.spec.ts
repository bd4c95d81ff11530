import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { reachableFiles, readBundleReport } from '../../scripts/page-javascript.ts';
import { check, exercisePage, openExercise, setCode } from './pages.ts';

// Exercises in the built site, in Chromium: checking code in the sandboxed kernel, feedback,
// progress on the home page, export and import, and saved progress that cannot be read.
const PROGRESS_KEY = 'neural-notebook:progress';

const RIGHT = `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number): { w: number[]; b: number } {
  if (y * (dot(w, x) + b) <= 0) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`;
const STRICT = RIGHT.replace('<= 0', '< 0');
// A loop that starts at 1 leaves row 0 a hole: the answer that used to crash Check with a TypeError.
const HOLE = `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  const out: number[][] = [];
  for (let i = 1; i < W.length; i++) out[i] = W[i].map((w, j) => dW[i][j] + lambda * w);
  return out;
}`;
const LOOPS = `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number) {
  while (true) {}
}`;




function chapter(page: Page, slug: string): Locator {
  return page.locator(`.chapter[data-lesson="${slug}"] .lesson-progress`);
}

test.describe('exercises', () => {
  test('a wrong answer shows the feedback for its own misconception, in a live region', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update');
    await setCode(page, exercise, STRICT);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    const feedback = exercise.locator('[data-role="feedback"]');
    await expect(feedback).toHaveAttribute('aria-live', 'polite');
    await expect(feedback.locator('[data-misconception="strict-inequality"]')).toContainText('never updates');
    await expect(feedback).toContainText('Score 0 of 2');
    await expect(exercise.locator('[data-role="attempts"]')).toHaveText('1 attempt');
  });

  test('a right answer passes, shows the explanation, and the home page counts it after a reload', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update');
    await setCode(page, exercise, RIGHT);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    await expect(exercise.locator('[data-role="progress"]')).toHaveText('Solved');
    await expect(exercise.locator('[data-role="explanation"]')).toBeVisible();
    await page.goto('/');
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');
    await page.reload();
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');
    // The exercises page marks it solved in its chapter, and its link opens it in the lesson.
    await page.goto('/practice/');
    const entry = page.locator('[data-practice-exercise="perceptron-update"]');
    await expect(entry.locator('[data-exercise-solved]')).toHaveText('Solved');
    await expect(page.locator('[data-practice-exercise="perceptron-separable"] [data-exercise-solved]')).toHaveText('Not solved yet');
    await entry.getByRole('link').click();
    await expect(page).toHaveURL(/\/lessons\/perceptron\/#exercise-perceptron-update-title$/);
    await expect(page.locator('#exercise-perceptron-update-title')).toBeInViewport();
    // The saved code comes back in the editor.
    const again = await openExercise(page, 'perceptron-update');
    await expect(again.locator('.cm-content')).toContainText('lr * y');
  });

  test('an answer that loops forever is stopped with a message, and the next check still works', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update');
    await setCode(page, exercise, LOOPS);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'invalid');
    await expect(exercise.locator('[data-role="feedback"]')).toContainText(/Stopped after 5 s: your code did not finish/);
    await expect(exercise.locator('[data-role="attempts"]')).toHaveText('');
    await setCode(page, exercise, RIGHT);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
  });

  test('an error thrown inside the student\'s function names its line and marks it in the editor', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update');
    await setCode(page, exercise, `function perceptronUpdate(w: number[], b: number, x: number[], y: number, lr: number) {
  const scores = null as unknown as number[];
  return { w, b: scores[0] };
}`);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'invalid');
    await expect(exercise.locator('[data-role="feedback"]')).toContainText(/perceptronUpdate threw on case 0: TypeError: .* \(line 3\)/);
    await expect(exercise.locator('.cm-error-line')).toHaveText('  return { w, b: scores[0] };');
  });

  test('an answer with a hole in row 0 gets its own message, replacing the previous feedback, with no page error', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const exercise = await openExercise(page, 'weight-decay-gradient');
    const feedback = exercise.locator('[data-role="feedback"]');
    await check(exercise);
    await expect(feedback.locator('[data-misconception="zeros"]')).toBeVisible();
    await setCode(page, exercise, HOLE);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'invalid');
    await expect(feedback).toContainText('row 0 of dW is missing (the array has a hole at index 0) — did your loop start at 1?');
    await expect(feedback.locator('[data-misconception="zeros"]')).toHaveCount(0);
    await expect(feedback).not.toContainText('Score 0 of 1');
    await expect(exercise.locator('[data-role="attempts"]')).toHaveText('1 attempt');
    expect(errors).toEqual([]);
  });

  test('when the check itself fails, that failure is the feedback and the old feedback is gone', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const exercise = await openExercise(page, 'perceptron-update');
    const feedback = exercise.locator('[data-role="feedback"]');
    await setCode(page, exercise, STRICT);
    await check(exercise);
    await expect(feedback.locator('[data-misconception="strict-inequality"]')).toBeVisible();
    // The page copies each case's arguments with structuredClone before the worker runs; breaking it breaks the check.
    await page.evaluate(() => {
      window.structuredClone = () => {
        throw new Error('structuredClone is broken for this test');
      };
    });
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'invalid');
    await expect(feedback).toContainText(/The check itself failed \(.*structuredClone is broken for this test\)/);
    await expect(feedback.locator('[data-misconception="strict-inequality"]')).toHaveCount(0);
    await expect(exercise.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
    await expect(exercise.locator('[data-role="attempts"]')).toHaveText('1 attempt');
    expect(errors).toEqual([]);
  });

  test('a choice question explains a wrong option and hints come one at a time', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-separable');
    await exercise.getByRole('button', { name: 'Show a hint' }).click();
    await expect(exercise.locator('[data-role="hints"] li')).toHaveCount(1);
    await exercise.getByRole('checkbox', { name: /^XOR:/ }).check();
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('[data-option="xor"] [data-role="option-feedback"]')).toContainText('not linearly separable');
  });

  test('the solution is shown on request only after a confirmation', async ({ page }) => {
    const exercise = await openExercise(page, 'perceptron-update');
    await exercise.getByRole('button', { name: 'Show the solution' }).click();
    await expect(exercise.locator('[data-role="solution"]')).toBeHidden();
    await exercise.getByRole('button', { name: 'Show it' }).click();
    await expect(exercise.locator('[data-role="solution"]')).toBeVisible();
    await expect(exercise.locator('[data-role="solution"]')).toContainText('lr * y');
  });

  test('progress exported to a file and imported into an empty browser is restored', async ({ page }, testInfo) => {
    const exercise = await openExercise(page, 'perceptron-separable');
    for (const option of ['AND', 'OR', 'NAND']) await exercise.getByRole('checkbox', { name: new RegExp(`^${option}:`) }).check();
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    await page.goto('/');
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = testInfo.outputPath('progress.json');
    await (await downloading).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).exercises['perceptron-separable'].solved).toBe(true);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(chapter(page, 'perceptron')).toHaveText('0 of 2 exercises solved');
    await page.locator('progress-panel input[type="file"]').setInputFiles(file);
    await expect(page.locator('progress-panel [data-role="transfer-status"]')).toContainText('Imported progress.json: 1 exercise.');
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');
    await page.reload();
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');
  });

  test('a corrupt saved entry is reported and set aside, and the page still works', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/');
    await page.evaluate((key) => {
      const good = { code: '["and","or","nand"]', attempts: 1, bestScore: 1, maxScore: 1, solved: true, updatedAt: '2025-03-01T10:00:00.000Z' };
      const doc = { format: 'neural-notebook-progress', version: 1, exercises: { 'perceptron-separable': good, 'perceptron-update': { code: 42 } }, rejected: {} };
      localStorage.setItem(key, JSON.stringify(doc));
    }, PROGRESS_KEY);
    await page.reload();
    await expect(page.locator('progress-panel')).toContainText('1 saved entry could not be read and was set aside');
    await expect(chapter(page, 'perceptron')).toHaveText('1 of 2 exercises solved');

    const exercise = await openExercise(page, 'perceptron-update');
    await expect(page.getByRole('status').filter({ hasText: '1 saved entry could not be read and was set aside' })).toBeVisible();
    await setCode(page, exercise, RIGHT);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    // The unreadable entry is kept, so an export still contains it.
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
    expect(saved.rejected['perceptron-update'].raw).toEqual({ code: 42 });
    expect(errors).toEqual([]);
  });

  test('a numeric exercise in a lesson is answered from the keyboard', async ({ page }) => {
    const exercise = await openExercise(page, 'small-network-gradient');
    const wrong = ['1', '1', '1', '1'];
    for (const [i, value] of wrong.entries()) await exercise.locator('input[data-part]').nth(i).fill(value);
    await exercise.locator('input[data-part]').last().press('Enter');
    await expect(exercise).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    await expect(exercise.locator('[data-role="feedback"]')).toContainText('0 of 4 parts right');
  });
});

test('no reference or known-wrong solution ships in the built JavaScript a page loads: the page grades from its answer key', async () => {
  const { EXERCISES } = await import('../../exercises/index.ts');
  const { builtSite, builtPagePaths } = await import('./pages.ts');
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  // The one exception is the code worker's role that computes a class student's own answer key
  // (student-key-worker.ts) and the code exercises' definitions it loads, one at a time: it runs them, so they hold
  // their solutions. Only the code worker's entry loads the role, in the role only student-key.ts starts it in, on the
  // page of a student who joined a class; never a page's markup. (The reference is in the page anyway, shown on request.)
  const names = readdirSync(join(builtSite, '_astro')).filter((name) => name.endsWith('.js'));
  const keyWorker = names.filter((name) => name.startsWith('student-key-worker'));
  expect(keyWorker).toHaveLength(1);
  const keyWorkerSource = readFileSync(join(builtSite, '_astro', keyWorker[0]), 'utf8');
  const definitions = readBundleReport(builtSite)
    .filter((entry) => entry.definition !== undefined)
    .map((entry) => entry.file.replace(/^_astro\//, ''))
    .filter((name) => keyWorkerSource.includes(`import("./${name}")`));
  expect(definitions).toHaveLength(EXERCISES.filter((exercise) => exercise.kind === 'code').length);
  // The role's code: what its file reaches that the code worker's other roles do not (the definitions, and what only they share).
  const codeWorker = names.filter((name) => /^code-worker\.[\w-]{8}\.js$/.test(name));
  expect(codeWorker).toHaveLength(1);
  const inAstro = (name: string) => join(builtSite, '_astro', name);
  const otherRoles = new Set(reachableFiles(builtSite, [inAstro(codeWorker[0])], (file) => file === inAstro(keyWorker[0])));
  const keyCode = reachableFiles(builtSite, [inAstro(keyWorker[0])]).filter((file) => !otherRoles.has(file)).map((file) => file.replace(/^.*[\\/]/, ''));
  for (const name of definitions) expect(keyCode).toContain(name);
  for (const path of builtPagePaths()) {
    const html = readFileSync(path.endsWith('/') ? join(builtSite, path, 'index.html') : join(builtSite, path), 'utf8');
    for (const name of keyCode) expect(html.includes(name), `${path} names ${name}`).toBe(false);
  }
  const starters = names.filter((name) => !keyCode.includes(name) && readFileSync(join(builtSite, '_astro', name), 'utf8').includes(keyWorker[0]));
  expect(starters.length).toBeGreaterThan(0);
  expect(starters.every((name) => name.startsWith('code-worker.')), starters.join(', ')).toBe(true);
  const sources = readdirSync('site', { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|astro)$/.test(name));
  const roleUsers = sources.filter((name) => readFileSync(join('site', name), 'utf8').includes('CODE_WORKER_ROLES.studentKey'));
  expect(roleUsers.map((name) => name.split('\\').join('/')).sort()).toEqual(['lesson/exercise/student-key.ts', 'runtime/code-worker.ts']);
  const scripts = names.filter((name) => !keyCode.includes(name)).map((name) => readFileSync(join(builtSite, '_astro', name), 'utf8'));
  // Each solution's longest line is distinctive ("return x.map((xi, i) => upstream[i] * xi * (1 - xi));").
  const longest = (source: string) => source.split('\n').map((line) => line.trim()).sort((a, b) => b.length - a.length)[0];
  for (const exercise of EXERCISES) {
    if (exercise.kind !== 'code') continue;
    for (const source of [exercise.solution, ...exercise.misconceptions.map((m) => m.solution)]) {
      const line = longest(source);
      expect(scripts.filter((script) => script.includes(line)), `${exercise.id}: ${line}`).toEqual([]);
    }
  }
});

// Chapter 6's optimizer exercises, on whichever page holds them (the practice page until the optimization lesson
// places them): each solved with its reference, and failed with one known-wrong answer whose own feedback must show.
const OPTIMIZER_STEPS: readonly { id: string; misconception: string }[] = [
  { id: 'nesterov-step', misconception: 'sutskever-velocity' },
  { id: 'rmsprop-step', misconception: 'eps-inside-sqrt' },
  { id: 'adagrad-step', misconception: 'mean-instead-of-sum' },
];

test.describe('the optimizer exercises', () => {
  for (const { id, misconception } of OPTIMIZER_STEPS) {
    test(`${id}: the reference solution passes and the ${misconception} answer earns its own feedback`, async ({ page }) => {
      const { getExercise } = await import('../../exercises/index.ts');
      const definition = getExercise(id);
      if (definition.kind !== 'code') throw new Error(`${id} must be a code exercise`);
      const exercise = await openExercise(page, id);
      await setCode(page, exercise, definition.misconceptions.find((m) => m.id === misconception)!.solution);
      await check(exercise);
      await expect(exercise).toHaveAttribute('data-status', 'failed');
      await expect(exercise.locator(`[data-role="feedback"] [data-misconception="${misconception}"]`)).toBeVisible();
      await setCode(page, exercise, definition.solution);
      await check(exercise);
      await expect(exercise).toHaveAttribute('data-status', 'passed');
      await expect(exercise.locator('[data-role="explanation"]')).toBeVisible();
    });
  }

  test('critical-learning-rate: the learner\'s right numbers pass, and 2/trace A for the critical rate earns its own feedback', async ({ page }) => {
    const { getExercise } = await import('../../exercises/index.ts');
    const { variantNumbers } = await import('../../exercises/variant.ts');
    const { formatNumbers } = await import('../../site/lesson/exercise/format-numbers.ts');
    const definition = getExercise('critical-learning-rate');
    if (definition.kind !== 'numeric') throw new Error('critical-learning-rate must be numeric');
    const seed = 4242;
    await page.goto(exercisePage('critical-learning-rate'));
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [PROGRESS_KEY, JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: {}, rejected: {}, variantSeed: seed })],
    );
    await page.reload();
    const exercise = page.locator('course-exercise[data-exercise-id="critical-learning-rate"]');
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise).toHaveAttribute('data-variant', '', { timeout: 15_000 });
    const numbers = variantNumbers(definition, seed);
    const fill = async (answer: Record<string, unknown>) => {
      for (const [part, value] of Object.entries(answer)) await exercise.getByLabel(part, { exact: true }).fill(formatNumbers(value as number));
      await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    };
    await fill(definition.misconceptions.find((m) => m.id === 'two-over-trace')!.answer(numbers));
    await expect(exercise).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    await expect(exercise.locator('[data-role="feedback"] [data-misconception="two-over-trace"]')).toContainText('converges fastest');
    await expect(exercise.locator('[data-role="feedback"]')).toContainText('3 of 4 parts right');
    await fill(definition.answer(numbers));
    await expect(exercise).toHaveAttribute('data-status', 'passed', { timeout: 10_000 });
  });
});

// Chapters 7–8's new exercises, on whichever page holds them (the practice page until the lessons place them): each
// solved with its reference or the learner's right numbers, and failed with one known-wrong answer whose own feedback
// must show.
test.describe('the regularisation and deep-network exercises', () => {
  test('early-stopping-restore: the reference passes, and restoring the last epoch earns its own feedback', async ({ page }) => {
    const { getExercise } = await import('../../exercises/index.ts');
    const definition = getExercise('early-stopping-restore');
    if (definition.kind !== 'code') throw new Error('early-stopping-restore must be a code exercise');
    const exercise = await openExercise(page, 'early-stopping-restore');
    await setCode(page, exercise, definition.misconceptions.find((m) => m.id === 'restores-last-epoch')!.solution);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('[data-role="feedback"] [data-misconception="restores-last-epoch"]')).toContainText('saved at the best epoch');
    await expect(exercise.locator('[data-role="feedback"]')).toContainText('Score 1 of 2');
    await setCode(page, exercise, definition.solution);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    await expect(exercise.locator('[data-role="explanation"]')).toBeVisible();
  });

  const SEEDED: readonly { id: string; misconception: string; says: string; partsRight: string }[] = [
    { id: 'he-init-variance', misconception: 'lecun-one-over-fan-in', says: 'halve the second moment', partsRight: '2 of 4 parts right' },
    { id: 'sigmoid-shrinkage', misconception: 'product-of-sigmoids', says: 'multiplies their', partsRight: '2 of 3 parts right' },
  ];
  for (const { id, misconception, says, partsRight } of SEEDED) {
    test(`${id}: the learner's right numbers pass, and the ${misconception} answer earns its own feedback`, async ({ page }) => {
      const { getExercise } = await import('../../exercises/index.ts');
      const { variantNumbers, formatVariantNumber } = await import('../../exercises/variant.ts');
      const { formatNumbers } = await import('../../site/lesson/exercise/format-numbers.ts');
      const definition = getExercise(id);
      if (definition.kind !== 'numeric') throw new Error(`${id} must be numeric`);
      const seed = 4242;
      await page.goto(exercisePage(id));
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key, value),
        [PROGRESS_KEY, JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: {}, rejected: {}, variantSeed: seed })],
      );
      await page.reload();
      const exercise = page.locator(`course-exercise[data-exercise-id="${id}"]`);
      await exercise.scrollIntoViewIfNeeded();
      await expect(exercise).toHaveAttribute('data-variant', '', { timeout: 15_000 });
      const numbers = variantNumbers(definition, seed);
      // The learner's numbers are in the prompt.
      for (const value of Object.values(numbers)) await expect(exercise).toContainText(formatVariantNumber(value));
      const fill = async (answer: Record<string, unknown>) => {
        for (const [part, value] of Object.entries(answer)) await exercise.getByLabel(part, { exact: true }).fill(formatNumbers(value as number));
        await exercise.getByRole('button', { name: 'Check', exact: true }).click();
      };
      await fill(definition.misconceptions.find((m) => m.id === misconception)!.answer(numbers));
      await expect(exercise).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
      await expect(exercise.locator(`[data-role="feedback"] [data-misconception="${misconception}"]`)).toContainText(says);
      await expect(exercise.locator('[data-role="feedback"]')).toContainText(partsRight);
      await fill(definition.answer(numbers));
      await expect(exercise).toHaveAttribute('data-status', 'passed', { timeout: 10_000 });
      await expect(exercise.locator('[data-role="explanation"]')).toBeVisible();
    });
  }
});
