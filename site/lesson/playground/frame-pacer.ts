// The page's side of the playground's frame protocol, a pull model: the page
// asks the worker for frames on animation frames, the worker answers each
// request with the run as it is then, and the page draws one frame per
// animation frame, oldest first. At most `depth` frames (two by default) are
// asked for or waiting to be drawn at any time, so the worker computes a
// picture only when the screen can show it (no more) and the rest of its time
// trains. With a depth of two one answer can be late by up to a refresh
// without costing a frame: the frame drawn at a refresh is the one asked for
// two refreshes before, and the one asked for at the last refresh waits in
// reserve. With a depth of one, an answer that misses the next refresh costs
// a frame. Plain TypeScript over injected callbacks, so the unit tests drive
// it with a fake clock.

/** What a pacer drives: asking the worker, drawing a frame, and the browser's animation-frame callback. */
export interface PacerHooks<F> {
  /** Asks the worker for the next frame. */
  request(): void;
  /** Draws a frame. */
  draw(frame: F): void;
  /** Calls `tick` at the next animation frame (requestAnimationFrame in the page). */
  animationFrame(tick: () => void): void;
}

/** Paces the frames between the page and its worker: at most `depth` frames asked for or waiting, one drawn per animation frame. */
export class FramePacer<F> {
  private inFlight = 0;
  private readonly queue: F[] = [];
  private tickScheduled = false;
  private stopped = false;

  constructor(
    private readonly hooks: PacerHooks<F>,
    private readonly depth = 2,
  ) {
    if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`a frame pacer's depth is a whole number of at least 1, not ${depth}`);
  }

  /** Whether a request is out and unanswered. */
  get waiting(): boolean {
    return this.inFlight > 0;
  }

  /** Makes sure requests are out (sent at the next animation frame if fewer than the depth are). */
  want(): void {
    if (this.inFlight + this.queue.length < this.depth) this.scheduleTick();
  }

  /** A frame from the worker, the answer to the oldest request in flight: drawn at an animation frame, in order. */
  received(frame: F): void {
    if (this.inFlight > 0) this.inFlight--;
    this.queue.push(frame);
    // Never more than the depth wait (a frame the worker sent unasked would otherwise pile up): the oldest goes.
    while (this.queue.length > this.depth) this.queue.shift();
    this.scheduleTick();
  }

  /** Stops for good (the widget left the page). */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private scheduleTick(): void {
    if (this.tickScheduled || this.stopped) return;
    this.tickScheduled = true;
    this.hooks.animationFrame(() => this.tick());
  }

  /**
   * An animation frame: draw the oldest frame waiting, then top the requests up to the depth (the worker computes
   * them while this one is shown). Another animation frame is asked for while a frame waits; otherwise the next
   * answer asks for one, and with everything asked for and nothing arriving (the run is paused) none is.
   */
  private tick(): void {
    this.tickScheduled = false;
    if (this.stopped) return;
    const frame = this.queue.shift();
    while (this.inFlight + this.queue.length < this.depth) {
      this.inFlight++;
      this.hooks.request();
    }
    if (frame !== undefined) this.hooks.draw(frame);
    if (this.queue.length > 0) this.scheduleTick();
  }
}
