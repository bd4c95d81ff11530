import { test, expect, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { getExercise } from '../../exercises/index.ts';
import type { CodeExercise, NumericExercise } from '../../exercises/define-exercise.ts';
import { formatNumbers } from '../../site/lesson/exercise/format-numbers.ts';
import { nodeName } from '../../exercises/exercise-graph.ts';
import { checkCode, openExercise } from './pages.ts';

// A wrong gradient drawn on the exercise's computation graph: the first node, going backward from the
// loss, where the student's gradients part from autograd's is the red one.


const mlp = getExercise('mlp-backward') as CodeExercise;
const smallNetwork = getExercise('small-network-gradient') as NumericExercise;
const FORGOT_RELU = mlp.misconceptions.find((m) => m.id === 'forgot-relu-derivative')!.solution;
// A slip no misconception describes: dW2 three times too large, everything else right.
const DW2_TIMES_THREE = mlp.solution.replace('dW2, db2 };', 'dW2: dW2.map((row) => row.map((v) => 3 * v)), db2 };');



const node = (exercise: Locator, label: string) => exercise.locator(`.ex-graph-node[data-node="${nodeName(label)}"]`);

test.describe('the student’s gradients on the graph', () => {
  test('a forgotten ReLU derivative turns z₁ red, with the second layer right', async ({ page }) => {
    const exercise = await openExercise(page, 'mlp-backward');
    expect(DW2_TIMES_THREE).not.toBe(mlp.solution);
    await checkCode(page, exercise, FORGOT_RELU);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    const graph = exercise.locator('.ex-graph');
    await expect(graph.getByRole('heading', { name: 'Your gradients on the computation graph' })).toBeVisible();
    await expect(graph).toHaveAttribute('data-first', 'z₁');
    await expect(exercise.locator('.ex-graph-node[data-state="first-difference"]')).toHaveCount(1);
    await expect(node(exercise, 'z1')).toHaveAttribute('data-state', 'first-difference');
    for (const label of ['W2', 'b2']) await expect(node(exercise, label)).toHaveAttribute('data-state', 'agrees');
    for (const label of ['W1', 'b1']) await expect(node(exercise, label)).toHaveAttribute('data-state', 'differs');
    await expect(graph.locator('.ex-graph-summary')).toHaveText(
      'Your dW2 and db2 agree with autograd’s, so everything from the loss down to z₂ is right; the difference enters at z₁, where your answer behaves like the slip described above.',
    );
    // The drawing: z₁ is the one red node, it holds the tab stop, and the arrow keys move to its neighbours.
    const red = graph.locator('.graph-node[data-state="first-difference"]');
    await expect(red).toHaveCount(1);
    await expect(red).toHaveAttribute('aria-description', /^z₁\[\d\]\[\d\], linear \d×\d, .*first difference/);
    await expect(red).toHaveAttribute('tabindex', '0');
    await page.mouse.move(0, 0);
    await red.focus();
    await expect(red).toHaveClass(/is-highlighted/);
    await expect(node(exercise, 'z1')).toHaveClass(/is-highlighted/);
    await page.keyboard.press('ArrowRight');
    await expect(graph.locator('.graph-node:focus')).toHaveAttribute('aria-description', /^h\[\d\]\[\d\], ReLU/);
    await expect(graph.locator('.graph-node[tabindex="0"]')).toHaveCount(1);
    // Enter on a node shows how autograd makes its gradient; back on z₁, its line goes through the ReLU: z̄₁ = h̄ ⊙ [z₁ > 0].
    await page.keyboard.press('Enter');
    await expect(graph.locator('.ex-graph-line-title')).toHaveText('How autograd makes ∂L/∂h:');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press(' ');
    await expect(graph.locator('.ex-graph-line-title')).toHaveText('How autograd makes ∂L/∂z₁, where yours first parts from it:');
    await expect(graph.locator('.ex-graph-line math').first()).toContainText('⊙');
  });

  test('a wrong answer no misconception describes (dW2 three times too large) is placed at W₂', async ({ page }) => {
    const exercise = await openExercise(page, 'mlp-backward');
    await checkCode(page, exercise, DW2_TIMES_THREE);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('.ex-diagnosis')).toHaveCount(0);
    await expect(exercise.locator('.ex-graph')).toHaveAttribute('data-first', 'W₂');
    await expect(node(exercise, 'W2')).toHaveAttribute('data-state', 'first-difference');
    for (const label of ['z2', 'h', 'z1', 'L']) await expect(node(exercise, label)).toHaveAttribute('data-state', 'inferred');
    await expect(exercise.locator('.ex-graph-summary')).toContainText(
      'Your dW1, db1 and db2 agree with autograd’s, so everything from the loss down to z₂ is right; going backward from the loss, your dW2 is the first gradient that differs, at W₂ (dW2[',
    );
    await expect(exercise.locator('.graph-node[data-state="first-difference"]')).toHaveAttribute('aria-description', /^W₂\[\d\]\[\d\], param \d×\d, value -?[\d.e−-]+, gradient -?[\d.e−-]+, your gradient -?[\d.e−-]+, first difference/);
    await expect(node(exercise, 'W2')).toContainText(/your dW2 differs most at dW2\[\d\]\[\d\]: -?[\d.e-]+, autograd’s -?[\d.e-]+; first difference\./);
  });

  test('at 360 px the graph scrolls, says so, and shows its red node', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const exercise = await openExercise(page, 'mlp-backward');
    await checkCode(page, exercise, FORGOT_RELU);
    const drawing = exercise.locator('.ex-graph-drawing');
    await expect(exercise.locator('.ex-graph-scroll-note')).toBeVisible();
    const red = drawing.locator('.graph-node[data-state="first-difference"]');
    // Scroll the page only (never the drawing itself), so what is checked is where the graph put its red node.
    await drawing.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
    const [box, node] = [await drawing.boundingBox(), await red.boundingBox()];
    expect(node!.x).toBeGreaterThanOrEqual(box!.x - 1);
    expect(node!.x + node!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('a forgotten σ′ turns the graph red exactly at the sigmoid’s input, below the upstream gradient it was given', async ({ page }) => {
    const exercise = await openExercise(page, 'sigmoid-backward');
    await checkCode(page, exercise, 'function sigmoidBackward(x: number[], upstream: number[]): number[] {\n  return upstream;\n}');
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('.ex-graph')).toHaveAttribute('data-first', 'x');
    await expect(node(exercise, 's')).toHaveAttribute('data-state', 'inferred');
    await expect(exercise.locator('.graph-node[data-state="first-difference"]')).toHaveAttribute('aria-description', /^x\[\d\], param \d numbers, /);
    await expect(exercise.locator('.ex-graph-line-title')).toHaveText('How autograd makes ∂L/∂x, where yours first parts from it:');
  });

  test('a right answer shows no graph', async ({ page }) => {
    const exercise = await openExercise(page, 'mlp-backward');
    await checkCode(page, exercise, FORGOT_RELU);
    await expect(exercise.locator('.ex-graph')).toHaveCount(1);
    await checkCode(page, exercise, mlp.solution);
    await expect(exercise).toHaveAttribute('data-status', 'passed');
    await expect(exercise.locator('.ex-graph')).toHaveCount(0);
  });

  test('typed by hand: skipping w₂ turns h red, and an optional ∂L/∂ŷ is compared too', async ({ page }) => {
    const exercise = await openExercise(page, 'small-network-gradient');
    const answer = smallNetwork.misconceptions.find((m) => m.id === 'skipped-w2')!.answer();
    for (const part of smallNetwork.parts) await exercise.locator(`input[data-part="${part.name}"]`).fill(formatNumbers(answer[part.name]));
    const dyhat = exercise.getByLabel('dyhat = ∂L/∂ŷ');
    await dyhat.fill(formatNumbers(smallNetwork.answer().db2));
    await dyhat.press('Enter');
    await expect(exercise).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    await expect(exercise.locator('.ex-graph')).toHaveAttribute('data-first', 'h');
    await expect(node(exercise, 'yhat')).toHaveAttribute('data-state', 'agrees');
  });

  test('value-backward: a tanh rule without its derivative turns a, the last tanh’s input, red', async ({ page }) => {
    const value = getExercise('value-backward') as CodeExercise;
    const exercise = await openExercise(page, 'value-backward');
    await checkCode(page, exercise, value.misconceptions.find((m) => m.id === 'forgot-tanh-derivative')!.solution);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('.ex-graph')).toHaveAttribute('data-first', 'a');
    for (const label of ['x1', 'x2']) await expect(node(exercise, label)).toHaveAttribute('data-state', 'differs');
  });

  test('gradient-check: a forward difference is drawn at w beside autograd’s gradient', async ({ page }) => {
    const check = getExercise('gradient-check') as CodeExercise;
    const exercise = await openExercise(page, 'gradient-check');
    await checkCode(page, exercise, check.misconceptions[0].solution);
    await expect(exercise).toHaveAttribute('data-status', 'failed');
    await expect(exercise.locator('.ex-graph')).toHaveAttribute('data-first', 'w');
    await expect(node(exercise, 'w')).toHaveAttribute('data-state', 'first-difference');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the graph under the feedback is axe clean in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const exercise = await openExercise(page, 'mlp-backward');
      await checkCode(page, exercise, FORGOT_RELU);
      await expect(exercise.locator('.ex-graph')).toBeVisible();
      // A second node's line (not the red one), the words and the numbers opened: everything the graph can show.
      await exercise.locator('.graph-node[data-state="first-difference"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect(exercise.locator('.ex-graph-line-title')).toHaveText('How autograd makes ∂L/∂h:');
      for (const summary of await exercise.locator('.ex-graph summary').all()) await summary.click();
      const results = await new AxeBuilder({ page })
        .include('course-exercise[data-exercise-id="mlp-backward"] .ex-feedback')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
