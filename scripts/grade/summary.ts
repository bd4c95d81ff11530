// The summary `npm run grade` prints at the end: students, answers graded, the mean total, the flagged exports and
// the files that could not be read, each named.

import { basename } from 'node:path';
import { scoresOf } from './gradebook.ts';
import type { GradedExport } from './rows.ts';

/** The summary printed at the end: students, answers, mean total, flagged exports and unreadable files. */
export function summaryOf(students: readonly GradedExport[]): string {
  const readable = students.filter((s) => s.unreadable === undefined);
  const answers = readable.reduce((n, s) => n + s.rows.filter((r) => r.exercise !== '*').length, 0);
  const totals = readable.map((s) => scoresOf(s).total);
  const mean = totals.length === 0 ? 0 : totals.reduce((a, b) => a + b, 0) / totals.length;
  const flagged = readable.filter((s) => s.rows.some((r) => r.flag !== undefined));
  const unreadable = students.filter((s) => s.unreadable !== undefined);
  const lines = [
    `${readable.length} student${readable.length === 1 ? '' : 's'}, ${answers} answer${answers === 1 ? '' : 's'} graded, mean total ${Math.round(mean * 100) / 100}`,
    `${flagged.length} flagged${flagged.length > 0 ? `: ${flagged.map((s) => s.name).join(', ')}` : ''}`,
    `${unreadable.length} unreadable${unreadable.length > 0 ? `: ${unreadable.map((s) => `${basename(s.file)} (${s.unreadable})`).join('; ')}` : ''}`,
  ];
  return lines.join('\n') + '\n';
}
