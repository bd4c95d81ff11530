import { readFileSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { publicSalt } from '../../exercises/cases.ts';
import { getExercise, type CodeExercise, type NumericExercise } from '../../exercises/index.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';
import { prepareCases } from '../../exercises/prepare-cases.ts';
import { formatVariantNumber, variantNumbers } from '../../exercises/variant.ts';
import { formatNumbers } from '../../site/lesson/exercise/format-numbers.ts';
import { readBundleReport } from '../../scripts/page-javascript.ts';
import { builtSite, check, exerciseWhen, joinClass, setCode, shownVariantNumbers } from './pages.ts';

// Two students of one class, each in their own browser: they join on the home page, then on the backprop chapter see
// their own numbers in the seeded numeric exercise and their own visible case in a code exercise; the second typing
// the first's right numbers is told they are wrong; the identity survives a reload and travels with the export.
const COURSE = 'nn-2027-spring';
const PAGE = '/lessons/backprop/';
const numericFound = getExercise('two-two-one-by-hand');
const codeFound = getExercise('sigmoid-backward');
if (numericFound.kind !== 'numeric' || codeFound.kind !== 'code') throw new Error('two-two-one-by-hand must be numeric and sigmoid-backward code');
const numeric: NumericExercise = numericFound;
const code: CodeExercise = codeFound;
/** Wrong for every case: the upstream gradient passed on without the sigmoid's derivative. */
const WRONG = 'function sigmoidBackward(x: number[], upstream: number[]): number[] {\n  return upstream.map((u) => u);\n}';

/** Opens a fresh browser of its own, joins the class on the home page, and returns the page. */
async function joinAs(browser: Browser, id: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await joinClass(page, COURSE, id);
  return page;
}

/** Checks a wrong answer to the code exercise and returns the visible case's arguments its feedback shows. */
async function visibleCase(page: Page): Promise<string> {
  const element = page.locator(`course-exercise[data-exercise-id="${code.id}"]`);
  await element.scrollIntoViewIfNeeded();
  await expect(element).toHaveAttribute('data-ready', '', { timeout: 15_000 });
  await setCode(page, element, WRONG);
  await check(element);
  await expect(element).toHaveAttribute('data-status', 'failed');
  // Graded on the student's own cases, computed in the page's key worker.
  await expect(element).toHaveAttribute('data-own-cases', '');
  const details = element.locator('details', { hasText: 'The visible case’s arguments' });
  await details.locator('summary').click();
  return (await details.locator('pre').textContent()) ?? '';
}

/** The arguments of a class student's visible case, as the feedback prints them. */
function expectedVisibleCase(seed: number): string {
  const [first] = prepareCases(code, { salt: publicSalt(seed), visibleCases: 1 });
  return first.calls[0].args.map((arg) => JSON.stringify(arg)).join('\n');
}

test('two students of a class get their own numbers and cases; a neighbour\'s numbers fail; the identity stays and is exported', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const alice = await joinAs(browser, 's001');
  const bob = await joinAs(browser, 's002');
  const seeds = { alice: learnerSeedFor(COURSE, 's001'), bob: learnerSeedFor(COURSE, 's002') };

  // Their own numbers in the seeded numeric exercise: the ones their identity fixes, different from each other's.
  await alice.goto(PAGE);
  await bob.goto(PAGE);
  const aliceNumeric = await exerciseWhen(alice, numeric.id, 'data-variant');
  const bobNumeric = await exerciseWhen(bob, numeric.id, 'data-variant');
  const aliceNumbers = await shownVariantNumbers(aliceNumeric);
  const expected = (seed: number) => Object.fromEntries(Object.entries(variantNumbers(numeric, seed)).map(([name, value]) => [name, formatVariantNumber(value)]));
  expect(aliceNumbers).toEqual(expected(seeds.alice));
  expect(await shownVariantNumbers(bobNumeric)).toEqual(expected(seeds.bob));
  expect(aliceNumbers).not.toEqual(await shownVariantNumbers(bobNumeric));

  // Alice solves it; Bob types in her numbers and is told they are wrong.
  const aliceAnswer = numeric.answer(variantNumbers(numeric, seeds.alice));
  for (const [element, page] of [[aliceNumeric, alice], [bobNumeric, bob]] as const) {
    for (const [part, value] of Object.entries(aliceAnswer)) await element.getByLabel(part, { exact: true }).fill(formatNumbers(value));
    await element.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(element).toHaveAttribute('data-status', page === alice ? 'passed' : 'failed', { timeout: 10_000 });
  }
  await expect(bobNumeric.locator('[data-role="feedback"] .ex-verdict')).toHaveText(/^Not yet: [0-5] of 6 parts right/);

  // Their own visible case in a code exercise: the public cases of their seed, not the page's built-in ones.
  const aliceCase = await visibleCase(alice);
  const bobCase = await visibleCase(bob);
  expect(aliceCase).toBe(expectedVisibleCase(seeds.alice));
  expect(bobCase).toBe(expectedVisibleCase(seeds.bob));
  expect(aliceCase).not.toBe(bobCase);

  // A reload keeps the identity, and the export carries it.
  await alice.goto('/');
  await alice.reload();
  await expect(alice.locator('progress-panel').getByText(`Course ${COURSE} · student s001`)).toBeVisible();
  const downloading = alice.waitForEvent('download');
  await alice.getByRole('button', { name: 'Export progress' }).click();
  const file = testInfo.outputPath('progress.json');
  await (await downloading).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.student).toEqual({ course: COURSE, id: 's001' });
  expect(exported.variantSeed).toBe(seeds.alice);
  expect(exported.exercises[numeric.id].solved).toBe(true);
});

