// Batch grading of a class folder: the export files are shared among worker processes, one per core
// (os.availableParallelism()), each grading one file at a time (batch-worker.ts). Every code answer still runs in
// its own sandbox child, so one submission cannot change another's verdict; a worker that dies or a file that
// cannot be read costs that file alone one row with the reason. Progress is reported per graded file.

import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setAside, type GradedExport } from './rows.ts';
import type { VerdictSettings } from './verdict.ts';
import type { WorkerJob } from './batch-worker.ts';

const WORKER = fileURLToPath(new URL('./batch-worker.ts', import.meta.url));
// The worker is TypeScript: it runs with tsx's loader, found from here so it works whatever the current folder.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How a batch runs: how many workers, and who hears of each graded file. */
export interface BatchOptions {
  /** Worker processes (default one per core, never more than the files). */
  workers?: number;
  /** Called after each file, with how many are done of how many, and the file just graded. */
  onProgress?: (done: number, total: number, graded: GradedExport) => void;
}

/** The GradedExport of a file the grader could not grade, with why. */
export function failedExport(file: string, reason: string): GradedExport {
  return { file, name: basename(file), rows: [setAside(file, '*', 'unreadable', reason)], attempts: {}, unreadable: reason };
}

/** Grades every export file, in the given order, sharing them among worker processes. */
export async function gradeBatch(files: readonly string[], settings: VerdictSettings, options: BatchOptions = {}): Promise<GradedExport[]> {
  const results: (GradedExport | undefined)[] = files.map(() => undefined);
  if (files.length === 0) return [];
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), files.length));
  let next = 0;
  let done = 0;
  const finish = (index: number, graded: GradedExport) => {
    if (results[index] !== undefined) return;
    results[index] = graded;
    done++;
    options.onProgress?.(done, files.length, graded);
  };
  const runWorker = () =>
    new Promise<void>((resolveWorker) => {
      const child: ChildProcess = fork(WORKER, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let current = -1;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      const send = () => {
        if (next >= files.length) {
          current = -1;
          child.send({ done: true } satisfies WorkerJob);
          return;
        }
        current = next++;
        child.send({ file: files[current], index: current, settings: { salt: settings.salt, cases: settings.cases, timeoutMs: settings.timeoutMs } } satisfies WorkerJob);
      };
      child.on('message', (message: { index: number; graded?: GradedExport; error?: string }) => {
        finish(message.index, message.graded ?? failedExport(files[message.index], `the grader failed on ${basename(files[message.index])}: ${message.error}`));
        send();
      });
      child.on('exit', (code, signal) => {
        // A worker that dies mid-file costs that file alone; the rest go to a new worker.
        if (current >= 0 && results[current] === undefined) {
          const why = stderr.trim().split('\n').at(-1) ?? '';
          finish(current, failedExport(files[current], `the grading worker stopped (${signal ?? `exit ${code}`}) on ${basename(files[current])}${why ? `: ${why}` : ''}`));
          if (next < files.length) void runWorker().then(resolveWorker);
          else resolveWorker();
          return;
        }
        resolveWorker();
      });
      child.on('error', () => undefined);
      send();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  return results.map((graded, index) => graded ?? failedExport(files[index], 'the grader did not reach this file'));
}

/** A progress reporter: a redrawn bar on a terminal, a plain "graded 7/10 file" line per file otherwise. */
export function progressReporter(stream: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean }): (done: number, total: number, graded: GradedExport) => void {
  const width = 30;
  return (done, total, graded) => {
    if (stream.isTTY === true) {
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] graded ${done}/${total}${done === total ? '\n' : ''}`);
    } else {
      stream.write(`graded ${done}/${total} ${basename(graded.file)}\n`);
    }
  };
}
