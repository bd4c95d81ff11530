// The notebook's kernel worker: a cell starts with the names of the cell scope (./cell-scope.ts).

import * as cellScope from './cell-scope.ts';
import { serveKernel } from './serve-kernel.ts';

serveKernel({ ...cellScope });
