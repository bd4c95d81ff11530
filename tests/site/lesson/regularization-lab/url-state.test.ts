import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../../../site/lesson/regularization-lab/presets.ts';
import { decodeView, encodeView, parameterName, withView } from '../../../../site/lesson/regularization-lab/url-state.ts';

describe('the lab’s URL state', () => {
  test('writes only the epoch and what differs from the preset, and reads it back', () => {
    const preset = PRESETS.overfit;
    expect(encodeView(preset, { settings: { ...preset.settings }, epoch: 0 })).toBe('0');
    const view = { settings: { ...preset.settings, l2: 0.01, dropout: 0.3, seed: 7 }, epoch: 120 };
    const text = encodeView(preset, view);
    expect(text).toBe('120*l2_0.01*drop_0.3*seed_7');
    expect(decodeView(preset, text)).toEqual(view);
    expect(parameterName('overfit')).toBe('lab-overfit');
  });

  test('ignores values the controls do not offer, unknown keys and malformed parts; clamps the epoch', () => {
    const preset = PRESETS.l2;
    const view = decodeView(preset, '9999*l2_0.5*drop_x*pat_20*what_1*seed_-3*ep_100');
    expect(view.settings).toEqual({ ...preset.settings, patience: 20, epochs: 100 });
    expect(view.epoch).toBe(100);
    expect(decodeView(preset, null)).toEqual({ settings: preset.settings, epoch: 0 });
    expect(decodeView(preset, 'abc')).toEqual({ settings: preset.settings, epoch: 0 });
  });

  test('sets its own parameter and keeps the others', () => {
    expect(withView('?race-race=3', 'overfit', '40*l2_0.01')).toBe('?race-race=3&lab-overfit=40*l2_0.01');
    expect(withView('?lab-overfit=40', 'overfit', '0')).toBe('');
  });
});
