import { describe, expect, test } from 'vitest';
import type { KernelMessage, ToKernel } from '../../../site/runtime/protocol.ts';
import { Runtime, type RestartReason, type RunUpdate, type WorkerLike } from '../../../site/runtime/runtime.ts';

// A stand-in worker: it answers `init` with `ready` and hands each run to a scripted reply.
class FakeWorker implements WorkerLike {
  terminated = false;
  private token = '';
  private readonly listeners: Array<(event: { data?: unknown }) => void> = [];

  constructor(private readonly reply: (worker: FakeWorker, runId: number, code: string) => void) {}

  postMessage(message: ToKernel): void {
    queueMicrotask(() => {
      if (message.type === 'init') {
        this.token = message.token;
        this.send({ type: 'ready' });
      } else {
        this.reply(this, message.runId, message.code);
      }
    });
  }

  send(message: KernelMessage, token = this.token): void {
    if (this.terminated) return;
    for (const listener of this.listeners) listener({ data: { token, message } });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Reports an error event, as a worker that crashed (ran out of memory, say) does. */
  fail(message: string): void {
    for (const listener of this.errorListeners) listener({ message });
  }

  private readonly errorListeners: Array<(event: { message?: string }) => void> = [];

  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void {
    if (type === 'message') this.listeners.push(listener);
    else this.errorListeners.push(listener);
  }
}

const answer = (worker: FakeWorker, runId: number, code: string) => {
  worker.send({ type: 'logs', runId, entries: [{ level: 'log', args: [{ kind: 'string', value: code, omitted: 0 }] }] });
  worker.send({ type: 'done', runId, ok: true, value: { kind: 'number', value: code.length }, ms: 1, defines: [], uses: [] });
};

/** A runtime whose first worker never answers and every later one answers, with the workers and restart reasons it saw. */
function firstWorkerHangs(): { workers: FakeWorker[]; reasons: RestartReason[]; runtime: Runtime } {
  const workers: FakeWorker[] = [];
  const reasons: RestartReason[] = [];
  const runtime = new Runtime(() => {
    const worker = new FakeWorker(workers.length === 0 ? () => {} : answer);
    workers.push(worker);
    return worker;
  });
  runtime.onRestart((reason) => reasons.push(reason));
  return { workers, reasons, runtime };
}

/** A worker whose code never loads: it reports an error event soon after it is made, as a module worker whose script or chunk cannot be fetched does. */
class UnloadableWorker implements WorkerLike {
  terminated = false;
  constructor() {
    setTimeout(() => this.errorListeners.forEach((listener) => listener({ message: 'failed to fetch' })), 1);
  }
  private readonly errorListeners: Array<(event: { message?: string }) => void> = [];
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message' | 'error', listener: (event: { message?: string }) => void): void {
    if (type === 'error') this.errorListeners.push(listener);
  }
}

