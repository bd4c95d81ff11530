// Checking a student's answer on the page, one role of the code worker (site/runtime/code-worker.ts): it compiles the
// submission (TypeScript or JavaScript) with the submission module, says so, then calls the function on the cases and
// sends back the runner's reply as text, exactly as the grading CLI's sandbox does. The page starts its
// watchdog when the code is compiled (compiling never counts against the student), grades the
// reply against the answer key, and uses a fresh worker for every check, so nothing one answer
// leaves behind (a timer, a replaced global) reaches the next.

import { compileError, compileSource } from '../../../exercises/submission/compile.ts';
import { firstFrameLine, functionFactory } from '../../../exercises/submission/function-factory.ts';
import { createRunner } from '../../../exercises/submission/runner.ts';
import { studentScope } from '../../../exercises/student-helpers.ts';
import { lockDown, openPageLine } from '../../runtime/sandbox.ts';
import type { CheckRequest, CheckMessage } from './grading-protocol.ts';

/** Turns this worker into the checker of one submission: the first request is checked, any later one ignored. */
export function serveCheck(): void {
  // Taken before the lockdown turns string-to-code off for the student's code.
  const makeFunction = Function;
  const frameLine = firstFrameLine(makeFunction);
  // Getters in a returned value are read: this worker is the student's own and under the watchdog.
  const runner = createRunner({ readAccessors: true, firstFrameLine: frameLine });
  const scope = studentScope();
  const helperNames = Object.keys(scope);
  const helperValues = helperNames.map((name) => {
    const helper = scope[name];
    if (typeof helper === 'function' && helper.prototype !== undefined) Object.freeze(helper.prototype);
    return Object.freeze(helper);
  });

  let used = false;
  const line = openPageLine(self, {
    message: (data) => check(data as CheckRequest),
    // Whatever the code leaves running after its reply is its own business: this worker is never used again.
    late: () => undefined,
  });
  const send = (message: CheckMessage): void => line.post(message);
  lockDown(self);

  function check(request: CheckRequest): void {
    if (used) return;
    used = true;
    const compiled = compileSource(request.source, request.functionName);
    if (!compiled.ok) return send({ stage: 'done', reply: JSON.stringify(compiled) });
    let factory: ReturnType<typeof functionFactory>;
    try {
      factory = functionFactory(helperNames, compiled.body, makeFunction);
    } catch (error) {
      return send({ stage: 'done', reply: JSON.stringify({ ok: false, kind: 'syntax', ...compileError(error, frameLine) }) });
    }
    send({ stage: 'compiled' });
    send({ stage: 'done', reply: runner.run(factory, helperValues, request.functionName, request.cases) });
  }
}
