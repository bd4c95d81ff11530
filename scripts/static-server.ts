// A static server of a built site on 127.0.0.1, serving a folder's index.html at its path as the preview server does;
// the measuring scripts (measure-page-js.ts, lighthouse.ts) serve the build folder they are given with it. With
// `{ gzip: true }` text (HTML, JS, CSS, JSON, SVG) goes out gzip-compressed to a browser that accepts it, as any
// production host serves it (Lighthouse measures a page as it would arrive: a lesson's HTML is 1.6 MB, 150 KB gzip).

import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text the server compresses when asked to (`gzip`): everything but fonts and other binary files. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

/** A static server of a build folder on 127.0.0.1, as the preview server would serve it (compressed with `gzip`). */
export function serve(dist: string, port: number, options: { gzip?: boolean } = {}): Promise<Server> {
  const root = resolve(dist);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** The page address of a built HTML file (relative, forward slashes): "index.html" → "/", "lessons/mlp/index.html" → "/lessons/mlp/". */
export function pageAddress(path: string): string {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/** The built HTML file of a page address, relative to the site's folder: the inverse of `pageAddress`. */
export function pageFile(address: string): string {
  return address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1);
}

/** Every page of a built site, as the paths a reader opens: `/`, `/lessons/perceptron/`, `/404.html`; sorted. */
export function builtPages(dist: string): string[] {
  const root = resolve(dist);
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) pages.push(pageAddress(relative(root, path).split(sep).join('/')));
    }
  };
  walk(root);
  return pages.sort();
}
