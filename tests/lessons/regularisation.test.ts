// The claims lesson 7 makes about regularisation, recomputed here with the engine (its optimizers, its dropout and
// its EarlyStopping), never from the numbers the examples module printed (those are only read back and compared).

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Adam, AdamW, EarlyStopping, Linear, MLP, Random, SGD, noGrad, tensor } from '../../engine/index.ts';
import { adamw, comparison, dropoutPasses, earlyStopping, l2Step, moreData, overfitting, setup } from '../../lessons/examples/regularisation.ts';

const lesson = readFileSync(new URL('../../lessons/07-regularisation.mdx', import.meta.url), 'utf8');
const number = (text: string) => Number(text.replace('\u2212', '-').replace('%', ''));

describe('lesson 7: the page', () => {
  test('places its three exercises and the lab with each preset', () => {
    for (const id of ['weight-decay-gradient', 'dropout-backward', 'early-stopping-restore']) expect(lesson).toContain(`<Exercise id="${id}" />`);
    for (const preset of ['overfit', 'l2', 'dropout', 'early-stopping']) expect(lesson).toContain(`<RegularizationLab preset="${preset}" />`);
  });

  test('its figures are labelled charts', () => {
    expect(overfitting.chart).toMatch(/^<svg class="line-chart"[^>]*role="img"/);
    expect(moreData.chart).toMatch(/^<svg class="line-chart"[^>]*role="img"/);
    expect(earlyStopping.figure.label).toMatch(/stops at epoch \d+ and restores epoch \d+/);
  });
});

describe('lesson 7: overfitting and the remedies', () => {
  test('the overfit run ends far above its best validation loss, with a training loss near zero', () => {
    expect(number(overfitting.finalTrain)).toBeLessThan(0.1);
    expect(number(overfitting.finalValidation)).toBeGreaterThan(2 * number(overfitting.bestLoss));
    expect(setup.parameters).toBe(String(3 * 12 + 13 * 12 + 13));
  });

  test('each regulariser ends with a lower validation loss and a higher training loss than the overfit run', () => {
    const [plain, ...others] = comparison.rows;
    for (const row of others) {
      expect(number(row.validation)).toBeLessThan(number(plain.validation) / 2);
      expect(number(row.train)).toBeGreaterThan(number(plain.train));
    }
    expect(number(comparison.l2Norm)).toBeLessThan(number(comparison.overfitNorm) / 2);
  });

  test('more data lowers the validation loss after training, step by step', () => {
    const losses = moreData.rows.map((r) => number(r.validation));
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]);
    expect(number(moreData.augmented)).toBeLessThan(number(moreData.plain));
  });
});

describe('lesson 7: weight decay', () => {
  test('the engine’s weightDecay is the gradient of (λ/2)‖θ‖²: SGD steps to (1 − ηλ)θ − η∇L', () => {
    const theta = [0.7, -1.3, 2.1, 0.05];
    const gradient = [0.2, 0.4, -0.1, 0.3];
    const p = tensor(theta, { requiresGrad: true });
    p.grad = tensor(gradient);
    new SGD([p], { lr: 0.05, weightDecay: 0.2 }).step();
    p.data.forEach((v, i) => expect(v).toBeCloseTo((1 - 0.05 * 0.2) * theta[i] - 0.05 * gradient[i], 14));
    expect(l2Step.penaltyGradient).toBe('(0.2, −0.1, 0.05)');
    expect(l2Step.engine).toBe('(1.95, −0.97, 0.485)');
  });

  test('AdamW shrinks θ by (1 − ηλ) before its step, whatever the gradient; Adam’s L2 goes through the division by √v̂', () => {
    for (const g of [100, 0.001]) {
      const w = tensor([1], { requiresGrad: true });
      const plain = tensor([1], { requiresGrad: true });
      w.grad = tensor([g]);
      plain.grad = tensor([g]);
      new AdamW([w], { lr: 0.01, weightDecay: 0.1 }).step();
      new AdamW([plain], { lr: 0.01, weightDecay: 0 }).step();
      // AdamW's first step: θ(1 − ηλ) − η·g/(|g| + ε) (Adam's first step has size η, up to ε); without decay, the same step from θ.
      expect(w.data[0]).toBeCloseTo(1 - 0.01 * 0.1 - 0.01, 6);
      expect(plain.data[0] - w.data[0]).toBeCloseTo(0.01 * 0.1, 12);
    }
    const tiny = tensor([1], { requiresGrad: true });
    tiny.grad = tensor([0.001]);
    new Adam([tiny], { lr: 0.01, weightDecay: 0.1 }).step();
    // Adam's first step has size η whatever g + λθ is, so L2 changes nothing here: its decay is not a shrinking of θ.
    expect(tiny.data[0]).toBeCloseTo(1 - 0.01, 6);
    expect(number(adamw.l2Large)).toBeLessThan(number(adamw.wLarge) / 4);
    expect(number(adamw.l2Small)).toBeGreaterThan(3 * number(adamw.wSmall));
  });
});

describe('lesson 7: dropout', () => {
  test('evaluation mode draws no mask; training mode scales the kept units by 1/(1 − p)', () => {
    const model = new MLP([2, 50, 1], { activation: 'relu', dropout: 0.5, seed: 3 });
    const x = tensor([[0.3, 0.2]]);
    model.eval();
    const a = noGrad(() => model.forward(x).item());
    expect(noGrad(() => model.forward(x).item())).toBe(a);
    model.train();
    const passes = new Set(Array.from({ length: 10 }, () => noGrad(() => model.forward(x).item())));
    expect(passes.size).toBeGreaterThan(5);
    expect(number(dropoutPasses.scale)).toBe(2);
    expect(Math.abs(number(dropoutPasses.shallowMean) - number(dropoutPasses.shallowEval))).toBeLessThan(0.01);
  });
});

describe('lesson 7: early stopping', () => {
  test('the engine’s EarlyStopping stops `patience` epochs after the best and restores the best weights', () => {
    const layer = new Linear(1, 1, { rng: new Random(1) });
    const stopper = new EarlyStopping(layer, { patience: 2 });
    const losses = [0.9, 0.5, 0.6, 0.4, 0.45, 0.41, 0.7];
    let stoppedAt = -1;
    for (let epoch = 0; epoch < losses.length; epoch++) {
      layer.weight.data[0] = epoch;
      if (stopper.step(losses[epoch])) {
        stoppedAt = epoch;
        break;
      }
    }
    expect(stoppedAt).toBe(5);
    expect(stopper.bestEpoch).toBe(3);
    expect(layer.weight.data[0]).toBe(3);
    expect(number(earlyStopping.stop) - number(earlyStopping.restored)).toBe(Number(setup.patience));
    expect(earlyStopping.restored).toBe(overfitting.bestEpoch);
  });
});
