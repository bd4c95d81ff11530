// Marks every challenge's state on the page from the saved progress: each element with `data-challenge-met="<id>"`
// (a <Challenge> card's status, a line of the exercises page's Challenges list) reads "Met" or "Not met yet".

import { challengeMet, type Progress } from '../../../exercises/progress.ts';

/** Writes each challenge mark under `root` from `progress`; returns how many of the marked challenges are met. */
export function markChallenges(root: ParentNode, progress: Progress): number {
  let met = 0;
  for (const element of root.querySelectorAll<HTMLElement>('[data-challenge-met]')) {
    const isMet = challengeMet(progress, element.dataset.challengeMet ?? '');
    const text = isMet ? 'Met' : 'Not met yet';
    if (element.textContent !== text) element.textContent = text;
    element.dataset.met = String(isMet);
    if (isMet) met++;
  }
  return met;
}
