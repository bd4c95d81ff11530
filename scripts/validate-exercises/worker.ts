// A validation worker thread: it takes jobs (an exercise's id and some seeds) from the main thread
// and answers each with the tallies of validate.ts, so the seeds of `npm run validate-exercises`
// run on every core. Loaded by worker.mjs, which registers tsx first.

import { parentPort } from 'node:worker_threads';
import { getExercise } from '../../exercises/index.ts';
import { validateExercise, type Tally } from './validate.ts';

/** A job: validate this exercise on these seeds. */
export interface ValidationJob {
  /** The exercise's id. */
  exercise: string;
  /** The seeds to run. */
  seeds: number[];
}

/** A worker's answer to a job: the tallies, or what was thrown. */
export type ValidationReply = { ok: true; tallies: Tally[] } | { ok: false; error: string };

const port = parentPort;
if (port === null) throw new Error('scripts/validate-exercises/worker.ts runs as a worker thread of scripts/validate-exercises.ts');
port.on('message', (job: ValidationJob) => {
  let reply: ValidationReply;
  try {
    reply = { ok: true, tallies: validateExercise(getExercise(job.exercise), job.seeds) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
