// The notebook's kernel, one role of the code worker (code-worker.ts): a cell starts with the names of the cell scope
// (./cell-scope.ts).

import * as cellScope from './cell-scope.ts';
import { serveKernel } from './serve-kernel.ts';

/** Turns this worker into a notebook's kernel. */
export function serveNotebookKernel(): void {
  serveKernel({ ...cellScope });
}
