import { test, expect, type Locator, type Page } from '@playwright/test';
import { PRESETS, defaultValues, presetById } from '../../site/lesson/backprop-stepper/presets.ts';
import { runPreset, stepCount } from '../../site/lesson/backprop-stepper/steps.ts';
import { formatNumber } from '../../site/lesson/shared/graph/number-format.ts';
import { definitionText } from '../../site/lesson/shared/graph/formula-mathml.ts';

// The backprop stepper on its lesson page, driven with the keyboard only: forward and backward through the graph,
// the chain-rule line of a named node with the engine's numbers, an edited weight changing them, and the URL
// reproducing the state. Expected numbers come from the engine here, never typed.

/** The lesson that places the four steppers. */
const PAGE = '/lessons/backprop/';

/** The stepper of a preset, scrolled to and mounted. */
async function openStepper(page: Page, presetId: string, url = PAGE): Promise<Locator> {
  await page.goto(url);
  const stepper = page.locator(`backprop-stepper#backprop-${presetId}`);
  await stepper.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => customElements.get('backprop-stepper') !== undefined);
  await expect(stepper.locator('.graph-node').first()).toBeVisible();
  return stepper;
}

/** The engine's numbers of a preset with these values: every named node's value and gradient. */
function engineNumbers(presetId: string, changes: Record<string, number> = {}) {
  const preset = presetById(presetId);
  const run = runPreset(preset, { ...defaultValues(preset), ...changes });
  const node = (label: string) => run.trace.nodes.find((n) => n.label === label)!;
  return { run, node, steps: stepCount(run) };
}

test('the page places all four presets', async ({ page }) => {
  await page.goto(PAGE);
  for (const preset of PRESETS) await expect(page.locator(`backprop-stepper#backprop-${preset.id}`)).toHaveCount(1);
});

