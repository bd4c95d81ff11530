// The messages between the page and the kernel worker. The page starts the worker with a secret
// token; the worker stamps every message with it, and the page drops any message without it.

import type { CellError } from './cell-error.ts';
import type { CellLanguage } from './compile-cell.ts';
import type { LogEntry, Shown } from './shown.ts';

/** A request to run one piece of code in the kernel. */
export interface RunRequest {
  /** A number unique to this run on this page, used in messages and stack traces. */
  runId: number;
  /** The cell's code. */
  code: string;
  /** Whether the code is TypeScript (types are stripped) or JavaScript. */
  lang: CellLanguage;
  /** Extra names visible to this run only, bound to structured-cloneable values (a grader's inputs). */
  scope?: Record<string, unknown>;
}

/** What the page sends to the worker. */
export type ToKernel = { type: 'init'; token: string } | ({ type: 'run' } & RunRequest);

/** What a successful or failed run reports at its end. */
export type RunEnd =
  | { ok: true; value: Shown | null; ms: number; defines: string[]; uses: string[] }
  | { ok: false; error: CellError; ms: number; defines: string[]; uses: string[] };

/** What the kernel reports: ready, streamed console output, a live display, or the end of a run. */
export type KernelMessage =
  | { type: 'ready' }
  | { type: 'logs'; runId: number; entries: LogEntry[] }
  | { type: 'display'; runId: number; name: string; value: Shown }
  | ({ type: 'done'; runId: number } & RunEnd);

/** A kernel message as it crosses to the page, stamped with the worker's token. */
export interface FromKernel {
  token: string;
  message: KernelMessage;
}
