// The entry of a validation worker thread. Node 20 starts a worker's first module before the loader
// hooks its parent was given (tsx) apply there, so this one is plain JavaScript: it registers tsx in
// this thread and then loads the TypeScript worker, which answers the main thread's jobs.

import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
