// A static server of a built site on 127.0.0.1, serving a folder's index.html at its path as the preview server does;
// the measuring scripts (measure-page-js.ts, lighthouse.ts) serve the build folder they are given with it.

import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A static server of a build folder on 127.0.0.1, as the preview server would serve it. */
export function serve(dist: string, port: number): Promise<Server> {
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
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
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
      } else if (entry.name === 'index.html') {
        const folder = relative(root, dir).split(sep).join('/');
        pages.push(folder === '' ? '/' : `/${folder}/`);
      } else if (entry.name.endsWith('.html')) pages.push(`/${relative(root, path).split(sep).join('/')}`);
    }
  };
  walk(root);
  return pages.sort();
}
