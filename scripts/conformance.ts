// npm run conformance -- [DIR or FILE ...]
//
// Runs every case of every .json file in the given folders (default
// ../shared/conformance/torch, relative to the repository root) on the engine,
// prints one line per failing case and ends with "N passed, N failed". Exits 1
// if any case fails.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeFailure, runCaseFile, summarize, type CaseResult, type ConformanceReport } from '../engine/conformance.ts';

/** The repository root: the folder above scripts/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of PyTorch reference cases run when no folder is given. */
export const DEFAULT_CASES = resolve(REPO_ROOT, '../shared/conformance/torch');

/** The .json files of a folder (sorted), or the path itself when it is a file. */
function caseFiles(path: string): string[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(path, f));
  }
  return [path];
}

/** Runs every case under the given folders or files; unreadable files become failing results. */
export function runConformancePaths(paths: string[]): ConformanceReport {
  const results: CaseResult[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      results.push({ file: path, name: '(path)', ok: false, message: 'no such file or folder' });
      continue;
    }
    for (const file of caseFiles(path)) {
      const shown = relative(process.cwd(), file) || file;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        results.push({ file: shown, name: '(file)', ok: false, message: `cannot read JSON: ${(e as Error).message}` });
        continue;
      }
      results.push(...runCaseFile(json, shown));
    }
  }
  return summarize(results);
}

/** The command line: run, print failures and the totals, set the exit code. */
function main(argv: string[]): void {
  const verbose = argv.includes('--verbose');
  const paths = argv.filter((a) => a !== '--verbose').map((a) => resolve(a));
  const report = runConformancePaths(paths.length > 0 ? paths : [DEFAULT_CASES]);
  for (const r of report.results) {
    if (!r.ok) console.log(describeFailure(r));
    else if (verbose) console.log(`ok   ${r.name}`);
  }
  console.log(`${report.passed} passed, ${report.failed} failed`);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
