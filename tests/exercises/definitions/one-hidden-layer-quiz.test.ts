import { expect, test } from 'vitest';
import { getExercise, grade, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { exerciseCases } from '../../../exercises/cases.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('one-hidden-layer-quiz') as CodeExercise;

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('partial credit: each slip loses exactly the gradients it gets wrong', () => {
  const passedParts = (id: string) => {
    const misconception = exercise.misconceptions.find((m) => m.id === id)!;
    return grade(exercise, misconception.solution).parts.filter((p) => p.passed).map((p) => p.name);
  };
  expect(passedParts('error-sign-flipped')).toEqual([]);
  expect(passedParts('forgot-sigmoid-derivative')).toEqual(['dW2', 'db2']);
  expect(passedParts('transposed-weight-gradients')).toEqual(['db2', 'db1', 'dx']);
  expect(passedParts('forgot-weight-penalty')).toEqual(['db2', 'db1', 'dx']);
  expect(passedParts('penalised-biases')).toEqual(['dW2', 'dW1', 'dx']);
  expect(passedParts('penalty-without-half')).toEqual(['db2', 'db1', 'dx']);
  const starter = grade(exercise, exercise.starter);
  expect(starter.score).toBe(0);
  expect(starter.maxScore).toBe(5);
});

test("the penalty is (λ/2)‖W‖², as the prompt states: the engine's weight gradients grow by exactly λW with λ", () => {
  expect(exercise.prompt).toContain('\\frac{\\lambda}{2}');
  for (const { args } of exerciseCases(exercise, { count: 6, salt: 'penalty' })) {
    const lambda = args[6] as number;
    const withPenalty = exercise.oracle(args, { args }) as Record<string, number[][]>;
    const without = exercise.oracle([...args.slice(0, 6), 0], { args }) as Record<string, number[][]>;
    for (const [name, weight] of [['dW1', args[1]], ['dW2', args[3]]] as const) {
      (weight as number[][]).forEach((row, j) => row.forEach((w, i) => expect(withPenalty[name][j][i] - without[name][j][i]).toBeCloseTo(lambda * w, 12)));
    }
    // The biases and the input are not penalised.
    expect(withPenalty.db1).toEqual(without.db1);
    expect(withPenalty.dx).toEqual(without.dx);
  }
});

test('the three sizes of a case are pairwise different and λ is never 0', () => {
  for (const prepared of prepareCases(exercise, { cases: 12, salt: 'sizes' })) {
    const [x, W1, , W2, , label, lambda] = prepared.calls[0].args as [number[], number[][], number[], number[][], number[], number, number];
    const sizes = [x.length, W1.length, W2.length];
    expect(new Set(sizes).size).toBe(3);
    expect(W1[0]).toHaveLength(x.length);
    expect(W2[0]).toHaveLength(W1.length);
    expect(Number.isInteger(label) && label >= 0 && label < W2.length).toBe(true);
    expect(lambda).toBeGreaterThanOrEqual(0.05);
  }
});
