// The proof of the PyTorch export: for runs of the Playground covering every optimizer of the registry, every loss
// (two- and three-class cross-entropy among them), every activation the Playground offers, dropout, L2, features
// other than x₁ and x₂, regression and changes made mid-run, the exported script, run under PyTorch, prints the
// training and test loss of every epoch within 1e-9 of the Playground's own.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OPTIMIZERS, TRAINABLE_ELEMENTWISE, parseScriptLosses, pythonNumber, pytorchScript, type RunRecord } from '../../../engine/index.ts';
import { Trainer } from '../../../site/lesson/playground/trainer.ts';
import { effectiveLoss, normalizeState, type PlaygroundState } from '../../../site/lesson/playground/state.ts';
import { HOW_TO_GET_TORCH, findPythonTorch } from '../../../scripts/python-torch.ts';

/** The largest difference allowed between a loss of the Playground and the script's. */
const TOLERANCE = 1e-9;

/** One run: a Playground setting, epochs to train, and changes made along the way (after `epoch` epochs). */
interface Config {
  name: string;
  state: Partial<PlaygroundState>;
  epochs: number;
  changes?: { epoch: number; change: (trainer: Trainer, state: PlaygroundState) => void }[];
}

/** Sets a weight by hand, as the Playground's weight editing does: the model's value, and the record's event. */
function editWeight(trainer: Trainer, layer: number, row: number, column: number | null, value: number): void {
  const linear = trainer.model.blocks[layer].linear;
  if (column === null) linear.bias!.data[row] = value;
  else linear.weight.data[row * linear.inFeatures + column] = value;
  trainer.recordWeightEdit(layer, row, column, value);
}

const small = { layers: [5, 4], noise: 0.15 };
const CONFIGS: Config[] = [
  { name: 'sgd, squared error on two classes, identity', state: { ...small, optimizer: 'sgd', loss: 'mse', activation: 'identity', lr: 0.1 }, epochs: 8 },
  {
    name: 'momentum, bce, sigmoid, a mid-run learning-rate change',
    state: { ...small, optimizer: 'momentum', loss: 'bce', activation: 'sigmoid', lr: 0.03 },
    epochs: 8,
    changes: [{ epoch: 3, change: (t, s) => t.update({ ...s, lr: 0.3 }) }],
  },
  { name: 'nesterov, two-class cross-entropy, tanh, L2', state: { ...small, optimizer: 'nesterov', loss: 'cross-entropy', activation: 'tanh', l2: 0.01 }, epochs: 8 },
  {
    name: 'adagrad, 3-class spiral, relu, every plane feature',
    state: { ...small, data: 'spiral', classes: 3, optimizer: 'adagrad', loss: 'cross-entropy', activation: 'relu', inputs: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], lr: 0.03 },
    epochs: 8,
  },
  {
    name: 'rmsprop, xor on x₁x₂ alone, leaky ReLU, dropout',
    state: { ...small, data: 'xor', optimizer: 'rmsprop', activation: 'leakyRelu', inputs: ['x1x2'], dropout: 0.3, lr: 0.003 },
    epochs: 8,
  },
  { name: 'adam, regression, elu', state: { data: 'regression', layers: [8, 8], optimizer: 'adam', activation: 'elu', lr: 0.01 }, epochs: 8 },
  {
    name: 'adamw, 4-class Gaussian, gelu, L2, dropout, batch size and weight decay changed',
    state: { ...small, data: 'gaussian', classes: 4, optimizer: 'adamw', activation: 'gelu', l2: 0.03, dropout: 0.2 },
    epochs: 8,
    changes: [{ epoch: 4, change: (t, s) => t.update({ ...s, batch: 7, l2: 0.1 }) }],
  },
  {
    name: 'adam, circles on x₁² and x₂², gelu (tanh), weights set by hand mid-run and at the end',
    state: { ...small, optimizer: 'adam', activation: 'geluTanh', inputs: ['x1sq', 'x2sq'] },
    epochs: 6,
    changes: [
      { epoch: 2, change: (t) => editWeight(t, 0, 1, 0, 1.5) },
      { epoch: 2, change: (t) => editWeight(t, 2, 0, null, -0.25) },
      { epoch: 6, change: (t) => editWeight(t, 1, 2, 3, 0.75) },
    ],
  },
  {
    name: 'adam, circles, tanh, the L1 penalty, raised mid-run',
    state: { ...small, optimizer: 'adam', activation: 'tanh', l1: 0.003, lr: 0.03 },
    epochs: 8,
    changes: [{ epoch: 4, change: (t, s) => t.update({ ...s, l1: 0.03 }) }],
  },
  {
    name: 'sgd, xor, relu, L1 switched on mid-run with L2',
    state: { ...small, data: 'xor', optimizer: 'sgd', activation: 'relu', l2: 0.01, lr: 0.1 },
    epochs: 6,
    changes: [{ epoch: 2, change: (t, s) => t.update({ ...s, l1: 0.01 }) }],
  },
  { name: 'adam, regression over the plane (bumps), tanh, with x₁x₂', state: { ...small, data: 'bumps', optimizer: 'adam', activation: 'tanh', inputs: ['x1', 'x2', 'x1x2'], lr: 0.03 }, epochs: 6 },
  { name: 'sgd, regression over the plane (plane), linear model', state: { data: 'plane', layers: [], optimizer: 'sgd', lr: 0.1 }, epochs: 5 },
  { name: 'sgd, moons, silu, sin features', state: { ...small, data: 'moons', optimizer: 'sgd', activation: 'silu', inputs: ['x1', 'x2', 'sinx1', 'sinx2'], lr: 0.3 }, epochs: 6 },
  { name: 'momentum, checkerboard, mish, dropout and L2', state: { ...small, data: 'checkerboard', optimizer: 'momentum', activation: 'mish', dropout: 0.1, l2: 0.001 }, epochs: 6 },
  { name: 'rmsprop, 5-class spiral, softplus', state: { ...small, data: 'spiral', classes: 5, optimizer: 'rmsprop', activation: 'softplus', lr: 0.01 }, epochs: 6 },
  { name: 'adagrad, circles, hard tanh, batch 1', state: { layers: [4], optimizer: 'adagrad', activation: 'hardtanh', batch: 1, lr: 0.1 }, epochs: 3 },
  { name: 'nesterov, regression, rbf, no hidden layer change', state: { data: 'regression', layers: [6], optimizer: 'nesterov', activation: 'rbf', lr: 0.05, seed: 7 }, epochs: 8 },
  { name: 'adamw, linear model (no hidden layer) on x₁², x₂²', state: { layers: [], optimizer: 'adamw', inputs: ['x1sq', 'x2sq'], lr: 0.1, l2: 0.01 }, epochs: 6 },
];

