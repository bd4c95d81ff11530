// A drawing asked of a widget's worker where only the latest request matters (LatestRequest). A module of its own, apart
// from worker-requests.ts, so the pages whose widgets use only WorkerRequests (the universal approximator on
// /lessons/mlp/, at the edge of its page budget) do not load it.

import type { WithoutId, WorkerRequests } from './worker-requests.ts';

/**
 * Requests of which only the latest matters, such as the drawing of settings a slider keeps changing: at most one is
 * in flight. A request made meanwhile waits, replacing any that waited before it, and is sent when the reply in flight
 * comes; that reply, no longer the latest, is dropped. So the worker never works through a queue of drawings nobody
 * will see, and the reply shown is always to the latest request.
 */
export class LatestRequest<Request extends { id: number }, Reply extends { id: number }> {
  private inFlight = false;
  private next: { message: WithoutId<Request>; show: (reply: Reply) => void } | null = null;

  constructor(private readonly requests: WorkerRequests<Request, Reply>) {}

  /** Asks for `message`; `show` gets its reply unless a later request is made before the reply comes. */
  ask(message: WithoutId<Request>, show: (reply: Reply) => void): void {
    this.next = { message, show };
    if (!this.inFlight) this.send();
  }

  /** Whether a request is in flight or waiting. */
  get busy(): boolean {
    return this.inFlight || this.next !== null;
  }

  private send(): void {
    const { message, show } = this.next!;
    this.next = null;
    this.inFlight = true;
    void this.requests.request(message).then((reply) => {
      this.inFlight = false;
      if (this.next !== null) this.send();
      else show(reply);
    });
  }
}
