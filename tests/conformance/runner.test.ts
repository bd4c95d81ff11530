import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, runConformancePaths } from '../../scripts/conformance.ts';
import { describeFailure, runCase } from '../../conformance/runner.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/conformance');

// The committed PyTorch cases are checked in torch-cases.test.ts; these tests prove the runner on hand-made cases.
describe('conformance runner', () => {
  test('the hand-made passing cases pass', () => {
    const report = runConformancePaths([join(FIXTURES, 'passing.json')]);
    expect(report.results.filter((r) => !r.ok).map(describeFailure)).toEqual([]);
    expect(report.passed).toBe(5);
  });

  test('a wrong expected gradient fails, naming the case and the worst element with got and want', () => {
    const report = runConformancePaths([join(FIXTURES, 'failing.json')]);
    const wrong = report.results.find((r) => r.name === 'hand/deliberately_wrong_gradient')!;
    expect(wrong.ok).toBe(false);
    expect(wrong.worst).toMatchObject({ quantity: 'grads.x', index: 2, got: 6, want: 7 });
    const line = describeFailure(wrong);
    expect(line).toContain('hand/deliberately_wrong_gradient');
    expect(line).toContain('grads.x[2]: got 6 want 7');
  });

  test('unknown ops, attributes and hyperparameters, and wrong shapes, fail with a clear message instead of crashing', () => {
    const report = runConformancePaths([join(FIXTURES, 'failing.json')]);
    expect(report.passed).toBe(0);
    const message = (name: string) => report.results.find((r) => r.name === name)!.message;
    expect(message('hand/unknown_op')).toContain("unknown op 'frobnicate'");
    expect(message('hand/unknown_attribute')).toContain("op sum: unknown attribute 'axes'");
    expect(message('hand/unknown_hyperparameter')).toContain("optimizer adam: unknown hyperparameter 'momentum'");
    expect(message('hand/wrong_shape')).toContain('values.L: shape [2] differs from the expected [1, 2]');
  });

  test('a malformed case is a failing result, not an exception', () => {
    expect(runCase(null).ok).toBe(false);
    expect(runCase({ name: 'empty', program: [] }).message).toBe('the program is empty');
    const missing = runCase({ name: 'missing', inputs: {}, program: [{ out: 'y', op: 'exp', args: ['nope'] }], expected: {} });
    expect(missing.message).toContain("argument 'nope' is not an input, a const or an earlier output");
  });

  test('the command prints one line per failure and ends with the totals, exiting 1', () => {
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/conformance.ts'), FIXTURES], { encoding: 'utf8', cwd: REPO_ROOT });
    } catch (e) {
      const error = e as { stdout: string; status: number };
      output = error.stdout;
      status = error.status;
    }
    const lines = output.trim().split('\n');
    expect(status).toBe(1);
    expect(lines.filter((l) => l.startsWith('FAIL '))).toHaveLength(5);
    expect(lines[lines.length - 1]).toBe('5 passed, 5 failed');
  });
});
