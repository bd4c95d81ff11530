// The lab's starting datasets, from the engine's generators, with labels mapped to ±1.

import { blobs, logicGate, signedLabels } from '../../../engine/index.ts';
import type { LabelledPoint } from './rosenblatt-run.ts';

/** The names of the datasets the lab offers; "empty" starts with no points, for the reader's own. */
export const LAB_DATASETS = ['and', 'or', 'xor', 'blobs', 'empty'] as const;

/** The name of a dataset the lab offers. */
export type LabDataset = (typeof LAB_DATASETS)[number];

/** The points of a dataset; `seed` draws the blobs. */
export function labPoints(name: LabDataset, seed: number): LabelledPoint[] {
  if (name === 'empty') return [];
  const data = name === 'blobs' ? blobs({ n: 30, noise: 0.6, seed }) : logicGate(name);
  const labels = signedLabels(data.y);
  return data.x.map(([x, y], i) => ({ x, y, label: labels[i] as 1 | -1 }));
}
