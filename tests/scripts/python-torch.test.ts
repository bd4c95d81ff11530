import { afterEach, describe, expect, test } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOW_TO_GET_TORCH, findPythonTorch, hasTorch } from '../../scripts/python-torch.ts';

const saved = process.env.PYTHON_TORCH;
afterEach(() => {
  if (saved === undefined) delete process.env.PYTHON_TORCH;
  else process.env.PYTHON_TORCH = saved;
});

/** A fake interpreter: a shell script that exits with `code` whatever it is asked. */
function fakePython(code: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'python-torch-')), 'python');
  writeFileSync(path, `#!/bin/sh\nexit ${code}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('finding the Python with PyTorch for the export proof', () => {
  test('PYTHON_TORCH wins when it imports torch', () => {
    const python = fakePython(0);
    process.env.PYTHON_TORCH = python;
    expect(findPythonTorch()).toBe(python);
  });

  test('a PYTHON_TORCH that cannot import torch is an error that says so, not a silent fallback', () => {
    process.env.PYTHON_TORCH = fakePython(1);
    expect(() => findPythonTorch()).toThrow(/PYTHON_TORCH is set to .*, but it cannot import torch/);
    process.env.PYTHON_TORCH = '/nowhere/python3';
    expect(() => findPythonTorch()).toThrow(/cannot import torch/);
  });

  test('a missing interpreter has no torch; the message says how to install it', () => {
    expect(hasTorch('/nowhere/python3')).toBe(false);
    expect(HOW_TO_GET_TORCH).toMatch(/apt-get install python3-torch/);
    expect(HOW_TO_GET_TORCH).toMatch(/PYTHON_TORCH=/);
  });
});
