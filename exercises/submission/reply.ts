// Reading a runner's reply on the trusted side (the page's main thread, the CLI's parent process):
// the tagged JSON text becomes plain values, with NaN, the infinities and undefined back as
// themselves and every other tag kept as the marker the grader reports ("row 0 of dW1 is missing").
// A reply that is malformed or of the wrong shape is that submission's error, never a crash.

import type { CallOutcome } from '../grader.ts';
import { NOT_PLAIN } from './runner.ts';

/** What a submission's run came to: every call's outcome, or why it could not run (with the kind and the line, when known). */
export type RunReply =
  | { ok: true; outcomes: CallOutcome[][] }
  | { ok: false; kind: 'syntax' | 'definition' | 'runtime' | 'timeout' | 'crash' | 'limit'; message: string; line?: number };

const defineOwn = Object.defineProperty;

/** Turns parsed tagged JSON into plain values: number and undefined tags become their values, other tags stay markers. */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const kind = Object.prototype.hasOwnProperty.call(record, NOT_PLAIN) ? record[NOT_PLAIN] : undefined;
  if (kind === 'number') return Number(record.detail);
  if (kind === 'undefined') return undefined;
  const out: Record<string, unknown> = {};
  // defineProperty, so a key named __proto__ is a key and not the copy's prototype.
  for (const key of Object.keys(record)) defineOwn(out, key, { value: decodeValue(record[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

const KINDS = new Set(['syntax', 'definition', 'runtime', 'timeout', 'crash', 'limit']);

/** Reads a runner's reply (JSON text) for `caseCount` cases; anything malformed becomes a failure with a message. */
export function readReply(text: string, caseCount: number): RunReply {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'crash', message: 'the grader could not read what your code returned' };
  }
  const r = reply as { ok?: unknown; kind?: unknown; message?: unknown; line?: unknown; outcomes?: unknown };
  if (r !== null && typeof r === 'object' && r.ok === false && typeof r.message === 'string') {
    const kind = typeof r.kind === 'string' && KINDS.has(r.kind) ? (r.kind as Extract<RunReply, { ok: false }>['kind']) : 'crash';
    return { ok: false, kind, message: r.message, ...(typeof r.line === 'number' ? { line: r.line } : {}) };
  }
  if (r === null || typeof r !== 'object' || r.ok !== true || !Array.isArray(r.outcomes) || r.outcomes.length !== caseCount) {
    return { ok: false, kind: 'crash', message: 'the grader could not read what your code returned' };
  }
  const outcomes = (r.outcomes as unknown[]).map((row) =>
    (Array.isArray(row) ? row : []).map((o): CallOutcome => {
      const outcome = o as { ok?: unknown; output?: unknown; error?: unknown; line?: unknown };
      if (outcome !== null && typeof outcome === 'object' && outcome.ok === true) return { ok: true, output: decodeValue(outcome.output) };
      const error = typeof outcome?.error === 'string' ? outcome.error : 'no result came back';
      return typeof outcome?.line === 'number' ? { ok: false, error, line: outcome.line } : { ok: false, error };
    }),
  );
  return { ok: true, outcomes };
}

/** The JSON text of the cases' arguments a runner takes: arguments only, never the expected values. */
export function casesJson(cases: readonly { calls: readonly { args: unknown[] }[] }[]): string {
  return JSON.stringify(
    cases.map((c) => ({ calls: c.calls.map((call) => ({ args: call.args })) })),
    (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { [NOT_PLAIN]: 'number', detail: String(value) } : value),
  );
}
