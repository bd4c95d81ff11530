// The page's side of type checking: the checker's worker starts on the first request (a reader
// editing or running a TypeScript cell), never on page load, and answers one request at a time.

import type { TypeDiagnostic } from '../../runtime/type-check.ts';
import type { TypeCheckReply, TypeCheckRequest } from '../../runtime/type-check-protocol.ts';

/** What a check found: the cell's type problems, or a sentence saying why types could not be checked. */
export type TypeCheckOutcome = { ok: true; diagnostics: TypeDiagnostic[] } | { ok: false; message: string };

/** How long the first check may take, loading the compiler included, before the page gives up on it, in milliseconds. */
const CHECK_TIMEOUT_MS = 60_000;

/** Checks cells' types in a worker that is created on the first check. */
export class TypeChecker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: TypeCheckOutcome) => void>();

  /** Checks one cell's code, given the names earlier cells defined; resolves, never rejects. */
  check(code: string, earlierNames: string[]): Promise<TypeCheckOutcome> {
    const worker = this.start();
    if (!worker) return Promise.resolve({ ok: false, message: 'Types could not be checked: this browser cannot start the checker.' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, { ok: false, message: 'Types could not be checked: the checker took too long to load.' }), CHECK_TIMEOUT_MS);
      this.waiting.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      const request: TypeCheckRequest = { id, code, earlierNames };
      worker.postMessage(request);
    });
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL('../../runtime/type-worker.ts', import.meta.url), { type: 'module', name: 'type-checker' });
    } catch {
      return undefined;
    }
    this.worker.addEventListener('message', (event: MessageEvent<TypeCheckReply>) => {
      const reply = event.data;
      this.settle(reply.id, reply.ok ? { ok: true, diagnostics: reply.diagnostics } : { ok: false, message: `Types could not be checked: ${reply.message}` });
    });
    this.worker.addEventListener('error', () => {
      // A checker that failed to load (offline, say) fails every pending check; the next check tries again.
      this.worker?.terminate();
      this.worker = undefined;
      for (const id of [...this.waiting.keys()]) this.settle(id, { ok: false, message: 'Types could not be checked: the checker did not load (are you offline?). The cell still runs.' });
    });
    return this.worker;
  }

  private settle(id: number, outcome: TypeCheckOutcome): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(outcome);
  }
}
