import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Browser } from '@playwright/test';
import { getExercise, maxScoreOf, type CodeExercise, type NumericExercise } from '../../exercises/index.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';
import { variantNumbers } from '../../exercises/variant.ts';
import { formatNumbers } from '../../site/lesson/exercise/format-numbers.ts';
import { parseCsv } from '../scripts/rfc4180.ts';
import { check, exerciseWhen, joinClass, setCode } from './pages.ts';

// An instructor's class, end to end: ten students answer two exercises of the backprop chapter in Chromium, each in
// their own browser with the course code and their id (some right, some with known mistakes, one copying a neighbour's
// numbers), and export their progress; one export is tampered with. `npm run grade -- --report` grades the folder;
// the gradebook CSV is read back as a spreadsheet would, the tampered claim is flagged, and the misconception report
// is opened in the browser and photographed.

const COURSE = 'nn-e2e-class';
const PAGE = '/lessons/backprop/';
const codeFound = getExercise('sigmoid-backward');
const numericFound = getExercise('two-two-one-by-hand');
if (codeFound.kind !== 'code' || numericFound.kind !== 'numeric') throw new Error('sigmoid-backward must be code and two-two-one-by-hand numeric');
const code: CodeExercise = codeFound;
const numeric: NumericExercise = numericFound;
const wrong = (id: string) => code.misconceptions.find((m) => m.id === id)!.solution!;

/** What one student does: the code answers they check in order, and whose numbers they type into the numeric exercise. */
interface Student {
  id: string;
  answers: string[];
  numbersOf?: string;
}

const CLASS: Student[] = [
  { id: 's01', answers: [code.solution], numbersOf: 's01' },
  { id: 's02', answers: [code.solution], numbersOf: 's02' },
  { id: 's03', answers: [wrong('forgot-upstream'), code.solution], numbersOf: 's03' },
  { id: 's04', answers: [wrong('forgot-upstream')] },
  { id: 's05', answers: [wrong('forgot-upstream'), wrong('sigmoid-not-derivative')] },
  { id: 's06', answers: [wrong('derivative-at-x'), code.solution] },
  { id: 's07', answers: [code.solution], numbersOf: 's01' },
  { id: 's08', answers: [wrong('sigmoid-not-derivative')] },
  { id: 's09', answers: [code.solution] },
  { id: 's10', answers: [code.solution], numbersOf: 's10' },
];
/** The student who edits their export to claim full marks for an exercise they failed. */
const TAMPERER = 's08';

