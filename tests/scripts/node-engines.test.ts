// `npm install` on the Node version the README promises prints no EBADENGINE warning (issue 9: undici@8, pulled in
// by astro's unifont, wanted Node 22.19): every installed package's `engines.node` admits that version.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { engineConflicts, lowestAdmitted, satisfiesNodeRange } from '../../scripts/node-engines.ts';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { engines: { node: string } };

describe("packages' Node version ranges", () => {
  test('the range check reads the forms npm packages use, as npm does', () => {
    expect(satisfiesNodeRange('v20.20.2', '>=22.19.0')).toBe(false);
    expect(satisfiesNodeRange('v20.20.2', '>=20.18.1')).toBe(true);
    expect(satisfiesNodeRange('v20.18.0', '>= 20.19.0')).toBe(false);
    expect(satisfiesNodeRange('v20.20.2', '^20.19.0 || ^22.12.0 || >=23')).toBe(true);
    expect(satisfiesNodeRange('v21.0.0', '^20.19.0 || ^22.12.0 || >=23')).toBe(false);
    expect(satisfiesNodeRange('v20.2.0', '18.20.8 || ^20.3.0 || >=22.0.0')).toBe(false);
    expect(satisfiesNodeRange('v20.20.2', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfiesNodeRange('v15.0.0', '>=16 || 14 >=14.17')).toBe(false);
    expect(satisfiesNodeRange('v14.18.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfiesNodeRange('v20.20.2', '20 || >=22')).toBe(true);
    expect(satisfiesNodeRange('v20.20.2', '~20.19')).toBe(false);
    expect(satisfiesNodeRange('v20.20.2', '>=18 <20')).toBe(false);
  });

  test('the project promises at least the Node its own packages need, and the README says the same', () => {
    const lowest = lowestAdmitted(manifest.engines.node);
    expect(lowest.startsWith('20.')).toBe(true);
    const [major, minor] = lowest.split('.');
    expect(readFileSync(`${root}/README.md`, 'utf8')).toContain(`Node.js ${major}.${minor}+`);
  });

  test("every installed package admits the lowest Node version the project promises", () => {
    const lowest = lowestAdmitted(manifest.engines.node);
    expect(engineConflicts(root, `v${lowest}`)).toEqual([]);
  });

  test('every installed package admits the running Node', () => {
    expect(engineConflicts(root, process.version)).toEqual([]);
  });
});
