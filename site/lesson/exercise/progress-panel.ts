// The progress panel's script: fills in the total, every per-lesson count and every exercise's solved mark on the page, shows
// the notice about saved entries that could not be read, and exports and imports progress.
// Small and loaded up front, since it is what the home page shows.

import { solvedCount } from '../../../exercises/progress.ts';
import { downloadProgress, importProgressFile } from './progress-file.ts';
import { renderProgressNotice } from './progress-notice.ts';
import { markChallenges } from '../challenge/met-marks.ts';
import { pageProgressStore, PROGRESS_CHANGE_EVENT, PROGRESS_KEY } from './progress-store.ts';

/** "2 of 3 exercises solved". */
export function solvedSentence(solved: number, total: number): string {
  return `${solved} of ${total} ${total === 1 ? 'exercise' : 'exercises'} solved`;
}

const panel = document.querySelector<HTMLElement>('progress-panel');
if (panel) {
  const known = (panel.dataset.knownExercises ?? '').split(' ').filter(Boolean);
  const store = pageProgressStore(known);
  // The total counts this course's exercises (a course configuration may keep fewer than the store knows).
  const ids = panel.dataset.courseExercises === undefined ? known : panel.dataset.courseExercises.split(' ').filter(Boolean);
  const role = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-role="${name}"]`)!;
  const status = role('transfer-status');

  const show = (): void => {
    const { progress } = store.read();
    const total = solvedCount(progress, ids);
    role('total').textContent = `${solvedSentence(total.solved, total.total)}. Your answers are saved in this browser only: export them to keep a copy or to move to another browser.`;
    for (const element of document.querySelectorAll<HTMLElement>('[data-lesson-exercises]')) {
      const lessonIds = (element.dataset.lessonExercises ?? '').split(' ').filter(Boolean);
      const count = solvedCount(progress, lessonIds);
      element.textContent = solvedSentence(count.solved, count.total);
      element.dataset.solved = String(count.solved);
    }
    for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-solved]')) {
      const solved = solvedCount(progress, [element.dataset.exerciseSolved ?? '']).solved === 1;
      element.textContent = solved ? 'Solved' : 'Not solved yet';
      element.dataset.solved = String(solved);
    }
    // The Playground challenges listed on the page (the exercises page's Challenges lists).
    markChallenges(document, progress);
    renderProgressNotice(panel.querySelector<HTMLElement>('[data-progress-notice]')!, store);
  };

  const exportButton = panel.querySelector<HTMLButtonElement>('[data-action="export"]')!;
  const importButton = panel.querySelector<HTMLButtonElement>('[data-action="import"]')!;
  const fileInput = role<HTMLInputElement>('import-file');
  exportButton.disabled = false;
  importButton.disabled = false;
  exportButton.addEventListener('click', () => {
    downloadProgress(store);
    status.textContent = 'Progress exported.';
  });
  importButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    status.textContent = await importProgressFile(store, file);
    fileInput.value = '';
    show();
  });
  window.addEventListener(PROGRESS_CHANGE_EVENT, show);
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY) show();
  });
  show();
}
