import { describe, expect, test } from 'vitest';
import { EarlyStopping } from '../../engine/optim/early-stopping.ts';
import { MLP } from '../../engine/nn/mlp.ts';

// Each "epoch" nudges every weight, so the weights at each epoch are distinguishable.
const nudge = (net: MLP, amount: number): void => {
  for (const p of net.parameters()) for (let i = 0; i < p.size; i++) p.data[i] += amount;
};

describe('early stopping', () => {
  test('stops after `patience` epochs without improvement and restores the weights of the best epoch', () => {
    const net = new MLP([2, 3, 1], { seed: 1 });
    const stopper = new EarlyStopping(net, { patience: 2 });
    const losses = [1.0, 0.8, 0.5, 0.6, 0.55, 0.7, 0.4];
    const snapshots: string[] = [];
    let stoppedAt = -1;
    for (const [epoch, loss] of losses.entries()) {
      nudge(net, 0.1);
      snapshots.push(JSON.stringify(net));
      if (stopper.step(loss)) {
        stoppedAt = epoch;
        break;
      }
    }
    const best = losses.indexOf(Math.min(...losses.slice(0, stoppedAt + 1)));
    expect(stoppedAt).toBe(best + 2);
    expect(stopper.bestEpoch).toBe(best);
    expect(stopper.bestValue).toBe(losses[best]);
    expect(stopper.stopped).toBe(true);
    expect(JSON.stringify(net)).toBe(snapshots[best]);
  });

  test('keeps going while the metric keeps improving', () => {
    const net = new MLP([2, 2, 1]);
    const stopper = new EarlyStopping(net, { patience: 1 });
    expect([5, 4, 3, 2, 1].map((loss) => stopper.step(loss))).toEqual([false, false, false, false, false]);
    expect(stopper.bestEpoch).toBe(4);
  });

  test('in max mode a higher accuracy is the improvement, and minDelta ignores tiny gains', () => {
    const net = new MLP([2, 2, 1]);
    const stopper = new EarlyStopping(net, { patience: 2, mode: 'max', minDelta: 0.01 });
    expect(stopper.step(0.9)).toBe(false);
    expect(stopper.step(0.905)).toBe(false);
    expect(stopper.step(0.95)).toBe(false);
    expect(stopper.bestEpoch).toBe(2);
    expect(stopper.step(0.951)).toBe(false);
    expect(stopper.step(0.94)).toBe(true);
    expect(stopper.bestValue).toBe(0.95);
  });

  test('restoreBest puts the best weights back when training ends by its epoch limit', () => {
    const net = new MLP([2, 3, 1], { seed: 4 });
    const stopper = new EarlyStopping(net, { patience: 10 });
    stopper.step(0.3);
    const best = JSON.stringify(net);
    nudge(net, 1);
    stopper.step(0.5);
    expect(JSON.stringify(net)).not.toBe(best);
    stopper.restoreBest();
    expect(JSON.stringify(net)).toBe(best);
  });
});
