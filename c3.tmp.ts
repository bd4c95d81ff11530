import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageScripts, readBundleReport } from './scripts/page-javascript.ts';
import { pageFile } from './scripts/static-server.ts';
const dist = resolve('dist');
const report = new Map(readBundleReport(dist).map((e) => [e.file, e]));
for (const pg of process.argv.slice(2)) {
const { inline, files: named } = pageScripts(dist, join(dist, pageFile(pg)));
const files = new Set(named); const queue = [...files];
while (queue.length) { const f = queue.pop()!; const s = readFileSync(f, 'utf8');
  for (const m of s.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) { const t = resolve(dirname(f), m[1]); if (!files.has(t) && existsSync(t)) { files.add(t); queue.push(t); } } }
let tot = inline.reduce((a, s) => a + gzipSync(s).length, 0);
console.log(pg);
for (const f of files) { const g = gzipSync(readFileSync(f)).length; tot += g; const rel = f.slice(dist.length + 1); console.log('  ', (g/1024).toFixed(1), rel, (report.get(rel)?.sources ?? []).join(' ').slice(0, 150)); }
console.log('  total', (tot/1024).toFixed(1));
}
