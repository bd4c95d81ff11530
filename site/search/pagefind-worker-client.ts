// The search's client: Pagefind's own web worker (/pagefind/pagefind-worker.js, written with the index when the site
// is built), spoken to directly. Pagefind's page-side client (pagefind.js, 13 KB gzip) holds a second copy of the whole
// search, run on the page when no worker can start, and otherwise only forwards calls to this worker; the page loads
// the worker alone, so a search costs 12 KB of JavaScript and never runs on the main thread (there, a first search
// blocks it for about 100 ms).
//
// The protocol is the one pagefind.js speaks (Pagefind 1.6): a message { id, instanceId, method, args } is answered by
// { id, result } or { id, error }; a search's results carry a data id in place of their data() function, and
// "getData" reads it. tests/scripts/search-index.test.ts runs the worker the build writes with this client.

import type { PagefindPage } from './search-results.ts';

/** The address of Pagefind's folder (the index, its WebAssembly and the worker) in a built site. */
export const PAGEFIND_FOLDER = '/pagefind/';

/**
 * The address of Pagefind's worker in a built site, written out whole: scripts/page-javascript.ts finds the files a
 * chunk can load by their names in its code, and a name put together at run time would not be counted (the budget
 * test fails then: every file of the build must be reached from some page).
 */
export const PAGEFIND_WORKER = '/pagefind/pagefind-worker.js';

/** The worker's methods the search uses. */
type Method = 'init' | 'debouncedSearch' | 'getData';

/** What one search gives: its pages best first, each read with data(); null when a later search replaced it. */
export type PagefindSearch = { results: { data(): Promise<PagefindPage> }[] } | null;

/** The parts of Pagefind the search box uses. */
export interface PagefindClient {
  /** Searches after `debounceMs` without a newer call; resolves to null when a newer call replaced this one. */
  debouncedSearch(query: string, options?: object, debounceMs?: number): Promise<PagefindSearch>;
}

/** What the client needs of a worker (a real Worker, or a test's stand-in). */
export interface PagefindWorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** The options Pagefind's worker starts an index with (pagefind.js sends the same, with the page's language). */
export interface PagefindWorkerOptions {
  /** The index's folder, "/pagefind/". */
  basePath: string;
  /** The index's language ("en": the index is built for English alone). */
  language: string;
  /** The length of an excerpt, in words. */
  excerptLength?: number;
}

const INSTANCE = 'course';

/**
 * Starts Pagefind in `worker` and resolves to a client once the worker has answered; rejects when the worker cannot
 * start (no index in this build, a script that failed to load) or answers with an error. After a worker error every
 * pending and later call rejects with the same error.
 */
export async function pagefindWorkerClient(worker: PagefindWorkerPort, options: PagefindWorkerOptions): Promise<PagefindClient> {
  let nextId = 0;
  let failure: Error | undefined;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  worker.addEventListener('message', (event) => {
    const { id, result, error } = (event.data ?? {}) as { id?: unknown; result?: unknown; error?: unknown };
    const call = typeof id === 'number' ? pending.get(id) : undefined;
    if (!call) return;
    pending.delete(id as number);
    if (error !== undefined) call.reject(new Error(`Pagefind: ${String(error)}`));
    else call.resolve(result);
  });
  worker.addEventListener('error', () => {
    failure = new Error(`Pagefind's worker (${PAGEFIND_WORKER}) could not run`);
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
  });

  const send = (method: Method, args: unknown[]): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, instanceId: INSTANCE, method, args });
    });
  };

  await send('init', [{ ...options, primary: true }]);
  // The worker keeps each result's data until told to release it; a page's searches leave a few hundred small
  // closures at most, so nothing is released (pagefind.js releases them when the page's results are collected).
  return {
    async debouncedSearch(query, searchOptions = {}, debounceMs) {
      const found = (await send('debouncedSearch', [query, searchOptions, debounceMs])) as { results: { data: string }[] } | null;
      if (found === null) return null;
      return { results: found.results.map((result) => ({ data: () => send('getData', [result.data]) as Promise<PagefindPage> })) };
    },
  };
}
