import { describe, expect, test } from 'vitest';
import { EarlyStopping, MLP } from '../../../engine/index.ts';
import { getExercise, grade, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { decide, EarlyStoppingRun, SLIPS, type Decision } from '../../../exercises/definitions/early-stopping-restore.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('early-stopping-restore') as CodeExercise;
type Args = [number[], number, number];
type Solve = (losses: number[], patience: number, minDelta: number) => Decision;

/** The cases of 20 salts, as an instructor's runs would draw them. */
const ALL_CASES = Array.from({ length: 20 }, (_, s) => prepareCases(exercise, { salt: `all-${s}` })).flat();

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('the public cases: the reference passes, the starter fails, and each misconception is named with its own feedback', () => {
  expect(grade(exercise, exercise.solution).status).toBe('passed');
  expect(grade(exercise, exercise.starter).passed).toBe(false);
  for (const m of exercise.misconceptions) {
    const result = grade(exercise, m.solution);
    expect(result.status, m.id).toBe('failed');
    expect(result.misconceptions[0]).toMatchObject({ id: m.id, message: m.feedback });
  }
});

test('the issue\'s misconceptions are all there', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(
    expect.arrayContaining(['patience-off-by-one', 'restores-last-epoch', 'ignores-min-delta', 'resets-on-any-decrease']),
  );
});

describe("against the engine's EarlyStopping", () => {
  test('the oracle reads the engine: it stops where step() says stop, and the weights it ends with are those of bestEpoch', () => {
    for (const prepared of ALL_CASES) {
      const [losses, patience, minDelta] = prepared.calls[0].args as Args;
      // An MLP whose every weight is nudged each epoch: its weights at each epoch are distinguishable.
      const net = new MLP([2, 3, 1], { seed: 4 });
      const stopper = new EarlyStopping(net, { patience, minDelta });
      const snapshots: string[] = [];
      let stopEpoch = losses.length - 1;
      for (const [epoch, loss] of losses.entries()) {
        for (const p of net.parameters()) for (let i = 0; i < p.size; i++) p.data[i] += 0.125;
        snapshots.push(JSON.stringify(net));
        if (stopper.step(loss)) {
          stopEpoch = epoch;
          break;
        }
      }
      if (!stopper.stopped) stopper.restoreBest();
      const expected = prepared.calls[0].expected as Decision;
      expect(expected.stopEpoch).toBe(stopEpoch);
      expect(expected.restoredEpoch).toBe(stopper.bestEpoch);
      expect(JSON.stringify(net)).toBe(snapshots[expected.restoredEpoch]);
    }
  });

  test('the reference solution and the patience logic the cases are drawn with agree with the engine on every case', () => {
    const solve = compileTrusted(exercise.solution, exercise.functionName) as Solve;
    for (const prepared of ALL_CASES) {
      const args = prepared.calls[0].args as Args;
      const engine = new EarlyStoppingRun(...args);
      expect(solve(...args)).toEqual({ stopEpoch: engine.stopEpoch, restoredEpoch: engine.restoredEpoch });
      expect(decide(...args)).toEqual({ stopEpoch: engine.stopEpoch, restoredEpoch: engine.restoredEpoch });
    }
  });

  test('each misconception\'s solution is the patience logic with its slip, on every case', () => {
    for (const { id, slip } of SLIPS) {
      const solve = compileTrusted(exercise.misconceptions.find((m) => m.id === id)!.solution, exercise.functionName) as Solve;
      for (const prepared of ALL_CASES) {
        const args = prepared.calls[0].args as Args;
        expect(solve(...args), id).toEqual(decide(...args, slip));
      }
    }
  });
});

describe('the public cases show what the issue asks for', () => {
  const cases = prepareCases(exercise).map((c) => ({ args: c.calls[0].args as Args, expected: c.calls[0].expected as Decision }));

  test('an improvement right at the patience boundary: stopping one epoch late changes both answers', () => {
    const { args, expected } = cases[0];
    const late = decide(...args, { latePatience: true });
    expect(late.stopEpoch).toBeGreaterThan(expected.stopEpoch + 1);
    expect(late.restoredEpoch).toBe(expected.stopEpoch + 1);
  });

  test('a plateau within min_delta: values below the best that do not beat it by min_delta', () => {
    const [losses, , minDelta] = cases[2].args;
    expect(minDelta).toBeGreaterThan(0);
    const best = losses[cases[2].expected.restoredEpoch];
    expect(losses.slice(cases[2].expected.restoredEpoch + 1, cases[2].expected.stopEpoch + 1).some((v) => v < best && v >= best - minDelta)).toBe(true);
  });

  test('a tie with the best, with min_delta 0, that must not move the best epoch', () => {
    const [losses, , minDelta] = cases[4].args;
    expect(minDelta).toBe(0);
    const { restoredEpoch, stopEpoch } = cases[4].expected;
    expect(losses.slice(restoredEpoch + 1, stopEpoch + 1)).toContain(losses[restoredEpoch]);
  });

  test('a curve whose patience never runs out: stopEpoch is the last epoch and the best is restored', () => {
    const { args, expected } = cases[5];
    expect(new EarlyStoppingRun(...args).stoppedBy).toBeNull();
    expect(expected.stopEpoch).toBe(args[0].length - 1);
    expect(args[0][expected.restoredEpoch]).toBe(Math.min(...args[0]));
  });
});

test('hand-made curves: a tie, a dip above the best, and the patience boundary, as the engine decides', () => {
  const solve = compileTrusted(exercise.solution, exercise.functionName) as Solve;
  const examples: { args: Args; expected: Decision }[] = [
    // The tie at epoch 2 is no improvement: the counter reaches 2 at epoch 3, and epoch 1's weights come back.
    { args: [[1, 0.9, 0.9, 0.95, 0.8], 2, 0], expected: { stopEpoch: 3, restoredEpoch: 1 } },
    // The dip at epoch 3 stays above the best: the counter keeps running.
    { args: [[1, 0.8, 0.9, 0.85, 0.95], 3, 0], expected: { stopEpoch: 4, restoredEpoch: 1 } },
    // 0.79 beats 0.8 by less than min_delta 0.05: not an improvement.
    { args: [[1, 0.8, 0.79, 0.78, 0.7], 2, 0.05], expected: { stopEpoch: 3, restoredEpoch: 1 } },
    // An improvement at the last epoch before patience runs out resets it; the curve ends first.
    { args: [[1, 0.8, 0.85, 0.7, 0.75], 2, 0], expected: { stopEpoch: 4, restoredEpoch: 3 } },
  ];
  for (const { args, expected } of examples) {
    const engine = new EarlyStoppingRun(...args);
    expect({ stopEpoch: engine.stopEpoch, restoredEpoch: engine.restoredEpoch }).toEqual(expected);
    expect(solve(...args)).toEqual(expected);
  }
});

test('the prompt says what stopEpoch is when training never stops', () => {
  expect(exercise.prompt).toContain('losses.length - 1');
  expect(exercise.prompt).toContain('v_t < v_{\\text{best}} - \\delta');
});