describe('Runtime', () => {
  test('a kernel whose code cannot load fails the run with a clear message and is not restarted in a loop; the next run tries again', async () => {
    const workers: WorkerLike[] = [];
    const reasons: RestartReason[] = [];
    let online = false;
    const runtime = new Runtime(() => {
      const worker = online ? new FakeWorker(answer) : new UnloadableWorker();
      workers.push(worker);
      return worker;
    });
    runtime.onRestart((reason) => reasons.push(reason));
    const failed = await runtime.run('x');
    expect(failed).toMatchObject({ ok: false, error: { kind: 'crash' } });
    if (!failed.ok) expect(failed.error.message).toBe('The kernel could not start: its code did not load. Run again to retry, or reload the page.');
    // No fresh worker was started behind the reader's back (before, each failure started another, ~100 a second).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers).toHaveLength(1);
    expect((workers[0] as UnloadableWorker).terminated).toBe(true);
    expect(reasons).toEqual([]);
    // The network is back: the next run starts a fresh kernel and runs.
    online = true;
    expect(await runtime.run('abc')).toMatchObject({ ok: true, value: { kind: 'number', value: 3 } });
    expect(workers).toHaveLength(2);
  });

  test('a run resolves with its value and the console output streamed before it', async () => {
    const updates: RunUpdate[] = [];
    const runtime = new Runtime(() => new FakeWorker(answer));
    const result = await runtime.run('abc', { onUpdate: (update) => updates.push(update) });
    expect(result).toMatchObject({ ok: true, value: { kind: 'number', value: 3 } });
    expect(result.logs).toHaveLength(1);
    expect(updates).toEqual([{ type: 'logs', entries: result.logs }]);
  });

  test('runs are answered in the order they were asked', async () => {
    const runtime = new Runtime(() => new FakeWorker(answer));
    const results = await Promise.all([runtime.run('a'), runtime.run('bb'), runtime.run('ccc')]);
    expect(results.map((result) => result.ok && result.value)).toEqual([1, 2, 3].map((value) => ({ kind: 'number', value })));
  });

  test('the watchdog stops a run that never answers, replaces the worker and says why', async () => {
    const { workers, reasons, runtime } = firstWorkerHangs();
    const stopped = await runtime.run('while (true) {}', { timeoutMs: 30 });
    expect(stopped).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    if (!stopped.ok) expect(stopped.error.message).toMatch(/^Stopped after 0\.03 s — does a loop never end\?/);
    expect(workers[0].terminated).toBe(true);
    expect(reasons).toEqual(['timeout']);
    expect(await runtime.run('next')).toMatchObject({ ok: true });
    expect(workers).toHaveLength(2);
  });

  test('a kernel that crashes after it started ends its run with the reason, and a fresh one starts at once', async () => {
    const { workers, reasons, runtime } = firstWorkerHangs();
    const running = runtime.run('huge()');
    await new Promise((resolve) => setTimeout(resolve, 10));
    workers[0].fail('Out of memory');
    const crashed = await running;
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'crash', message: 'The kernel stopped: Out of memory.' } });
    expect(reasons).toEqual(['crash']);
    expect(workers).toHaveLength(2);
    expect(await runtime.run('next')).toMatchObject({ ok: true });
  });

  test('a message without the worker token cannot fake a result', async () => {
    const runtime = new Runtime(() =>
      new FakeWorker((worker, runId) => {
        worker.send({ type: 'done', runId, ok: true, value: { kind: 'string', value: 'forged', omitted: 0 }, ms: 0, defines: [], uses: [] }, 'guess');
        worker.send({ type: 'done', runId, ok: true, value: { kind: 'string', value: 'real', omitted: 0 }, ms: 0, defines: [], uses: [] });
      }),
    );
    expect(await runtime.run('x')).toMatchObject({ ok: true, value: { value: 'real' } });
  });

  test('restart ends the current run and cancels the queued ones', async () => {
    let workerCount = 0;
    const runtime = new Runtime(() => new FakeWorker(workerCount++ === 0 ? () => {} : answer));
    const current = runtime.run('hangs');
    const queued = runtime.run('waits');
    await new Promise((resolve) => setTimeout(resolve, 10));
    runtime.restart();
    expect(await current).toMatchObject({ ok: false, error: { kind: 'restart' } });
    expect(await queued).toMatchObject({ ok: false, error: { kind: 'restart' } });
    expect(await runtime.run('after')).toMatchObject({ ok: true });
  });

  test('aborting a running run stops it at once with a fresh worker, and says the reader stopped it', async () => {
    const { workers, reasons, runtime } = firstWorkerHangs();
    const controller = new AbortController();
    const running = runtime.run('while (true) {}', { timeoutMs: 60_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const asked = performance.now();
    controller.abort();
    const stopped = await running;
    expect(performance.now() - asked).toBeLessThan(100);
    expect(stopped).toMatchObject({ ok: false, error: { kind: 'stopped' } });
    if (!stopped.ok) expect(stopped.error.message).toMatch(/^Stopped by you after \d+(\.\d+)? s\. The kernel restarted\.$/);
    expect(workers[0].terminated).toBe(true);
    expect(reasons).toEqual(['stop']);
    expect(await runtime.run('next')).toMatchObject({ ok: true });
  });

  test('aborting a queued run drops it without touching the kernel or the run before it', async () => {
    let release: () => void = () => {};
    const workers: FakeWorker[] = [];
    const runtime = new Runtime(() => {
      const worker = new FakeWorker((fake, runId, code) => {
        release = () => answer(fake, runId, code);
      });
      workers.push(worker);
      return worker;
    });
    const reasons: RestartReason[] = [];
    runtime.onRestart((reason) => reasons.push(reason));
    const controller = new AbortController();
    const first = runtime.run('first');
    const queued = runtime.run('queued', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await queued).toMatchObject({ ok: false, error: { kind: 'stopped', message: 'Stopped by you before it started.' } });
    release();
    expect(await first).toMatchObject({ ok: true, value: { value: 5 } });
    expect(reasons).toEqual([]);
    expect(workers).toHaveLength(1);
  });
});
