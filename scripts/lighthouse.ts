// Lighthouse's four scores for every page of a built site, in its mobile profile (the default: a mid-range phone,
// simulated slow 4G and a 4× slower CPU), against Debian's Chromium. Serves the build folder itself, text gzip-compressed
// as a production host serves it.
//
//   npm run lighthouse -- [--dist dist] [--port 4430] [--runs N] [--json] [--diagnose] [PAGE...]   (default: every built page)
//
// --diagnose prints, under each page's row, what its performance score is made of: the metrics (FCP, LCP, TBT, CLS,
// Speed Index), the DOM size, the main thread's time by kind of work, the LCP element, the scripts that ran longest and
// the longest tasks (script, duration, start).
//
// Each page is measured --runs times (default 1) and each score reported as the median of its runs; the machine's
// load average is printed with the table, since a loaded machine lowers the performance score. Not part of
// `npm test`: a run takes 10-30 s per page.

import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';
import { builtPages, serve } from './static-server.ts';
import { medianOrNull } from './stats.ts';

/** The four categories, in Lighthouse's order. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One page's scores, 0-100 each (null where Lighthouse could not score it). */
export interface PageScores {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
}

/** The scores as a table, one row per page. */
export function tableOf(rows: readonly PageScores[]): string {
  const header = ['page', ...CATEGORIES];
  const cells = rows.map((row) => [row.page, ...CATEGORIES.map((c) => (row.scores[c] === null ? '-' : String(Math.round(row.scores[c]!))))]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

interface Options {
  dist: string;
  port: number;
  runs: number;
  json: boolean;
  diagnose: boolean;
  pages: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { dist: 'dist', port: 4430, runs: 1, json: false, diagnose: false, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--dist') options.dist = value();
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--diagnose') options.diagnose = true;
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else options.pages.push(arg);
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) fail('--runs must be a whole number ≥ 1');
  if (!(Number.isInteger(options.port) && options.port > 0)) fail('--port must be a port number');
  return options;
}

function fail(message: string): never {
  process.stderr.write(`lighthouse: ${message}\nusage: npm run lighthouse -- [--dist dist] [--port 4430] [--runs N] [--json] [--diagnose] [PAGE...]\n`);
  process.exit(2);
}

/** The part of a Lighthouse report --diagnose reads. */
interface Report {
  audits: Record<string, { numericValue?: number; displayValue?: string; details?: { items?: Array<Record<string, unknown>> } }>;
}

/** A URL without its origin, for the diagnosis's lines. */
const pathOf = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '');

/** What a page's performance score is made of, as a few indented lines (see --diagnose). */
export function diagnosisOf(report: Report): string {
  const audit = (id: string) => report.audits[id];
  const ms = (id: string) => { const v = audit(id)?.numericValue; return v === undefined ? '-' : `${Math.round(v)} ms`; };
  const lines = [
    `FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, SI ${ms('speed-index')}, CLS ${audit('cumulative-layout-shift')?.numericValue?.toFixed(3) ?? '-'}`,
    `DOM: ${audit('dom-size')?.displayValue ?? '-'}; main thread ${audit('mainthread-work-breakdown')?.displayValue ?? '-'}: ` +
      (audit('mainthread-work-breakdown')?.details?.items ?? []).slice(0, 5).map((i) => `${String(i.groupLabel ?? i.group)} ${Math.round(Number(i.duration))} ms`).join(', '),
  ];
  const lcp = audit('largest-contentful-paint-element')?.details?.items?.[0] as { items?: Array<{ node?: { snippet?: string } }> } | undefined;
  const snippet = lcp?.items?.[0]?.node?.snippet;
  if (snippet) lines.push(`LCP element: ${snippet.slice(0, 120)}`);
  const scripts = (audit('bootup-time')?.details?.items ?? []).slice(0, 4);
  if (scripts.length > 0) lines.push(`scripts: ${scripts.map((i) => `${pathOf(i.url)} ${Math.round(Number(i.total))} ms`).join(', ')}`);
  const tasks = (audit('long-tasks')?.details?.items ?? []).slice(0, 6);
  if (tasks.length > 0) lines.push(`long tasks: ${tasks.map((i) => `${pathOf(i.url)} ${Math.round(Number(i.duration))} ms at ${Math.round(Number(i.startTime))} ms`).join(', ')}`);
  return lines.map((line) => `    ${line}`).join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(join(options.dist, 'index.html'))) fail(`${options.dist} holds no built site: run npm run build (or pass --dist DIR)`);
  const pages = options.pages.length > 0 ? options.pages : builtPages(options.dist);
  const server = await serve(options.dist, options.port, { gzip: true });
  const chrome = await chromeLauncher.launch({ chromePath: ensureChromium((line) => process.stderr.write(`${line}\n`)), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const load = loadavg()[0];
  const rows: PageScores[] = [];
  const diagnoses = new Map<string, string>();
  try {
    for (const page of pages) {
      const runs: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      for (let run = 0; run < options.runs; run++) {
        const result = await lighthouse(`http://127.0.0.1:${options.port}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        for (const category of CATEGORIES) {
          const score = result?.lhr.categories[category]?.score;
          if (typeof score === 'number') runs[category].push(score * 100);
        }
        if (options.diagnose && result) diagnoses.set(page, `${diagnoses.has(page) ? `${diagnoses.get(page)}\n` : ''}${diagnosisOf(result.lhr as unknown as Report)}`);
        if (options.diagnose && result) {
          const failing = Object.values(result.lhr.categories.accessibility?.auditRefs ?? []).map((ref) => result.lhr.audits[ref.id]).filter((a) => a.score === 0);
          if (failing.length > 0) diagnoses.set(page, `${diagnoses.get(page)}\n    accessibility fails: ${failing.map((a) => a.id).join(', ')}`);
        }
      }
      rows.push({ page, scores: Object.fromEntries(CATEGORIES.map((c) => [c, medianOrNull(runs[c])])) as PageScores['scores'] });
      if (process.stderr.isTTY) process.stderr.write(`\rmeasured ${rows.length}/${pages.length} pages`);
    }
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    await chrome.kill();
    server.close();
  }
  const summary = `Lighthouse mobile profile, ${options.runs === 1 ? 'one run' : `median of ${options.runs} runs`} per page, Debian's Chromium, ${options.dist}/ served gzip-compressed; load average ${load.toFixed(2)} at the start (${loadavg()[0].toFixed(2)} at the end).`;
  if (options.json) process.stdout.write(`${JSON.stringify({ summary, loadAverage: load, rows }, null, 2)}\n`);
  else process.stdout.write(`${tableOf(rows)}\n\n${summary}\n`);
  if (options.diagnose && !options.json) for (const [page, text] of diagnoses) process.stdout.write(`\n${page}\n${text}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
