// Runs a Node.js program as a child process without blocking the test worker, which must keep answering Vitest
// while a build runs for a minute or more (a blocked worker fails the run with "Timeout calling onTaskUpdate").

import { spawn } from 'node:child_process';

/** What a finished child process printed, and its exit status. */
export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS...` in `cwd` with `env` (the current environment by default) and resolves when it exits. */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
