// The worker's side of the gradient-flow protocol, without the worker: it holds the run, trains it in slices of a
// few milliseconds while playing, and sends the page a frame (measured with the engine's layerHealth on the whole
// training set) at most FRAME_INTERVAL_MS apart while playing, and only once the page has drawn the previous one,
// so frames never queue up. worker.ts wires it to postMessage and a timer; the unit tests drive it directly.

import { diagnose } from './diagnosis.ts';
import { MAX_STEPS_PER_REQUEST, isCommand, type FromWorker, type ToWorker } from './protocol.ts';
import { GradientFlowRun } from './run.ts';
import { validValue, type GradientFlowState } from './state.ts';

/** How long one slice of training runs before the worker looks at its messages again, in milliseconds. */
export const SLICE_MS = 8;
/** The shortest time between two frames while playing: the bars move at most four times a second. */
export const FRAME_INTERVAL_MS = 250;

/** A gradient-flow session: messages in (`handle`), frames out (`post`), work done by `tick`. */
export class FlowSession {
  private run: GradientFlowRun | null = null;
  private playing = false;
  private suspended = false;
  private frameWanted = false;
  private changed = false;
  private nextFrameAt = 0;
  private commands = 0;

  /** A session that sends its replies with `post` and reads the time from `now` (milliseconds). */
  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one message from the page; a message that cannot be followed is answered with an error. */
  handle(message: ToWorker): void {
    if (isCommand(message)) this.commands++;
    try {
      this.follow(message);
    } catch (error) {
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private follow(message: ToWorker): void {
    // What the reader asked for (new settings, a reset, a pause, some steps) is shown at once, not at the playing pace.
    if (message.type !== 'frame' && message.type !== 'suspend' && message.type !== 'play') this.nextFrameAt = 0;
    switch (message.type) {
      case 'configure': {
        const next = checked(message.state);
        const previous = this.run?.state;
        if (previous !== undefined && sameNetwork(previous, next)) this.run!.setLearningRate(next.lr);
        else this.run = new GradientFlowRun(next);
        this.changed = true;
        break;
      }
      case 'reset':
        if (this.run !== null) this.run = new GradientFlowRun(this.run.state);
        this.changed = true;
        break;
      case 'play':
        this.playing = this.run !== null && !this.run.diverged;
        this.changed = true;
        break;
      case 'pause':
        this.playing = false;
        this.changed = true;
        break;
      case 'train': {
        const { steps } = message;
        if (!(Number.isInteger(steps) && steps >= 1 && steps <= MAX_STEPS_PER_REQUEST)) {
          throw new RangeError(`train: steps must be a whole number from 1 to ${MAX_STEPS_PER_REQUEST}, got ${steps}`);
        }
        this.playing = false;
        this.run?.train(steps);
        this.changed = true;
        break;
      }
      case 'frame':
        this.frameWanted = true;
        break;
      case 'suspend':
        this.suspended = message.suspended;
        break;
      default:
        throw new TypeError(`unknown message ${JSON.stringify(message)}`);
    }
  }

  /**
   * Does the work due now: a slice of training while playing, then a frame if the page wants one, something changed
   * and the pace allows. Returns the milliseconds until it should run again, or null when it has nothing to do.
   */
  tick(): number | null {
    const run = this.run;
    if (run === null) return null;
    const active = this.playing && !this.suspended;
    if (active) {
      const start = this.now();
      do run.train(5);
      while (this.now() - start < SLICE_MS);
      this.changed = true;
      if (run.diverged) this.playing = false;
    }
    const frameDue = this.frameWanted && this.changed && !this.suspended;
    if (frameDue && this.now() >= this.nextFrameAt) this.sendFrame(run);
    if (this.playing && !this.suspended) return 0;
    if (this.frameWanted && this.changed && !this.suspended) return Math.max(0, this.nextFrameAt - this.now());
    return null;
  }

  private sendFrame(run: GradientFlowRun): void {
    const measurement = run.measure();
    const diverged = !Number.isFinite(measurement.loss);
    if (diverged) this.playing = false;
    this.frameWanted = false;
    this.changed = false;
    this.nextFrameAt = this.playing ? this.now() + FRAME_INTERVAL_MS : 0;
    this.post({
      type: 'frame',
      commands: this.commands,
      playing: this.playing,
      diverged,
      state: run.state,
      measurement,
      diagnosis: diagnose(measurement.layers, run.state.activation),
    });
  }
}

/** Whether two settings describe the same network and weights (they may differ in the learning rate only). */
export function sameNetwork(a: GradientFlowState, b: GradientFlowState): boolean {
  return a.depth === b.depth && a.width === b.width && a.activation === b.activation && a.init === b.init && a.seed === b.seed;
}

/** The state if every field is acceptable; else a RangeError naming the first field that is not. */
function checked(state: GradientFlowState): GradientFlowState {
  for (const field of ['depth', 'width', 'activation', 'init', 'lr', 'seed'] as const) {
    if (!validValue(field, state?.[field])) throw new RangeError(`configure: ${field} ${JSON.stringify(state?.[field])} is not one the widget offers`);
  }
  return { ...state };
}
