import { describe, expect, test } from 'vitest';
import { getExercise, grade, prepareCases } from '../../../exercises/index.ts';
import type { CodeExercise } from '../../../exercises/index.ts';
import type { ProgramStep } from '../../../exercises/definitions/value-backward.ts';
import { graphKeyOf } from '../../../exercises/graph-key.ts';
import { eraseTypes } from '../../../exercises/submission/erase-types.ts';

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

describe('its graph', () => {
  /** The Value class of a solution's source (TypeScript), and every value of `program` built with it after backward(). */
  function gradientsOfEveryValue(source: string, program: readonly ProgramStep[], inputs: readonly number[]): number[] {
    const code = eraseTypes(source);
    const Value = new Function(`${code}\nreturn Value;`)() as new (data: number) => { grad: number; add(o: unknown): unknown; mul(o: unknown): unknown; tanh(): unknown; backward(): void };
    type V = InstanceType<typeof Value>;
    const values: V[] = inputs.map((x) => new Value(x));
    for (const step of program) {
      const a = values[step.a];
      if (step.op === 'tanh') values.push(a.tanh() as V);
      else {
        const b = 'b' in step ? values[step.b] : step.constant;
        values.push((step.op === 'add' ? a.add(b) : a.mul(b)) as V);
      }
    }
    values[values.length - 1].backward();
    return values.map((v) => v.grad);
  }

  test('each misconception’s node is the first value, going backward from L, whose gradient its slip gets wrong', () => {
    const visible = prepareCases(exercise).find((c) => c.visible)!;
    const [program, inputs] = visible.calls[0].args as [ProgramStep[], number[]];
    const key = graphKeyOf(exercise, visible.calls[0].args)!;
    const right = gradientsOfEveryValue(exercise.solution, program, inputs);
    // The engine's trace and the reference Value agree on every value's gradient.
    const labelled = key.trace.nodes.filter((node) => node.label !== undefined && node.grad !== null);
    expect(labelled.map((node) => node.label)).toEqual(expect.arrayContaining(['x₁', 'x₂', 'u', 't', 'r', 'q', 'a', 'L']));
    let checked = 0;
    for (const m of exercise.misconceptions) {
      const wrong = gradientsOfEveryValue(m.solution, program, inputs);
      const differs = (i: number) => Math.abs(wrong[i] - right[i]) > 1e-9 * Math.max(1, Math.abs(right[i]));
      // Values in creation order are a topological order, so the first difference going backward is the last index that differs.
      const first = [...right.keys()].reverse().find(differs);
      expect(first, m.id).toBeDefined();
      if (m.node === undefined) continue;
      const node = key.trace.nodes[key.misconceptions[m.id]];
      expect(node.grad, m.id).toBeCloseTo(right[first!], 12);
      expect(node.value, m.id).toBeCloseTo(valueAt(program, inputs, first!), 12);
      checked++;
    }
    expect(checked).toBe(5);
  });
});

/** The value at `index` of a program (inputs first, then each step), in plain numbers. */
function valueAt(program: readonly ProgramStep[], inputs: readonly number[], index: number): number {
  const values = [...inputs];
  for (const step of program) {
    const a = values[step.a];
    if (step.op === 'tanh') values.push(Math.tanh(a));
    else values.push(step.op === 'add' ? a + ('b' in step ? values[step.b] : step.constant) : a * ('b' in step ? values[step.b] : step.constant));
  }
  return values[index];
}
