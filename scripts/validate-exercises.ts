// Validates every exercise on many seeds, for authors and instructors: the reference must pass, the
// starter must fail, and each known-wrong solution must be rejected and recognised as itself, on every
// seed (PrairieLearn's "test 100 times").
//
//   npm run validate-exercises -- [--seeds N] [--exercise ID]... [--json] [--threads N]
//   npm run validate-exercises -- --exercise ID --seed S       (reruns one seed, to reproduce a failure)
//
// A code exercise's seed s grades on the hidden cases of salt `validate-s`; a numeric exercise seeded
// per learner on learner seed s's numbers; a fixed numeric exercise and a choice question have one
// variant and are checked once (scripts/validate-exercises/validate.ts says exactly what is checked).
// The seeds are shared out between threads, one per core (--threads N for another number). Prints a table, one row per
// (exercise, solution), with the seed of each row's first failure (to stderr with --json, whose rows go
// to stdout). Exits 0 when every row is perfect, 1 when one falls short, 2 on a usage error.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EXERCISES, exerciseIds, getExercise } from '../exercises/index.ts';
import { exitCodeOf, mergeTallies, reportRows, summaryOf, tableOf } from './validate-exercises/report.ts';
import { checksOf, seedsFor, validateExercise, type Tally } from './validate-exercises/validate.ts';
import type { ValidationJob, ValidationReply } from './validate-exercises/worker.ts';

interface Options {
  seeds: number;
  seed?: number;
  exercises: string[];
  json: boolean;
  threads: number;
}

/** How many seeds of one exercise a worker takes at a time: small enough to share the work evenly, large enough that messages cost nothing. */
const SEEDS_PER_JOB = 5;

const USAGE = `usage: npm run validate-exercises -- [--seeds N] [--exercise ID]... [--json] [--threads N]
       npm run validate-exercises -- --exercise ID --seed S
exercises: ${exerciseIds().join(', ')}`;