test('a class student\'s page loads the definitions of the exercises it is asked about and no other, its key worker\'s included', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await joinAs(browser, 's003');
  // Every script the page and its workers fetch (a dedicated worker's requests are the page's).
  const fetched = new Set<string>();
  page.on('request', (request) => void fetched.add(new URL(request.url()).pathname.replace(/^\//, '')));
  await page.goto(PAGE);
  await exerciseWhen(page, numeric.id, 'data-variant');
  await visibleCase(page);
  const definitions = readBundleReport(builtSite).filter((entry) => entry.definition !== undefined && fetched.has(entry.file));
  // The seeded exercise's arithmetic in the page, the code exercise's definition in the key worker.
  expect(definitions.map((entry) => entry.definition).sort()).toEqual([code.id, `${numeric.id}-arithmetic`]);
});

test('a course code or student id that is not valid is refused with the reason, and changing it warns that the numbers change', async ({ page }) => {
  await page.goto('/');
  const panel = page.locator('progress-panel');
  await panel.getByLabel('Course code').fill('   ');
  await panel.getByLabel('Student id').fill('s001');
  await panel.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(panel.getByRole('alert')).toHaveText('The course code must be non-empty text.');
  await expect(panel.getByLabel('Course code')).toBeFocused();
  await expect(panel.getByLabel('Course code')).toHaveAttribute('aria-invalid', 'true');
  await panel.getByLabel('Course code').fill(COURSE);
  // Pressing Enter in a field submits, as any form.
  await panel.getByLabel('Student id').press('Enter');
  await expect(panel.getByText(`Course ${COURSE} · student s001`)).toBeVisible();

  await panel.getByRole('button', { name: 'Change course code or student id' }).click();
  await expect(panel.getByText(/changes the numbers of the exercises that give each student their own/)).toBeVisible();
  await expect(panel.getByLabel('Course code')).toHaveValue(COURSE);
  await panel.getByLabel('Student id').fill('s002');
  await panel.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(panel.getByText(`Course ${COURSE} · student s002`)).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('neural-notebook:progress') ?? '{}'));
  expect(saved.student).toEqual({ course: COURSE, id: 's002' });
  expect(saved.variantSeed).toBe(learnerSeedFor(COURSE, 's002'));
});
