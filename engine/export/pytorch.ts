// A training run written out as a PyTorch script that reproduces it: the same MLP with the same first weights, the
// same data and input features, the same optimizer, loss, mini-batch order and dropout masks, and the same changes
// made during the run, replayed at the epoch they happened. The script prints the training and test loss after
// every epoch, and tests/engine/export/pytorch.test.ts runs it under PyTorch to prove them equal to the engine's
// within 1e-9.
//
// It is the engine's knowledge of how its names read in torch: the activations' and losses' torch names come from
// the registry (formulas/), the optimizers' from the registry's map to torch.optim (optim/registry.ts, the one the
// conformance runner uses), the plane features' formulas mirror data/plane-features.ts, and the batches and masks
// come from a port of `Random` (random.ts) started from the exact states the run's generators had.

import { ACTIVATION_FUNCTIONS, parameterValues, type ElementwiseActivationName } from '../formulas/activations.ts';
import { PLANE_FEATURES, PLANE_FEATURE_INFO, type PlaneFeature } from '../data/plane-features.ts';
import { torchOptimizer } from '../optim/registry.ts';

/** The losses a run can be exported with: each the mean over the batch, as torch's modules by default. */
export type ExportLoss = 'mseLoss' | 'binaryCrossEntropyWithLogits' | 'crossEntropy';

/** A change made while the run trained, after `epoch` epochs (0: before the first). */
export type RunEvent =
  /** Live settings: the learning rate, the weight decay, the L1 coefficient or the batch size (only the ones that changed). */
  | { epoch: number; kind: 'settings'; lr?: number; weightDecay?: number; l1?: number; batchSize?: number }
  /** One weight set by hand: layer `layer` (0 is the first Linear), output `row`, input `column` (null: the bias). */
  | { epoch: number; kind: 'weight'; layer: number; row: number; column: number | null; value: number };

/** Everything a run needs to be replayed elsewhere, recorded as it starts, with the changes made since. */
export interface RunRecord {
  /** One line saying where the run comes from, for the script's header (e.g. the Playground's URL setting). */
  source?: string;
  /** Layer sizes, inputs first, outputs last. */
  sizes: number[];
  /** The activation after each hidden layer, by its engine name; the output has none (logits or raw values). */
  activation: ElementwiseActivationName;
  /** The dropout probability after each hidden activation (0: no dropout). */
  dropout: number;
  /** The loss, by its engine name. */
  loss: ExportLoss;
  /** The optimizer, by its registry name ('adam', 'nesterov', ...), with its settings when the run started. */
  optimizer: string;
  lr: number;
  weightDecay: number;
  /** The L1 penalty's λ₁ on the weights (not the biases) when the run started: λ₁ Σ|w| is added to each batch's loss (0 or absent: none). */
  l1?: number;
  batchSize: number;
  /** The first weights and biases of each Linear layer, the weight row-major [outputs][inputs]. */
  parameters: { weight: number[]; bias: number[] }[];
  /** The state (`Random.state()`) of the generator that shuffles the training points each epoch, when the run started. */
  shuffleState: number[];
  /** The state of each hidden layer's dropout generator when the run started, input side first (empty without dropout). */
  dropoutStates: number[][];
  /** The data: raw points (two coordinates in the plane, or one x for regression), targets and the features the network reads. */
  data: {
    /** The features the network reads per point: plane features of (x₁, x₂), or ['x'] for 1-D regression. */
    inputNames: PlaneFeature[] | ['x'];
    /** Raw points, row-major: 2 numbers per point in the plane, 1 for regression. */
    trainX: ArrayLike<number>;
    /** Targets: class indices, or real values for regression. */
    trainY: ArrayLike<number>;
    testX: ArrayLike<number>;
    testY: ArrayLike<number>;
  };
  /** The changes made during the run, in the order they were made. */
  events: RunEvent[];
  /** Epochs trained: the script trains as many. */
  epochs: number;
}

