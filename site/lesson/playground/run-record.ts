// The record of a Playground run that its export to PyTorch replays (engine/export/pytorch.ts): taken when the run
// starts (the first weights, the states of the shuffling and dropout generators, the data and the settings) and
// added to as it goes (live setting changes, weights set by hand), each change with the epoch it happened after.

import type { ExportLoss, LossFunctionName, MLP, Random, RunRecord } from '../../../engine/index.ts';
import type { PlaygroundData } from './datasets.ts';
import { encodeState, type PlaygroundState } from './state.ts';

/** The losses the export writes in torch; the Playground trains with no other. */
const EXPORT_LOSSES: readonly LossFunctionName[] = ['mseLoss', 'binaryCrossEntropyWithLogits', 'crossEntropy'];

/** The settings a run changes live, as the record names them. */
export interface LiveSettings {
  lr: number;
  weightDecay: number;
  l1: number;
  batchSize: number;
}

/** The record of a run that starts now: `model` freshly drawn, `shuffle` and the dropout generators not yet used. */
export function startRunRecord(state: PlaygroundState, model: MLP, shuffle: Random, data: PlaygroundData, loss: LossFunctionName, settings: LiveSettings): RunRecord {
  if (!EXPORT_LOSSES.includes(loss)) throw new RangeError(`the PyTorch export has no loss '${loss}'`);
  return {
    source: encodeState(state) === '' ? "the Playground's default setting" : `the Playground's setting ?playground=${encodeState(state)}`,
    sizes: [...model.sizes],
    activation: state.activation,
    dropout: model.blocks.some((block) => block.dropout !== null) ? state.dropout : 0,
    loss: loss as ExportLoss,
    optimizer: state.optimizer,
    lr: settings.lr,
    weightDecay: settings.weightDecay,
    l1: settings.l1,
    batchSize: settings.batchSize,
    parameters: model.blocks.map(({ linear }) => ({ weight: Array.from(linear.weight.data), bias: Array.from(linear.bias?.data ?? []) })),
    shuffleState: shuffle.state(),
    dropoutStates: model.blocks.flatMap((block) => (block.dropout === null ? [] : [block.dropout.rng.state()])),
    data: {
      inputNames: data.inputNames,
      trainX: Array.from(data.trainX),
      trainY: Array.from(data.trainY),
      testX: Array.from(data.testX),
      testY: Array.from(data.testY),
    },
    events: [],
    epochs: 0,
  };
}

/** Records the live settings that differ between `before` and `after`, after `epoch` epochs. */
export function recordSettings(record: RunRecord, epoch: number, before: LiveSettings, after: LiveSettings): void {
  const changed: { lr?: number; weightDecay?: number; l1?: number; batchSize?: number } = {};
  if (after.lr !== before.lr) changed.lr = after.lr;
  if (after.weightDecay !== before.weightDecay) changed.weightDecay = after.weightDecay;
  if (after.l1 !== before.l1) changed.l1 = after.l1;
  if (after.batchSize !== before.batchSize) changed.batchSize = after.batchSize;
  if (Object.keys(changed).length > 0) record.events.push({ epoch, kind: 'settings', ...changed });
}

/** Records a weight (or, with `column` null, a bias) of Linear layer `layer` set by hand to `value` after `epoch` epochs. */
export function recordWeight(record: RunRecord, epoch: number, layer: number, row: number, column: number | null, value: number): void {
  record.events.push({ epoch, kind: 'weight', layer, row, column, value });
}

/** The record of the run so far: `epochs` epochs trained, the changes made until now. */
export function recordSoFar(record: RunRecord, epochs: number): RunRecord {
  return { ...record, events: record.events.map((event) => ({ ...event })), epochs };
}
