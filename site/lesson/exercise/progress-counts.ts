// The solved counts and marks on a page, from the saved progress: every element with `data-lesson-exercises` (a
// chapter's, a table of contents section's, the chapter header's; `data-count="short"` for the contents' few words)
// and every exercise's `data-exercise-solved` mark. The home page's progress panel and a lesson page's progress
// script (lesson-progress.ts) both fill them with this, so the same counts read the same everywhere.

import { solvedCount, type Progress } from '../../../exercises/progress.ts';

/** "2 of 3 exercises solved". */
export function solvedSentence(solved: number, total: number): string {
  return `${solved} of ${total} ${total === 1 ? 'exercise' : 'exercises'} solved`;
}

/** The table of contents' words: "1 of 2 solved", and "✓ 2 of 2 solved" once all are. */
export function shortSolvedSentence(solved: number, total: number): string {
  return `${solved === total ? '✓ ' : ''}${solved} of ${total} solved`;
}

/** Writes every count and solved mark under `root` from `progress`. */
export function markProgressCounts(root: ParentNode, progress: Progress): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-lesson-exercises]')) {
    const lessonIds = (element.dataset.lessonExercises ?? '').split(' ').filter(Boolean);
    const count = solvedCount(progress, lessonIds);
    element.textContent = element.dataset.count === 'short' ? shortSolvedSentence(count.solved, count.total) : solvedSentence(count.solved, count.total);
    element.dataset.solved = String(count.solved);
    element.dataset.complete = String(count.solved === count.total);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-exercise-solved]')) {
    const solved = solvedCount(progress, [element.dataset.exerciseSolved ?? '']).solved === 1;
    element.textContent = solved ? 'Solved' : 'Not solved yet';
    element.dataset.solved = String(solved);
  }
}
