import { describe, expect, test } from 'vitest';
import { getExercise, grade, prepareCases } from '../../../exercises/index.ts';
import type { CodeExercise } from '../../../exercises/index.ts';
import type { ProgramStep } from '../../../exercises/definitions/value-backward.ts';

const exercise = getExercise('value-backward') as CodeExercise;
// The page's public cases and twenty instructor salts: every seed an instructor might draw behaves alike.
const SALTS = ['', ...Array.from({ length: 20 }, (_, i) => `salt-${i}`)];

/** How many times each value (inputs first, then steps) is read by a later step. */
function uses(program: readonly ProgramStep[], inputCount: number): number[] {
  const count = new Array<number>(inputCount + program.length).fill(0);
  for (const step of program) {
    count[step.a]++;
    if ('b' in step) count[step.b]++;
  }
  return count;
}

describe('the programs it is graded on', () => {
  test.each(SALTS)('use every input, reuse an input and an inner value, multiply by a constant and apply tanh (salt %j)', (salt) => {
    for (const c of prepareCases(exercise, { salt, cases: 6 })) {
      const [program, inputs] = c.calls[0].args as [ProgramStep[], number[]];
      const count = uses(program, inputs.length);
      expect(count.slice(0, inputs.length).every((n) => n >= 1)).toBe(true);
      expect(count.slice(0, inputs.length).some((n) => n >= 2)).toBe(true);
      expect(count.slice(inputs.length).some((n) => n >= 2)).toBe(true);
      expect(program.some((step) => step.op === 'mul' && 'constant' in step)).toBe(true);
      expect(program.filter((step) => step.op === 'tanh').length).toBeGreaterThanOrEqual(2);
      // Every step reads only values made before it.
      program.forEach((step, k) => {
        expect(step.a).toBeLessThan(inputs.length + k);
        if ('b' in step) expect(step.b).toBeLessThan(inputs.length + k);
      });
    }
  });
});

test.each(exercise.misconceptions.map((m) => [m.id, m] as const))('%s is recognised with its own feedback on every seed', (id, misconception) => {
  for (const salt of SALTS) {
    const result = grade(exercise, misconception.solution, { salt });
    expect(result.passed, `salt ${JSON.stringify(salt)}`).toBe(false);
    expect(result.misconceptions[0]?.id, `salt ${JSON.stringify(salt)}`).toBe(id);
    expect(result.misconceptions[0]?.message).toBe(misconception.feedback);
  }
});

test('the exercise recognises at least the four slips the issue names', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(
    expect.arrayContaining(['assigned-not-accumulated', 'tanh-derivative-one-minus-t', 'product-factors-swapped', 'only-direct-children']),
  );
});

test('closures run in reverse creation order pass: a topological order need not come from a walk', () => {
  const reversedCreation = exercise.solution
    .replace('  _backward: () => void = () => {};', '  _backward: () => void = () => {};\n  static created: Value[] = [];')
    .replace('this.op = op;', 'this.op = op;\n    Value.created.push(this);')
    .replace(/\/\/ Topological order[\s\S]*?order\[i\]\._backward\(\);/, 'this.grad = 1;\n    for (let i = Value.created.length - 1; i >= 0; i--) Value.created[i]._backward();\n    Value.created = [];');
  expect(reversedCreation).toContain('Value.created[i]._backward()');
  for (const salt of ['', 'salt-1']) expect(grade(exercise, reversedCreation, { salt }).status).toBe('passed');
});

test('a recursive walk without a topological order, which passes a shared value back twice, fails', () => {
  const recursive = exercise.solution.replace(
    /\/\/ Topological order[\s\S]*?order\[i\]\._backward\(\);/,
    'this.grad = 1;\n    const run = (v: Value) => {\n      v._backward();\n      for (const child of v._prev) run(child);\n    };\n    run(this);',
  );
  expect(recursive).toContain('run(this)');
  expect(grade(exercise, recursive).passed).toBe(false);
});
