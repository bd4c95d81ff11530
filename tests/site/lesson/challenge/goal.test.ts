// A challenge's goal (site/lesson/challenge/goal.ts): its conditions in words, checked against the settings and a frame,
// and its URL form read back exactly, a hostile one refused whole with a message. And every challenge the lessons
// place is achievable (the Trainer trains a solution to it) and not met by its own preset at epoch 0.

import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_TITLE_LENGTH, cleanTitle, decodeGoal, encodeGoal, evaluateGoal, goalConditions, goalMet, goalSentence, isChallengeId, type Goal } from '../../../../site/lesson/challenge/goal.ts';
import { readChallengeLink } from '../../../../site/lesson/challenge/goal-panel.ts';
import { challengesIn } from '../../../../site/lesson/challenge/placement.ts';
import { challengeProps } from '../../../../site/lesson/challenge/props.ts';
import { normalizeState, type PlaygroundState } from '../../../../site/lesson/playground/state.ts';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';

const xor: Goal = { testAccuracy: { atLeast: 0.95 }, hiddenUnits: { atMost: 0 }, data: 'xor' };

describe('a goal', () => {
  test('is stated in words, in a fixed order', () => {
    expect(goalSentence(xor)).toBe('Test accuracy at least 95%, no hidden units (a linear model) and on the XOR data.');
    expect(goalConditions({ inputs: { only: ['x1x2', 'x1'] }, testLoss: { below: 0.1 } }).map((c) => c.text)).toEqual([
      'test loss below 0.1',
      'reading only x₁ and x₁x₂',
    ]);
    expect(goalSentence({ hiddenLayers: { atMost: 1 }, epochs: { atMost: 300 }, classes: 3, noise: { atLeast: 0.05 } })).toBe(
      'At most 1 hidden layer, within 300 epochs, with 3 classes and noise at least 0.05.',
    );
  });

  test('is met only when every condition holds on one frame', () => {
    const linear = normalizeState({ data: 'xor', layers: [], inputs: ['x1', 'x2', 'x1x2'] });
    expect(goalMet(evaluateGoal(xor, linear, null))).toBe(false);
    const results = evaluateGoal(xor, linear, { epoch: 30, testLoss: 0.2, testAccuracy: 0.96 });
    expect(results.map((r) => [r.key, r.met, r.now])).toEqual([
      ['testAccuracy', true, '96%'],
      ['hiddenUnits', true, '0'],
      ['data', true, 'XOR'],
    ]);
    expect(goalMet(results)).toBe(true);
    expect(goalMet(evaluateGoal(xor, { ...linear, layers: [2] }, { epoch: 30, testLoss: 0.2, testAccuracy: 0.99 }))).toBe(false);
    expect(goalMet(evaluateGoal(xor, { ...linear, data: 'circles' }, { epoch: 30, testLoss: 0.2, testAccuracy: 0.99 }))).toBe(false);
    // A diverged network's NaN never meets a condition.
    expect(goalMet(evaluateGoal({ testLoss: { below: 0.1 } }, linear, { epoch: 3, testLoss: NaN, testAccuracy: NaN }))).toBe(false);
    const s: PlaygroundState = normalizeState({ data: 'spiral', classes: 3, noise: 0.05, layers: [8, 4], inputs: ['x1', 'x2', 'sinx1'] });
    const all: Goal = { testLoss: { below: 0.1 }, hiddenUnits: { atMost: 12 }, hiddenLayers: { atMost: 2 }, epochs: { atMost: 100 }, classes: 3, noise: { atLeast: 0.05 }, inputs: { only: ['x1', 'x2', 'sinx1', 'sinx2'] } };
    expect(goalMet(evaluateGoal(all, s, { epoch: 100, testLoss: 0.09, testAccuracy: 0.97 }))).toBe(true);
    expect(evaluateGoal(all, s, { epoch: 101, testLoss: 0.09, testAccuracy: 0.97 }).find((r) => r.key === 'epochs')!.met).toBe(false);
    expect(evaluateGoal(all, { ...s, noise: 0 }, { epoch: 1, testLoss: 0.09, testAccuracy: 0.97 }).find((r) => r.key === 'noise')!.met).toBe(false);
    expect(evaluateGoal(all, { ...s, inputs: ['x1', 'x1sq'] }, null).find((r) => r.key === 'inputs')!.met).toBe(false);
    expect(evaluateGoal(all, { ...s, classes: 4 }, null).find((r) => r.key === 'classes')!.met).toBe(false);
    expect(goalMet([])).toBe(false);
  });

  test('round-trips through its URL form', () => {
    const goals: Goal[] = [
      xor,
      { testLoss: { below: 0.1 }, hiddenUnits: { atMost: 12 }, data: 'spiral', noise: { atLeast: 0.05 } },
      { hiddenLayers: { atMost: 6 }, epochs: { atMost: 1 }, classes: 5, inputs: { only: ['x1', 'x1sq', 'sinx2'] } },
    ];
    for (const goal of goals) expect(decodeGoal(encodeGoal(goal))).toEqual({ goal, problems: [] });
    expect(encodeGoal(xor)).toBe('acc:0.95,units:0,data:xor');
    // Inputs are written in the Playground's order, whatever order the author gave.
    expect(encodeGoal({ inputs: { only: ['x1x2', 'x1'] } })).toBe('in:x1-x1x2');
  });

  test('a hostile or garbled URL form is refused whole, with a message for each bad part', () => {
    const refused = (text: string) => {
      const result = decodeGoal(text);
      expect(result.goal).toBeNull();
      return result.problems;
    };
    expect(refused('')).toEqual(['the goal has no conditions']);
    expect(refused('acc:0.95,units:-1')).toEqual(['units:-1 must be a whole number from 0 to 96']);
    expect(refused('acc:2')).toEqual(['acc:2 must be a number from 0 to 1']);
    expect(refused('loss:NaN,acc:Infinity')).toHaveLength(2);
    expect(refused('loss:')).toEqual(['loss: must be a number from 0 to 100']);
    expect(refused('units:1.5')).toEqual(['units:1.5 must be a whole number from 0 to 96']);
    expect(refused('data:mnist')[0]).toMatch(/^data:mnist must be one of circles, xor/);
    expect(refused('in:x1-x3')[0]).toMatch(/^in:x1-x3 must list inputs from x1, x2/);
    expect(refused('in:')[0]).toMatch(/^in: must list inputs/);
    expect(refused('acc:0.9,acc:0.1')).toEqual(['acc is given twice']);
    expect(refused('<script>alert(1)</script>')[0]).toMatch(/^"<script>alert\(1\)<\/script>" is not a condition/);
    expect(refused('__proto__:1')[0]).toMatch(/is not a condition/);
    expect(refused('constructor:1')[0]).toMatch(/is not a condition/);
    expect(refused('x'.repeat(501))).toEqual(["the goal is too long to be a challenge's goal"]);
  });

  test('challenge ids are kebab-case and short', () => {
    expect(isChallengeId('xor-linear')).toBe(true);
    for (const bad of ['', 'XOR', 'a--b', '-a', 'a b', '../x', 'a'.repeat(61), '__proto__']) expect(isChallengeId(bad)).toBe(false);
  });
});

