// The loss curves' history, kept short however long training runs: a point
// every `stride` epochs, and when the arrays fill up every other point is
// dropped and the stride doubles, so the curves always span the whole run.

/** Train and test losses by epoch, at most `capacity` points, thinned by halves as training goes on. */
export class LossHistory {
  /** Record a point every `stride` epochs. */
  stride = 1;
  /** How many points are stored. */
  length = 0;
  /** The epoch of each point. */
  readonly epochs: Float64Array;
  /** The training loss at each point. */
  readonly train: Float64Array;
  /** The test loss at each point. */
  readonly test: Float64Array;

  /** An empty history of at most `capacity` points (an even number). */
  constructor(readonly capacity = 1000) {
    if (!(capacity >= 2 && capacity % 2 === 0)) throw new RangeError(`LossHistory: capacity must be an even number of at least 2, got ${capacity}`);
    this.epochs = new Float64Array(capacity);
    this.train = new Float64Array(capacity);
    this.test = new Float64Array(capacity);
  }

  /** Whether the point of this epoch is to be recorded. */
  wants(epoch: number): boolean {
    return epoch % this.stride === 0;
  }

  /** Adds the losses of an epoch, thinning the history first if it is full. */
  record(epoch: number, train: number, test: number): void {
    if (this.length === this.capacity) {
      // Keep the points at even positions (epochs that are multiples of the doubled stride when recording from 0).
      for (let i = 0; i < this.capacity / 2; i++) {
        this.epochs[i] = this.epochs[2 * i];
        this.train[i] = this.train[2 * i];
        this.test[i] = this.test[2 * i];
      }
      this.length = this.capacity / 2;
      this.stride *= 2;
      if (!this.wants(epoch)) return;
    }
    this.epochs[this.length] = epoch;
    this.train[this.length] = train;
    this.test[this.length] = test;
    this.length++;
  }

  /** The stored points as three fresh arrays, ready to transfer to the page. */
  snapshot(): { epochs: Float64Array; train: Float64Array; test: Float64Array } {
    return { epochs: this.epochs.slice(0, this.length), train: this.train.slice(0, this.length), test: this.test.slice(0, this.length) };
  }
}
