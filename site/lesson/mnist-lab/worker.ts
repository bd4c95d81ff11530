// The MNIST lab's worker: it downloads the subset when the lab starts (never before), trains the 784-256-10
// network in slices of mini-batches so that pause, reset and a drawn digit are answered between slices, and
// reports each epoch's accuracies, time, confusion matrix and wrong guesses. The page never loads the engine.

import { fetchMnistSubset, type MnistSubset } from '../../../engine/data/mnist.ts';
import { EPOCHS_PER_RUN, MAX_WRONG_IMAGES, type MnistLabReply, type MnistLabRequest, type WrongImage } from './protocol.ts';
import { MNIST_LAB_TRAINING, MnistTrainer } from './trainer.ts';

const reply = (message: MnistLabReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

/** How long one slice of training runs before the worker reads its messages, in milliseconds. */
const SLICE_MS = 60;

let subset: MnistSubset | null = null;
let loading: Promise<MnistSubset> | null = null;
let trainer: MnistTrainer | null = null;
let running = false;
let stopAt = EPOCHS_PER_RUN;
let epochMilliseconds = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** The subset, downloaded once (with progress reports) on the first start. */
function load(url: string): Promise<MnistSubset> {
  loading ??= fetchMnistSubset(url, ({ loaded, total }) => reply({ type: 'download', loaded, total })).then((data) => (subset = data));
  return loading;
}

/** The test images the network gets wrong after this epoch, and their number. */
function wrongImages(data: MnistSubset, guesses: Uint8Array, confidence: Float64Array): { wrong: WrongImage[]; count: number } {
  const { test } = data;
  const area = data.rows * data.cols;
  const wrong: WrongImage[] = [];
  let count = 0;
  for (let i = 0; i < test.count; i++) {
    if (guesses[i] === test.labels[i]) continue;
    count += 1;
    if (wrong.length < MAX_WRONG_IMAGES) {
      wrong.push({ index: i, pixels: test.pixels.slice(i * area, (i + 1) * area), label: test.labels[i], guess: guesses[i], confidence: confidence[i] });
    }
  }
  return { wrong, count };
}

/** Trains for one slice, reports progress (and the epoch, when one ends), and schedules the next slice. */
function slice(): void {
  timer = null;
  if (!running || trainer === null || subset === null) return;
  const started = performance.now();
  let ended = false;
  while (performance.now() - started < SLICE_MS) {
    ended = trainer.step();
    if (ended) break;
  }
  epochMilliseconds += performance.now() - started;
  reply({ type: 'progress', epoch: trainer.epoch, batch: trainer.batch, batchesPerEpoch: trainer.batchesPerEpoch, loss: trainer.lastLoss });
  if (ended) {
    const test = trainer.evaluate(subset.test);
    const train = trainer.evaluate(subset.train, Math.min(MNIST_LAB_TRAINING.trainSample, subset.train.count));
    const { wrong, count } = wrongImages(subset, test.guesses, test.confidence);
    reply({
      type: 'epoch',
      report: {
        epoch: trainer.epoch,
        trainAccuracy: train.accuracy,
        trainSample: Math.min(MNIST_LAB_TRAINING.trainSample, subset.train.count),
        testAccuracy: test.accuracy,
        confusion: test.confusion,
        milliseconds: epochMilliseconds,
        wrong,
        wrongCount: count,
      },
    });
    epochMilliseconds = 0;
    if (trainer.epoch >= stopAt) {
      running = false;
      reply({ type: 'finished', epochs: trainer.epoch });
      return;
    }
  }
  timer = setTimeout(slice, 0);
}

/** Starts (or continues) training. */
function run(): void {
  if (trainer === null) return;
  if (trainer.epoch >= stopAt) stopAt = trainer.epoch + EPOCHS_PER_RUN;
  running = true;
  if (timer === null) timer = setTimeout(slice, 0);
}

self.addEventListener('message', (event: MessageEvent<MnistLabRequest>) => {
  const request = event.data;
  const fail = (error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  try {
    switch (request.type) {
      case 'start':
        load(request.url)
          .then((data) => {
            trainer ??= new MnistTrainer(data);
            const { optimizer, lr, batchSize } = MNIST_LAB_TRAINING;
            reply({ type: 'ready', train: data.train.count, test: data.test.count, batchesPerEpoch: trainer.batchesPerEpoch, batchSize, optimizer, lr });
            run();
          })
          .catch((error: unknown) => {
            loading = null;
            fail(error);
          });
        break;
      case 'resume':
        run();
        break;
      case 'pause':
        running = false;
        if (trainer !== null) reply({ type: 'paused', epoch: trainer.epoch, batch: trainer.batch });
        break;
      case 'reset':
        running = false;
        if (subset !== null) trainer = new MnistTrainer(subset);
        stopAt = EPOCHS_PER_RUN;
        epochMilliseconds = 0;
        reply({ type: 'reset' });
        break;
      case 'classify': {
        if (trainer === null) throw new Error('start the lab first: the network is not trained yet');
        const probabilities = trainer.classify(request.inputs);
        reply({ type: 'probabilities', id: request.id, probabilities }, [probabilities.buffer]);
        break;
      }
      case 'image': {
        if (subset === null) throw new Error('start the lab first: the test images are not loaded yet');
        const { test } = subset;
        const area = subset.rows * subset.cols;
        const index = Math.max(0, Math.min(test.count - 1, Math.round(request.index)));
        reply({ type: 'image', id: request.id, index, pixels: test.pixels.slice(index * area, (index + 1) * area), label: test.labels[index] });
        break;
      }
    }
  } catch (error) {
    fail(error);
  }
});
