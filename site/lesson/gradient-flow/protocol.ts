// The messages between the gradient-flow widget and its training worker: the page sends settings and commands, the
// worker answers with frames (the step, the loss, every layer's health and the diagnosis), paced by the page.

import type { Diagnosis } from './diagnosis.ts';
import type { Measurement } from './run.ts';
import type { GradientFlowState } from './state.ts';

/** What the page tells the worker. */
export type ToWorker =
  /** Use these settings: a fresh network if anything but the learning rate changed. */
  | { type: 'configure'; state: GradientFlowState }
  /** Start again from the first weights of the current settings. */
  | { type: 'reset' }
  /** Train continuously, or stop. */
  | { type: 'play' }
  | { type: 'pause' }
  /** Stop playing and train exactly this many SGD steps (1 to MAX_STEPS_PER_REQUEST). */
  | { type: 'train'; steps: number }
  /** The page has drawn the last frame and can take the next one. */
  | { type: 'frame' }
  /** Stop all work while the widget is off-screen or the tab hidden, or carry on. */
  | { type: 'suspend'; suspended: boolean };

/** One picture of the run. */
export interface FrameMessage {
  type: 'frame';
  /** How many commands (every message but `frame` and `suspend`) the worker has followed: the page knows which of its own this frame answers. */
  commands: number;
  /** Whether the worker is training continuously. */
  playing: boolean;
  /** Whether training has diverged (the loss is not finite); the worker stops playing then. */
  diverged: boolean;
  /** The settings this frame's network was built from. */
  state: GradientFlowState;
  /** The step, loss, accuracy and every layer's health now. */
  measurement: Measurement;
  /** What the measurement says, in words. */
  diagnosis: Diagnosis;
}

/** What the worker tells the page. */
export type FromWorker = FrameMessage | { type: 'error'; message: string };

/** Whether a message is a command (counted in a frame's `commands`), as opposed to pacing (`frame`, `suspend`). */
export function isCommand(message: ToWorker): boolean {
  return message.type !== 'frame' && message.type !== 'suspend';
}

/** The most steps one `train` request may ask for. */
export const MAX_STEPS_PER_REQUEST = 10_000;
