// The playground's select controls: each list shows its own labels (issue 9: a learning rate of 1
// and a weight decay of 1 read "1 epoch/s", the speed list's label for the same text).

import { describe, expect, test } from 'vitest';
import { CHOICES } from '../../../../site/lesson/playground/choices.ts';
import { ACTIVATIONS, DATASETS, INITIALIZERS, L1_PENALTIES, LEARNING_RATES, LOSSES, OPTIMIZERS, SPEEDS, WEIGHT_DECAYS } from '../../../../site/lesson/playground/state.ts';

describe('the playground option labels', () => {
  test('every learning-rate option reads as the number it sets', () => {
    expect(CHOICES.lr.map((choice) => choice.value)).toEqual(LEARNING_RATES.map(String));
    for (const choice of CHOICES.lr) {
      expect(choice.label).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(choice.label)).toBe(Number(choice.value));
    }
  });

  test('every L2 option reads as the number it sets', () => {
    expect(CHOICES.l2.map((choice) => choice.value)).toEqual(WEIGHT_DECAYS.map(String));
    for (const choice of CHOICES.l2) {
      expect(choice.label).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(choice.label)).toBe(Number(choice.value));
    }
  });

  test('every L1 option reads as the number it sets', () => {
    expect(CHOICES.l1.map((choice) => choice.value)).toEqual(L1_PENALTIES.map(String));
    for (const choice of CHOICES.l1) {
      expect(choice.label).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(choice.label)).toBe(Number(choice.value));
    }
  });

  test('every speed option reads as epochs per second, and "max" as the fastest', () => {
    expect(CHOICES.speed.map((choice) => choice.value)).toEqual([...SPEEDS]);
    for (const choice of CHOICES.speed) {
      if (choice.value === 'max') expect(choice.label).toBe('As fast as possible');
      else expect(choice.label).toBe(`${choice.value} ${choice.value === '1' ? 'epoch' : 'epochs'}/s`);
    }
  });

  test('only the speed list says "epoch", and every list offers each of its values once with a label', () => {
    const lists = { data: DATASETS, activation: ACTIVATIONS, init: INITIALIZERS, loss: LOSSES, optimizer: OPTIMIZERS } as const;
    for (const [field, values] of Object.entries(lists)) {
      const choices = CHOICES[field as keyof typeof lists];
      expect(choices.map((choice) => choice.value), field).toEqual([...values]);
      for (const choice of choices) expect(choice.label.trim().length, `${field} ${choice.value}`).toBeGreaterThan(0);
    }
    for (const [field, choices] of Object.entries(CHOICES)) {
      if (field === 'speed') continue;
      for (const choice of choices) expect(choice.label, `${field} ${choice.value}`).not.toMatch(/epoch/);
    }
  });
});
