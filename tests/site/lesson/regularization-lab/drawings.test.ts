import { describe, expect, test } from 'vitest';
import { lossChartSvg, lossDomain, networkSvg } from '../../../../site/lesson/regularization-lab/drawings.ts';

describe('the lab’s drawings', () => {
  test('the loss axis spans whole powers of ten around every loss', () => {
    expect(lossDomain([0.7, 0.05], [0.7, 2.2])).toEqual([0.01, 10]);
    expect(lossDomain([], [])).toEqual([0.1, 1]);
  });

  test('the loss chart draws both curves up to the epoch shown, and marks the restored epoch', () => {
    const train = [0.7, 0.5, 0.3, 0.2, 0.1];
    const validation = [0.7, 0.6, 0.55, 0.6, 0.7];
    const svg = lossChartSvg({ trainLoss: train, validationLoss: validation, epochs: 4, epoch: 2, restoredEpoch: null, stoppedEpoch: null });
    expect(svg.match(/data-series="validation" d="([^"]*)"/)![1].split('L')).toHaveLength(3);
    expect(svg).not.toContain('data-mark="restored"');
    const end = lossChartSvg({ trainLoss: train, validationLoss: validation, epochs: 4, epoch: 4, restoredEpoch: 2, stoppedEpoch: 4 });
    expect(end).toContain('data-mark="restored"');
    expect(end).toContain('best: epoch 2');
    expect(end).toContain('stopped');
  });

  test('the network crosses out the masked hidden units and draws every unit on without a mask', () => {
    const sizes = [2, 3, 3, 1];
    const weights = Array.from({ length: 2 * 3 + 3 * 3 + 3 }, (_, i) => (i % 2 === 0 ? 0.5 : -1));
    const masked = networkSvg({ sizes, weights, mask: [1, 0, 1, 0, 0, 1] });
    expect(masked.match(/data-unit="dropped"/g)).toHaveLength(3);
    expect(masked.match(/data-unit="on"/g)).toHaveLength(2 + 3 + 1);
    expect(masked).toContain('data-dropped="3"');
    const evaluation = networkSvg({ sizes, weights, mask: null });
    expect(evaluation).not.toContain('data-unit="dropped"');
    expect(evaluation.match(/<line /g)).toHaveLength(weights.length);
  });
});
