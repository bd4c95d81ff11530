// The exercise kernel: the notebook's sandboxed kernel, but holding the student helpers (and the
// autograd stand-ins that refuse) instead of the engine, and a runner that calls the student's
// function on prepared cases. Only this worker ever runs a student's answer; the page grades the
// plain outputs it sends back.

import { runCalls } from '../../exercises/grader.ts';
import { studentScope } from '../../exercises/student-helpers.ts';
import { Kernel } from '../runtime/kernel.ts';
import type { KernelMessage, ToKernel } from '../runtime/protocol.ts';
import { lockDown, openPageLine } from '../runtime/sandbox.ts';
import { RUN_CALLS } from './run-calls-name.ts';

let token = '';
let queue: Promise<void> = Promise.resolve();

const line = openPageLine(self, {
  message: (data) => receive(data as ToKernel),
  late: (reason) => kernel.reportLate(reason),
});
const send = (message: KernelMessage): void => line.post({ token, message });
const kernel = new Kernel(send);
kernel.install({ ...studentScope(), [RUN_CALLS]: runCalls });
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