/** Trains a config in the Playground's Trainer: its losses after each epoch and now, and the record the export writes. */
function trainPlayground(config: Config): { losses: { train: number; test: number }[]; now: { train: number; test: number }; record: RunRecord } {
  const state = normalizeState({ ...config.state, seed: config.state.seed ?? 3 });
  const trainer = new Trainer(state);
  const losses = [{ train: trainer.trainLoss(), test: trainer.testLoss() }];
  const changesAt = (epoch: number) => (config.changes ?? []).filter((c) => c.epoch === epoch).forEach((c) => c.change(trainer, state));
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    changesAt(epoch - 1);
    trainer.trainEpoch();
    losses.push({ train: trainer.trainLoss(), test: trainer.testLoss() });
  }
  changesAt(config.epochs);
  return { losses, now: { train: trainer.trainLoss(), test: trainer.testLoss() }, record: trainer.runSoFar() };
}

/** Runs several scripts in one Python process (importing torch once) and returns each one's output. */
function runScripts(python: string, scripts: string[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'pytorch-export-'));
  const paths = scripts.map((script, i) => {
    const path = join(folder, `run-${i}.py`);
    writeFileSync(path, script);
    return path;
  });
  const driver = 'import runpy, sys\nfor path in sys.argv[1:]:\n    print("=== " + path, flush=True)\n    runpy.run_path(path, run_name="__main__")\n';
  const result = spawnSync(python, ['-c', driver, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
  if (result.status !== 0) throw new Error(`python exited with ${result.status} ${result.signal ?? ''}:\n${result.stderr}`);
  const outputs = result.stdout.split(/^=== .*$/m).slice(1);
  expect(outputs).toHaveLength(scripts.length);
  return outputs;
}

describe('the PyTorch export reproduces the Playground run', () => {
  test('the configurations cover every optimizer, loss and activation, dropout, L2, features, regression and mid-run changes', () => {
    const states = CONFIGS.map((c) => normalizeState(c.state));
    expect(new Set(states.map((s) => s.optimizer))).toEqual(new Set(OPTIMIZERS.map((o) => o.name)));
    expect(new Set(states.map((s) => effectiveLoss(s)))).toEqual(new Set(['mse', 'bce', 'cross-entropy']));
    expect(new Set(states.map((s) => s.activation))).toEqual(new Set(TRAINABLE_ELEMENTWISE));
    expect(states.some((s) => s.data === 'spiral' && s.classes === 3 && effectiveLoss(s) === 'cross-entropy')).toBe(true);
    expect(states.some((s) => s.dropout > 0) && states.some((s) => s.l2 > 0) && states.some((s) => s.data === 'regression')).toBe(true);
    expect(states.some((s) => s.l1 > 0)).toBe(true);
    expect(states.some((s) => s.inputs.some((name) => name !== 'x1' && name !== 'x2'))).toBe(true);
  });

  test('under PyTorch, every epoch\'s training and test loss is within 1e-9 of the Playground\'s', () => {
    const python = findPythonTorch();
    if (python === undefined) throw new Error(`${HOW_TO_GET_TORCH}\n(npm test installs it when it runs as root with apt-get.)`);
    const runs = CONFIGS.map(trainPlayground);
    const outputs = runScripts(python, runs.map((run) => pytorchScript(run.record)));
    let worst = 0;
    runs.forEach((run, i) => {
      const printed = parseScriptLosses(outputs[i]);
      const name = CONFIGS[i].name;
      expect(printed.epochs.length, name).toBe(run.losses.length);
      run.losses.forEach((mine, epoch) => {
        for (const which of ['train', 'test'] as const) {
          const difference = Math.abs(printed.epochs[epoch][which] - mine[which]);
          worst = Math.max(worst, difference);
          expect(difference, `${name}: epoch ${epoch} ${which} loss, Playground ${mine[which]}, PyTorch ${printed.epochs[epoch][which]}`).toBeLessThanOrEqual(TOLERANCE);
        }
      });
      for (const which of ['train', 'test'] as const) {
        expect(Math.abs(printed.now[which] - run.now[which]), `${name}: ${which} loss now`).toBeLessThanOrEqual(TOLERANCE);
      }
      // The losses moved: a script that trained nothing would not pass by luck.
      expect(run.losses[0].train, name).not.toBe(run.losses[run.losses.length - 1].train);
    });
    // The weights set by hand at the end change the loss now: the script replays them too.
    const edited = CONFIGS.findIndex((c) => (c.changes ?? []).some((change) => change.epoch === c.epochs));
    expect(runs[edited].now.train).not.toBe(runs[edited].losses[runs[edited].losses.length - 1].train);
    console.log(`PyTorch export: worst loss difference over ${CONFIGS.length} runs ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  }, 120_000);
});

describe('pytorchScript', () => {
  const record = () => trainPlayground({ name: 'small', state: { layers: [3], dropout: 0.2 }, epochs: 1 }).record;

  test('writes a float64 script with the network, the first weights, the data as CSV and how to run it', () => {
    const script = pytorchScript(record());
    expect(script).toMatch(/torch\.set_default_dtype\(torch\.float64\)/);
    expect(script).toMatch(/nn\.Linear\(2, 3\), nn\.Tanh\(\), EngineDropout\(0\.2, state=\[\d+, \d+, \d+, \d+\]\),\n\s+nn\.Linear\(3, 1\),/);
    expect(script).toMatch(/TRAIN_CSV = """\nx1,x2,label\n/);
    expect(script).toMatch(/optimizer = torch\.optim\.Adam\(model\.parameters\(\), lr=0\.01, weight_decay=0\.0\)/);
    expect(script).toMatch(/loss_function = nn\.BCEWithLogitsLoss\(\)/);
    expect(script).toMatch(/python3 playground-run\.py/);
    expect(script).toMatch(/EPOCHS = 1\n/);
  });

  test('numbers are written so Python reads back the same doubles', () => {
    expect(pythonNumber(0.1)).toBe('0.1');
    expect(pythonNumber(3)).toBe('3.0');
    expect(pythonNumber(1e-7)).toBe('1e-7');
    expect(pythonNumber(NaN)).toBe("float('nan')");
    expect(pythonNumber(-Infinity)).toBe("-float('inf')");
  });

  test('refuses a record it could not reproduce, saying what is wrong', () => {
    const bad = (change: (r: RunRecord) => void) => {
      const r = record();
      change(r);
      return () => pytorchScript(r);
    };
    expect(bad((r) => (r.sizes = [2]))).toThrow(/sizes/);
    expect(bad((r) => (r.parameters = r.parameters.slice(1)))).toThrow(/layers of parameters/);
    expect(bad((r) => (r.dropoutStates = []))).toThrow(/dropout states/);
    expect(bad((r) => ((r as { loss: string }).loss = 'hingeLoss'))).toThrow(/no torch module for the loss/);
    expect(bad((r) => (r.data.trainY = [1]))).toThrow(/points and the targets/);
    expect(bad((r) => (r.optimizer = 'lbfgs'))).toThrow(/unknown optimizer/);
  });

  test('parseScriptLosses reads the epochs and the final line, and says when the script printed none', () => {
    const parsed = parseScriptLosses('epoch    0  train loss 0.5  test loss 0.25\nepoch    1  train loss 0.125  test loss 1e-3\nnow         train loss 0.1  test loss 0.2\n');
    expect(parsed.epochs).toEqual([{ train: 0.5, test: 0.25 }, { train: 0.125, test: 0.001 }]);
    expect(parsed.now).toEqual({ train: 0.1, test: 0.2 });
    expect(() => parseScriptLosses('Traceback (most recent call last):')).toThrow(/no "now" line/);
  });
});
