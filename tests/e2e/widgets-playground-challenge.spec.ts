import { test, expect, type Page } from '@playwright/test';
import { openPlaygroundAt } from './pages.ts';
import AxeBuilder from '@axe-core/playwright';

// Values on hover on the Playground's loss curves and picture, and a graded challenge: its card in lesson 3, its link
// (to /playground/, whose Playground reads the same parameters as lesson 3's, used here), the goal panel, meeting it,
// and the progress, the card and the exercises page recording it.

const LESSON = '/lessons/mlp/';

const numberAttribute = async (widget: ReturnType<Page['locator']>, name: string) => Number(await widget.getAttribute(name));

test('the loss curves read out the nearest epoch on hover and by keyboard', async ({ page }) => {
  // At 100 epochs a second the curves keep a point for every epoch, so End is the epoch training stopped at.
  const widget = await openPlaygroundAt(page, 'playground=speed:100');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => numberAttribute(widget, 'data-epoch'), { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
  await widget.getByRole('button', { name: 'Pause' }).click();
  // The worker may finish the slice it was training when Pause arrived: wait for its first frame sent while stopped.
  await expect(widget).toHaveAttribute('data-running', 'false');
  const epoch = await numberAttribute(widget, 'data-epoch');
  const chart = widget.locator('.pg-loss');
  const readout = widget.locator(`#${await chart.getAttribute('aria-describedby')}`);
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(readout).toHaveText(/^epoch (\d+): train \d+\.\d{3}, test \d+\.\d{3}$/);
  const hovered = Number(/^epoch (\d+)/.exec((await readout.textContent())!)![1]);
  expect(Math.abs(hovered - epoch / 2)).toBeLessThanOrEqual(Math.max(2, epoch * 0.05));
  // Keyboard: focus, Home, End and the arrows; the reading also goes to a polite status for a screen reader.
  await page.mouse.move(0, 0);
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(readout).toHaveText(/^epoch 0: train /);
  await expect(widget.getByRole('status').filter({ hasText: /^epoch 0: train / })).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveText(/^epoch 1: train /);
  await page.keyboard.press('End');
  // End is the epoch training stopped at.
  await expect(readout).toHaveText(new RegExp(`^epoch ${epoch}: train ${Number(await widget.getAttribute('data-train-loss')).toFixed(3)}, test ${Number(await widget.getAttribute('data-test-loss')).toFixed(3)}$`));
});

test('the picture reads out the network\'s output at a point on hover and by keyboard: two classes, three, regression', async ({ page }) => {
  const widget = await openPlaygroundAt(page, 'playground=data:xor');
  const picture = widget.locator('.pg-picture');
  const readout = widget.locator(`#${await picture.getAttribute('aria-describedby')}`);
  const box = (await picture.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const point = /^\((−?\d+\.\d\d), (−?\d+\.\d\d)\): P\(class 1\) = (0\.\d{3}|1\.000), P\(class 0\) = (0\.\d{3}|1\.000)$/;
  const read = async () => {
    const match = point.exec((await readout.textContent())!)!;
    return match.slice(1).map((text) => Number(text.replace('−', '-')));
  };
  await expect(readout).toHaveText(point);
  const [, , p1, p0] = await read();
  expect(Math.abs(p1 + p0 - 1)).toBeLessThanOrEqual(0.0011);
  // By keyboard: the first arrow puts the point at the centre, the next ones move it by a twentieth of the picture.
  await page.mouse.move(0, 0);
  await picture.focus();
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveText(point);
  const [x, y] = await read();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  // Each key's reading arrives on its own: wait for the one after both keys.
  await expect.poll(async () => {
    const [x2, y2] = await read();
    return x2 > x && y2 > y;
  }).toBe(true);
  // The reading follows training.
  const before = await readout.textContent();
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  await expect(readout).not.toHaveText(before!);

  const three = await openPlaygroundAt(page, 'playground=data:spiral,classes:3');
  const spiralPicture = three.locator('.pg-picture');
  const spiralBox = (await spiralPicture.boundingBox())!;
  await page.mouse.move(spiralBox.x + spiralBox.width * 0.3, spiralBox.y + spiralBox.height * 0.6);
  await expect(three.locator(`#${await spiralPicture.getAttribute('aria-describedby')}`)).toHaveText(
    /^\(−?\d\.\d\d, −?\d\.\d\d\): P\(class 0\) = 0\.\d{3}, P\(class 1\) = 0\.\d{3}, P\(class 2\) = 0\.\d{3}$/,
  );

  const regression = await openPlaygroundAt(page, 'playground=data:regression');
  const curve = regression.locator('.pg-picture');
  const curveBox = (await curve.boundingBox())!;
  await page.mouse.move(curveBox.x + curveBox.width * 0.25, curveBox.y + curveBox.height * 0.5);
  await expect(regression.locator(`#${await curve.getAttribute('aria-describedby')}`)).toHaveText(/^x = −?\d+\.\d\d: output −?\d+\.\d{3}$/);
});

test('a challenge: its card links with the goal, the panel ticks the conditions, training meets it, and progress, card and exercises page show it met', async ({ page }) => {
  await page.goto(LESSON);
  const card = page.locator('nn-challenge#challenge-xor-linear');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('heading', { name: 'Challenge: Solve XOR with a linear model' })).toBeVisible();
  await expect(card.locator('.challenge-conditions li')).toHaveText(['test accuracy at least 95%', 'no hidden units (a linear model)', 'on the XOR data']);
  const link = card.getByRole('link', { name: /Open the challenge in the Playground/ });
  const href = (await link.getAttribute('href'))!;
  const url = new URL(href, 'http://x');
  expect(url.pathname).toBe('/playground/');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    playground: 'data:xor,layers:',
    challenge: 'xor-linear',
    goal: 'acc:0.95,units:0,data:xor',
    'challenge-title': 'Solve XOR with a linear model',
  });
  await expect(card.locator('[data-challenge-met]')).toHaveText('Not met yet');

  // The preset alone: a linear model on x₁ and x₂ cannot reach 95%; the panel says which conditions hold.
  const widget = await openPlaygroundAt(page, url.search.slice(1));
  const panel = widget.getByRole('region', { name: 'Challenge: Solve XOR with a linear model' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('li')).toHaveCount(3);
  await expect(panel.locator('li[data-key="testAccuracy"]')).toHaveAttribute('data-met', 'false');
  await expect(panel.locator('li[data-key="hiddenUnits"]')).toHaveAttribute('data-met', 'true');
  await expect(panel.locator('li[data-key="data"]')).toHaveAttribute('data-met', 'true');

  // On the card's own page, /playground/, the student ticks the product feature x₁x₂ as an input, and training meets it.
  await page.goto(href);
  const solving = page.locator('nn-playground');
  await expect(solving).toHaveAttribute('data-frames', /\d+/, { timeout: 30_000 });
  await expect(solving.getByRole('region', { name: 'Challenge: Solve XOR with a linear model' })).toBeVisible();
  await solving.getByRole('checkbox', { name: 'x₁x₂' }).check();
  await solving.getByLabel('Speed').selectOption('max');
  await solving.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(solving).toHaveAttribute('data-challenge-met', 'xor-linear', { timeout: 30_000 });
  await expect(solving.locator('.pg-goal-result')).toHaveText(/^Challenge met at epoch \d+: every condition held on the same frame\. It is saved with your exercise progress\.$/);
  await expect(solving.locator('.pg-goal li[data-met="true"]')).toHaveCount(3);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('neural-notebook:progress')!));
  expect(saved.challenges['xor-linear']).toMatchObject({ met: true, goal: 'acc:0.95,units:0,data:xor' });

  // A bigger network breaks "no hidden units": the panel shows it, and the challenge stays met in progress.
  await solving.getByLabel('Hidden layers', { exact: true }).fill('1');
  await solving.getByLabel('Hidden layers', { exact: true }).press('Enter');
  await expect(solving.locator('.pg-goal li[data-key="hiddenUnits"]')).toHaveAttribute('data-met', 'false');

  await page.goto(LESSON);
  const metCard = page.locator('nn-challenge#challenge-xor-linear');
  await metCard.scrollIntoViewIfNeeded();
  await expect(metCard.locator('[data-challenge-met]')).toHaveText('Met');
  await expect(page.locator('nn-challenge#challenge-spiral-small [data-challenge-met]')).toHaveText('Not met yet');

  await page.goto('/practice/');
  const list = page.getByRole('list', { name: 'Challenges' }).first();
  await expect(list.locator('[data-practice-challenge="xor-linear"] [data-challenge-met]')).toHaveText('Met');
  await expect(list.locator('[data-practice-challenge="spiral-small"] [data-challenge-met]')).toHaveText('Not met yet');
  await expect(list.getByRole('link', { name: 'Solve XOR with a linear model' })).toHaveAttribute('href', '/lessons/mlp/#challenge-xor-linear-title');
});

