// Which settings the frame on screen was trained with. The page sends the worker new settings (a new structure
// restarts the run) or Reset; the worker answers each restart with the run's data, then its frames. A frame still
// in flight from the previous network must never be credited to the new settings, so a challenge's goal panel
// judges a frame only when no restart is pending, against the settings of the run that drew it.

import type { ToWorker } from '../playground/protocol.ts';
import { needsRestart, type PlaygroundState } from '../playground/state.ts';

/** Follows the messages to and from the worker to know the settings of the run now drawing frames. */
export class RunTracker {
  private lastSent: PlaygroundState | null = null;
  private readonly pending: PlaygroundState[] = [];
  private running: PlaygroundState | null = null;

  /** The page sent the worker a message. */
  sent(message: ToWorker): void {
    if (message.type === 'configure') {
      if (this.lastSent === null || needsRestart(this.lastSent, message.state)) this.pending.push(message.state);
      else if (this.pending.length === 0) this.running = message.state;
      else this.pending[this.pending.length - 1] = message.state;
      this.lastSent = message.state;
    } else if (message.type === 'reset' && this.lastSent !== null) {
      this.pending.push(this.lastSent);
    }
  }

  /** The worker started a run (its data arrived): the oldest pending setting is the one now training. */
  dataArrived(): void {
    this.running = this.pending.shift() ?? this.running;
  }

  /** The settings the next frame was trained with, or null while a restart is pending (its frames are the old run's). */
  get current(): PlaygroundState | null {
    return this.pending.length === 0 ? this.running : null;
  }

  /** The settings last sent: what the controls show. */
  get latest(): PlaygroundState | null {
    return this.lastSent;
  }
}
