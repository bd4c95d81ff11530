// The page's side of the playground's frame protocol, a pull model: the page
// asks the worker for a frame on an animation frame, the worker answers with
// the run as it is then, and the page draws it on the next animation frame,
// asking for the one after at the same moment. One request is in flight at a
// time and at most one frame waits to be drawn, so the worker computes a
// picture only when the screen can show it (no more, no fewer) and the rest of
// its time trains. Plain TypeScript over injected callbacks, so the unit tests
// drive it with a fake clock.

/** What a pacer drives: asking the worker, drawing a frame, and the browser's animation-frame callback. */
export interface PacerHooks<F> {
  /** Asks the worker for the next frame. */
  request(): void;
  /** Draws a frame. */
  draw(frame: F): void;
  /** Calls `tick` at the next animation frame (requestAnimationFrame in the page). */
  animationFrame(tick: () => void): void;
}

/** Paces the frames between the page and its worker: one request in flight, drawn on animation frames. */
export class FramePacer<F> {
  private inFlight = false;
  private pending: F | null = null;
  private tickScheduled = false;
  private stopped = false;

  constructor(private readonly hooks: PacerHooks<F>) {}

  /** Whether a request is out and unanswered. */
  get waiting(): boolean {
    return this.inFlight;
  }

  /** Makes sure a request is out (sent at the next animation frame if none is). */
  want(): void {
    if (!this.inFlight) this.scheduleTick();
  }

  /** A frame from the worker, the answer to the request in flight: drawn at the next animation frame. */
  received(frame: F): void {
    this.inFlight = false;
    // Only one request is ever out, so at most one frame waits; a newer one would replace it.
    this.pending = frame;
    this.scheduleTick();
  }

  /** Stops for good (the widget left the page). */
  stop(): void {
    this.stopped = true;
  }

  private scheduleTick(): void {
    if (this.tickScheduled || this.stopped) return;
    this.tickScheduled = true;
    this.hooks.animationFrame(() => this.tick());
  }

  /** An animation frame: ask for the next frame first (the worker computes it while this one is drawn), then draw. */
  private tick(): void {
    this.tickScheduled = false;
    if (this.stopped) return;
    const frame = this.pending;
    this.pending = null;
    if (!this.inFlight) {
      this.inFlight = true;
      this.hooks.request();
    }
    if (frame !== null) this.hooks.draw(frame);
  }
}
