// The search box's behaviour, loaded the first time the box is focused (by a click, Tab or the `/` key): it starts
// Pagefind's worker (pagefind-worker-client.ts; written with the index by scripts/search-index.ts) and shows the sections that
// match as a combobox's listbox: arrow keys move through them, Enter or a click opens one at its heading, Escape
// closes the list. The index and the client are precached by the service worker, so search works offline.

import { searchOptions, type SearchOption } from './search-results.ts';
import { PAGEFIND_FOLDER, PAGEFIND_WORKER, pagefindWorkerClient, type PagefindClient } from './pagefind-worker-client.ts';

/** How many pages are read for one search (each page gives up to three sections). */
const PAGES_READ = 6;

/** Wires the search box (the input with role combobox, its listbox and its status line) to the index. */
export function startSearch(input: HTMLInputElement): void {
  const panel = document.getElementById(input.getAttribute('aria-controls') ?? '') as HTMLElement;
  const list = panel.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = panel.querySelector<HTMLElement>('[role="status"]')!;
  const root = input.closest<HTMLElement>('[data-search]')!;
  let options: SearchOption[] = [];
  let active = -1;
  let client: Promise<PagefindClient> | undefined;

  let worker: Worker | undefined;
  const loadClient = (): Promise<PagefindClient> =>
    (client ??= pagefindWorkerClient((worker = new Worker(PAGEFIND_WORKER)), { basePath: PAGEFIND_FOLDER, language: 'en', excerptLength: 18 }));

  const open = (isOpen: boolean) => {
    panel.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen && options.length > 0));
    if (!isOpen) setActive(-1);
  };

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = index >= 0 ? list.children[index] : undefined;
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const go = (option: SearchOption | undefined) => {
    if (!option) return;
    open(false);
    // On the same page only the anchor changes, and the browser scrolls to the section.
    location.assign(new URL(option.url, location.href).href);
  };

  const render = (query: string) => {
    list.replaceChildren(
      ...options.map((option, i) => {
        const item = document.createElement('li');
        item.id = `${list.id}-${i}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        item.dataset.url = option.url;
        const title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = option.title;
        const page = document.createElement('span');
        page.className = 'search-page';
        page.textContent = option.page;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-excerpt';
        // Pagefind escapes the page's text; searchOptions() keeps only its <mark> tags.
        excerpt.innerHTML = option.excerptHtml;
        item.append(title, page, excerpt);
        // mousedown, not click: the input's blur (which closes the list) comes before a click.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          go(option);
        });
        return item;
      }),
    );
    status.textContent = options.length === 0 ? `No section mentions “${query}”.` : `${options.length} ${options.length === 1 ? 'section' : 'sections'} found; arrow keys to choose, Enter to open.`;
    open(true);
  };

  const search = async () => {
    const query = input.value.trim();
    if (query === '') {
      options = [];
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    let pages;
    try {
      const found = await (await loadClient()).debouncedSearch(query, {}, 120);
      // A later keystroke replaced this search.
      if (found === null || input.value.trim() !== query) return;
      pages = await Promise.all(found.results.slice(0, PAGES_READ).map((result) => result.data()));
    } catch {
      // The next search starts a fresh worker; this one is ended, whether it failed to load or answered an error.
      worker?.terminate();
      client = undefined;
      options = [];
      list.replaceChildren();
      status.textContent = 'Search is not available: the index is written when the site is built (npm run build), and this copy has none.';
      open(true);
      return;
    }
    if (input.value.trim() !== query) return;
    options = searchOptions(pages);
    render(query);
    if (options.length > 0) setActive(0);
  };

  input.addEventListener('input', () => void search());
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') void search();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      if (panel.hidden) open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(options[active >= 0 ? active : 0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!panel.hidden) open(false);
      else input.value = '';
    }
  });
  // Leaving the box (Tab, a click elsewhere) closes the list.
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) open(false);
  });

  // Warm the client now: the box was just focused, and typing usually follows.
  void loadClient().catch(() => undefined);
  if (document.activeElement === input && input.value.trim() !== '') void search();
}
