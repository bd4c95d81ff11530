// The kernel worker: loads the engine, opens its private line to the page, locks itself down, and
// then runs cells as the page asks. Every message it sends carries the token the page gave it.

import * as engine from '../../engine/index.ts';
import { Kernel } from './kernel.ts';
import { createPlotHelper } from './plot-spec.ts';
import { lockDown, openPageLine } from './sandbox.ts';
import type { KernelMessage, ToKernel } from './protocol.ts';

let token = '';
let queue: Promise<void> = Promise.resolve();

const line = openPageLine(self, {
  message: (data) => receive(data as ToKernel),
  late: (reason) => kernel.reportLate(reason),
});
const send = (message: KernelMessage): void => line.post({ token, message });
const kernel = new Kernel(send);
// The engine's names, `engine` itself, `plot` and `Random` are what a cell starts with.
kernel.install({ ...engine, engine, plot: createPlotHelper() });
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
