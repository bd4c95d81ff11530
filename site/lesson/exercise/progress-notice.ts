// The page's word on saved progress that could not be read: how many entries were set aside and
// why, with a way to download them and a way to forget them. Shown once per page, above the first
// exercise or in the progress panel, in a live region so a screen reader hears it too.

import { CHALLENGE_KEY_PREFIX, VARIANT_SEED_KEY, type RejectedEntry } from '../../../exercises/progress.ts';
import type { ProgressStore } from './progress-store.ts';
import { downloadProgress } from './progress-file.ts';

/** The notice's element on this page: the progress panel's slot, or a new one above the first exercise. */
export function pageNoticeHost(): HTMLElement | undefined {
  const existing = document.querySelector<HTMLElement>('[data-progress-notice]');
  if (existing) return existing;
  const first = document.querySelector('course-exercise');
  if (!first) return undefined;
  const host = document.createElement('div');
  host.dataset.progressNotice = '';
  host.className = 'progress-notice-host';
  host.setAttribute('role', 'status');
  first.before(host);
  return host;
}

/** How many saved entries were set aside, in words: "1 saved entry could not be read and was set aside". */
export function setAsideSentence(count: number): string {
  return count === 1
    ? '1 saved entry could not be read and was set aside'
    : `${count} saved entries could not be read and were set aside`;
}

/** The notice's sentence for what was set aside: the whole saved document (`*`), some entries, or both, and what became of them. */
export function noticeText(rejected: Readonly<Record<string, RejectedEntry>>): string {
  const entries = Object.keys(rejected).filter((id) => id !== '*').length;
  const whole = rejected['*'];
  if (whole === undefined) {
    return `${setAsideSentence(entries)}. The rest of your progress is fine; ${entries === 1 ? 'the entry is kept, so a download still contains it' : 'the entries are kept, so a download still contains them'}.`;
  }
  const also = entries === 0 ? '' : ` Besides, ${setAsideSentence(entries)}.`;
  return `Your saved progress could not be read at all (${whole.reason}), so every exercise here starts afresh. Nothing was deleted: the unreadable copy is kept as it was, so a download still contains it.${also}`;
}

/** What a set-aside entry was, in words. */
export function entryName(id: string): string {
  if (id === '*') return 'the whole saved file';
  if (id === VARIANT_SEED_KEY) return 'the seed that picks your numbers (so exercises with numbers of your own show a new set)';
  if (id === `${CHALLENGE_KEY_PREFIX}*`) return 'the record of the Playground challenges you met';
  if (id.startsWith(CHALLENGE_KEY_PREFIX)) return `the Playground challenge "${id.slice(CHALLENGE_KEY_PREFIX.length)}"`;
  return id;
}

/** Shows (or clears) the notice for the store's current state. */
export function renderProgressNotice(host: HTMLElement, store: ProgressStore): void {
  const { progress } = store.read();
  const rejected = Object.entries(progress.rejected);
  host.replaceChildren();
  if (store.unsaved) {
    const p = document.createElement('p');
    p.className = 'progress-notice';
    p.textContent = 'This browser does not let the page save your progress: it lasts until you leave the page.';
    host.append(p);
  }
  if (rejected.length === 0) return;
  const box = document.createElement('div');
  box.className = 'progress-notice';
  const text = document.createElement('p');
  text.textContent = noticeText(progress.rejected);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'What was wrong';
  const list = document.createElement('ul');
  for (const [id, entry] of rejected) {
    const item = document.createElement('li');
    item.textContent = `${entryName(id)}: ${entry.reason}`;
    list.append(item);
  }
  details.append(summary, list);
  const download = document.createElement('button');
  download.type = 'button';
  download.textContent = 'Download a copy';
  download.addEventListener('click', () => downloadProgress(store));
  const forget = document.createElement('button');
  forget.type = 'button';
  forget.textContent = rejected.length === 1 ? ('*' in progress.rejected ? 'Forget the unreadable copy' : 'Forget it') : 'Forget them';
  forget.addEventListener('click', () => {
    store.forgetRejected();
    renderProgressNotice(host, store);
  });
  const actions = document.createElement('p');
  actions.className = 'progress-notice-actions';
  actions.append(download, forget);
  box.append(text, details, actions);
  host.append(box);
}
