// Runs an untrusted submission with no ambient authority, for the grading CLI.
//
// Threat model: a submission is hostile. It must not read or write files, read the
// environment or the salt, reach the network, start processes or workers, kill,
// hang or starve the grader, or change another submission's verdict. The design,
// in layers, each of which holds on its own:
//
// 1. Nothing secret is sent. The salt, the cases and the expected values stay in
//    this (parent) process; the child gets only the case inputs, the code compiled
//    here (exercises/submission/compile.ts, outside any time limit), and the source of
//    the runner (exercises/submission/runner.ts, the exercise page's own) and helpers.
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
// 4. Only text crosses back: the runner encodes the outputs as tagged JSON inside the
//    context (getters and Proxies run there, under the time limit), and this process
//    reads that text with exercises/submission/reply.ts, as the page does, and grades
//    it. A reply that is missing, malformed or too large is that submission's error;
//    every message a student reads comes from the submission module.
// 5. Here, a wall clock kills a child that overruns the vm timeout, and output is
//    capped, so no submission can hang or flood the grader.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase';
import { COMPILE_MESSAGES, compileSource } from '../../exercises/submission/compile.ts';
import { casesJson, readReply } from '../../exercises/submission/reply.ts';
import type { CallOutcome } from '../../exercises/grader.ts';
import { BODY_FIRST_LINE, RUN_MESSAGES } from '../../exercises/submission/runner.ts';
import { timedOutMessage } from '../../exercises/submission/watchdog-messages.ts';

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

/** The sandbox's answer: every call's outcome as plain data, or why the submission could not be run (the message names the line when known). */
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
const RUNNER = fileURLToPath(new URL('../../exercises/submission/runner.ts', import.meta.url));
// A Node process reserves about 0.7 GB of address space before running anything; the rest is the submission's.
const ADDRESS_SPACE_KB = 1_500_000;
// Starting Node and compiling a submission of the largest size takes well under this even on a busy machine.
const COMPILE_LIMIT_MS = 30_000;
// The vm timeout stops a loop inside the child; this margin only catches what it cannot.
const WALL_CLOCK_MARGIN_MS = 2_000;
const MAX_REPLY_BYTES = 64 * 1024 * 1024;

const modules = new Map<string, string>();

/** A module of the course (it must have no imports) as a CommonJS function body of `exports`, compiled once from its TypeScript. */
function moduleSource(path: string): string {
  let source = modules.get(path);
  if (source === undefined) {
    source = transform(readFileSync(path, 'utf8'), { transforms: ['typescript', 'imports'] }).code;
    modules.set(path, source);
  }
  return source;
}

/** What the child's last line says failed, by kind (the words are the submission module's). */
interface ChildFailure {
  kind?: unknown;
  detail?: unknown;
  bodyLine?: unknown;
}

/** The child's last line as a reply: the runner's JSON text read as the page reads it, or a failure the child named by kind. */
function replyOf(message: { reply?: unknown; failure?: ChildFailure }, caseCount: number, timeoutMs: number): SandboxReply {
  if (typeof message.reply === 'string') {
    const reply = readReply(message.reply, caseCount);
    return reply.ok ? reply : { ok: false, message: reply.message };
  }
  const failure = message.failure ?? {};
  if (failure.kind === 'syntax') {
    const bodyLine = typeof failure.bodyLine === 'number' ? failure.bodyLine : 0;
    const line = bodyLine >= BODY_FIRST_LINE ? bodyLine - BODY_FIRST_LINE + 1 : undefined;
    const detail = typeof failure.detail === 'string' ? failure.detail : 'a syntax error';
    return { ok: false, message: COMPILE_MESSAGES.doesNotParse(detail, line) };
  }
  if (failure.kind === 'timeout') return { ok: false, message: timedOutMessage(timeoutMs / 1000) };
  if (failure.kind === 'crash') return { ok: false, message: RUN_MESSAGES.crashed() };
  return { ok: false, message: 'the grader could not read what your code returned' };
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
  const compiled = compileSource(job.source, job.functionName);
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const input = JSON.stringify({
    body: compiled.body,
    functionName: job.functionName,
    runner: moduleSource(RUNNER),
    helpers: moduleSource(HELPERS),
    // vm.compileFunction numbers a body from its own first line.
    firstFrameLine: BODY_FIRST_LINE,
    cases: casesJson(job.cases),
    timeoutMs,
  });
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
        let message: { stage?: string; reply?: unknown; failure?: ChildFailure };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          return finish({ ok: false, message: 'the grader could not read what your code returned' });
        }
        if (message.stage === 'compiled') {
          // The clock starts once the code is compiled: compiling never counts against the student.
          limit(timeoutMs + WALL_CLOCK_MARGIN_MS, timedOutMessage(timeoutMs / 1000));
        } else if (message.stage === 'done') return finish(replyOf(message, job.cases.length, timeoutMs));
        else return finish({ ok: false, message: 'the grader could not read what your code returned' });
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