/** torch.nn's module for each loss of the export (the registry's torch name is the functional one). */
const LOSS_MODULE: Record<ExportLoss, string> = {
  mseLoss: 'MSELoss',
  binaryCrossEntropyWithLogits: 'BCEWithLogitsLoss',
  crossEntropy: 'CrossEntropyLoss',
};

/** torch.nn's module class for each activation the fast MLP trains; the RBF bump has none, the script defines it. */
const ACTIVATION_MODULE: Record<ElementwiseActivationName, string> = {
  identity: 'nn.Identity',
  sigmoid: 'nn.Sigmoid',
  tanh: 'nn.Tanh',
  relu: 'nn.ReLU',
  leakyRelu: 'nn.LeakyReLU',
  elu: 'nn.ELU',
  gelu: 'nn.GELU',
  geluTanh: 'nn.GELU',
  silu: 'nn.SiLU',
  mish: 'nn.Mish',
  softplus: 'nn.Softplus',
  hardtanh: 'nn.Hardtanh',
  rbf: 'RBF',
};

/** Each plane feature in Python over the columns x1 and x2, the formulas of data/plane-features.ts. */
const FEATURE_PYTHON: Record<PlaneFeature, string> = {
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1 * x1',
  x2sq: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinx1: 'torch.sin(x1)',
  sinx2: 'torch.sin(x2)',
};

/** A number as a Python literal that reads back as the same double. */
export function pythonNumber(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  const text = String(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** A value of an optimizer option as Python: numbers, flags, and pairs (Adam's betas) as tuples. */
function pythonValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (Array.isArray(value)) return `(${value.map(pythonValue).join(', ')})`;
  throw new RangeError(`pytorchScript: cannot write the option value ${JSON.stringify(value)} in Python`);
}

/** Refuses a record the script could not reproduce, saying what is wrong. */
function check(run: RunRecord): void {
  const fail = (why: string): never => {
    throw new RangeError(`pytorchScript: ${why}`);
  };
  const { sizes, data } = run;
  if (sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) fail(`sizes must be at least two positive whole numbers, got [${sizes.join(', ')}]`);
  if (!Object.prototype.hasOwnProperty.call(ACTIVATION_MODULE, run.activation)) fail(`no torch module for the activation '${run.activation}'`);
  if (!Object.prototype.hasOwnProperty.call(LOSS_MODULE, run.loss)) fail(`no torch module for the loss '${run.loss}'`);
  if (run.parameters.length !== sizes.length - 1) fail(`${run.parameters.length} layers of parameters for ${sizes.length - 1} Linear layers`);
  run.parameters.forEach(({ weight, bias }, k) => {
    if (weight.length !== sizes[k + 1] * sizes[k] || bias.length !== sizes[k + 1]) fail(`layer ${k}'s parameters do not fit ${sizes[k]} → ${sizes[k + 1]}`);
  });
  if (run.dropout > 0 && run.dropoutStates.length !== sizes.length - 2) fail(`${run.dropoutStates.length} dropout states for ${sizes.length - 2} hidden layers`);
  const width = data.inputNames[0] === 'x' ? 1 : 2;
  if (data.inputNames.length !== sizes[0]) fail(`${data.inputNames.length} input features for ${sizes[0]} inputs`);
  if (width === 2 && !data.inputNames.every((name) => (PLANE_FEATURES as readonly string[]).includes(name))) fail(`unknown input features ${data.inputNames.join(', ')}`);
  if (data.trainX.length !== width * data.trainY.length || data.testX.length !== width * data.testY.length) fail('the points and the targets do not match');
  if (data.trainY.length === 0) fail('there are no training points');
  if (!(Number.isInteger(run.epochs) && run.epochs >= 0)) fail(`epochs must be a whole number, got ${run.epochs}`);
  if (!(Number.isInteger(run.batchSize) && run.batchSize > 0)) fail(`the batch size must be a positive whole number, got ${run.batchSize}`);
  const l1Values = [run.l1 ?? 0, ...run.events.flatMap((event) => (event.kind === 'settings' && event.l1 !== undefined ? [event.l1] : []))];
  for (const value of l1Values) if (!(Number.isFinite(value) && value >= 0)) fail(`the L1 coefficient must be a finite number ≥ 0, got ${value}`);
}

/** A CSV block of points and their targets: one line per point. */
function csv(header: string, x: ArrayLike<number>, y: ArrayLike<number>, width: number): string {
  const lines = [header];
  for (let i = 0; i < y.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < width; j++) row.push(x[i * width + j]);
    row.push(y[i]);
    lines.push(row.map(String).join(','));
  }
  return lines.join('\n');
}

/** A list of numbers as a Python list, wrapped to lines of at most about 110 characters, indented by `indent`. */
function pythonList(values: ArrayLike<number>, indent: string): string {
  const items = Array.from(values, pythonNumber);
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line.length > 0 && line.length + item.length + 2 > 110) {
      lines.push(line + ',');
      line = '';
    }
    line += line.length > 0 ? `, ${item}` : item;
  }
  lines.push(line);
  return lines.length === 1 ? `[${lines[0]}]` : `[\n${lines.map((l) => `${indent}    ${l}`).join('\n')}\n${indent}]`;
}

