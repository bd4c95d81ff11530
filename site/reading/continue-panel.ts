// The home page's "Continue where you left off" (ContinueReading.astro): the last-read section, if this course still
// has it, and the next unsolved exercise after it. Reads saved data it does not trust: a corrupt position or progress
// leaves the panel hidden or showing only what can be read.

import { ProgressStore, PROGRESS_CHANGE_EVENT, PROGRESS_KEY } from '../lesson/exercise/progress-store.ts';
import { nextUnsolved, resolvePosition, type CourseOutline } from './continue-reading.ts';
import { LAST_READ_KEY, parseReadingPosition } from './reading-position.ts';

const panel = document.querySelector<HTMLElement>('continue-reading');
if (panel) {
  const role = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-role="${name}"]`)!;
  const outline = JSON.parse(role('outline').textContent ?? '{}') as CourseOutline;
  const store = new ProgressStore(undefined);

  const show = (): void => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(LAST_READ_KEY);
    } catch {
      // Storage blocked: no position.
    }
    const position = resolvePosition(outline, parseReadingPosition(saved));
    const { progress } = store.read();
    const solvedIds = Object.keys(progress.exercises).filter((id) => progress.exercises[id].solved);
    const solved = (id: string) => solvedIds.includes(id);
    const next = nextUnsolved(outline, position, solved);
    const started = position !== null || solvedIds.length > 0;

    role('last-read').hidden = position === null;
    if (position) {
      const link = role<HTMLAnchorElement>('section-link');
      link.href = `/lessons/${position.chapter.id}/#${encodeURIComponent(position.section.id)}`;
      link.textContent = position.section.title;
      role('chapter').textContent = `in chapter ${position.chapter.number}, ${position.chapter.title}.`;
    }
    role('next').hidden = !started || next === undefined;
    if (next) {
      const link = role<HTMLAnchorElement>('exercise-link');
      link.href = next.href;
      link.textContent = next.title;
      const chapter = outline.chapters.find((c) => c.id === next.chapter);
      role('exercise-chapter').textContent = chapter ? `in chapter ${chapter.number}, ${chapter.title}.` : 'on the exercises page.';
    }
    role('all-solved').hidden = !started || next !== undefined || outline.exercises.length === 0;
    panel.hidden = !started;
  };
  window.addEventListener(PROGRESS_CHANGE_EVENT, show);
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY || event.key === LAST_READ_KEY) show();
  });
  show();
}
