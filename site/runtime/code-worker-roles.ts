// The roles of the one worker that compiles and runs code (code-worker.ts), by the name the page starts an instance
// with: `new Worker(new URL('.../runtime/code-worker.ts', import.meta.url), { type: 'module', name: CODE_WORKER_ROLES.check })`.

export const CODE_WORKER_ROLES = {
  /** A notebook's kernel: runs the cells of one page (./worker.ts). */
  kernel: 'notebook-kernel',
  /** Checks one submission to a code exercise, then is thrown away (site/lesson/exercise/grading-worker.ts). */
  check: 'exercise-check',
  /** Computes a class student's own answer key (site/lesson/exercise/student-key-worker.ts). */
  studentKey: 'exercise-student-key',
} as const;

/** One of the roles' names. */
export type CodeWorkerRole = (typeof CODE_WORKER_ROLES)[keyof typeof CODE_WORKER_ROLES];
