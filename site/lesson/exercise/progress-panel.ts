// The progress panel's script: fills in the total, every per-lesson count and every exercise's solved mark on the page, shows
// the notice about saved entries that could not be read, exports and imports progress, and lets a student join a class
// (course code and student id, validated as saved progress validates them, then shown with a way to change them).
// Small and loaded up front, since it is what the home page shows.

import { solvedCount, studentProblem, type StudentIdentity } from '../../../exercises/progress.ts';
import { markProgressCounts, solvedSentence } from './progress-counts.ts';
import { downloadProgress, importProgressFile } from './progress-file.ts';
import { renderProgressNotice } from './progress-notice.ts';
import { markChallenges } from '../challenge/met-marks.ts';
import { pageProgressStore, PROGRESS_CHANGE_EVENT, PROGRESS_KEY } from './progress-store.ts';

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
    markProgressCounts(document, progress);
    // The Playground challenges listed on the page (the exercises page's Challenges lists).
    markChallenges(document, progress);
    renderProgressNotice(panel.querySelector<HTMLElement>('[data-progress-notice]')!, store);
    showIdentity(progress.student);
  };

  // Join a class: the form while there is no identity (or while it is being changed), the identity line otherwise.
  const form = role<HTMLFormElement>('join');
  const identity = role('identity');
  const joinError = role('join-error');
  const courseInput = form.querySelector<HTMLInputElement>('input[name="course"]')!;
  const studentInput = form.querySelector<HTMLInputElement>('input[name="student"]')!;
  const cancelButton = form.querySelector<HTMLButtonElement>('[data-action="cancel-identity"]')!;
  let changing = false;

  const showIdentity = (student: StudentIdentity | undefined): void => {
    const editing = student === undefined || changing;
    form.hidden = !editing;
    identity.hidden = editing;
    role('change-warning').hidden = student === undefined;
    cancelButton.hidden = student === undefined;
    if (student !== undefined) role('identity-text').textContent = `Course ${student.course} · student ${student.id}`;
  };

  identity.querySelector<HTMLButtonElement>('[data-action="change-identity"]')!.addEventListener('click', () => {
    const { student } = store.read().progress;
    changing = true;
    courseInput.value = student?.course ?? '';
    studentInput.value = student?.id ?? '';
    joinError.textContent = '';
    show();
    courseInput.focus();
  });
  cancelButton.addEventListener('click', () => {
    changing = false;
    joinError.textContent = '';
    show();
    identity.querySelector<HTMLButtonElement>('button')!.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Spaces around a pasted code are not part of it; anything else wrong is said in the words saved progress uses.
    const student = { course: courseInput.value.trim(), id: studentInput.value.trim() };
    const problem = studentProblem(student);
    if (problem !== null) {
      joinError.textContent = `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
      const field = problem.startsWith('the course code') ? courseInput : studentInput;
      courseInput.setAttribute('aria-invalid', String(field === courseInput));
      studentInput.setAttribute('aria-invalid', String(field === studentInput));
      field.focus();
      return;
    }
    courseInput.removeAttribute('aria-invalid');
    studentInput.removeAttribute('aria-invalid');
    joinError.textContent = '';
    changing = false;
    store.joinClass(student);
    status.textContent = store.unsaved
      ? `Joined course ${student.course} as student ${student.id}, for this page only: this browser does not let the site save.`
      : `Joined course ${student.course} as student ${student.id}.`;
    show();
    identity.querySelector<HTMLButtonElement>('button')!.focus();
  });

  const exportButton = panel.querySelector<HTMLButtonElement>('[data-action="export"]')!;
  const importButton = panel.querySelector<HTMLButtonElement>('[data-action="import"]')!;
  const fileInput = role<HTMLInputElement>('import-file');
  exportButton.disabled = false;
  importButton.disabled = false;
  // Join, like Export and Import, works once this script has run (the form is shown before it has).
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = false;
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
