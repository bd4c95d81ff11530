// Which installed packages would refuse a given Node.js version: what `npm install` reports as EBADENGINE.
//
//   npx tsx scripts/node-engines.ts [VERSION]     (default: the running Node; exits 1 if any package refuses it)
//
// npm compares `process.version` with each package's `engines.node` range; the README promises a Node version,
// and this is how to check that promise against the tree that is actually installed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Triple = [number, number, number];

/** An installed package whose `engines.node` range excludes the version asked about. */
export interface EngineConflict {
  /** The package's name and version, as `name@version`. */
  package: string;
  /** Its `engines.node` range. */
  range: string;
  /** Where it is installed, relative to the project. */
  path: string;
}

const parse = (text: string): Triple | undefined => {
  const match = /^v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 'NaN'), Number(match[3] ?? 'NaN')];
};

const compare = (a: Triple, b: Triple): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

// A partial version (`20`, `4.x`, `6.*`) fills its missing parts with 0 for a lower bound.
const floor = (v: Triple): Triple => [v[0], Number.isNaN(v[1]) ? 0 : v[1], Number.isNaN(v[2]) ? 0 : v[2]];

/** Whether one comparator (`>=20.19.0`, `^18`, `~1.2`, `6.*`, `<23`) admits a full version. */
function admits(version: Triple, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?\s*(.+)$/.exec(comparator);
  const bound = match ? parse(match[2]) : undefined;
  if (!match || !bound) throw new Error(`node-engines: cannot read the version range part "${comparator}"`);
  const operator = match[1] ?? '';
  const low = floor(bound);
  const order = compare(version, low);
  if (operator === '>=') return order >= 0;
  if (operator === '>') return order > 0;
  if (operator === '<=') return order <= 0;
  if (operator === '<') return order < 0;
  if (operator === '^') {
    // ^major.minor.patch admits up to the next change of the first non-zero part.
    if (order < 0) return false;
    if (low[0] > 0 || Number.isNaN(bound[1])) return version[0] === low[0];
    if (low[1] > 0 || Number.isNaN(bound[2])) return version[0] === 0 && version[1] === low[1];
    return version[0] === 0 && version[1] === 0 && version[2] === low[2];
  }
  if (operator === '~') return order >= 0 && version[0] === low[0] && (Number.isNaN(bound[1]) || version[1] === low[1]);
  // A bare or `=` version: a partial one is an x-range.
  return version[0] === bound[0] && (Number.isNaN(bound[1]) || version[1] === bound[1]) && (Number.isNaN(bound[2]) || version[2] === bound[2]);
}

/** Whether `version` (e.g. `v20.20.2`) satisfies an npm `engines.node` range such as `^18.17.0 || >=20.3.0` or `>= 14.16`. */
export function satisfiesNodeRange(version: string, range: string): boolean {
  const v = parse(version);
  if (!v || v.some(Number.isNaN)) throw new Error(`node-engines: "${version}" is not a full version`);
  if (range.trim() === '' || range.trim() === '*') return true;
  return range.split('||').some((alternative) => {
    // `>= 20` spells one comparator with a space; join operators to their versions before splitting on spaces.
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (comparators.includes('-')) throw new Error(`node-engines: hyphen ranges are not read ("${range}")`);
    return comparators.every((comparator) => admits(v, comparator));
  });
}

/** Every package under `root`/node_modules (nested ones too) whose `engines.node` excludes `version`. */
export function engineConflicts(root: string, version: string): EngineConflict[] {
  const conflicts: EngineConflict[] = [];
  const visitPackage = (dir: string) => {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version: own, engines } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
      const range = engines?.node;
      if (typeof range === 'string' && !satisfiesNodeRange(version, range)) {
        conflicts.push({ package: `${name}@${own}`, range, path: dir.slice(root.length + 1) });
      }
    }
    const nested = join(dir, 'node_modules');
    if (existsSync(nested)) visitFolder(nested);
  };
  const visitFolder = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
      const path = join(folder, entry.name);
      if (entry.name.startsWith('@')) {
        for (const scoped of readdirSync(path, { withFileTypes: true })) if (scoped.isDirectory()) visitPackage(join(path, scoped.name));
      } else visitPackage(path);
    }
  };
  visitFolder(join(root, 'node_modules'));
  return conflicts;
}

/** The lowest version a range `>=X.Y.Z` (this project's own `engines.node`) admits. */
export function lowestAdmitted(range: string): string {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim());
  if (!match) throw new Error(`node-engines: give the project's engines.node as ">=X.Y.Z", not "${range}"`);
  return floor(parse(match[1])!).join('.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const version = process.argv[2] ?? process.version;
  const conflicts = engineConflicts(process.cwd(), version.replace(/^v?/, 'v'));
  for (const c of conflicts) console.log(`${c.package} requires Node ${c.range} (${c.path})`);
  console.log(conflicts.length === 0 ? `Every installed package accepts Node ${version}.` : `${conflicts.length} packages refuse Node ${version}.`);
  process.exitCode = conflicts.length === 0 ? 0 : 1;
}