/** A setting that meets each challenge of the lessons, from its preset: what a student might find. */
const SOLUTIONS: Record<string, Partial<PlaygroundState>> = {
  'xor-linear': { inputs: ['x1', 'x2', 'x1x2'] },
  'spiral-small': { layers: [6, 6], lr: 0.03 },
  'spiral-three-classes': { layers: [16, 16], lr: 0.03 },
};

const lessons = readdirSync(join(process.cwd(), 'lessons')).filter((file) => file.endsWith('.mdx'));
const placed = lessons.flatMap((file) => challengesIn(readFileSync(join(process.cwd(), 'lessons', file), 'utf8')).map((c) => ({ ...c, file })));

describe("a challenge link's title", () => {
  test('is read as plain text, cleaned and capped; the id stands in when it is missing', () => {
    const link = readChallengeLink('?challenge=xor-linear&goal=acc:0.95&challenge-title=Solve%20XOR%0A%20%20with%20%3Cb%3Eone%3C/b%3E%20line');
    expect(link).toMatchObject({ id: 'xor-linear', title: 'Solve XOR with <b>one</b> line' });
    expect(readChallengeLink('?challenge=xor-linear&goal=acc:0.95')).toMatchObject({ title: null });
    expect(cleanTitle('   ')).toBeNull();
    expect(cleanTitle('x'.repeat(500))).toHaveLength(MAX_TITLE_LENGTH);
  });
});

describe('the challenges the lessons place', () => {
  test('there are at least three, each with a solution here and with a unique id', () => {
    expect(placed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(placed.map((c) => c.id)).size).toBe(placed.length);
    expect(placed.map((c) => c.id).sort()).toEqual(Object.keys(SOLUTIONS).sort());
  });

  test.each(placed.map((c) => [c.id, c] as const))('%s: its props are valid, its preset does not meet it at epoch 0, and a solution trains to it', (_, challenge) => {
    const props = challengeProps.parse({ id: challenge.id, title: challenge.title, preset: challenge.preset, goal: challenge.goal });
    const goal = props.goal as Goal;
    const preset = new Trainer(normalizeState(props.preset));
    const atStart = { epoch: 0, testLoss: preset.testLoss(), testAccuracy: preset.testAccuracy() };
    expect(goalMet(evaluateGoal(goal, preset.state, atStart))).toBe(false);
    const trainer = new Trainer(normalizeState({ ...props.preset, ...SOLUTIONS[challenge.id] }));
    let met = false;
    for (let epoch = 1; epoch <= 1000 && !met; epoch++) {
      trainer.trainEpoch();
      if (epoch % 10 === 0) met = goalMet(evaluateGoal(goal, trainer.state, { epoch, testLoss: trainer.testLoss(), testAccuracy: trainer.testAccuracy() }));
    }
    expect(met).toBe(true);
  }, 60_000);
});