/** The activation module's Python constructor with its parameters from the registry (PyTorch's keywords). */
function activationModule(name: ElementwiseActivationName): string {
  const entry = ACTIVATION_FUNCTIONS[name];
  const values = parameterValues(entry) as Record<string, number>;
  const args = entry.parameters.map((p) => `${p.torch[0]}=${pythonNumber(values[p.name])}`);
  for (const [key, value] of Object.entries('torchAttributes' in entry && entry.torchAttributes !== undefined ? entry.torchAttributes : {})) args.push(`${key}='${value}'`);
  return `${ACTIVATION_MODULE[name]}(${args.join(', ')})`;
}

/** The events of a record grouped by epoch, as Python: `{epoch: [("lr", 0.1), ("weight", layer, row, column, value)], ...}`. */
function pythonEvents(events: RunEvent[]): string {
  if (events.length === 0) return '{}';
  const byEpoch = new Map<number, string[]>();
  for (const event of events) {
    const items = byEpoch.get(event.epoch) ?? [];
    if (event.kind === 'settings') {
      if (event.lr !== undefined) items.push(`("lr", ${pythonNumber(event.lr)})`);
      if (event.weightDecay !== undefined) items.push(`("weight_decay", ${pythonNumber(event.weightDecay)})`);
      if (event.l1 !== undefined) items.push(`("l1", ${pythonNumber(event.l1)})`);
      if (event.batchSize !== undefined) items.push(`("batch_size", ${event.batchSize})`);
    } else {
      items.push(`("weight", ${event.layer}, ${event.row}, ${event.column === null ? 'None' : event.column}, ${pythonNumber(event.value)})`);
    }
    byEpoch.set(event.epoch, items);
  }
  return `{\n${[...byEpoch].map(([epoch, items]) => `    ${epoch}: [${items.join(', ')}],`).join('\n')}\n}`;
}

/**
 * A short, readable PyTorch script (float64 throughout) that replays `run` and prints the training and test loss
 * after each epoch: `epoch N  train loss L  test loss L`, then `now  train loss L  test loss L` for the network as it
 * is at the end (after any change made after the last epoch).
 */