test('a garbled challenge link says what is wrong, records nothing, and the playground still trains', async ({ page }) => {
  const widget = await openPlaygroundAt(page, 'playground=data:xor&challenge=xor-linear&goal=acc:2,units:many');
  const panel = widget.getByRole('region', { name: 'Challenge link not readable' });
  await expect(panel).toContainText('acc:2 must be a number from 0 to 1');
  await expect(panel).toContainText('units:many must be a whole number from 0 to 96');
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect(widget).toHaveAttribute('data-epoch', '1');
  expect(await page.evaluate(() => localStorage.getItem('neural-notebook:progress'))).toBeNull();
});

test('a corrupt saved challenge is set aside, and the cards still show', async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(() =>
    localStorage.setItem('neural-notebook:progress', JSON.stringify({ format: 'neural-notebook-progress', version: 1, exercises: {}, rejected: {}, challenges: { 'xor-linear': { met: 'yes' } } })),
  );
  await page.reload();
  const card = page.locator('nn-challenge#challenge-xor-linear');
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('[data-challenge-met]')).toHaveText('Not met yet');
  await expect(card.locator('[data-challenge-met]')).toHaveAttribute('data-met', 'false');
});

test('the goal panel, the readouts and a met challenge\'s card have no axe violation, in light and dark mode', async ({ page }) => {
  test.setTimeout(120_000);
  for (const theme of ['light', 'dark'] as const) {
    await page.addInitScript((saved) => localStorage.setItem('theme', saved), theme);
    const widget = await openPlaygroundAt(page, 'playground=data:xor,layers:,in:x1-x2-x1x2,speed:max&challenge=xor-linear&goal=acc:0.95,units:0,data:xor');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget).toHaveAttribute('data-challenge-met', 'xor-linear', { timeout: 30_000 });
    await widget.getByRole('button', { name: 'Pause' }).click();
    await widget.locator('.pg-picture').hover();
    await expect(widget).toHaveAttribute('data-map-probe', /P\(class 1\)/);
    await widget.locator('.pg-loss').focus();
    await page.keyboard.press('End');
    const results = await new AxeBuilder({ page }).include('nn-playground').analyze();
    expect(results.violations.map((violation) => `${theme} ${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
    await page.goto(LESSON);
    const card = page.locator('nn-challenge#challenge-xor-linear');
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('[data-challenge-met]')).toHaveText('Met');
    const cards = await new AxeBuilder({ page }).include('nn-challenge').analyze();
    expect(cards.violations.map((violation) => `${theme} card ${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
  }
});
