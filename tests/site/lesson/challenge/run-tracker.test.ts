// The goal panel judges a frame against the settings of the run that drew it (site/lesson/challenge/run-tracker.ts):
// a frame still in flight from the previous network is never credited to new settings.

import { expect, test } from 'vitest';
import { RunTracker } from '../../../../site/lesson/challenge/run-tracker.ts';
import { normalizeState } from '../../../../site/lesson/playground/state.ts';

const big = normalizeState({ data: 'xor', layers: [8] });
const linear = normalizeState({ data: 'xor', layers: [] });

test('frames are judged only once the run of the latest structure has started, against its settings', () => {
  const run = new RunTracker();
  expect(run.current).toBeNull();
  run.sent({ type: 'configure', state: big });
  run.sent({ type: 'frame' });
  expect(run.current).toBeNull();
  run.dataArrived();
  expect(run.current).toBe(big);
  // A new structure: the big network's frames still in flight are not the linear model's.
  run.sent({ type: 'configure', state: linear });
  expect(run.current).toBeNull();
  expect(run.latest).toBe(linear);
  run.dataArrived();
  expect(run.current).toBe(linear);
  // A live change (the learning rate) keeps the run, with the new settings.
  const faster = { ...linear, lr: 0.1 };
  run.sent({ type: 'configure', state: faster });
  expect(run.current).toBe(faster);
  // Reset restarts the same settings: nothing is judged until its data.
  run.sent({ type: 'reset' });
  expect(run.current).toBeNull();
  run.dataArrived();
  expect(run.current).toBe(faster);
});

test('two quick restarts: the first run\'s frames are not judged against the second settings', () => {
  const run = new RunTracker();
  run.sent({ type: 'configure', state: linear });
  run.dataArrived();
  run.sent({ type: 'configure', state: big });
  const wider = normalizeState({ data: 'xor', layers: [16] });
  run.sent({ type: 'configure', state: wider });
  run.dataArrived();
  expect(run.current).toBeNull();
  run.dataArrived();
  expect(run.current).toBe(wider);
  // A live change while a restart is pending belongs to the pending run.
  run.sent({ type: 'configure', state: linear });
  const quick = { ...linear, lr: 0.3 };
  run.sent({ type: 'configure', state: quick });
  run.dataArrived();
  expect(run.current).toBe(quick);
});
