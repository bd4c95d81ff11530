import { describe, expect, test } from 'vitest';
import {
  dataCacheName,
  installServiceWorker,
  pageKeys,
  siteCacheName,
  type CacheLike,
  type ExtendableEventLike,
  type FetchEventLike,
  type OfflineManifest,
  type ServiceWorkerScopeLike,
} from '../../../site/offline/service-worker.ts';

const ORIGIN = 'https://course.example';
const manifest: OfflineManifest = {
  version: 'v2',
  precache: ['/', '/404.html', '/lessons/mlp/', '/_astro/runtime.abc.js', '/_astro/worker-def.js', '/favicon.svg', '/pagefind/pagefind-entry.json'],
  dataVersion: 'd1',
};

// A cache keyed by absolute URL, as the browser's: `ignoreSearch` drops the query, and a response's
// `Vary` headers must match the stored request's unless `ignoreVary`.
class FakeCache implements CacheLike {
  readonly entries = new Map<string, Response>();
  private readonly requestHeaders = new Map<string, Headers>();
  constructor(private readonly server: FakeServer) {}
  private key(request: Request | string, ignoreSearch = false): string {
    const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
    if (ignoreSearch) url.search = '';
    return url.href;
  }
  async match(request: Request | string, options?: { ignoreSearch?: boolean; ignoreVary?: boolean }): Promise<Response | undefined> {
    if (options?.ignoreSearch) {
      const wanted = this.key(request, true);
      for (const [key, response] of this.entries) if (this.key(key, true) === wanted) return response.clone();
      return undefined;
    }
    const key = this.key(request);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (!options?.ignoreVary) {
      const asked = typeof request === 'string' ? new Headers() : request.headers;
      const stored = this.requestHeaders.get(key) ?? new Headers();
      for (const name of (hit.headers.get('vary') ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
        if (asked.get(name) !== stored.get(name)) return undefined;
      }
    }
    return hit.clone();
  }
  async put(request: Request | string, response: Response): Promise<void> {
    this.entries.set(this.key(request), response);
    this.requestHeaders.set(this.key(request), typeof request === 'string' ? new Headers() : request.headers);
  }
  async addAll(requests: (Request | string)[]): Promise<void> {
    for (const request of requests) await this.put(request, await this.server.fetch(request));
  }
}

// The site's server: it answers every path it knows, counts requests, and can go offline.
class FakeServer {
  online = true;
  hanging = false;
  readonly requested: string[] = [];
  constructor(private readonly files: Record<string, string>) {}
  async fetch(request: Request | string): Promise<Response> {
    const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
    this.requested.push(url.pathname);
    if (!this.online) throw new TypeError('Failed to fetch');
    if (this.hanging) return new Promise<Response>(() => undefined);
    const body = this.files[url.pathname];
    // Like `astro preview`, the server answers `Vary: Origin`.
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body, { status: 200, headers: { vary: 'Origin' } });
  }
}

function serviceWorker(files: Record<string, string>, existingCaches: string[] = []) {
  const server = new FakeServer(files);
  const caches = new Map<string, FakeCache>(existingCaches.map((name) => [name, new FakeCache(server)]));
  const listeners = new Map<string, (event: never) => void>();
  let claimed = false;
  const scope: ServiceWorkerScopeLike = {
    location: { origin: ORIGIN },
    caches: {
      open: async (name) => caches.get(name) ?? caches.set(name, new FakeCache(server)).get(name)!,
      keys: async () => [...caches.keys()],
      delete: async (name) => caches.delete(name),
    },
    clients: { claim: async () => void (claimed = true) },
    fetch: (request) => server.fetch(request),
    addEventListener: (type: string, listener: (event: never) => void) => void listeners.set(type, listener),
  };
  installServiceWorker(scope, manifest, 50);
  const lifecycle = async (type: 'install' | 'activate') => {
    const waits: Promise<unknown>[] = [];
    const event: ExtendableEventLike = { waitUntil: (promise) => void waits.push(promise) };
    (listeners.get(type) as (event: ExtendableEventLike) => void)(event);
    await Promise.all(waits);
  };
  const request = async (path: string, init: { navigate?: boolean; method?: string; cors?: boolean } = {}): Promise<Response | undefined> => {
    // A module script or a font is a CORS request, with an Origin header.
    const base = new Request(new URL(path, ORIGIN), { method: init.method ?? 'GET', headers: init.cors ? { origin: ORIGIN } : {} });
    // Node's Request cannot be made with mode "navigate"; the worker reads only these fields.
    const request = init.navigate ? ({ url: base.url, method: 'GET', mode: 'navigate', headers: new Headers({ accept: 'text/html' }) } as Request) : base;
    let answer: Promise<Response> | undefined;
    const event: FetchEventLike = { request, respondWith: (response) => void (answer = response), waitUntil: () => undefined };
    (listeners.get('fetch') as (event: FetchEventLike) => void)(event);
    return answer;
  };
  return { server, caches, lifecycle, request, claimed: () => claimed };
}

