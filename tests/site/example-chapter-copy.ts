// A copy of the site built by a test (tests/site/build-errors.test.ts, tests/scripts/new-lesson.test.ts) has chapters of
// its own, but the site always renders the authoring guide's example chapter at /authoring/example/, whose
// prerequisites the build checks. The copy gets the real example chapter with prerequisites among its own chapters.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_CHAPTER_FILE } from '../../site/authoring/example-chapter.ts';

/** Writes the example chapter into the copy at `root`, naming `prerequisites` (ids of the copy's chapters). */
export function copyExampleChapter(repo: string, root: string, prerequisites: readonly string[]): void {
  const source = readFileSync(join(repo, EXAMPLE_CHAPTER_FILE), 'utf8');
  const rewritten = source.replace(/^prerequisites: .*$/m, `prerequisites: [${prerequisites.join(', ')}]`);
  if (rewritten === source && prerequisites.length > 0) throw new Error(`${EXAMPLE_CHAPTER_FILE} has no one-line prerequisites field to rewrite`);
  writeFileSync(join(root, EXAMPLE_CHAPTER_FILE), rewritten);
}
