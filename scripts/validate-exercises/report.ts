// The report of `npm run validate-exercises`: tallies of the same solution from several runs merged
// into one row, the table an author reads, the command that reproduces a failure, and the exit code.
// Pure functions of the tallies, so a fabricated broken exercise's report can be tested without a run.

import type { Tally } from './validate.ts';

/** One row as `--json` prints it: the tally, whether it is perfect, and the command that reproduces its first failure. */
export interface ReportRow extends Tally {
  /** Whether the solution did what it must on every seed (and, if wrong, was recognised on every one). */
  perfect: boolean;
  /** The command that reruns its first failing seed alone, when there is one. */
  reproduce?: string;
}

/** Whether a solution did what it must on every seed run, and a wrong one was recognised as itself on every one. */
export function isPerfect(tally: Tally): boolean {
  return tally.runs > 0 && tally.met === tally.runs && (tally.role !== 'wrong' || tally.recognised === tally.runs);
}

/** Adds the tallies of a later run of the same exercise (other seeds) to `into`, solution by solution; the first failure is the lowest seed's. */
export function mergeTallies(into: Tally[], more: readonly Tally[]): Tally[] {
  for (const tally of more) {
    const row = into.find((t) => t.exercise === tally.exercise && t.solution === tally.solution);
    if (row === undefined) {
      into.push({ ...tally });
      continue;
    }
    row.runs += tally.runs;
    row.met += tally.met;
    if (row.recognised !== undefined) row.recognised += tally.recognised ?? 0;
    if (tally.firstFailure !== undefined && (row.firstFailure === undefined || tally.firstFailure.seed < row.firstFailure.seed)) row.firstFailure = tally.firstFailure;
  }
  return into;
}

/** 0 when every row is perfect, 1 when a reference failed, a starter passed, or a wrong solution was accepted or not recognised on some seed. */
export function exitCodeOf(tallies: readonly Tally[]): 0 | 1 {
  return tallies.every(isPerfect) ? 0 : 1;
}

/** The command that reruns one exercise on one seed. */
export function reproduceCommand(exercise: string, seed: number): string {
  return `npm run validate-exercises -- --exercise ${exercise} --seed ${seed}`;
}

/** The rows `--json` prints. */
export function reportRows(tallies: readonly Tally[]): ReportRow[] {
  return tallies.map((tally) => ({
    ...tally,
    perfect: isPerfect(tally),
    ...(tally.firstFailure === undefined ? {} : { reproduce: reproduceCommand(tally.exercise, tally.firstFailure.seed) }),
  }));
}

/** What the variants of a row were: how many salts or learner seeds, or the one fixed variant. */
function variantsCell(tally: Tally): string {
  if (tally.variants === 'salts') return `${tally.runs} salt${tally.runs === 1 ? '' : 's'}`;
  if (tally.variants === 'learners') return `${tally.runs} learner${tally.runs === 1 ? '' : 's'}`;
  return tally.kind === 'choice' ? 'fixed options: 1 variant' : 'fixed numbers: 1 variant';
}

const MUST: Record<Tally['role'], string> = { reference: 'pass', starter: 'fail', wrong: 'fail, named' };

/** The table: one row per (exercise, solution), what it must do, on how many seeds it did, and its first failing seed. */
export function tableOf(tallies: readonly Tally[]): string {
  const header = ['exercise', 'solution', 'variants', 'must', 'met', 'named', 'first failure'];
  const cells = tallies.map((t) => [
    t.exercise,
    t.solution,
    variantsCell(t),
    MUST[t.role],
    `${t.met}/${t.runs}`,
    t.role === 'wrong' ? `${t.recognised ?? 0}/${t.runs}` : '',
    t.firstFailure === undefined ? '' : `${t.variants === 'fixed' ? 'its one variant' : `seed ${t.firstFailure.seed}`}: ${t.firstFailure.reason}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  // The last column is free text and left at its length; the others are padded into columns.
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i].length : w));
  return [line(header), line(rule), ...cells.map(line)].join('\n') + '\n';
}

/** The lines under the table: all perfect, or how many rows fall short and the command that reproduces each failing seed. */
export function summaryOf(tallies: readonly Tally[], run: { seeds: string; seconds: number; threads: number }): string {
  const exercises = new Set(tallies.map((t) => t.exercise)).size;
  const fixed = tallies.some((t) => t.variants === 'fixed') ? ' (one with a fixed variant once)' : '';
  const how = `${exercises} exercise${exercises === 1 ? '' : 's'}, ${run.seeds}${fixed}, in ${run.seconds.toFixed(1)} s on ${run.threads} thread${run.threads === 1 ? '' : 's'}`;
  const short = tallies.filter((t) => !isPerfect(t));
  if (short.length === 0) return `all ${tallies.length} rows perfect: ${how}\n`;
  const commands = [...new Set(short.flatMap((t) => (t.firstFailure === undefined ? [] : [reproduceCommand(t.exercise, t.firstFailure.seed)])))];
  return [`${short.length} of ${tallies.length} rows fall short: ${how}`, 'reproduce a failing seed alone:', ...commands.map((c) => `  ${c}`)].join('\n') + '\n';
}
