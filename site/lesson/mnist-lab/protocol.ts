// The messages between the MNIST lab and its worker. The page starts, pauses, resumes and resets training, asks
// for the probabilities of a drawn digit and for a test image; the worker reports the download, the training's
// progress within an epoch, each finished epoch (accuracies, time, confusion matrix, the test images it gets
// wrong) and its answers.

/** A request from the page. */
export type MnistLabRequest =
  | { type: 'start'; url: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'classify'; id: number; inputs: Float64Array }
  | { type: 'image'; id: number; index: number };

/** A test image the network gets wrong: its index in the test split, its pixels (bytes), its label and the guess. */
export interface WrongImage {
  index: number;
  pixels: Uint8Array;
  label: number;
  guess: number;
  /** The probability the network gave its guess. */
  confidence: number;
}

/** What one finished epoch measured. */
export interface EpochReport {
  /** Epochs done (1 after the first). */
  epoch: number;
  /** Accuracy on the first training images (as many as MNIST_LAB_TRAINING.trainSample). */
  trainAccuracy: number;
  /** The number of training images that accuracy is measured on. */
  trainSample: number;
  /** Accuracy on the whole test split. */
  testAccuracy: number;
  /** The test split's confusion matrix, confusion[true][guess]. */
  confusion: number[][];
  /** The epoch's training time in milliseconds (the mini-batches only, measured in the worker). */
  milliseconds: number;
  /** The test images it got wrong, in the split's order (the first ones, at most MAX_WRONG_IMAGES). */
  wrong: WrongImage[];
  /** How many test images it got wrong in all. */
  wrongCount: number;
}

/** The worker's messages. */
export type MnistLabReply =
  | { type: 'download'; loaded: number; total: number | null }
  | { type: 'ready'; train: number; test: number; batchesPerEpoch: number; batchSize: number; optimizer: string; lr: number }
  | { type: 'progress'; epoch: number; batch: number; batchesPerEpoch: number; loss: number }
  | { type: 'epoch'; report: EpochReport }
  | { type: 'paused'; epoch: number; batch: number }
  | { type: 'finished'; epochs: number }
  | { type: 'reset' }
  | { type: 'probabilities'; id: number; probabilities: Float64Array }
  | { type: 'image'; id: number; index: number; pixels: Uint8Array; label: number }
  | { type: 'error'; message: string };

/** The most wrongly classified test images an epoch report carries (the grid shows them). */
export const MAX_WRONG_IMAGES = 24;

/** The number of epochs the lab trains before it stops by itself (Continue trains as many again). */
export const EPOCHS_PER_RUN = 5;
