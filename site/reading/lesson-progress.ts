// A lesson page's progress script, loaded up front and small: the chapter header's and the table of contents' solved
// counts from the saved progress, kept live as the reader solves an exercise here (or in another tab), and the section
// heading in view saved as the reader scrolls, for the home page's "Continue where you left off".

import { ProgressStore, PROGRESS_CHANGE_EVENT, PROGRESS_KEY } from '../lesson/exercise/progress-store.ts';
import { markProgressCounts } from '../lesson/exercise/progress-counts.ts';
import { LAST_READ_KEY, sectionInView, serialiseReadingPosition } from './reading-position.ts';

/** How often, at most, the section in view is worked out and saved while the reader scrolls. */
const SAVE_INTERVAL_MS = 500;

const article = document.querySelector<HTMLElement>('article.lesson[data-lesson]');
if (article) {
  // A store of its own that only reads (no known-id list, so every valid entry counts; it never writes).
  const store = new ProgressStore(undefined);
  const showCounts = (): void => markProgressCounts(document, store.read().progress);
  window.addEventListener(PROGRESS_CHANGE_EVENT, showCounts);
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY) showCounts();
  });
  showCounts();

  // The sections are the table of contents' entries; only a course lesson records where it is read.
  const lesson = article.dataset.lesson ?? '';
  const headings = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')]
    .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
    .filter((heading): heading is HTMLElement => heading !== null);
  if (article.dataset.trackReading !== undefined && headings.length > 0) {
    let saved = '';
    let pending: number | undefined;
    const save = (): void => {
      pending = undefined;
      const index = sectionInView(headings.map((heading) => heading.getBoundingClientRect().top), window.innerHeight * 0.5);
      if (index < 0 || headings[index].id === saved) return;
      saved = headings[index].id;
      try {
        localStorage.setItem(LAST_READ_KEY, serialiseReadingPosition({ lesson, section: saved }));
      } catch {
        // A browser that will not save (private mode, storage blocked) just has no place to continue from.
      }
    };
    const schedule = (): void => {
      pending ??= window.setTimeout(save, SAVE_INTERVAL_MS);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('hashchange', schedule);
    schedule();
  }
}
