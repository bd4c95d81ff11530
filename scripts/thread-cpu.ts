// The CPU time of a browser's threads, read from Linux's /proc: per thread of every Chromium process, its user and
// system time so far. Two readings around a measurement give each thread's share of a core during it, which says
// what wall-clock rates under load cannot: whether a worker had a core to itself, or waited for one.
// Elsewhere (no /proc) there is nothing to read, and the callers report no shares.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One reading: CPU seconds so far by thread, keyed "process type:pid:tid:thread name". */
export type ThreadTimes = Map<string, number>;

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Reads the CPU time of every thread of every process whose command line names `program` (null without /proc). */
export function threadTimes(program = 'chromium'): ThreadTimes | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const times: ThreadTimes = new Map();
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes(program)) continue;
      const type = /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        // The name is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        times.set(`${type}:${pid}:${tid}:${name}`, (Number(fields[11]) + Number(fields[12])) / clockTicks());
      }
    } catch {
      // The process or thread ended between the listing and the read.
    }
  }
  return times;
}

/** Each thread's share of one core between two readings over `seconds`, as a percentage, busiest first (idle threads left out). */
export function threadShares(before: ThreadTimes, after: ThreadTimes, seconds: number): { thread: string; percent: number }[] {
  const shares: { thread: string; percent: number }[] = [];
  for (const [thread, time] of after) {
    const used = time - (before.get(thread) ?? 0);
    if (used > 0) shares.push({ thread, percent: (100 * used) / seconds });
  }
  return shares.sort((a, b) => b.percent - a.percent);
}
