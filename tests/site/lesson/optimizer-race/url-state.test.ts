import { describe, expect, test } from 'vitest';
import { PRESETS, presetById } from '../../../../site/lesson/optimizer-race/presets.ts';
import { decodeView, encodeView, parameterName, presetView, withView } from '../../../../site/lesson/optimizer-race/url-state.ts';

describe('a race in the URL', () => {
  test('a preset’s start is written as step 0 alone, and reads back as the preset', () => {
    for (const preset of PRESETS) {
      expect(encodeView(preset, presetView(preset))).toBe('0');
      expect(decodeView(preset, '0')).toEqual(presetView(preset));
      expect(decodeView(preset, null)).toEqual(presetView(preset));
    }
  });

  test('every field round-trips: surface, condition, noise, seed, start, the racer shown, racers on and off and their options', () => {
    const preset = presetById('ravine-momentum');
    const view = presetView(preset);
    view.step = 17;
    view.selected = 5;
    view.state.condition = 80;
    view.state.noise = 0.35;
    view.state.seed = 12;
    view.state.start = [-1.25, 0.3333333333333333];
    const racers = [...view.state.racers];
    racers[0] = { ...racers[0], on: false };
    racers[2] = { ...racers[2], options: { ...racers[2].options, lr: 0.0125, momentum: 0.75 } };
    const adam = racers.findIndex((r) => r.optimizer === 'adam');
    racers[adam] = { ...racers[adam], on: true, options: { lr: 1e-7, betas: [0.8, 0.99], biasCorrection: false } };
    view.state = { ...view.state, racers };
    const text = encodeView(preset, view);
    expect(text).toMatch(/^[A-Za-z0-9._*-]+$/);
    const back = decodeView(preset, text);
    expect(back.step).toBe(17);
    expect(back.selected).toBe(5);
    expect(back.state.condition).toBe(80);
    expect(back.state.noise).toBe(0.35);
    expect(back.state.seed).toBe(12);
    expect(back.state.start).toEqual([-1.25, 0.3333333333333333]);
    expect(back.state.racers[0].on).toBe(false);
    expect(back.state.racers[2].options).toMatchObject({ lr: 0.0125, momentum: 0.75 });
    expect(back.state.racers[adam]).toMatchObject({ on: true, options: { lr: 1e-7, betas: [0.8, 0.99], biasCorrection: false } });
    expect(encodeView(preset, back)).toBe(text);
  });

  test('a changed surface takes its own start and learning rates, and round-trips', () => {
    const preset = presetById('race');
    const view = decodeView(preset, '3*s_saddle');
    expect(view.state.surface).toBe('saddle');
    expect(view.state.start).toEqual([-1.8, 0.001]);
    expect(view.state.racers[0].options.lr).toBe(0.05);
    expect(encodeView(preset, view)).toBe('3*s_saddle');
    view.state.start = [-1.8, 0.5];
    expect(decodeView(preset, encodeView(preset, view)).state.start).toEqual([-1.8, 0.5]);
  });

  test('hostile values fall back to the preset’s without throwing', () => {
    const preset = presetById('lr-too-large');
    const start = presetView(preset);
    const hostile = [
      'abc',
      '-5*s_nowhere*k_-3*n_1e999*seed_1.5*x_NaN*y_Infinity*sel_99',
      '9999999',
      '2*r0_1_lr_-1*r1_x_lr*r99_1*r0_1_momentum',
      '4*r0_1_nesterov_1',
      '4*r5_1_betas_0.9*__proto___1*constructor_2',
      '*'.repeat(50),
      '1*x_100*y_-100*k_1e6*n_-1',
      '1*r5_1_betas_0.9_1*r5_1_betas_a_b',
    ];
    for (const text of hostile) {
      const view = decodeView(preset, text);
      expect(view.state.surface).toBe('quadratic');
      expect(view.state.condition).toBe(10);
      expect(view.state.start).toEqual(start.state.start);
      expect(view.step).toBeLessThanOrEqual(preset.state.steps);
      expect(view.selected).toBe(preset.selected);
      expect(view.state.racers.map((r) => r.options)).toEqual(start.state.racers.map((r) => r.options));
    }
    expect(decodeView(preset, '9999999').step).toBe(preset.state.steps);
  });

  test('the parameter is the race’s own, and the page’s other parameters are kept', () => {
    expect(parameterName('noisy')).toBe('race-noisy');
    expect(withView('?a=1', 'noisy', '5*n_2')).toBe('?a=1&race-noisy=5*n_2');
    expect(withView('?a=1&race-noisy=5', 'noisy', '0')).toBe('?a=1');
  });
});
