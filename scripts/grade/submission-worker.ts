// Runs one submission inside its own worker thread: compiles it, calls it on the
// prepared arguments, and posts back plain outputs. It never sees expected values,
// so a submission that tampers with its surroundings can only spoil its own outputs.

import { parentPort } from 'node:worker_threads';
import { compileSubmission } from '../../exercises/compile-submission.ts';
import { runCalls } from '../../exercises/grader.ts';
import type { SubmissionJob, SubmissionReply } from './isolated-run.ts';

const port = parentPort!;
port.on('message', (job: SubmissionJob) => {
  const compiled = compileSubmission(job.source, job.functionName);
  const reply: SubmissionReply = compiled.ok ? { ok: true, outcomes: runCalls(compiled.fn, job.cases) } : { ok: false, message: compiled.message };
  port.postMessage(reply);
});
port.postMessage('ready');