const site: Record<string, string> = {
  '/': 'home',
  '/404.html': 'not found',
  '/lessons/mlp/': 'the mlp lesson',
  '/_astro/runtime.abc.js': 'runtime',
  '/_astro/worker-def.js': 'worker',
  '/_astro/KaTeX_Main.ttf': 'ttf',
  '/favicon.svg': '<svg/>',
  '/pagefind/pagefind-entry.json': '{"version":"1"}',
  '/data/mnist-subset.bin': 'digits',
};

describe('the service worker', () => {
  test('install precaches every file of the manifest in the cache of its version', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    const cache = worker.caches.get(siteCacheName('v2'))!;
    expect([...cache.entries.keys()].map((url) => new URL(url).pathname).sort()).toEqual([...manifest.precache].sort());
    expect(worker.server.requested).not.toContain('/data/mnist-subset.bin');
  });

  test('activate deletes the caches of other builds, keeps the current data and other sites’ caches, and claims the pages', async () => {
    const worker = serviceWorker(site, [siteCacheName('v1'), dataCacheName('d0'), dataCacheName('d1'), 'someone-else']);
    await worker.lifecycle('install');
    await worker.lifecycle('activate');
    expect([...worker.caches.keys()].sort()).toEqual([dataCacheName('d1'), siteCacheName('v2'), 'someone-else'].sort());
    expect(worker.claimed()).toBe(true);
  });

  test('offline, a page not yet visited comes from the precache, with or without its trailing slash and with a query', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.online = false;
    for (const path of ['/lessons/mlp/', '/lessons/mlp', '/lessons/mlp/index.html', '/lessons/mlp/?playground=abc', '/']) {
      const response = await worker.request(path, { navigate: true });
      expect(await response!.text(), path).toBe(site[path.startsWith('/lessons') ? '/lessons/mlp/' : '/']);
    }
  });

  test('when the network hangs, a page comes from the precache after the timeout', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.hanging = true;
    const response = await worker.request('/lessons/mlp/', { navigate: true });
    expect(await response!.text()).toBe('the mlp lesson');
  });

  test('offline, an unknown page gets the cached 404 page with status 404', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.online = false;
    const response = await worker.request('/lessons/unknown/', { navigate: true });
    expect(response!.status).toBe(404);
    expect(await response!.text()).toBe('not found');
  });

  test('online, pages come from the network first, so a new build reaches students', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    site['/lessons/mlp/'] = 'the mlp lesson, revised';
    try {
      const response = await worker.request('/lessons/mlp/', { navigate: true });
      expect(await response!.text()).toBe('the mlp lesson, revised');
    } finally {
      site['/lessons/mlp/'] = 'the mlp lesson';
    }
  });

  test('hashed assets come from the cache without asking the network; ones not precached are kept after their first fetch', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.requested.length = 0;
    expect(await (await worker.request('/_astro/worker-def.js'))!.text()).toBe('worker');
    expect(worker.server.requested).toEqual([]);
    worker.server.online = false;
    // A module script asks with an Origin header the precache's request lacked, and the server varies on it.
    expect(await (await worker.request('/_astro/runtime.abc.js', { cors: true }))!.text()).toBe('runtime');
    worker.server.online = true;
    expect(await (await worker.request('/_astro/KaTeX_Main.ttf'))!.text()).toBe('ttf');
    worker.server.online = false;
    expect(await (await worker.request('/_astro/KaTeX_Main.ttf'))!.text()).toBe('ttf');
  });

  test('offline, the search index answers from the precache though Pagefind asks for it with a cache-busting query', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.online = false;
    const response = await worker.request('/pagefind/pagefind-entry.json?ts=1733300000000', { cors: true });
    expect(await response!.text()).toBe('{"version":"1"}');
  });

  test('data is cached the first time it is fetched and then served offline', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    expect(await (await worker.request('/data/mnist-subset.bin'))!.text()).toBe('digits');
    worker.server.online = false;
    expect(await (await worker.request('/data/mnist-subset.bin'))!.text()).toBe('digits');
    expect(worker.caches.get(dataCacheName('d1'))!.entries.size).toBe(1);
  });

  test('offline, data never fetched before fails as a network error for the page to explain', async () => {
    const worker = serviceWorker(site);
    await worker.lifecycle('install');
    worker.server.online = false;
    await expect(worker.request('/data/mnist-subset.bin')).rejects.toThrow('Failed to fetch');
  });

  test('leaves other origins and other methods to the browser', async () => {
    const worker = serviceWorker(site);
    expect(await worker.request('https://elsewhere.example/x.js')).toBeUndefined();
    expect(await worker.request('/lessons/mlp/', { method: 'POST' })).toBeUndefined();
  });
});

describe('page addresses', () => {
  test('"/x", "/x/" and "/x/index.html" name one page; a file keeps its own name', () => {
    expect(pageKeys('/lessons/mlp')).toEqual(['/lessons/mlp/', '/lessons/mlp']);
    expect(pageKeys('/lessons/mlp/')).toEqual(['/lessons/mlp/', '/lessons/mlp/index.html']);
    expect(pageKeys('/lessons/mlp/index.html')).toEqual(['/lessons/mlp/', '/lessons/mlp/index.html']);
    expect(pageKeys('/404.html')).toEqual(['/404.html']);
  });
});
