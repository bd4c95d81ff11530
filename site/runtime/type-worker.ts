// The type checker's worker: the TypeScript compiler, the ES library's declarations and the
// engine's own source and the cell scope's, bundled apart from everything else and started only when a reader edits or
// runs a TypeScript cell, so no page pays for it up front and the page's thread never checks types.

import { CELL_SCOPE, CellTypeChecker, ENGINE_INDEX, PLOT_SPEC, type SourceTexts } from './type-check.ts';
import type { TypeCheckReply, TypeCheckRequest } from './type-check-protocol.ts';
import plotSpec from './plot-spec.ts?raw';
import cellScope from './cell-scope.ts?raw';

// The library files lib.es2023.d.ts references, and nothing with the DOM in it (cells have no DOM).
const libraries = import.meta.glob(['/node_modules/typescript/lib/lib.es5.d.ts', '/node_modules/typescript/lib/lib.es20{15,16,17,18,19,20,21,22,23}*.d.ts', '/node_modules/typescript/lib/lib.decorators*.d.ts', '!**/*.full.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const engine = import.meta.glob('/engine/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const sources: SourceTexts = { [PLOT_SPEC]: plotSpec, [CELL_SCOPE]: cellScope };
for (const [path, text] of Object.entries(libraries)) sources[path.replace('/node_modules/typescript/lib', '')] = text;
for (const [path, text] of Object.entries(engine)) sources[path] = text;
if (!(ENGINE_INDEX in sources)) throw new Error(`the type checker was built without ${ENGINE_INDEX}`);

const checker = new CellTypeChecker(sources);

self.addEventListener('message', (event: MessageEvent<TypeCheckRequest>) => {
  const { id, code, earlierNames } = event.data;
  let reply: TypeCheckReply;
  try {
    reply = { id, ok: true, diagnostics: checker.check(code, earlierNames) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
