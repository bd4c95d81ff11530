// Finds the Python with PyTorch that the PyTorch export's proof runs (tests/engine/export/pytorch.test.ts), installing
// Debian's python3-torch when it can, as scripts/chromium.ts does for the browser.
import { spawnSync } from 'node:child_process';
import { installDebianPackage } from './debian-package.ts';

/** Debian's Python, where python3-torch installs torch. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** How to get a Python with torch, for the messages of the test command and of the proof. */
export const HOW_TO_GET_TORCH = [
  'The PyTorch export test needs a Python that can import torch, and none was found.',
  '  - On Debian or Ubuntu: sudo apt-get install python3-torch (then /usr/bin/python3 has it)',
  '  - Or point PYTHON_TORCH at any Python with torch: PYTHON_TORCH=/path/to/python npm test',
].join('\n');

/** Whether `python` runs and imports torch. */
export function hasTorch(python: string): boolean {
  const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120_000 });
  return probe.status === 0;
}

/** The path of a Python that imports torch: `$PYTHON_TORCH` if set (an error if it cannot), else Debian's /usr/bin/python3 if it can, else undefined. */
export function findPythonTorch(): string | undefined {
  const fromEnv = process.env.PYTHON_TORCH;
  if (fromEnv) {
    if (!hasTorch(fromEnv)) throw new Error(`PYTHON_TORCH is set to ${fromEnv}, but it cannot import torch.`);
    return fromEnv;
  }
  return hasTorch(DEBIAN_PYTHON) ? DEBIAN_PYTHON : undefined;
}

/** Returns a Python with torch, installing Debian's python3-torch with apt when running as root; otherwise throws how to get one. */
export function ensurePythonTorch(log: (line: string) => void = console.log): string {
  const found = findPythonTorch();
  if (found) return found;
  if (installDebianPackage('python3-torch', 'No Python with torch found', log)) {
    const installed = findPythonTorch();
    if (installed) return installed;
  }
  throw new Error(HOW_TO_GET_TORCH);
}
