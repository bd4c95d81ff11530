import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compareTrees, ulpDistance } from '../../scripts/conformance-regenerate.ts';
import { REPO_ROOT } from '../../scripts/conformance.ts';

describe('comparing regenerated conformance cases with the committed ones', () => {
  const committed = { generator: 'PyTorch 2.11.0 float64', seed: 1234, cases: [{ name: 'a', data: [0.5, -2.5, 3] }] };

  test('a tree equal but for the generator version is bit-identical', () => {
    const regenerated = { ...committed, generator: 'PyTorch 1.13.1 float64' };
    expect(compareTrees(regenerated, committed)).toEqual({ structural: [], numbers: 4, identical: 4, maxUlps: 0, maxRelative: 0, worstAt: '' });
  });

  test('a last-bit difference is counted in ulps and located', () => {
    // Doubles in [0.5, 1) are EPSILON / 2 apart, so this is the next double after 0.5.
    const next = 0.5 + Number.EPSILON / 2;
    const regenerated = { ...committed, cases: [{ name: 'a', data: [next, -2.5, 3] }] };
    const c = compareTrees(regenerated, committed);
    expect(c.structural).toEqual([]);
    expect(c.identical).toBe(3);
    expect(c.maxUlps).toBe(1);
    expect(c.worstAt).toBe('$.cases[0].data[0]');
    expect(c.maxRelative).toBeLessThan(1e-15);
  });

  test('adjacent doubles are one ulp apart across zero and for negatives', () => {
    expect(ulpDistance(-2.5, -2.5 - 2 * Number.EPSILON)).toBe(1);
    expect(ulpDistance(Number.MIN_VALUE, -Number.MIN_VALUE)).toBe(2);
  });

  test('a different case name, a missing item or a missing key is a structural difference', () => {
    const renamed = { ...committed, cases: [{ name: 'b', data: [0.5, -2.5, 3] }] };
    expect(compareTrees(renamed, committed).structural).toEqual(['$.cases[0].name: "b", committed "a"']);
    const shorter = { ...committed, cases: [{ name: 'a', data: [0.5, -2.5] }] };
    expect(compareTrees(shorter, committed).structural).toEqual(['$.cases[0].data: 2 items, committed 3']);
    const noSeed = { generator: committed.generator, cases: committed.cases };
    expect(compareTrees(noSeed, committed).structural).toEqual(['$: keys cases; committed seed, cases']);
  });

  test('without a Python that has torch, the command says how to get one and exits 2', () => {
    const script = join(REPO_ROOT, 'scripts/conformance-regenerate.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--python', '/bin/false'], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/bin/false cannot import torch');
    expect(run.stderr).toContain('apt-get install python3-torch');
  });
});
