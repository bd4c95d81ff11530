// What every kernel worker does: open its private line to the page, install the names its code may use, lock
// itself down, and then run code as the page asks, one request at a time. Every message it sends carries the
// token the page gave it.

import { Kernel } from './kernel.ts';
import { lockDown, openPageLine } from './sandbox.ts';
import type { KernelMessage, ToKernel } from './protocol.ts';

/** Turns this worker into a kernel whose code starts with the given names in scope. */
export function serveKernel(scope: Record<string, unknown>): void {
  let token = '';
  let queue: Promise<void> = Promise.resolve();

  const line = openPageLine(self, {
    message: (data) => receive(data as ToKernel),
    late: (reason) => kernel.reportLate(reason),
  });
  const send = (message: KernelMessage): void => line.post({ token, message });
  const kernel = new Kernel(send);
  kernel.install(scope);
  lockDown(self);

  function receive(request: ToKernel): void {
    if (request.type === 'init') {
      if (token !== '') return;
      token = request.token;
      send({ type: 'ready' });
      return;
    }
    if (token === '') return;
    const { type: _type, ...run } = request;
    queue = queue.then(() => kernel.run(run));
  }
}
