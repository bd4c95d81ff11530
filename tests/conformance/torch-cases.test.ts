import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEFAULT_CASES, REPO_ROOT, requireCaseFiles, runConformancePaths } from '../../scripts/conformance.ts';
import { describeFailure, OPS, type CaseTensor } from '../../conformance/runner.ts';

// The committed PyTorch reference cases (conformance/torch) are the engine's outside witness. These tests prove
// they are in the repository, in the documented format (conformance/README.md), all of them, and that the engine
// reproduces every one; a clone that lacks them fails here with a message naming the folder and how to get it back.

/** How many cases each committed file holds; 122 in all, as PyTorch wrote them. */
const EXPECTED_COUNTS: Record<string, number> = {
  'activations.json': 14,
  'arithmetic.json': 50,
  'losses.json': 27,
  'mlp.json': 6,
  'optimizers.json': 25,
};

const OPTIMIZER_NAMES = ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw'];

/** The problems of one stored tensor, as short sentences (none when it is well formed). */
function tensorProblems(where: string, t: unknown): string[] {
  if (typeof t !== 'object' || t === null) return [`${where}: not a tensor object`];
  const { shape, data, dtype } = t as Partial<CaseTensor>;
  if (!Array.isArray(shape) || shape.length > 2 || !shape.every((n) => Number.isInteger(n) && n >= 1)) {
    return [`${where}: shape ${JSON.stringify(shape)} is not 0, 1 or 2 positive sizes`];
  }
  const size = shape.reduce((p, n) => p * n, 1);
  if (!Array.isArray(data) || data.length !== size) return [`${where}: ${Array.isArray(data) ? data.length : 'no'} numbers for shape [${shape.join(', ')}]`];
  if (!data.every((x) => typeof x === 'number' && Number.isFinite(x))) return [`${where}: a number is not finite`];
  if (dtype !== undefined && (dtype !== 'int' || !data.every((x) => Number.isInteger(x)))) return [`${where}: dtype ${dtype} with non-integer data`];
  return [];
}

/** The problems of one case: fields of the format, known ops and optimizers, well-formed tensors. */
function caseProblems(c: Record<string, unknown>): string[] {
  const name = String(c.name);
  const problems: string[] = [];
  const tensors = (field: string) => Object.entries((c[field] ?? {}) as Record<string, unknown>).flatMap(([k, t]) => tensorProblems(`${name} ${field}.${k}`, t));
  const program = c.program as { out: string; op: string; args: unknown[] }[];
  if (!Array.isArray(program) || program.length === 0) return [`${name}: no program`];
  for (const step of program) if (!Object.hasOwn(OPS, step.op)) problems.push(`${name}: unknown op ${step.op}`);
  const tolerance = c.tolerance as { rtol?: unknown; atol?: unknown } | undefined;
  if (typeof tolerance?.rtol !== 'number' || typeof tolerance.atol !== 'number') problems.push(`${name}: no tolerance`);
  problems.push(...tensors('consts'));
  if ('optimizer' in c) {
    if (!OPTIMIZER_NAMES.includes(String(c.optimizer))) problems.push(`${name}: unknown optimizer ${String(c.optimizer)}`);
    problems.push(...tensors('params'));
    const steps = c.steps as number;
    const expected = c.expected as { losses_before_step: unknown[]; params_after_step: Record<string, unknown>[] };
    if (!Number.isInteger(steps) || steps < 1) problems.push(`${name}: steps ${String(steps)}`);
    if (expected.losses_before_step.length !== steps || expected.params_after_step.length !== steps) problems.push(`${name}: not one loss and one set of parameters per step`);
    expected.params_after_step.forEach((p, i) => Object.entries(p).forEach(([k, t]) => problems.push(...tensorProblems(`${name} params_after_step[${i}].${k}`, t))));
  } else {
    problems.push(...tensors('inputs'));
    const expected = c.expected as { values: Record<string, unknown>; grads: Record<string, unknown> };
    const last = program[program.length - 1].out;
    const loss = expected.values[last] as CaseTensor | undefined;
    if (loss === undefined || loss.shape.length !== 0) problems.push(`${name}: the last output ${last} is not a recorded scalar`);
    for (const [k, t] of Object.entries(expected.values)) problems.push(...tensorProblems(`${name} values.${k}`, t));
    for (const [k, t] of Object.entries(expected.grads)) problems.push(...tensorProblems(`${name} grads.${k}`, t));
    const inputs = Object.keys((c.inputs ?? {}) as object).sort();
    if (JSON.stringify(Object.keys(expected.grads).sort()) !== JSON.stringify(inputs)) problems.push(`${name}: grads are not one per input`);
  }
  return problems;
}

describe('the committed PyTorch reference cases', () => {
  test('are in the repository: conformance/torch holds the five case files', () => {
    expect(DEFAULT_CASES).toBe(join(REPO_ROOT, 'conformance', 'torch'));
    expect(requireCaseFiles(DEFAULT_CASES).map((f) => basename(f))).toEqual(Object.keys(EXPECTED_COUNTS));
  });

  test('are well formed, with unique names and the expected count of 122', () => {
    const names: string[] = [];
    const problems: string[] = [];
    for (const file of requireCaseFiles(DEFAULT_CASES)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { generator: unknown; seed: unknown; cases: Record<string, unknown>[] };
      expect(json.generator, file).toMatch(/^PyTorch \S+ float64$/);
      expect(Number.isInteger(json.seed), file).toBe(true);
      expect(json.cases.length, file).toBe(EXPECTED_COUNTS[basename(file)]);
      for (const c of json.cases) {
        names.push(String(c.name));
        problems.push(...caseProblems(c));
      }
    }
    expect(problems).toEqual([]);
    expect(names).toHaveLength(122);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every case passes the engine conformance runner', () => {
    requireCaseFiles(DEFAULT_CASES);
    const report = runConformancePaths([DEFAULT_CASES]);
    expect(report.results.filter((r) => !r.ok).map(describeFailure)).toEqual([]);
    expect(report.passed).toBe(122);
  });

  test('a missing case folder fails with a message naming the folder and how to get the cases', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'conformance-'));
    try {
      const missing = join(scratch, 'torch');
      expect(() => requireCaseFiles(missing)).toThrow(`${missing}) does not exist`);
      expect(() => requireCaseFiles(missing)).toThrow('git checkout -- conformance/torch');
      expect(() => requireCaseFiles(scratch)).toThrow(`${scratch}) has no .json case files`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('the runner reports an empty folder as a failure instead of 0 passed, 0 failed', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'conformance-'));
    try {
      const report = runConformancePaths([scratch]);
      expect(report.failed).toBe(1);
      expect(report.results[0].message).toBe('no .json case files in this folder');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
