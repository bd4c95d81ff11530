// The course's service worker, so a student who opened the course once can study without a network.
//
// scripts/service-worker.ts turns this file into /sw.js when the site is built: it deletes the types,
// appends the build's manifest (every file to precache and a version hash) and calls
// `installServiceWorker(self, manifest)`. The file imports nothing, because sw.js is one classic script.
//
// - Install: every file of the build goes into a cache named for the build's version.
// - Activate: caches of other builds are deleted, and open pages come under this worker's control.
// - Pages (HTML): network first, so an update reaches students; the cache when the network fails or
//   has not answered within a few seconds.
// - Hashed assets (/_astro/: scripts, workers, styles, fonts): cache first; their names change with their content.
// - Data (/data/: the MNIST subset): not precached (it is large); cached the first time a lesson fetches it.
// - The search index (/pagefind/, about 0.35 MB): precached with the build, so search works offline at once.

/** What the build tells the worker: its version and the files to precache. */
export interface OfflineManifest {
  /** A hash of every precached file's path and content (and of this worker), so a new build gets a new cache. */
  version: string;
  /** The URL path of every file to precache; pages by their address with the trailing slash ("/lessons/mlp/"). */
  precache: string[];
  /** A hash of the data files' content, so data survives a new build of the site unless the data itself changed. */
  dataVersion: string;
}

/** The parts of a `Cache` the worker uses. */
export interface CacheLike {
  match(request: Request | string, options?: { ignoreSearch?: boolean; ignoreVary?: boolean }): Promise<Response | undefined>;
  put(request: Request | string, response: Response): Promise<void>;
  addAll(requests: (Request | string)[]): Promise<void>;
}

/** The parts of `CacheStorage` the worker uses. */
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

/** An install, activate or fetch event, as much of it as the worker uses. */
export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** A fetch event, as much of it as the worker uses. */
export interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The parts of a `ServiceWorkerGlobalScope` the worker uses, so tests can supply their own. */
export interface ServiceWorkerScopeLike {
  location: { origin: string };
  caches: CacheStorageLike;
  clients: { claim(): Promise<void> };
  fetch(request: Request | string): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

/** The prefix of every cache this worker makes; caches with other names belong to someone else and are left alone. */
export const CACHE_PREFIX = 'neural-notebook-';

/** The name of the cache that holds one build's files. */
export function siteCacheName(version: string): string {
  return `${CACHE_PREFIX}site-${version}`;
}

/** The name of the cache that holds data files fetched on first use. */
export function dataCacheName(dataVersion: string): string {
  return `${CACHE_PREFIX}data-${dataVersion}`;
}

/** The cached addresses a page request may be stored under: "/lessons/x", "/lessons/x/" and "/lessons/x/index.html" are one page. */
export function pageKeys(pathname: string): string[] {
  if (pathname.endsWith('/index.html')) return [pathname.slice(0, -'index.html'.length), pathname];
  if (pathname.endsWith('/')) return [pathname, `${pathname}index.html`];
  if (/\.[a-z0-9]+$/i.test(pathname.slice(pathname.lastIndexOf('/') + 1))) return [pathname];
  return [`${pathname}/`, pathname];
}

/** How long a page request waits for the network before the saved copy answers, in milliseconds. */
export const NETWORK_TIMEOUT_MS = 4_000;

/** Wires the worker's install, activate and fetch handlers to a scope (the real `self`, or a test's stand-in). */
export function installServiceWorker(scope: ServiceWorkerScopeLike, manifest: OfflineManifest, networkTimeoutMs = NETWORK_TIMEOUT_MS): void {
  const siteCache = siteCacheName(manifest.version);
  const dataCache = dataCacheName(manifest.dataVersion);

  scope.addEventListener('install', (event) => {
    // `cache: 'reload'` skips the HTTP cache, so a precache never stores a stale copy of a page.
    event.waitUntil(
      scope.caches.open(siteCache).then((cache) =>
        cache.addAll(manifest.precache.map((path) => new Request(new URL(path, scope.location.origin), { cache: 'reload' }))),
      ),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      scope.caches
        .keys()
        .then((names) =>
          Promise.all(
            names
              .filter((name) => name.startsWith(CACHE_PREFIX) && name !== siteCache && name !== dataCache)
              .map((name) => scope.caches.delete(name)),
          ),
        )
        // Claiming makes the page that installed the worker work offline too, without a reload.
        .then(() => scope.clients.claim()),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== scope.location.origin) return;
    if (request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html')) {
      event.respondWith(networkFirstPage(url));
    } else if (url.pathname.startsWith('/data/')) {
      event.respondWith(cacheFirst(request, dataCache, true));
    } else {
      // Hashed assets never change under one name; the other precached files (favicon, ...) change
      // only with a build, which brings a new cache.
      // Pagefind's client asks for its entry file with a cache-busting query (?ts=…); the precached copy is this build's.
      event.respondWith(cacheFirst(request, siteCache, url.pathname.startsWith('/_astro/'), url.pathname.startsWith('/pagefind/')));
    }
  });

  async function networkFirstPage(url: URL): Promise<Response> {
    // A train's connection often hangs rather than fails: after a while the saved copy answers.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), networkTimeoutMs);
    });
    const network = pageFromNetwork(url);
    const first = await Promise.race([network, late]).finally(() => clearTimeout(timer));
    if (first !== 'late') return first;
    return (await cachedPage(url)) ?? network;
  }

  async function pageFromNetwork(url: URL): Promise<Response> {
    try {
      const response = await scope.fetch(url.href);
      // A server error is worse than the copy the student already has.
      if (response.status < 500) return response;
      return (await cachedPage(url)) ?? response;
    } catch (error) {
      const cached = await cachedPage(url);
      if (cached) return cached;
      const cache = await scope.caches.open(siteCache);
      const missing = await cache.match('/404.html');
      if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
      throw error;
    }
  }

  async function cachedPage(url: URL): Promise<Response | undefined> {
    const cache = await scope.caches.open(siteCache);
    for (const key of pageKeys(url.pathname)) {
      // The playground keeps its settings in the query string; the page is the same.
      const hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
      if (hit) return hit;
    }
    return undefined;
  }

  async function cacheFirst(request: Request, cacheName: string, keep: boolean, ignoreSearch = false): Promise<Response> {
    const cache = await scope.caches.open(cacheName);
    // A module script or a font asks with an Origin header that the precache's request lacked; a
    // server's `Vary: Origin` would then hide the saved copy, though the file is the same.
    const hit = await cache.match(request, { ignoreVary: true, ignoreSearch });
    if (hit) return hit;
    const response = await scope.fetch(request);
    // Only whole, successful answers are kept (a Range request's 206 is not the file).
    if (keep && response.status === 200) await cache.put(request, response.clone());
    return response;
  }
}
