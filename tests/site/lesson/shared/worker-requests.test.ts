import { describe, expect, test } from 'vitest';
import { LatestRequest, WorkerRequests, type RequestTarget } from '../../../../site/lesson/shared/worker-requests.ts';

type Request = { id: number; kind: 'square'; x: number };
type Reply = { id: number; value: number };

/** A fake worker that answers each request later, in the order given by `order` (reply indices). */
function fakeWorker(): RequestTarget<Request> & { sent: Request[]; answer(index: number, value: number): void } {
  const listeners: ((event: MessageEvent) => void)[] = [];
  const sent: Request[] = [];
  return {
    sent,
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, listener) => listeners.push(listener),
    answer(index, value) {
      for (const listener of listeners) listener({ data: { id: sent[index].id, value } } as MessageEvent);
    },
  };
}

describe('WorkerRequests', () => {
  test('each request gets a fresh id and is resolved by the reply carrying that id, whatever the order of replies', async () => {
    const worker = fakeWorker();
    const requests = new WorkerRequests<Request, Reply>(worker);
    const first = requests.request({ kind: 'square', x: 2 });
    const second = requests.request({ kind: 'square', x: 3 });
    expect(worker.sent.map((m) => m.id)).toEqual([1, 2]);
    expect(worker.sent[1]).toEqual({ kind: 'square', x: 3, id: 2 });
    expect(requests.pending).toBe(2);
    worker.answer(1, 9);
    worker.answer(0, 4);
    expect(await second).toEqual({ id: 2, value: 9 });
    expect(await first).toEqual({ id: 1, value: 4 });
    expect(requests.pending).toBe(0);
  });

  test('a reply with an id nobody waits for is ignored', () => {
    const worker = fakeWorker();
    const requests = new WorkerRequests<Request, Reply>(worker);
    void requests.request({ kind: 'square', x: 2 });
    worker.answer(0, 4);
    expect(() => worker.answer(0, 4)).not.toThrow();
    expect(requests.pending).toBe(0);
  });
});

describe('LatestRequest', () => {
  test('one request in flight at a time; the latest made meanwhile is sent when it comes back, and only its reply is shown', async () => {
    const worker = fakeWorker();
    const latest = new LatestRequest<Request, Reply>(new WorkerRequests<Request, Reply>(worker));
    const shown: number[] = [];
    const show = (reply: Reply) => shown.push(reply.value);
    latest.ask({ kind: 'square', x: 2 }, show);
    latest.ask({ kind: 'square', x: 3 }, show);
    latest.ask({ kind: 'square', x: 4 }, show);
    // Only the first went out; 4 waits, and 3, replaced by it, is never sent.
    expect(worker.sent.map((m) => m.x)).toEqual([2]);
    expect(latest.busy).toBe(true);
    worker.answer(0, 4);
    await Promise.resolve();
    await Promise.resolve();
    // The reply to 2 is no longer the latest: dropped, and 4 sent.
    expect(shown).toEqual([]);
    expect(worker.sent.map((m) => m.x)).toEqual([2, 4]);
    worker.answer(1, 16);
    await Promise.resolve();
    await Promise.resolve();
    expect(shown).toEqual([16]);
    expect(latest.busy).toBe(false);
    // Idle again: the next request goes out at once and its reply is shown.
    latest.ask({ kind: 'square', x: 5 }, show);
    expect(worker.sent.map((m) => m.x)).toEqual([2, 4, 5]);
    worker.answer(2, 25);
    await Promise.resolve();
    await Promise.resolve();
    expect(shown).toEqual([16, 25]);
  });
});
