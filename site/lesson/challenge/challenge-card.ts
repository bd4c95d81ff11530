// The <Challenge> cards of a lesson, once near the viewport: each card's status follows the saved progress, in this
// tab and in others (a challenge met in the Playground's tab shows as met here).

import { PROGRESS_CHANGE_EVENT, PROGRESS_KEY, ProgressStore } from '../exercise/progress-store.ts';
import { markChallenges } from './met-marks.ts';

const store = new ProgressStore(undefined);
const show = () => {
  for (const card of document.querySelectorAll<HTMLElement>('nn-challenge')) markChallenges(card, store.read().progress);
};
window.addEventListener(PROGRESS_CHANGE_EVENT, show);
window.addEventListener('storage', (event) => {
  if (event.key === PROGRESS_KEY) show();
});
window.addEventListener('pageshow', show);
show();
