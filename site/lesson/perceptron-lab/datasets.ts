// The lab's starting datasets, from the engine's generators, with labels mapped to ±1.

import { blobs, logicGate, signedLabels } from '../../../engine/index.ts';
import type { LabelledPoint } from './rosenblatt-run.ts';

/** The names of the datasets the lab offers; "empty" starts with no points, for the reader's own. */
export type LabDataset = 'and' | 'or' | 'xor' | 'blobs' | 'empty';

/** The points of a dataset; `seed` draws the blobs. */
export function labPoints(name: LabDataset, seed: number): LabelledPoint[] {
  if (name === 'empty') return [];
  const data = name === 'blobs' ? blobs({ n: 30, noise: 0.6, seed }) : logicGate(name);
  const labels = signedLabels(data.y);
  return data.x.map(([x, y], i) => ({ x, y, label: labels[i] as 1 | -1 }));
}
