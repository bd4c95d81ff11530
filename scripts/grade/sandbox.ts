// Runs an untrusted submission with no ambient authority, for the grading CLI.
//
// Threat model: a submission is hostile. It must not read or write files, read the
// environment or the salt, reach the network, start processes or workers, kill,
// hang or starve the grader, or change another submission's verdict. The design,
// in layers, each of which holds on its own:
//
// 1. Nothing secret is sent. The salt, the cases and the expected values stay in
//    this (parent) process; the child gets only the case inputs, the code with its
//    types already stripped (here, outside any time limit) and the helpers' source.
// 2. One child process per submission: `node --experimental-permission` with a
//    read grant for its own file only (no fs writes, no child processes, no
//    workers), `--disallow-code-generation-from-strings` (so even a host-realm
//    Function, should one leak, cannot compile "return process"), an empty
//    environment and no arguments but its path, a V8 heap cap and, where /bin/sh
//    exists, an address-space cap (`ulimit -v`) that also bounds ArrayBuffers.
//    A process per submission costs one plain Node start (no tsx), about a third of
//    the CPU the earlier worker-with-tsx per submission took, and makes each verdict
//    independent by construction: nothing a submission leaves behind
//    (a timer, a finalizer, a polluted prototype, a fragmented heap) outlives it,
//    and its death, by kill, signal, OOM or exit, is its own verdict alone.
// 3. Inside the child, the code runs in a `vm` context created from a null-prototype
//    object (the classic `this.constructor.constructor` walk finds only the
//    context's own Function) with code generation from strings and WebAssembly
//    off, its own microtask queue (`afterEvaluate`, so promises count against the
//    time limit) and a `timeout`. The context holds the language's globals and the
//    student helpers, built and frozen inside it; `import()` rejects with an error
//    of the context's own realm.
// 4. Only text crosses back: the outputs are encoded to JSON inside the context
//    (getters, Proxies, valueOf and toJSON run there, under the time limit), and
//    this process parses that text into plain data and grades it. A reply that is
//    missing, malformed or too large is that submission's error.
// 5. Here, a wall clock kills a child that overruns the vm timeout, and output is
//    capped, so no submission can hang or flood the grader.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase';
import { submissionBody } from '../../exercises/compile-submission.ts';
import type { CallOutcome } from '../../exercises/grader.ts';
import { NOT_PLAIN } from '../../exercises/returned-value.ts';
import type { NotPlain } from '../../exercises/returned-value.ts';

/** The largest submission graded, in bytes of UTF-8: a pasted exercise is a few kilobytes. */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

/** What to run: a submission, the function it must define, and each case's calls (arguments only). */
export interface SandboxJob {
  /** The submission's source, TypeScript or JavaScript. */
  source: string;
  /** The function it must define. */
  functionName: string;
  /** Each case's calls, arguments only: the expected values never leave the grader. */
  cases: { calls: { args: unknown[] }[] }[];
}

/** The sandbox's answer: every call's outcome as plain data, or why the submission could not be run. */
export type SandboxReply = { ok: true; outcomes: CallOutcome[][] } | { ok: false; message: string };

/** Limits of one sandboxed run. */
export interface SandboxLimits {
  /** Milliseconds the submission may run (its top level and every call), compiling excluded (default 5000). */
  timeoutMs?: number;
  /** Megabytes of JavaScript heap the child may use (default 256). */
  memoryMb?: number;
}

const CHILD = fileURLToPath(new URL('./sandbox-child.mjs', import.meta.url));
const HELPERS = fileURLToPath(new URL('../../exercises/student-helpers.ts', import.meta.url));
// A Node process reserves about 0.7 GB of address space before running anything; the rest is the submission's.
const ADDRESS_SPACE_KB = 1_500_000;
// Starting Node and compiling a submission of the largest size takes well under this even on a busy machine.
const COMPILE_LIMIT_MS = 30_000;
// The vm timeout stops a loop inside the child; this margin only catches what it cannot.
const WALL_CLOCK_MARGIN_MS = 2_000;
const MAX_REPLY_BYTES = 64 * 1024 * 1024;

let helpersSource: string | undefined;

/** The student helpers as a CommonJS function body, compiled once from their TypeScript. */
function helpers(): string {
  helpersSource ??= transform(readFileSync(HELPERS, 'utf8'), { transforms: ['typescript', 'imports'] }).code;
  return helpersSource;
}

/** Encodes case arguments as JSON, tagging numbers JSON cannot hold. */
function encodeCases(cases: SandboxJob['cases']): string {
  return JSON.stringify(cases, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value,
  );
}

