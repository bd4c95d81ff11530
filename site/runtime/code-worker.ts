// The one worker that compiles and runs code, in three roles (code-worker-roles.ts): a notebook's kernel, the check of
// an exercise's answer, and a class student's own answer key. An instance takes its role from the name the page
// started it with (`self.name`) and keeps it for its life, so a cell's kernel, a check and a key never share an
// instance: a hostile submission cannot reach another check's verdict or a page's cells.
//
// Why one entry: each role's code is loaded with import(), so an instance loads only its own role's code, and the roles
// share their common chunks (the compiler, the engine). The build makes every worker a chunk of the pages' own build
// (scripts/worker-chunks.ts), so those chunks are shared with the page and the widgets' workers as well.
//
// A module worker drops a message that arrives before anything listens, and the role's code arrives after the page's
// first message may have: until the role listens, messages wait here, and are handed to it in order once it does.

import { CODE_WORKER_ROLES, type CodeWorkerRole } from './code-worker-roles.ts';

const roles: Record<CodeWorkerRole, () => Promise<void>> = {
  [CODE_WORKER_ROLES.kernel]: () => import('./worker.ts').then(({ serveNotebookKernel }) => serveNotebookKernel()),
  [CODE_WORKER_ROLES.check]: () => import('../lesson/exercise/grading-worker.ts').then(({ serveCheck }) => serveCheck()),
  [CODE_WORKER_ROLES.studentKey]: () => import('../lesson/exercise/student-key-worker.ts').then(({ serveStudentKey }) => serveStudentKey()),
};

// Taken before a role's lockdown (runtime/sandbox.ts) hides them.
const scope = self;
const { addEventListener: listen, removeEventListener: unlisten, dispatchEvent: dispatch } = scope;
const Message = MessageEvent;
const waiting: unknown[] = [];
const hold = (event: MessageEvent): void => void waiting.push(event.data);
Reflect.apply(listen, scope, ['message', hold]);

const role = Object.hasOwn(roles, scope.name) ? roles[scope.name as CodeWorkerRole] : undefined;
(role ?? (() => Promise.reject(new Error(`the code worker has no role named ${JSON.stringify(scope.name)}`))))().then(
  () => {
    Reflect.apply(unlisten, scope, ['message', hold]);
    for (const data of waiting.splice(0)) Reflect.apply(dispatch, scope, [new Message('message', { data })]);
  },
  (error: unknown) => {
    // Thrown from a task, the error reaches the page as the worker's error event (as a script that failed to load would).
    setTimeout(() => {
      throw error;
    });
  },
);
