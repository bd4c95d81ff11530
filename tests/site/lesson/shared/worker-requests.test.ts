import { describe, expect, test } from 'vitest';
import { WorkerRequests, type RequestTarget } from '../../../../site/lesson/shared/worker-requests.ts';

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
