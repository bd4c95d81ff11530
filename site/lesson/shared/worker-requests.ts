// Requests to a widget's worker that each get one reply: every request is posted with a fresh id, and the reply that
// carries that id resolves its promise. Widgets whose worker answers request by request (the universal approximator,
// position to colour, the activation explorer) share this instead of each keeping an id counter and a table of waiting
// promises; a drawing of which only the latest matters goes through a LatestRequest.

/** A message of a union without its `id`, member by member (what a caller passes; the id is added here). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The end of a request-reply protocol that the page holds. */
export interface RequestTarget<Request> {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Posts requests to `target` with ids and resolves each with the reply that carries its id. */
export class WorkerRequests<Request extends { id: number }, Reply extends { id: number }> {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();

  constructor(private readonly target: RequestTarget<Request>) {
    target.addEventListener('message', (event: MessageEvent) => {
      const reply = event.data as Reply;
      const resolve = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      resolve?.(reply);
    });
  }

  /** Sends `message` with a new id; resolves with its reply. */
  request(message: WithoutId<Request>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.target.postMessage({ ...message, id } as unknown as Request);
    });
  }

  /** How many requests still wait for their reply. */
  get pending(): number {
    return this.waiting.size;
  }
}

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
