// The cell scope module is the one list of the names a cell starts with: the kernel installs its
// exports, the type checker declares them, and the reference page documents every one of them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as engine from '../../../engine/index.ts';
import * as scope from '../../../site/runtime/cell-scope.ts';
import { cellScopeNames, describeCellScope, type ScopeSection } from '../../../site/runtime/cell-scope-docs.ts';
import { CELL_SCOPE, PLOT_SPEC, type SourceTexts } from '../../../site/runtime/type-check.ts';

const root = join(import.meta.dirname, '../../..');

// Public engine values a cell does not get, each with its reason; any other public value must be in the cell scope.
const NOT_IN_CELLS: Record<string, string> = {
  optimizerEntry: 'registry plumbing for widgets; a cell uses OPTIMIZERS and createOptimizer',
  optimizerHyperparameters: 'registry plumbing for widgets that draw an optimizer’s controls',
  fetchMnistSubset: 'the MNIST loader reads the site’s own file; a cell’s worker has no network',
  mnistPixels: 'goes with fetchMnistSubset',
  TORCH_OPTIMIZERS: 'the map to torch.optim, for the PyTorch export and the conformance runner',
  torchName: 'goes with TORCH_OPTIMIZERS',
  torchOptimizer: 'goes with TORCH_OPTIMIZERS',
  pytorchScript: 'the Playground’s export; it needs a run record a cell does not have',
  parseScriptLosses: 'reads an exported script’s output, for the export’s tests',
  pythonNumber: 'formats numbers for the exported script',
  setKernelBackend: 'chooses the dense kernel (wasm SIMD or JS) for the whole engine; a cell would change it under the page’s widgets and its results do not depend on it',
  kernelBackend: 'goes with setKernelBackend',
  wasmKernelAvailable: 'goes with setKernelBackend',
};

function sources(): SourceTexts {
  const texts: SourceTexts = {};
  for (const name of readdirSync(join(root, 'engine'), { recursive: true }) as string[]) {
    if (name.endsWith('.ts')) texts[`/engine/${name.split('\\').join('/')}`] = readFileSync(join(root, 'engine', name), 'utf8');
  }
  texts[CELL_SCOPE] = readFileSync(join(root, 'site/runtime/cell-scope.ts'), 'utf8');
  texts[PLOT_SPEC] = readFileSync(join(root, 'site/runtime/plot-spec.ts'), 'utf8');
  return texts;
}

describe('the cell scope', () => {
  let sections: ScopeSection[];
  beforeAll(() => {
    sections = describeCellScope(sources());
  }, 60_000);

  test('the reference lists every value the kernel installs, plus display, and the types of TypeScript cells', () => {
    const documented = sections.flatMap((section) => section.entries.filter((entry) => entry.kind !== 'type').map((entry) => entry.name));
    expect(documented.sort()).toEqual([...Object.keys(scope), 'display'].sort());
    expect(sections.flatMap((section) => section.entries).some((entry) => entry.kind === 'type' && entry.name === 'Shape')).toBe(true);
  });

  test('every name has a doc comment, every section a title and a description, and no name is listed twice', () => {
    const names = cellScopeNames(sections);
    expect(new Set(names).size).toBe(names.length);
    for (const section of sections) {
      expect(section.title).not.toBe('');
      expect(section.description, section.title).not.toBe('');
      expect(section.entries.length, section.title).toBeGreaterThan(0);
      for (const entry of section.entries) expect(entry.doc, entry.name).toMatch(/\S/);
    }
  });

  test('functions and classes show how they are called', () => {
    const entry = (name: string) => sections.flatMap((section) => section.entries).find((e) => e.name === name);
    expect(entry('tensor')).toMatchObject({ kind: 'function', usage: 'tensor(values, options?)' });
    expect(entry('AdamW')).toMatchObject({ kind: 'class', usage: 'new AdamW(params, options?)' });
    // The op, parents and backward rule an op passes to the constructor are internal: a reader sees what they would write.
    expect(entry('Tensor')).toMatchObject({ kind: 'class', usage: 'new Tensor(data, shape, options?)' });
    expect(entry('Optimizer')).toMatchObject({ kind: 'class', usage: 'class … extends Optimizer' });
    expect(entry('plot')).toMatchObject({ kind: 'constant' });
    expect(entry('display')).toMatchObject({ kind: 'function', usage: 'display(value, name?)' });
  });

  test('every public engine value is in a cell, or left out on purpose with a reason', () => {
    const inScope = new Set(Object.keys(scope));
    const missing = Object.keys(engine).filter((name) => !inScope.has(name) && !(name in NOT_IN_CELLS));
    expect(missing, 'add these to site/runtime/cell-scope.ts (or to NOT_IN_CELLS with a reason)').toEqual([]);
    for (const name of Object.keys(NOT_IN_CELLS)) expect(inScope.has(name), name).toBe(false);
    // The cell's values are the engine's own, and `engine` is the public index itself.
    for (const name of Object.keys(scope)) if (name in engine) expect(scope[name as keyof typeof scope], name).toBe(engine[name as keyof typeof engine]);
    expect(scope.engine).toBe(engine);
  });
});