/** Turns the tagged JSON of the child's reply back into plain values (NaN, ±Infinity, undefined), holes into the grader's hole marker. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$number' && typeof record.$number === 'string') return Number(record.$number);
  if (keys.length === 1 && keys[0] === '$undefined') return undefined;
  if (keys.length === 1 && keys[0] === '$hole') return { [NOT_PLAIN]: 'hole' } satisfies NotPlain;
  return Object.fromEntries(keys.map((key) => [key, decode(record[key])]));
}

/** Checks the decoded reply has the shape the grader expects, so nothing malformed reaches it. */
function readReply(reply: unknown, caseCount: number): SandboxReply {
  const r = reply as { ok?: unknown; message?: unknown; outcomes?: unknown };
  if (r !== null && typeof r === 'object' && r.ok === false && typeof r.message === 'string') return { ok: false, message: r.message };
  if (r === null || typeof r !== 'object' || r.ok !== true || !Array.isArray(r.outcomes) || r.outcomes.length !== caseCount) {
    return { ok: false, message: 'the grader could not read what your code returned' };
  }
  const outcomes = (r.outcomes as unknown[]).map((row) =>
    (Array.isArray(row) ? row : []).map((o): CallOutcome => {
      const outcome = o as { ok?: unknown; output?: unknown; error?: unknown };
      if (outcome !== null && typeof outcome === 'object' && outcome.ok === true) return { ok: true, output: decode(outcome.output) };
      return { ok: false, error: typeof outcome?.error === 'string' ? outcome.error : 'no result came back' };
    }),
  );
  return { ok: true, outcomes };
}

/** Why a child ended without answering, in the student's terms. */
function deathMessage(code: number | null, signal: NodeJS.Signals | null, stderr: string, memoryMb: number): string {
  if (/heap limit|out of memory|OOM|allocation failed/i.test(stderr)) return `stopped: your code used more than the grader's memory limit (${memoryMb} MB of heap)`;
  const how = signal !== null ? `it was ended by ${signal}` : `it exited with code ${code}`;
  return `your code stopped the grader process before answering (${how})`;
}

/** The command that starts the child: Node under the permission model, behind an address-space cap where a POSIX shell exists. */
function childCommand(memoryMb: number): { file: string; args: string[] } {
  // Node 20 calls the permission model experimental; later versions name the stable flag --permission.
  const permission = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  const node = [
    permission,
    `--allow-fs-read=${CHILD}`,
    '--experimental-vm-modules',
    '--disallow-code-generation-from-strings',
    `--max-old-space-size=${memoryMb}`,
    '--no-warnings',
    CHILD,
  ];
  if (process.platform !== 'win32' && existsSync('/bin/sh')) {
    return { file: '/bin/sh', args: ['-c', `ulimit -v ${ADDRESS_SPACE_KB} && exec "$0" "$@"`, process.execPath, ...node] };
  }
  return { file: process.execPath, args: node };
}

/** Runs a submission in a fresh sandboxed child process; always settles, with its outcomes or a message for the student. */
export async function runSandboxed(job: SandboxJob, limits: SandboxLimits = {}): Promise<SandboxReply> {
  const timeoutMs = limits.timeoutMs ?? 5000;
  const memoryMb = limits.memoryMb ?? 256;
  const bytes = Buffer.byteLength(job.source, 'utf8');
  if (bytes > MAX_SUBMISSION_BYTES) {
    return {
      ok: false,
      message: `the submission is ${Math.ceil(bytes / 1024)} kB; the grader takes at most ${MAX_SUBMISSION_BYTES / 1024} kB of code (an exercise answer is a few kB)`,
    };
  }
  const prepared = submissionBody(job.source, job.functionName);
  if (!prepared.ok) return prepared;
  const input = JSON.stringify({ body: prepared.body, functionName: job.functionName, helpers: helpers(), cases: encodeCases(job.cases), timeoutMs });
  const { file, args } = childCommand(memoryMb);

  return new Promise((resolve) => {
    const child = spawn(file, args, { env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    let settled = false;
    let stdout = '';
    let stdoutBytes = 0;
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (reply: SandboxReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(reply);
    };
    const limit = (ms: number, message: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, message }), ms);
    };
    limit(COMPILE_LIMIT_MS, `the grader could not start your code within ${COMPILE_LIMIT_MS / 1000} s`);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_REPLY_BYTES) return finish({ ok: false, message: 'your code returned more data than the grader reads' });
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        let message: { stage?: string; reply?: unknown; ok?: unknown; message?: unknown };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          return finish({ ok: false, message: 'the grader could not read what your code returned' });
        }
        if (message.stage === 'compiled') {
          // The clock starts once the code is compiled: compiling never counts against the student.
          limit(timeoutMs + WALL_CLOCK_MARGIN_MS, `stopped after ${timeoutMs / 1000} s without finishing (an infinite loop?)`);
        } else if (message.stage === 'done') return finish(readReply(message.reply, job.cases.length));
        else return finish(readReply(message, job.cases.length));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 65_536) stderr += chunk;
    });
    child.on('error', (error) => finish({ ok: false, message: `the grader could not start a sandbox: ${error.message}` }));
    child.on('close', (code, signal) => finish({ ok: false, message: deathMessage(code, signal, stderr, memoryMb) }));
    child.stdin.on('error', () => {
      // The child may die before reading its job; 'close' reports why.
    });
    child.stdin.end(input);
  });
}
