// The bench's per-thread CPU shares (scripts/thread-cpu.ts): a share is the CPU time a thread used between two
// readings over the window's length; idle threads are left out; on Linux, this process's own threads are read.

import { describe, expect, test } from 'vitest';
import { threadShares, threadTimes } from '../../scripts/thread-cpu.ts';

describe('threadShares', () => {
  test('each thread used time over the window, busiest first, idle and new-but-idle threads left out', () => {
    const before = new Map([
      ['renderer:1:2:DedicatedWorker', 10],
      ['renderer:1:3:DedicatedWorker', 4],
      ['renderer:1:1:chromium', 7],
    ]);
    const after = new Map([
      ['renderer:1:2:DedicatedWorker', 13.8],
      ['renderer:1:3:DedicatedWorker', 4],
      ['renderer:1:1:chromium', 8],
      ['renderer:1:9:Compositor', 0.5],
      ['renderer:1:10:ThreadPoolForeg', 0],
    ]);
    const shares = threadShares(before, after, 4);
    expect(shares.map((s) => s.thread)).toEqual(['renderer:1:2:DedicatedWorker', 'renderer:1:1:chromium', 'renderer:1:9:Compositor']);
    expect(shares[0].percent).toBeCloseTo(95, 9);
    expect(shares[1].percent).toBeCloseTo(25, 9);
    expect(shares[2].percent).toBeCloseTo(12.5, 9);
  });
});

describe.runIf(process.platform === 'linux')('threadTimes on Linux', () => {
  test('reads this process\'s threads, and 50 ms of busy loop shows as their CPU time', () => {
    const before = threadTimes('node')!;
    expect(before.size).toBeGreaterThan(0);
    const mine = [...before.keys()].filter((key) => key.split(':')[1] === String(process.pid));
    expect(mine.length).toBeGreaterThan(0);
    // Busy until the process has used 50 ms of CPU by its own count (however long that takes on a loaded machine).
    const cpu = process.cpuUsage();
    let x = 0;
    while (process.cpuUsage(cpu).user < 50_000) for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const after = threadTimes('node')!;
    const used = mine.reduce((sum, key) => sum + ((after.get(key) ?? 0) - before.get(key)!), 0);
    expect(used).toBeGreaterThanOrEqual(0.03);
  });
});
