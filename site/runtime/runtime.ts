// The page's side of the kernel: one clean API for notebook cells and for the exercise grader.
//
//   const runtime = new Runtime();
//   const result = await runtime.run(code, { lang: 'ts', timeoutMs: 5000, onUpdate });
//   if (result.ok) show(result.value, result.logs); else show(result.error);
//
// Runs go to one module worker, one at a time, in the order asked. A watchdog on the page ends a
// run that outlives its limit: it terminates the worker (the only way to stop a busy loop), starts
// a fresh one, and reports the stop in plain words. The page's thread never runs cell code.

import type { CellError } from './cell-error.ts';
import type { CellLanguage } from './compile-cell.ts';
import type { FromKernel, KernelMessage, RunEnd, ToKernel } from './protocol.ts';
import type { LogEntry, Shown } from './shown.ts';
import { CODE_WORKER_ROLES } from './code-worker-roles.ts';

/** The time limit of a run unless a cell sets its own, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5_000;

/** How long a fresh worker may take to load the engine before the page gives up on it, in milliseconds. */
export const START_TIMEOUT_MS = 20_000;

const REMEMBERED_UPDATERS = 200;

/** How to run one piece of code. */
export interface RunOptions {
  /** TypeScript (the default) or JavaScript. */
  lang?: CellLanguage;
  /** Extra names for this run only, bound to structured-cloneable values. */
  scope?: Record<string, unknown>;
  /** The watchdog's limit for this run, in milliseconds. */
  timeoutMs?: number;
  /** Called with console output and live displays while the run goes on (and with output that arrives after it ends). */
  onUpdate?: (update: RunUpdate) => void;
  /** Stops the run when aborted: a queued run is dropped, a running one ends at once with a fresh kernel (`stop`). */
  signal?: AbortSignal;
}

/** Output that streams in during a run. */
export type RunUpdate = { type: 'logs'; entries: LogEntry[] } | { type: 'display'; name: string; value: Shown };

/** The end of a run: its value or error, all its console output, its time in the worker, and the names it defines and uses. */
export type RunResult = RunEnd & { runId: number; logs: LogEntry[] };

/** Why the kernel was replaced: a run timed out, the reader stopped a run, the worker crashed, or someone asked for a restart. */
export type RestartReason = 'timeout' | 'stop' | 'crash' | 'restart';

/** The parts of a `Worker` the runtime uses, so tests can supply their own. */
export interface WorkerLike {
  postMessage(message: ToKernel): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
}

interface Job {
  runId: number;
  code: string;
  options: RunOptions;
  generation: number;
  logs: LogEntry[];
  /** Whether the job has its result; a stopped job may settle before its turn in the queue comes. */
  settled: boolean;
  started: number;
  resolve(result: RunResult): void;
}

interface Kernel {
  worker: WorkerLike;
  token: string;
  ready: Promise<boolean>;
  /** Whether the worker said it is ready (then a failure is a crash, and a fresh worker starts at once). */
  started: boolean;
  markReady(ok: boolean): void;
}

/** Creates the kernel worker: the code worker (./code-worker.ts) in its kernel role, bundled with the engine. */
export function createKernelWorker(): WorkerLike {
  return new Worker(new URL('./code-worker.ts', import.meta.url), { type: 'module', name: CODE_WORKER_ROLES.kernel }) as unknown as WorkerLike;
}

/** Runs code in a sandboxed worker with a watchdog, streaming output, one run at a time. */
export class Runtime {
  private kernel: Kernel | undefined;
  private generation = 0;
  private nextRunId = 1;
  private tail: Promise<void> = Promise.resolve();
  private active: (Job & { finish(end: RunEnd): void }) | undefined;
  private readonly updaters = new Map<number, (update: RunUpdate) => void>();
  private readonly restartListeners = new Set<(reason: RestartReason) => void>();

  /** Creates a runtime; the worker starts on the first run or on `warm()`. */
  constructor(private readonly createWorker: () => WorkerLike = createKernelWorker) {}

  /** Starts the worker now, so the first run does not wait for the engine to load. */
  warm(): void {
    this.ensureKernel();
  }

  /** Runs code after every run asked before it, and resolves with its value or error; it never rejects. */
  run(code: string, options: RunOptions = {}): Promise<RunResult> {
    return new Promise((resolve) => {
      const job: Job = {
        runId: this.nextRunId++,
        code,
        options,
        generation: this.generation,
        logs: [],
        settled: false,
        started: 0,
        resolve: (result) => {
          if (job.settled) return;
          job.settled = true;
          resolve(result);
        },
      };
      if (options.onUpdate) this.updaters.set(job.runId, options.onUpdate);
      // Output may still arrive from a finished run's timers; only the recent runs keep a listener.
      if (this.updaters.size > REMEMBERED_UPDATERS) this.updaters.delete(this.updaters.keys().next().value as number);
      options.signal?.addEventListener('abort', () => this.stop(job), { once: true });
      if (options.signal?.aborted) this.stop(job);
      this.tail = this.tail.then(() => this.execute(job));
    });
  }

  /** Ends the kernel: the current and queued runs end with a restart error, and a fresh worker starts. */
  restart(): void {
    this.replaceKernel('restart', { kind: 'restart', name: '', message: 'The kernel restarted before this run finished.' });
  }