/** One student's session: join the class, answer, export; returns the export's path. */
async function studentExports(browser: Browser, student: Student, folder: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await joinClass(page, COURSE, student.id);

  await page.goto(PAGE);
  const exercise = await exerciseWhen(page, code.id, 'data-ready');
  for (const answer of student.answers) {
    await setCode(page, exercise, answer);
    await check(exercise);
    await expect(exercise).toHaveAttribute('data-status', answer === code.solution ? 'passed' : 'failed');
  }
  if (student.numbersOf !== undefined) {
    const element = await exerciseWhen(page, numeric.id, 'data-variant');
    const answer = numeric.answer(variantNumbers(numeric, learnerSeedFor(COURSE, student.numbersOf)));
    for (const [part, value] of Object.entries(answer)) await element.getByLabel(part, { exact: true }).fill(formatNumbers(value));
    await element.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(element).toHaveAttribute('data-status', student.numbersOf === student.id ? 'passed' : 'failed', { timeout: 10_000 });
  }

  // The progress panel, with its export, is on the home page.
  await page.goto('/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = join(folder, `${student.id}.json`);
  await (await downloading).saveAs(file);
  await context.close();
  return file;
}

test('ten students export from the site; the grader grades the folder, the gradebook reads back, the tampered claim is flagged, and the report shows the class mistakes', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const folder = testInfo.outputPath('class');
  const out = testInfo.outputPath('grades');
  mkdirSync(folder, { recursive: true });
  // Two students at a time, as two browsers on the machine's two cores.
  for (let k = 0; k < CLASS.length; k += 2) await Promise.all(CLASS.slice(k, k + 2).map((student) => studentExports(browser, student, folder)));

  // The tamperer claims full marks for the exercise they failed.
  const tamperedFile = join(folder, `${TAMPERER}.json`);
  const tampered = JSON.parse(readFileSync(tamperedFile, 'utf8'));
  expect(tampered.student).toEqual({ course: COURSE, id: TAMPERER });
  const entry = tampered.exercises[code.id];
  expect(entry.solved).toBe(false);
  Object.assign(entry, { bestScore: entry.maxScore, solved: true });
  writeFileSync(tamperedFile, JSON.stringify(tampered));

  const root = resolve('.');
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['scripts/grade.ts', '--salt', 'e2e-class', '--report', '--out', out, folder], {
    cwd: root,
    timeout: 180_000,
  });
  expect(stdout).toContain('report.html');

  // The gradebook, read as a spreadsheet imports it: a header, the points possible, a row per student.
  const [header, possible, ...rows] = parseCsv(readFileSync(join(out, 'gradebook.csv'), 'utf8'));
  expect(possible[0]).toBe('Points Possible');
  const column = (name: string) => header.indexOf(name);
  expect(rows.map((row) => row[column('student')])).toEqual(CLASS.map((s) => s.id));
  const codeMax = maxScoreOf(code);
  const numericMax = maxScoreOf(numeric);
  expect(Number(possible[column(code.id)])).toBe(codeMax);
  for (const [k, student] of CLASS.entries()) {
    const row = rows[k];
    expect(row[column('course')]).toBe(COURSE);
    const solvedCode = student.answers.includes(code.solution);
    expect(Number(row[column(code.id)]), `${student.id}'s ${code.id}`).toBe(solvedCode ? codeMax : 0);
    const ownNumbers = student.numbersOf === student.id;
    const numericCell = row[column(numeric.id)];
    if (student.numbersOf === undefined) expect(numericCell).toBe('');
    else if (ownNumbers) expect(Number(numericCell)).toBe(numericMax);
    else expect(Number(numericCell)).toBeLessThan(numericMax);
    const total = header.slice(column('file') + 1, column('total')).reduce((sum, _, j) => sum + Number(row[column('file') + 1 + j] || 0), 0);
    expect(Number(row[column('total')])).toBeCloseTo(total, 6);
    // Only the tampered export carries a flag.
    if (student.id === TAMPERER) expect(row[column('notes')]).toMatch(new RegExp(`${code.id}: claimed ${codeMax}/${codeMax}, re-graded 0/${codeMax}`));
    else expect(row[column('notes')], student.id).not.toContain('claimed');
  }

  // The report's numbers: who attempted and solved the exercise, and how often each mistake was recognised.
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const line = report.exercises.find((e: { id: string }) => e.id === code.id);
  expect(line.attempted).toBe(10);
  expect(line.solved).toBe(CLASS.filter((s) => s.answers.includes(code.solution)).length);
  const share = (id: string) => line.misconceptions.find((m: { id: string }) => m.id === id)?.share;
  expect(share('forgot-upstream')).toBeCloseTo(3 / 10, 9);
  expect(share('sigmoid-not-derivative')).toBeCloseTo(2 / 10, 9);
  expect(share('derivative-at-x')).toBeCloseTo(1 / 10, 9);

  // The report in the browser: the exercise's section says "30%" beside the forgotten upstream gradient.
  const page = await browser.newPage();
  await page.goto(`file://${join(out, 'report.html')}`);
  const section = page.locator(`section[aria-labelledby="ex-${code.id}"]`);
  await expect(section).toContainText(`7 of 10 who attempted it solved it`);
  await expect(section.getByRole('row').filter({ hasText: 'forgot-upstream' })).toContainText(/30%\s*3 of 10/);
  await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });
  // Readable by everyone, in light and dark mode and at 360 px (its tables scroll in their own focusable boxes).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), colorScheme).toEqual([]);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('report-360-dark.png'), fullPage: true });
  await page.close();
});