test('keyboard only: forward fills in values, backward fills in gradients with the chain-rule line of w', async ({ page }) => {
  const stepper = await openStepper(page, 'neuron');
  const { run, node } = engineNumbers('neuron');
  const status = stepper.getByRole('status');
  // Tab into the stepper's buttons and step with the keys.
  await stepper.getByRole('button', { name: 'Reset', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(stepper.getByRole('button', { name: 'Step →' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Each forward step says how its value is made, with the numbers: wx = w · x = 0.5 × 2 = 1.
  await expect(status).toHaveText(`Forward step 1 of 4: ${definitionText(run.definitions[node('wx').id]!)}.`);
  await expect(stepper.locator('[data-current] math')).toHaveCount(1);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText(`Forward step 4 of 4: ${definitionText(run.definitions[node('L').id]!)}.`);
  await expect(status).toContainText(`= ${formatNumber(node('L').value as number)}.`);
  const loss = stepper.locator(`.graph-node[data-node="${node('L').id}"]`);
  await expect(loss).toHaveAttribute('data-state', 'current');
  await expect(loss).toHaveAttribute('aria-description', new RegExp(`value ${formatNumber(node('L').value as number)}`));

  // Backward, one gradient per step, down to w: its line shows ū · x with the engine's numbers.
  for (let i = 0; i < run.lines.length; i++) await page.keyboard.press('.');
  await expect(stepper.getByText(`Step ${run.forward.length + run.lines.length} of`)).toBeVisible();
  const wLine = stepper.locator(`[data-lines] li[data-node="${node('w').id}"]`);
  await expect(wLine).toHaveAttribute('aria-current', 'step');
  await expect(wLine).toContainText(formatNumber(node('wx').grad as number));
  await expect(wLine).toContainText(formatNumber(node('x').value as number));
  await expect(wLine).toContainText(formatNumber(node('w').grad as number));
  await expect(wLine.locator('math')).toHaveCount(1);
  await expect(status).toContainText(`= ${formatNumber(node('wx').grad as number)} × 2 = ${formatNumber(node('w').grad as number)}`);

  // Back one step: w's gradient is unknown again.
  await page.keyboard.press('ArrowLeft');
  await expect(stepper.locator(`.graph-node[data-node="${node('w').id}"]`)).toHaveAttribute('aria-description', /gradient not yet computed/);
});

test('focusing a node highlights it, its edges and its line; arrow keys move between nodes', async ({ page }) => {
  const stepper = await openStepper(page, 'neuron');
  const { node, steps } = engineNumbers('neuron');
  await stepper.getByRole('button', { name: 'All backward' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepper.getByText(`Step ${steps} of ${steps}`)).toBeVisible();
  // The graph's one tab stop is the loss; ↑ moves to the node before it in the graph's order (the target y, then ŷ).
  await stepper.locator('.graph-node[tabindex="0"]').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const focused = stepper.locator('.graph-node:focus');
  await expect(focused).toHaveAttribute('data-node', String(node('ŷ').id));
  await expect(focused).toHaveClass(/is-highlighted/);
  // ŷ's edges: from z, to L.
  await expect(stepper.locator('.graph-edge.is-linked')).toHaveCount(2);
  await expect(stepper.locator(`[data-lines] li[data-node="${node('ŷ').id}"]`)).toHaveClass(/is-highlighted/);
  // Focusing a line highlights its node.
  await stepper.locator(`[data-lines] li[data-node="${node('z').id}"]`).focus();
  await expect(stepper.locator(`.graph-node[data-node="${node('z').id}"]`)).toHaveClass(/is-highlighted/);
});

test('editing a weight recomputes every number, and the URL reproduces the state after a reload', async ({ page }) => {
  const stepper = await openStepper(page, 'neuron');
  const before = engineNumbers('neuron');
  const after = engineNumbers('neuron', { w: 1.5 });
  await stepper.getByRole('button', { name: 'All backward' }).focus();
  await page.keyboard.press('Enter');
  const wLine = stepper.locator(`[data-lines] li[data-node="${before.node('w').id}"]`);
  await expect(wLine).toContainText(formatNumber(before.node('w').grad as number));
  const field = stepper.getByLabel('w', { exact: true });
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await expect(wLine).toContainText(formatNumber(after.node('w').grad as number));
  await expect(stepper.locator(`.graph-node[data-node="${after.node('L').id}"]`)).toHaveAttribute('aria-description', new RegExp(`value ${formatNumber(after.node('L').value as number)}`));
  expect(formatNumber(after.node('w').grad as number)).not.toBe(formatNumber(before.node('w').grad as number));

  // Step back twice with the keyboard from a button, then reload the URL.
  await stepper.getByRole('button', { name: '← Back' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const back = after.steps - 2;
  await expect(stepper.getByText(`Step ${back} of ${after.steps}`)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('stepper-neuron')).toBe(`${back}*w*1.5`);
  const reopened = await openStepper(page, 'neuron', page.url());
  await expect(reopened.getByText(`Step ${back} of ${after.steps}`)).toBeVisible();
  await expect(reopened.getByLabel('w', { exact: true })).toHaveValue('1.5');
  await expect(reopened.locator(`.graph-node[data-node="${after.node('L').id}"]`)).toHaveAttribute('aria-description', new RegExp(`value ${formatNumber(after.node('L').value as number)}`));

  // The preset's numbers come back with one button, at the same step.
  await reopened.getByRole('button', { name: "Restore the preset's numbers" }).focus();
  await page.keyboard.press('Enter');
  await expect(reopened.getByLabel('w', { exact: true })).toHaveValue('0.5');
  await expect(reopened.locator(`.graph-node[data-node="${before.node('L').id}"]`)).toHaveAttribute('aria-description', new RegExp(`value ${formatNumber(before.node('L').value as number)}`));
  expect(new URL(page.url()).searchParams.get('stepper-neuron')).toBe(String(back));
});

test('two steppers on the page keep their own URL state', async ({ page }) => {
  const neuron = await openStepper(page, 'neuron');
  await neuron.getByRole('button', { name: 'All forward' }).focus();
  await page.keyboard.press('Enter');
  const mlp = page.locator('backprop-stepper#backprop-mlp-softmax');
  await mlp.scrollIntoViewIfNeeded();
  await mlp.getByRole('button', { name: 'Step →' }).focus();
  await page.keyboard.press('Enter');
  await expect(mlp.getByText(/^Step 1 of/)).toBeVisible();
  const params = new URL(page.url()).searchParams;
  expect(params.get('stepper-neuron')).toBe('4');
  expect(params.get('stepper-mlp-softmax')).toBe('1');
});

test('every preset steps to the end with every gradient filled in as the engine computed it', async ({ page }) => {
  await page.goto(PAGE);
  for (const preset of PRESETS) {
    const stepper = await openStepper(page, preset.id, page.url());
    const { run, steps } = engineNumbers(preset.id);
    await stepper.getByRole('button', { name: 'All backward' }).focus();
    await page.keyboard.press('Enter');
    await expect(stepper.getByText(`Step ${steps} of ${steps}`)).toBeVisible();
    await expect(stepper.locator('[data-lines] li')).toHaveCount(run.lines.length);
    const last = run.lines[run.lines.length - 1];
    const grad = typeof last.grad === 'number' ? last.grad : (last.grad as (number | number[])[]).flat()[0];
    await expect(stepper.locator(`[data-lines] li[data-node="${last.node}"]`)).toContainText(formatNumber(Math.abs(grad)));
  }
});
