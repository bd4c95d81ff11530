// Runs an untrusted submission in a fresh worker thread with a time limit and a
// memory limit (resourceLimits), and brings back its outputs as plain data.

import { Worker } from 'node:worker_threads';
import type { CallOutcome } from '../../exercises/grader.ts';

/** What the worker is asked to do: compile `source` and call `functionName` on every case's arguments. */
export interface SubmissionJob {
  /** The submission's source, TypeScript or JavaScript. */
  source: string;
  /** The function it must define. */
  functionName: string;
  /** Each case's calls, arguments only. */
  cases: { calls: { args: unknown[] }[] }[];
}

/** The worker's answer: every call's outcome, or why the submission could not be compiled. */
export type SubmissionReply = { ok: true; outcomes: CallOutcome[][] } | { ok: false; message: string };

/** Limits of one isolated run. */
export interface RunLimits {
  /** Milliseconds the calls may take, counted once the worker is ready (default 5000). */
  timeoutMs?: number;
  /** Megabytes of heap the worker may use (default 256). */
  memoryMb?: number;
}

/** Runs a job in a new worker thread and settles with its reply, or with a message when it times out, runs out of memory or crashes. */
export function runIsolated(job: SubmissionJob, limits: RunLimits = {}): Promise<SubmissionReply> {
  const timeoutMs = limits.timeoutMs ?? 5000;
  const memoryMb = limits.memoryMb ?? 256;
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (reply: SubmissionReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    };
    worker.on('message', (message: 'ready' | SubmissionReply) => {
      if (message === 'ready') {
        // The clock starts when the worker has loaded, so a slow start never counts against the student.
        timer = setTimeout(() => finish({ ok: false, message: `stopped after ${timeoutMs / 1000} s without finishing (an infinite loop?)` }), timeoutMs);
        worker.postMessage(job);
      } else finish(message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, message: outOfMemory ? `stopped: used more than ${memoryMb} MB of memory` : `the submission crashed its worker: ${error.message}` });
    });
    worker.on('exit', (code) => finish({ ok: false, message: `the submission's worker exited (code ${code}) before answering` }));
  });
}
