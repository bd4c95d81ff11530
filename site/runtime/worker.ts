// The notebook's kernel worker: the engine's names, `engine` itself and `plot` are what a cell starts with.

import * as engine from '../../engine/index.ts';
import { createPlotHelper } from './plot-spec.ts';
import { serveKernel } from './serve-kernel.ts';

serveKernel({ ...engine, engine, plot: createPlotHelper() });
