import { pageJavaScript, readBundleReport } from './scripts/page-javascript.ts';
const dist = 'dist';
const report = new Map(readBundleReport(dist).map((e) => [e.file, e]));
const onRequest = new Set([...report.values()].filter((e) => 'typescript' in e.packages || '@codemirror/view' in e.packages).map((e) => e.file));
const r = pageJavaScript(dist, process.argv[2], (f) => onRequest.has(f));
for (const f of r.files) console.log((f.gzipBytes/1024).toFixed(1).padStart(6), f.file, (report.get(f.file)?.sources ?? []).join(' ').slice(0, 200));
