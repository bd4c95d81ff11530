// What the page and its checking worker say to each other (see grading-worker.ts).

/** The page asks the worker to check one submission on the cases' arguments. */
export interface CheckRequest {
  /** The submission's source, TypeScript or JavaScript. */
  source: string;
  /** The function it must define. */
  functionName: string;
  /** The cases' arguments as the runner takes them (JSON text, see exercises/submission/reply.ts). */
  cases: string;
}

/** The worker's messages: compiled (the watchdog starts), and done with the runner's reply as JSON text. */
export type CheckMessage = { stage: 'compiled' } | { stage: 'done'; reply: string };