function usageError(message: string): never {
  process.stderr.write(`validate-exercises: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** A whole number ≥ `least` from an option's text, or a usage error naming the option. */
function wholeNumber(option: string, text: string, least: number): number {
  const value = Number(text);
  if (!(text.trim() !== '' && Number.isInteger(value) && value >= least && value <= 0xffffffff)) usageError(`${option} must be a whole number ≥ ${least}, not ${JSON.stringify(text)}`);
  return value;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { seeds: 100, exercises: [], json: false, threads: availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usageError(`${arg} needs a value`);
    if (arg === '--seeds') options.seeds = wholeNumber(arg, value(), 1);
    else if (arg === '--seed') options.seed = wholeNumber(arg, value(), 0);
    else if (arg === '--exercise') options.exercises.push(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--threads') options.threads = wholeNumber(arg, value(), 1);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else usageError(`unknown argument ${arg}`);
  }
  const unknown = options.exercises.filter((id) => !exerciseIds().includes(id));
  if (unknown.length > 0) usageError(`unknown exercise ${unknown.join(', ')}`);
  return options;
}

/** The jobs of a run: each selected exercise's seeds in slices (a fixed variant as one job), in course order. */
function jobsOf(exercises: readonly string[], seeds: readonly number[]): ValidationJob[] {
  return exercises.flatMap((id) => {
    const own = seedsFor(getExercise(id), seeds);
    return Array.from({ length: Math.ceil(own.length / SEEDS_PER_JOB) }, (_, k) => ({ exercise: id, seeds: own.slice(k * SEEDS_PER_JOB, (k + 1) * SEEDS_PER_JOB) }));
  });
}

/** The tallies of a job that could not run (its worker crashed): every solution falls short on its first seed, with the reason. */
function jobFailed(job: ValidationJob, reason: string): Tally[] {
  return checksOf(getExercise(job.exercise)).map((check) => ({
    ...check,
    runs: job.seeds.length,
    met: 0,
    ...(check.role === 'wrong' ? { recognised: 0 } : {}),
    firstFailure: { seed: job.seeds[0], reason: `the validation worker failed: ${reason}` },
  }));
}

/** Something that validates jobs one at a time: this thread, or a worker thread. */
interface Runner {
  /** The tallies of one job. */
  run(job: ValidationJob): Promise<Tally[]>;
  /** Stops it. */
  stop(): Promise<unknown>;
}

/** This thread as a runner: it has the exercises loaded already, so it starts at once while the workers load theirs. */
const thisThread: Runner = {
  async run(job) {
    // Let the workers' replies and the progress line through between two jobs.
    await new Promise((resolve) => setImmediate(resolve));
    return validateExercise(getExercise(job.exercise), job.seeds);
  },
  stop: async () => undefined,
};

/** A worker thread that validates jobs one at a time. */
class ValidationWorker implements Runner {
  private worker = new Worker(new URL('./validate-exercises/worker.mjs', import.meta.url));

  /** The tallies of one job; a crashed worker is replaced, and its job reported as failed. */
  run(job: ValidationJob): Promise<Tally[]> {
    return new Promise((resolve) => {
      const settle = (tallies: Tally[]) => {
        this.worker.off('message', onMessage).off('error', onError);
        resolve(tallies);
      };
      const onMessage = (reply: ValidationReply) => settle(reply.ok ? reply.tallies : jobFailed(job, reply.error));
      const onError = (error: Error) => {
        settle(jobFailed(job, error.message));
        void this.worker.terminate();
        this.worker = new Worker(new URL('./validate-exercises/worker.mjs', import.meta.url));
      };
      this.worker.on('message', onMessage).on('error', onError);
      this.worker.postMessage(job);
    });
  }

  /** Stops the thread. */
  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Runs the jobs on `threads` threads, this one and `threads - 1` workers, each taking the next job when it is free,
 * and calls `progress` after each job. A worker costs a second or more to start (tsx, the engine, the definitions),
 * so this thread works from the first moment and a worker only joins in once it has loaded.
 */
async function runJobs(jobs: readonly ValidationJob[], threads: number, progress: (done: number) => void): Promise<Tally[][]> {
  const results: Tally[][] = new Array(jobs.length);
  let done = 0;
  let next = 0;
  const pool: Runner[] = [thisThread, ...Array.from({ length: threads - 1 }, () => new ValidationWorker())];
  await Promise.all(
    pool.map(async (runner) => {
      while (next < jobs.length) {
        const k = next++;
        results[k] = await runner.run(jobs[k]);
        progress(++done);
      }
    }),
  );
  await Promise.all(pool.map((runner) => runner.stop()));
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const exercises = options.exercises.length > 0 ? options.exercises : EXERCISES.map((e) => e.id);
  const seeds = options.seed === undefined ? Array.from({ length: options.seeds }, (_, s) => s) : [options.seed];
  const jobs = jobsOf(exercises, seeds);
  // One thread per core (this one among them), and none idle for want of jobs.
  const threads = Math.max(1, Math.min(options.threads, jobs.length));
  // A progress line only where a person watches; a log or a pipe gets the table alone.
  const tty = process.stderr.isTTY === true;
  const progress = (done: number) => {
    if (tty) process.stderr.write(`\rvalidating: ${done}/${jobs.length} batches of seeds`);
  };
  const started = performance.now();
  const results = await runJobs(jobs, threads, progress);
  if (tty) process.stderr.write('\r\x1b[K');
  const tallies: Tally[] = [];
  for (const result of results) mergeTallies(tallies, result);
  const seconds = (performance.now() - started) / 1000;
  const seedWords = options.seed === undefined ? `${seeds.length} seeds each` : `seed ${options.seed}`;
  const log = options.json ? process.stderr : process.stdout;
  log.write(tableOf(tallies));
  log.write(`\n${summaryOf(tallies, { seeds: seedWords, seconds, threads })}`);
  if (options.json) process.stdout.write(`${JSON.stringify(reportRows(tallies), null, 2)}\n`);
  process.exitCode = exitCodeOf(tallies);
}

await main();
