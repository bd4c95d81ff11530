import { describe, expect, test } from 'vitest';
import { Adam, SGD } from '../../engine/index.ts';
import { Random } from '../../engine/random.ts';
import { OPTIMIZER_STEPS, chainSteps, engineStep, momentumHyper, optimizerStepCase } from '../../exercises/optimizer-step.ts';

describe('the optimizer-step exercises share their cases, chain and oracle', () => {
  test('a case holds 3–7 parameters, one gradient per graded step with no component near 0, the hyper-parameters and the initial state', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = optimizerStepCase(new Random(seed), momentumHyper, (n) => ({ zeros: n }));
      const [param, grad, state, hp] = c.args as [number[], number[], { zeros: number }, { lr: number; momentum: number }];
      const grads = (c.meta as { grads: number[][] }).grads;
      expect(param.length).toBeGreaterThanOrEqual(3);
      expect(param.length).toBeLessThanOrEqual(7);
      expect(grads).toHaveLength(OPTIMIZER_STEPS);
      expect(grad).toBe(grads[0]);
      for (const g of grads) for (const x of g) expect(Math.abs(x)).toBeGreaterThanOrEqual(0.05);
      expect(state.zeros).toBe(param.length);
      expect(hp.lr).toBeGreaterThanOrEqual(0.05);
      expect(hp.momentum).toBeLessThanOrEqual(0.95);
    }
  });

  test('the same seed draws the same case', () => {
    const a = optimizerStepCase(new Random(7), momentumHyper, () => null);
    const b = optimizerStepCase(new Random(7), momentumHyper, () => null);
    expect(a).toEqual(b);
  });

  test("the chain starts the next step from the reference's parameters and state, with the case's next gradient", () => {
    const c = { args: [[0, 0], [1, 1], null, { lr: 0.1 }], meta: { grads: [[1, 1], [2, 2], [3, 3]] } };
    const chain = chainSteps<{ param: number[]; buffer: number[] }>((r) => r.buffer);
    expect(chain(c, c.args, { param: [5, 6], buffer: [7, 8] }, 0)).toEqual([[5, 6], [2, 2], [7, 8], { lr: 0.1 }]);
    expect(chain(c, c.args, { param: [5, 6], buffer: [7, 8] }, 2)).toEqual([[5, 6], [3, 3], [7, 8], { lr: 0.1 }]);
  });

  test('engineStep is one step of the engine optimizer, fresh or from a saved state', () => {
    const fresh = engineStep((theta) => new SGD([theta], { lr: 0.5, momentum: 0.9 }), [1, 2], [0.2, -0.4]);
    expect(fresh.param).toEqual([1 - 0.5 * 0.2, 2 + 0.5 * 0.4]);
    expect(fresh.state.buffers[0].momentum).toEqual([0.2, -0.4]);
    const second = engineStep((theta) => new SGD([theta], { lr: 0.5, momentum: 0.9 }), fresh.param, [0.2, -0.4], fresh.state);
    expect(second.state.buffers[0].momentum[0]).toBeCloseTo(0.9 * 0.2 + 0.2, 15);
    const adam = engineStep((theta) => new Adam([theta], { lr: 0.01 }), [0, 0], [3, -0.001]);
    expect(adam.state.step).toBe(1);
    for (const p of adam.param) expect(Math.abs(p)).toBeCloseTo(0.01, 4);
  });
});
