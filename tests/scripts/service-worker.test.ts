import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  offlineManifest,
  precacheAddress,
  serviceWorkerScript,
  workerCode,
  type BuiltFile,
} from '../../scripts/service-worker.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

// The shape of a real build (see `astro build`): pages, hashed assets, KaTeX fonts in three formats,
// a worker chunk, the MNIST subset and Astro's content-layer leftovers.
const build: BuiltFile[] = [
  { path: 'index.html', bytes: bytes('<h1>Neural Notebook</h1>') },
  { path: '404.html', bytes: bytes('<h1>Not found</h1>') },
  { path: 'lessons/mlp/index.html', bytes: bytes('<h1>MLP</h1>') },
  { path: 'practice/index.html', bytes: bytes('<h1>Practice</h1>') },
  { path: 'favicon.svg', bytes: bytes('<svg/>') },
  { path: '_astro/runtime.Dq2HOV4V.js', bytes: bytes('export const a = 1;') },
  { path: '_astro/worker-8Kb0yBpW.js', bytes: bytes('self.onmessage = () => {};') },
  { path: '_astro/_slug_.BLaFIrxV.css', bytes: bytes('body{}') },
  { path: '_astro/KaTeX_Main-Regular.B22Nviop.woff2', bytes: bytes('woff2') },
  { path: '_astro/KaTeX_Main-Regular.Dr94JaBh.woff', bytes: bytes('woff') },
  { path: '_astro/KaTeX_Main-Regular.ypZvNtVU.ttf', bytes: bytes('ttf') },
  { path: 'data/mnist-subset.bin', bytes: new Uint8Array([1, 2, 3]) },
  { path: 'content-modules.mjs', bytes: bytes('export default new Map();') },
  { path: 'collections/lessons.schema.json', bytes: bytes('{}') },
  { path: 'sw.js', bytes: bytes('an old worker') },
  { path: 'sitemap.xml', bytes: bytes('<urlset/>') },
  { path: 'robots.txt', bytes: bytes('User-agent: *') },
  { path: 'og/mlp.png', bytes: new Uint8Array([137, 80, 78, 71]) },
];

describe('the precache list', () => {
  test('lists every file a browser loads, pages by their address with the trailing slash', () => {
    expect(offlineManifest(build, 'code').precache).toEqual([
      '/404.html',
      '/_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '/_astro/_slug_.BLaFIrxV.css',
      '/_astro/runtime.Dq2HOV4V.js',
      '/_astro/worker-8Kb0yBpW.js',
      '/favicon.svg',
      '/',
      '/lessons/mlp/',
      '/practice/',
    ]);
  });

  test('every emitted file is precached unless it is one of the documented exceptions', () => {
    const listed = new Set(offlineManifest(build, 'code').precache);
    for (const file of build) {
      const address = precacheAddress(file.path);
      if (address === null) expect(file.path).toMatch(/^data\/|\.(mjs|ttf|woff)$|^collections\/|^sw\.js$|^sitemap\.xml$|^robots\.txt$|^og\//);
      else expect(listed.has(address), file.path).toBe(true);
    }
  });

  test('leaves out the MNIST subset, which is cached the first time a lesson uses it', () => {
    expect(precacheAddress('data/mnist-subset.bin')).toBeNull();
    expect(offlineManifest(build, 'code').precache.some((address) => address.startsWith('/data/'))).toBe(false);
  });

  test('leaves out what only crawlers and link previews read: the sitemap, robots.txt and the shared-link pictures', () => {
    expect(precacheAddress('sitemap.xml')).toBeNull();
    expect(precacheAddress('robots.txt')).toBeNull();
    expect(precacheAddress('og/mlp.png')).toBeNull();
    // A page whose address merely starts like them is still precached.
    expect(precacheAddress('ogive/index.html')).toBe('/ogive/');
  });

  test('the version changes when a file, the file list or the worker changes, and not otherwise', () => {
    const version = offlineManifest(build, 'code').version;
    expect(offlineManifest([...build].reverse(), 'code').version).toBe(version);
    const edited = build.map((file) => (file.path === 'lessons/mlp/index.html' ? { ...file, bytes: bytes('<h1>MLP, revised</h1>') } : file));
    expect(offlineManifest(edited, 'code').version).not.toBe(version);
    expect(offlineManifest([...build, { path: 'lessons/new/index.html', bytes: bytes('new') }], 'code').version).not.toBe(version);
    expect(offlineManifest(build, 'other code').version).not.toBe(version);
  });

  test('new data changes the data version, not the site version', () => {
    const before = offlineManifest(build, 'code');
    const after = offlineManifest(
      build.map((file) => (file.path === 'data/mnist-subset.bin' ? { ...file, bytes: new Uint8Array([4, 5, 6]) } : file)),
      'code',
    );
    expect(after.version).toBe(before.version);
    expect(after.dataVersion).not.toBe(before.dataVersion);
  });
});

describe('sw.js', () => {
  test('is a classic script that wires the install, activate and fetch handlers with the manifest', () => {
    const manifest = offlineManifest(build, workerCode());
    const script = serviceWorkerScript(workerCode(), manifest);
    expect(script).not.toMatch(/^\s*(export|import)\b/m);
    // Minified: the source's comments are not shipped, the manifest is.
    expect(script).not.toContain('scripts/service-worker.ts turns this file');
    expect(script).toContain(JSON.stringify(manifest.precache[0]));
    const events: string[] = [];
    const self = { location: { origin: 'https://course.example' }, addEventListener: (type: string) => events.push(type) };
    runInNewContext(script, { self, URL, Request, Response });
    expect(events).toEqual(['install', 'activate', 'fetch']);
  });
});
