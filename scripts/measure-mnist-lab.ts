// Measures the MNIST lab on this machine, through the worker's own code path (site/lesson/mnist-lab/trainer.ts):
//
//   npx tsx scripts/measure-mnist-lab.ts --epochs 5     how long one epoch of training takes: every epoch's time,
//                                                        their median, and the load average (/proc/loadavg) around them
//   npx tsx scripts/measure-mnist-lab.ts --levels 1,2,3 test accuracy after epochs 1 and 2 with the pixels at 256
//                                                        grey levels and at the file's 16, for each seed
//
// The README's "Measured" table quotes both.

import { MNIST_GREY_LEVELS, quantiseMnistSubset, type MnistSubset } from '../engine/data/mnist.ts';
import { MNIST_LAB_TRAINING, MnistTrainer } from '../site/lesson/mnist-lab/trainer.ts';
import { buildMnistSubset, loadMnistSubset } from './mnist-subset.ts';
import { loadAverage, loadText, median } from './stats.ts';


/** Trains `epochs` epochs and gives each one's time in seconds (training only, as the lab shows it) and test accuracy. */
function timeEpochs(subset: MnistSubset, epochs: number): { seconds: number; accuracy: number }[] {
  const trainer = new MnistTrainer(subset);
  const results: { seconds: number; accuracy: number }[] = [];
  for (let e = 0; e < epochs; e++) {
    const started = performance.now();
    while (!trainer.step()) {
      // one mini-batch at a time, as the worker runs them
    }
    const seconds = (performance.now() - started) / 1000;
    results.push({ seconds, accuracy: trainer.evaluate(subset.test).accuracy });
  }
  return results;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

if (option('--epochs') !== undefined) {
  const epochs = Number(option('--epochs'));
  const before = loadText(loadAverage());
  const results = timeEpochs(await loadMnistSubset(), epochs);
  const after = loadText(loadAverage());
  for (const [i, r] of results.entries()) console.log(`epoch ${i + 1}: ${r.seconds.toFixed(2)} s, test accuracy ${(100 * r.accuracy).toFixed(1)}%`);
  console.log(`median ${median(results.map((r) => r.seconds)).toFixed(2)} s per epoch (${MNIST_LAB_TRAINING.optimizer}, lr ${MNIST_LAB_TRAINING.lr}, batch ${MNIST_LAB_TRAINING.batchSize}); load average before ${before}, after ${after}`);
}

if (option('--levels') !== undefined) {
  const seeds = option('--levels')!.split(',').map(Number);
  const full = buildMnistSubset();
  const stored = quantiseMnistSubset(full, MNIST_GREY_LEVELS);
  for (const seed of seeds) {
    for (const [name, subset] of [['256 levels', full], [`${MNIST_GREY_LEVELS} levels`, stored]] as const) {
      const trainer = new MnistTrainer(subset, { ...MNIST_LAB_TRAINING, seed });
      const accuracies: string[] = [];
      for (let e = 0; e < 2; e++) {
        while (!trainer.step()) {
          // a whole epoch
        }
        accuracies.push(`${(100 * trainer.evaluate(subset.test).accuracy).toFixed(1)}%`);
      }
      console.log(`seed ${seed}, ${name}: test accuracy after epochs 1 and 2: ${accuracies.join(', ')}`);
    }
  }
}
