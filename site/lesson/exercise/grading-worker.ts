// The exercise kernel: the notebook's sandboxed kernel, but holding the student helpers (and the
// autograd stand-ins that refuse) instead of the engine, and a runner that calls the student's
// function on prepared cases. Only this worker ever runs a student's answer; the page grades the
// plain outputs it sends back.

import { runCalls } from '../../../exercises/grader.ts';
import { studentScope } from '../../../exercises/student-helpers.ts';
import { serveKernel } from '../../runtime/serve-kernel.ts';
import { RUN_CALLS } from './run-calls-name.ts';

serveKernel({ ...studentScope(), [RUN_CALLS]: runCalls });