  /** Calls the listener whenever the kernel is replaced, so cells can forget what they ran; returns an unsubscribe. */
  onRestart(listener: (reason: RestartReason) => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** Terminates the worker for good. */
  dispose(): void {
    this.generation++;
    this.kernel?.worker.terminate();
    this.kernel = undefined;
  }

  // A busy loop can only be interrupted by terminating its worker; a run still in the queue just never starts.
  private stop(job: Job): void {
    if (job.settled) return;
    if (this.active?.runId === job.runId) {
      const seconds = formatSeconds(performance.now() - job.started);
      this.replaceKernel('stop', { kind: 'stopped', name: '', message: `Stopped by you after ${seconds}. The kernel restarted.` });
    } else {
      job.resolve(this.failed(job, { kind: 'stopped', name: '', message: 'Stopped by you before it started.' }));
    }
  }

  private async execute(job: Job): Promise<void> {
    if (job.settled) return;
    if (job.generation !== this.generation) {
      job.resolve(this.failed(job, { kind: 'restart', name: '', message: 'The kernel restarted before this run started.' }));
      return;
    }
    const kernel = this.ensureKernel();
    const started = await kernel.ready;
    if (job.settled) return;
    if (!started || kernel !== this.kernel) {
      job.resolve(this.failed(job, { kind: 'crash', name: '', message: 'The kernel could not start: its code did not load. Run again to retry, or reload the page.' }));
      return;
    }
    await new Promise<void>((done) => {
      const timeoutMs = job.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const watchdog = setTimeout(() => {
        this.replaceKernel('timeout', {
          kind: 'timeout',
          name: '',
          message: `Stopped after ${formatSeconds(timeoutMs)} — does a loop never end? The kernel restarted.`,
        });
      }, timeoutMs);
      job.started = performance.now();
      this.active = {
        ...job,
        finish: (end) => {
          clearTimeout(watchdog);
          this.active = undefined;
          job.resolve({ ...end, runId: job.runId, logs: job.logs });
          done();
        },
      };
      const { lang = 'ts', scope } = job.options;
      kernel.worker.postMessage({ type: 'run', runId: job.runId, code: job.code, lang, scope });
    });
  }

  private ensureKernel(): Kernel {
    if (this.kernel) return this.kernel;
    const worker = this.createWorker();
    const token = randomToken();
    let markReady: (ok: boolean) => void = () => {};
    const ready = new Promise<boolean>((resolve) => (markReady = resolve));
    const kernel: Kernel = { worker, token, ready, started: false, markReady };
    const startWatchdog = setTimeout(() => this.abandon(kernel), START_TIMEOUT_MS);
    worker.addEventListener('message', (event) => {
      const data = event.data as FromKernel;
      // Only the worker's own code knows the token; anything else is dropped.
      if (kernel !== this.kernel || typeof data !== 'object' || data === null || data.token !== token) return;
      if (data.message.type === 'ready') clearTimeout(startWatchdog);
      this.receive(kernel, data.message);
    });
    worker.addEventListener('error', (event) => {
      if (kernel !== this.kernel) return;
      clearTimeout(startWatchdog);
      // A worker that fails before it is ready (its code did not load: the reader is offline, or a new build replaced
      // the files) is not replaced at once, since a fresh one would most likely fail the same way, again and again:
      // the next run tries again.
      if (!kernel.started) return this.abandon(kernel);
      kernel.markReady(false);
      this.replaceKernel('crash', { kind: 'crash', name: '', message: `The kernel stopped: ${event.message ?? 'the worker failed'}.` });
    });
    this.kernel = kernel;
    worker.postMessage({ type: 'init', token });
    return kernel;
  }

  /** Gives up on a kernel that did not start: the runs waiting for it fail with "could not start", and the next run starts a fresh one. */
  private abandon(kernel: Kernel): void {
    if (kernel.started) return;
    if (this.kernel === kernel) this.kernel = undefined;
    kernel.worker.terminate();
    kernel.markReady(false);
  }

  private receive(kernel: Kernel, message: KernelMessage): void {
    if (message.type === 'ready') {
      kernel.started = true;
      kernel.markReady(true);
      return;
    }
    const active = this.active?.runId === message.runId ? this.active : undefined;
    if (message.type === 'done') {
      active?.finish(message);
      return;
    }
    const update: RunUpdate = message.type === 'logs' ? { type: 'logs', entries: message.entries } : { type: 'display', name: message.name, value: message.value };
    if (message.type === 'logs' && active) active.logs.push(...message.entries);
    this.updaters.get(message.runId)?.(update);
  }

  private replaceKernel(reason: RestartReason, error: CellError): void {
    this.generation++;
    const old = this.kernel;
    this.kernel = undefined;
    old?.worker.terminate();
    old?.markReady(false);
    const active = this.active;
    if (active) active.finish({ ok: false, error, ms: 0, defines: [], uses: [] });
    this.updaters.clear();
    // A fresh worker starts loading at once, so the next run does not wait for it.
    this.ensureKernel();
    for (const listener of this.restartListeners) listener(reason);
  }

  private failed(job: Job, error: CellError): RunResult {
    return { ok: false, error, ms: 0, defines: [], uses: [], runId: job.runId, logs: job.logs };
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
