// The default build (no course configuration) is the whole course: every published lesson, in the order of the files'
// numbers, numbered 1 to n, every exercise counted, and no link to a page the build did not make. The configured
// course's build is tested in tests/site/course-build.test.ts.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite } from './pages.ts';
import { brokenLinks } from '../site/built-links.ts';
import { lessonIdFromFile, lessonOrderFromFile } from '../../site/course/lesson-files.ts';
import { exerciseIds } from '../../exercises/index.ts';

/** The published lessons of lessons/, by id, in the order of their numbers. */
function publishedLessons(): string[] {
  return readdirSync('lessons')
    .filter((name) => /^\d+-.+\.mdx$/.test(name) && !/^draft:\s*true\s*$/m.test(readFileSync(join('lessons', name), 'utf8').split(/^---\s*$/m)[1] ?? ''))
    .sort((a, b) => lessonOrderFromFile(a) - lessonOrderFromFile(b))
    .map(lessonIdFromFile);
}

test('without a course configuration the home page lists every published lesson in file order, numbered 1 to n', async ({ page }) => {
  const lessons = publishedLessons();
  await page.goto('/');
  const chapters = page.locator('.chapters li.chapter');
  await expect(chapters).toHaveCount(lessons.length);
  expect(await chapters.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.lesson))).toEqual(lessons);
  expect(await page.locator('.chapters .number').allTextContents()).toEqual(lessons.map((_, index) => String(index + 1).padStart(2, '0')));
  await expect(page).toHaveTitle('Neural Notebook');
  await page.goto('/practice/');
  await expect(page.locator('.lede')).toContainText(`All ${exerciseIds().length} exercises of the course`);
});

test('without a course configuration no built page links to a page the build did not make', () => {
  expect(brokenLinks(builtSite)).toEqual([]);
  expect(readFileSync(join(builtSite, 'index.html'), 'utf8')).not.toContain('left-out-link');
});