export function pytorchScript(run: RunRecord): string {
  check(run);
  const { sizes, data } = run;
  const plane = data.inputNames[0] !== 'x';
  const width = plane ? 2 : 1;
  const classIndices = run.loss === 'crossEntropy';
  const hiddenCount = sizes.length - 2;
  const names = plane ? (data.inputNames as PlaneFeature[]) : [];
  const usesL1 = (run.l1 ?? 0) > 0 || run.events.some((event) => event.kind === 'settings' && event.l1 !== undefined);
  const torchOptim = torchOptimizer(run.optimizer, { lr: run.lr, weightDecay: run.weightDecay });
  const optimizerArgs = Object.entries(torchOptim.options).map(([key, value]) => `${key}=${pythonValue(value)}`);
  const weightEdits = run.events.some((e) => e.kind === 'weight');
  const header = plane ? 'x1,x2,label' : 'x,y';

  const layers: string[] = [];
  for (let k = 0; k + 1 < sizes.length; k++) {
    const parts = [`nn.Linear(${sizes[k]}, ${sizes[k + 1]})`];
    if (k < hiddenCount) {
      parts.push(activationModule(run.activation));
      if (run.dropout > 0) parts.push(`EngineDropout(${pythonNumber(run.dropout)}, state=[${run.dropoutStates[k].join(', ')}])`);
    }
    layers.push(`    ${parts.join(', ')},`);
  }
  const parameters = run.parameters
    .map(({ weight, bias }, k) => {
      const rows = Array.from({ length: sizes[k + 1] }, (_, i) => `        ${pythonList(weight.slice(i * sizes[k], (i + 1) * sizes[k]), '        ')},`);
      return `    (  # layer ${k + 1}: ${sizes[k]} input${sizes[k] === 1 ? '' : 's'} → ${sizes[k + 1]} output${sizes[k + 1] === 1 ? '' : 's'}\n        [\n${rows.map((r) => `    ${r}`).join('\n')}\n        ],\n        ${pythonList(bias, '        ')},\n    ),`;
    })
    .join('\n');

  const lossNote = {
    mseLoss: 'mean squared error, averaged over the batch',
    binaryCrossEntropyWithLogits: 'binary cross-entropy on the one output taken as a logit, averaged over the batch',
    crossEntropy: `softmax cross-entropy over the ${sizes[sizes.length - 1]} class outputs, averaged over the batch`,
  }[run.loss];
  const target = classIndices ? '.long()' : '';
  const targetColumn = classIndices ? `[:, ${width}]` : `[:, ${width}:]`;

  const out: string[] = [];
  out.push(`# A training run of the Neural Notebook Playground, exported to PyTorch.`);
  if (run.source !== undefined) out.push(`# The run: ${run.source}`);
  out.push(
    `# It builds the same network (${sizes.join('-')}, ${run.activation}${run.dropout > 0 ? `, dropout ${run.dropout}` : ''}) with the same first weights, the same`,
    `# data, the same optimizer (${run.optimizer}: torch.optim.${torchOptim.torch}) and loss, the same mini-batches and dropout masks, trains ${run.epochs} epoch${run.epochs === 1 ? '' : 's'}`,
    `# and prints the training and test loss after each: they equal the Playground's to about 1e-12.`,
  );
  if (weightEdits) out.push(`# The weights you set by hand during the run are set again at the epoch you set them.`);
  out.push(
    '#',
    '# Run it with:  python3 playground-run.py',
    '# It needs PyTorch: pip install torch (or on Debian and Ubuntu: apt-get install python3-torch).',
    '',
    'import torch',
    'from torch import nn',
    '',
    '# Every number in double precision, as the Playground computes.',
    'torch.set_default_dtype(torch.float64)',
    '',
    '',
    '# --- The Playground\'s random numbers -------------------------------------------------------------',
    '# The Playground shuffles the training points and draws dropout masks with its own generator (sfc32,',
    '# engine/random.ts). These few lines are that generator, started from the states it had when the run began,',
    '# so the script sees the same mini-batches and the same masks.',
    '',
    'class Random:',
    '    def __init__(self, state):',
    '        self.a, self.b, self.c, self.d = state',
    '',
    '    def next_uint32(self):',
    '        """The next 32-bit number of the stream (sfc32)."""',
    '        t = (self.a + self.b + self.d) & 0xFFFFFFFF',
    '        self.d = (self.d + 1) & 0xFFFFFFFF',
    '        self.a = self.b ^ (self.b >> 9)',
    '        self.b = (self.c + (self.c << 3)) & 0xFFFFFFFF',
    '        self.c = (((self.c << 21) | (self.c >> 11)) + t) & 0xFFFFFFFF',
    '        return t',
    '',
    '    def next(self):',
    '        """A uniform number in [0, 1) with 53 random bits."""',
    '        hi = self.next_uint32() >> 5',
    '        lo = self.next_uint32() >> 6',
    '        return (hi * 67108864 + lo) / 2**53',
    '',
    '    def shuffle(self, items):',
    '        """Fisher-Yates, from the last item down."""',
    '        for i in range(len(items) - 1, 0, -1):',
    '            j = int(self.next() * (i + 1))',
    '            items[i], items[j] = items[j], items[i]',
    '        return items',
    '',
  );
  if (run.dropout > 0) {
    out.push(
      '',
      'class EngineDropout(nn.Dropout):',
      '    """nn.Dropout with the Playground\'s masks: each unit kept with probability 1 - p and scaled by 1/(1 - p)."""',
      '',
      '    def __init__(self, p, state):',
      '        super().__init__(p)',
      '        self.random = Random(state)',
      '',
      '    def forward(self, x):',
      '        if not self.training:',
      '            return x',
      '        keep = 1 - self.p',
      '        # One draw per unit, row by row, as the Playground draws them.',
      '        mask = [1 / keep if self.p < 1 and self.random.next() < keep else 0.0 for _ in range(x.numel())]',
      '        return x * torch.tensor(mask).reshape(x.shape)',
      '',
    );
  }
  if (run.activation === 'rbf') {
    out.push(
      '',
      'class RBF(nn.Module):',
      '    """The radial basis bump exp(-x² / σ²), elementwise."""',
      '',
      '    def __init__(self, sigma):',
      '        super().__init__()',
      '        self.sigma = sigma',
      '',
      '    def forward(self, x):',
      '        return torch.exp(-(x * x) / (self.sigma * self.sigma))',
      '',
    );
  }
  out.push(
    '',
    '# --- The data -------------------------------------------------------------------------------------',
    `# ${data.trainY.length} training and ${data.testY.length} test points, as the Playground drew them (${plane ? 'x1, x2 and the class' : 'x and the target y'}).`,
    '',
    `TRAIN_CSV = """\n${csv(header, data.trainX, data.trainY, width)}\n"""`,
    '',
    `TEST_CSV = """\n${csv(header, data.testX, data.testY, width)}\n"""`,
    '',
    '',
    'def read_csv(text):',
    '    rows = [[float(value) for value in line.split(",")] for line in text.strip().splitlines()[1:]]',
    `    return torch.tensor(rows).reshape(-1, ${width + 1})`,
    '',
    '',
    'def features(points):',
  );
  if (plane) {
    out.push(
      `    """What the network reads of each point: ${names.map((n) => PLANE_FEATURE_INFO[n].label).join(', ')}."""`,
      '    x1, x2 = points[:, 0], points[:, 1]',
      `    return torch.stack([${names.map((n) => FEATURE_PYTHON[n]).join(', ')}], dim=1)`,
    );
  } else {
    out.push('    """What the network reads of each point: its x."""', '    return points[:, 0:1]');
  }
  out.push(
    '',
    '',
    'train, test = read_csv(TRAIN_CSV), read_csv(TEST_CSV)',
    `x_train, y_train = features(train), train${targetColumn}${target}`,
    `x_test, y_test = features(test), test${targetColumn}${target}`,
    '',
    '',
    '# --- The network ----------------------------------------------------------------------------------',
    `# Linear layers with ${run.activation} between them${run.dropout > 0 ? ` and dropout after each hidden activation` : ''}; the output is ${run.loss === 'mseLoss' ? 'the raw value' : 'logits'}.`,
    'model = nn.Sequential(',
    ...layers,
    ')',
    'linears = [layer for layer in model if isinstance(layer, nn.Linear)]',
    '',
    '# The first weights and biases of the Playground\'s run, layer by layer (weight[output][input]).',
    'FIRST_PARAMETERS = [',
    parameters,
    ']',
    'with torch.no_grad():',
    '    for layer, (weight, bias) in zip(linears, FIRST_PARAMETERS):',
    '        layer.weight.copy_(torch.tensor(weight))',
    '        layer.bias.copy_(torch.tensor(bias))',
    '',
    '',
    '# --- Training -------------------------------------------------------------------------------------',
    `loss_function = nn.${LOSS_MODULE[run.loss]}()  # ${lossNote}`,
    '# Options not given are torch.optim\'s defaults, which are the Playground\'s.',
    `optimizer = torch.optim.${torchOptim.torch}(model.parameters(), ${optimizerArgs.join(', ')})`,
    `batch_size = ${run.batchSize}`,
    ...(usesL1 ? [`l1 = ${pythonNumber(run.l1 ?? 0)}  # the L1 penalty's coefficient: l1 * (sum of |w| over the weights) joins the loss`] : []),
    `shuffle = Random([${run.shuffleState.join(', ')}])`,
    `EPOCHS = ${run.epochs}`,
    '',
    '# What changed during the run, by the number of epochs trained when it changed.',
    `CHANGES = ${pythonEvents(run.events)}`,
    '',
    '',
    'def apply_changes(epoch):',
    usesL1 ? '    global batch_size, l1' : '    global batch_size',
    '    for change in CHANGES.get(epoch, []):',
    '        if change[0] == "batch_size":',
    '            batch_size = change[1]',
    ...(usesL1 ? ['        elif change[0] == "l1":', '            l1 = change[1]'] : []),
    '        elif change[0] == "weight":',
    '            _, layer, row, column, value = change',
    '            with torch.no_grad():',
    '                if column is None:',
    '                    linears[layer].bias[row] = value',
    '                else:',
    '                    linears[layer].weight[row, column] = value',
    '        else:  # the learning rate or the weight decay',
    '            for group in optimizer.param_groups:',
    '                group[change[0]] = change[1]',
    '',
    '',
    'def losses():',
    '    """The mean loss on the training and on the test points, without dropout."""',
    '    model.eval()',
    '    with torch.no_grad():',
    '        train_loss = loss_function(model(x_train), y_train).item()',
    '        test_loss = loss_function(model(x_test), y_test).item()',
    '    model.train()',
    '    return train_loss, test_loss',
    '',
    '',
    'print("epoch %4d  train loss %.17g  test loss %.17g" % (0, *losses()))',
    'for epoch in range(1, EPOCHS + 1):',
    '    apply_changes(epoch - 1)',
    '    # One epoch: the training points shuffled, cut into mini-batches, one optimizer step per batch.',
    '    order = shuffle.shuffle(list(range(len(x_train))))',
    '    for start in range(0, len(order), batch_size):',
    '        rows = order[start:start + batch_size]',
    '        optimizer.zero_grad()',
    '        loss = loss_function(model(x_train[rows]), y_train[rows])',
    ...(usesL1 ? ['        if l1 > 0:', '            loss = loss + l1 * sum(layer.weight.abs().sum() for layer in linears)'] : []),
    '        loss.backward()',
    '        optimizer.step()',
    '    print("epoch %4d  train loss %.17g  test loss %.17g" % (epoch, *losses()))',
    'apply_changes(EPOCHS)',
    'print("now         train loss %.17g  test loss %.17g" % losses())',
    '',
  );
  return out.join('\n');
}

/** The losses a script printed: per epoch (index = epoch, 0 before training) and for the network at the end. */
export interface ScriptLosses {
  epochs: { train: number; test: number }[];
  now: { train: number; test: number };
}

/** Reads the losses printed by a `pytorchScript`, or throws saying which line is missing. */
export function parseScriptLosses(output: string): ScriptLosses {
  const epochs: { train: number; test: number }[] = [];
  let now: { train: number; test: number } | null = null;
  for (const line of output.split('\n')) {
    const match = /^(?:epoch\s+(\d+)|now)\s+train loss (\S+)\s+test loss (\S+)$/.exec(line.trim());
    if (match === null) continue;
    const losses = { train: Number(match[2]), test: Number(match[3]) };
    if (match[1] === undefined) now = losses;
    else epochs[Number(match[1])] = losses;
  }
  if (now === null) throw new Error(`the script printed no "now" line; it printed:\n${output.slice(0, 2000)}`);
  return { epochs, now };
}
