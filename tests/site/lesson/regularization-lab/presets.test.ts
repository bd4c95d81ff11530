import { describe, expect, test } from 'vitest';
import { DROPOUT_CHOICES, EPOCH_CHOICES, L2_CHOICES, PATIENCE_CHOICES, PRESETS, PRESET_IDS, presetById } from '../../../../site/lesson/regularization-lab/presets.ts';

describe('the lab’s presets', () => {
  test('each preset’s settings are among the choices its controls offer, and each changes one regulariser', () => {
    for (const id of PRESET_IDS) {
      const { settings } = PRESETS[id];
      expect(L2_CHOICES).toContain(settings.l2);
      expect(DROPOUT_CHOICES).toContain(settings.dropout);
      expect(PATIENCE_CHOICES).toContain(settings.patience);
      expect(EPOCH_CHOICES).toContain(settings.epochs);
      const on = [settings.l2 > 0, settings.dropout > 0, settings.patience > 0].filter(Boolean).length;
      expect(on).toBe(id === 'overfit' ? 0 : 1);
    }
    expect(presetById('nonsense').id).toBe('overfit');
    expect(presetById('dropout').id).toBe('dropout');
  });
});
