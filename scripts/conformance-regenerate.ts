// npm run conformance:regenerate [-- --python PATH] [--keep]
//
// Remakes the PyTorch reference cases with conformance/make_cases.py in a temporary folder and compares them with
// the committed conformance/torch: file by file, byte for byte, then value by value. Every string (case names, ops,
// notes) and the JSON structure must be equal; numbers may differ only in their last bits, since another PyTorch
// build may round a sum or a transcendental function differently. Prints how close the two are and exits 1 when
// they differ in structure or by more than MAX_RELATIVE. Needs a Python with torch (Debian: apt-get install
// python3-torch); CI has none, so this is not part of npm test: the committed files are the witness.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CASES, REPO_ROOT } from './conformance.ts';

/** The generator script, in the repository beside the cases it writes. */
export const GENERATOR = join(REPO_ROOT, 'conformance', 'make_cases.py');

/** The largest relative difference between a regenerated number and the committed one still counted as equal. */
export const MAX_RELATIVE = 1e-12;

/** How one regenerated tree compares with the committed one. */
export interface TreeComparison {
  /** Differences in structure or in any string: a key, a case name, an op, a note, a shape. */
  structural: string[];
  /** Numbers compared. */
  numbers: number;
  /** Numbers bit-for-bit equal. */
  identical: number;
  /** The largest distance in units in the last place (adjacent doubles are 1 apart). */
  maxUlps: number;
  /** The largest |regenerated - committed| / max(|committed|, tiny). */
  maxRelative: number;
  /** Where the largest relative difference is, as a JSON path. */
  worstAt: string;
}

/** The index of a double on the number line of doubles, so adjacent doubles differ by one. */
function ordinal(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  // Negative doubles are stored as sign and magnitude; mirror them so the order is monotone.
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** The distance between two doubles in units in the last place. */
export function ulpDistance(a: number, b: number): number {
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** Compares a regenerated JSON tree with the committed one; `skip` names top-level keys not compared (the generator's version). */
export function compareTrees(regenerated: unknown, committed: unknown, skip: string[] = ['generator']): TreeComparison {
  const result: TreeComparison = { structural: [], numbers: 0, identical: 0, maxUlps: 0, maxRelative: 0, worstAt: '' };
  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      result.numbers++;
      if (Object.is(a, b)) {
        result.identical++;
        return;
      }
      const relative = Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
      result.maxUlps = Math.max(result.maxUlps, ulpDistance(a, b));
      if (relative > result.maxRelative) {
        result.maxRelative = relative;
        result.worstAt = path;
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) result.structural.push(`${path}: ${a.length} items, committed ${b.length}`);
      else a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, depth + 1));
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const ka = Object.keys(a).filter((k) => depth > 0 || !skip.includes(k));
      const kb = Object.keys(b).filter((k) => depth > 0 || !skip.includes(k));
      if (ka.join('\0') !== kb.join('\0')) {
        result.structural.push(`${path}: keys ${ka.join(', ')}; committed ${kb.join(', ')}`);
        return;
      }
      for (const k of ka) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
      return;
    }
    if (a !== b) result.structural.push(`${path}: ${JSON.stringify(a)}, committed ${JSON.stringify(b)}`);
  };
  walk(regenerated, committed, '$', 0);
  return result;
}

/** The command line: regenerate into a temporary folder, compare, print, set the exit code. */
function main(argv: string[]): void {
  const pythonFlag = argv.indexOf('--python');
  const python = pythonFlag >= 0 ? argv[pythonFlag + 1] : (process.env.PYTHON ?? '/usr/bin/python3');
  const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error(
      `${python} cannot import torch. Install PyTorch (Debian: apt-get install python3-torch) or pass --python PATH; ` +
        'the committed cases in conformance/torch need no torch to run.',
    );
    process.exitCode = 2;
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'conformance-regenerated-'));
  console.log(`PyTorch ${probe.stdout.trim()}: regenerating into ${out}`);
  const made = spawnSync(python, [GENERATOR, '--out', out], { stdio: 'inherit' });
  if (made.status !== 0) {
    console.error(`${GENERATOR} failed (exit ${made.status})`);
    process.exitCode = 1;
    return;
  }
  let failed = false;
  const committedFiles = readdirSync(DEFAULT_CASES).filter((f) => f.endsWith('.json')).sort();
  const madeFiles = readdirSync(out).filter((f) => f.endsWith('.json')).sort();
  if (committedFiles.join() !== madeFiles.join()) {
    console.log(`files differ: regenerated ${madeFiles.join(', ')}; committed ${committedFiles.join(', ')}`);
    failed = true;
  }
  for (const file of committedFiles.filter((f) => madeFiles.includes(f))) {
    const a = readFileSync(join(out, file), 'utf8');
    const b = readFileSync(join(DEFAULT_CASES, file), 'utf8');
    const c = compareTrees(JSON.parse(a), JSON.parse(b));
    const bytes = a === b ? 'byte-identical' : 'not byte-identical';
    console.log(
      `${file}: ${bytes}; ${c.identical}/${c.numbers} numbers bit-identical, max ${c.maxUlps} ulp, ` +
        `max relative difference ${c.maxRelative.toExponential(2)}${c.worstAt ? ` at ${c.worstAt}` : ''}`,
    );
    for (const s of c.structural.slice(0, 20)) console.log(`  differs: ${s}`);
    if (c.structural.length > 20) console.log(`  ... and ${c.structural.length - 20} more`);
    if (c.structural.length > 0 || c.maxRelative > MAX_RELATIVE) failed = true;
  }
  if (argv.includes('--keep')) console.log(`kept ${out}`);
  else rmSync(out, { recursive: true, force: true });
  console.log(failed ? 'regenerated cases DIFFER from the committed ones' : `regenerated cases match the committed ones (within ${MAX_RELATIVE} relative)`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
