// npm run conformance -- [DIR or FILE ...]
//
// Runs every case of every .json file in the given folders (default
// conformance/torch in this repository) on the engine,
// prints one line per failing case and ends with "N passed, N failed". Exits 1
// if any case fails.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeFailure, runCaseFile, summarize, type CaseResult, type ConformanceReport } from '../conformance/runner.ts';

/** The repository root: the folder above scripts/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of PyTorch reference cases run when no folder is given: committed in the repository. */
export const DEFAULT_CASES = resolve(REPO_ROOT, 'conformance/torch');

/** How to get the reference cases back, for messages about a missing or empty case folder. */
export const HOW_TO_GET_CASES =
  'The PyTorch reference cases are committed under conformance/torch: restore them with ' +
  '`git checkout -- conformance/torch`, or regenerate them with PyTorch as conformance/README.md explains.';

/** The .json case files of a folder, or an Error naming the folder and how to get the cases when there are none. */
export function requireCaseFiles(folder: string): string[] {
  const files = existsSync(folder) && statSync(folder).isDirectory() ? caseFiles(folder) : [];
  if (files.length === 0) {
    const shown = relative(REPO_ROOT, folder) || folder;
    const what = existsSync(folder) ? 'has no .json case files' : 'does not exist';
    throw new Error(`Missing conformance cases: ${shown} (${folder}) ${what}. ${HOW_TO_GET_CASES}`);
  }
  return files;
}

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
      const hint = path === DEFAULT_CASES ? ` ${HOW_TO_GET_CASES}` : '';
      results.push({ file: path, name: '(path)', ok: false, message: `no such file or folder${hint}` });
      continue;
    }
    const files = caseFiles(path);
    // An empty folder would otherwise report "0 passed, 0 failed" and exit 0, hiding that nothing was checked.
    if (files.length === 0) {
      const hint = path === DEFAULT_CASES ? ` ${HOW_TO_GET_CASES}` : '';
      results.push({ file: path, name: '(path)', ok: false, message: `no .json case files in this folder${hint}` });
      continue;
    }
    for (const file of files) {
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
