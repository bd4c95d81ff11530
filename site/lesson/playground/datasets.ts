// The playground's data: each named dataset drawn from the engine's seeded
// generators, split into training and test points, with the square of the
// plane (or the interval, for regression) that the picture shows.

import { Random, planeRegression, blobs, checkerboard, circles, logicGate, moons, planeFeatures, regression, spirals, trainValidationSplit, type Dataset } from '../../../engine/index.ts';
import { customDataset, customDomain, type CustomPoint } from './custom-data.ts';
import { POINT_COUNT, classCount, type DatasetName, type InputName, type PlaygroundState } from './state.ts';

/** A dataset ready to train on: flat row-major points and targets for each split, the network's inputs, and the region to draw. */
export interface PlaygroundData {
  /** Coordinates per point: 2 for the plane datasets, 1 for regression. */
  features: number;
  /** Training points, `features` numbers per point (the raw coordinates, as drawn). */
  trainX: Float64Array;
  /** Training targets: a class 0, 1, ..., classes − 1, or a real value for regression. */
  trainY: Float64Array;
  /** Test points. */
  testX: Float64Array;
  /** Test targets. */
  testY: Float64Array;
  /** The number of classes (1 for regression). */
  classes: number;
  /** The features the network reads per point: the chosen plane features, or the coordinate for regression. */
  inputNames: InputName[] | ['x'];
  /** The width of a network input row: inputNames.length. */
  inputs: number;
  /** The network's input rows for the training points, `inputs` numbers per point. */
  trainInputs: Float64Array;
  /** The network's input rows for the test points. */
  testInputs: Float64Array;
  /** The drawn region [xMin, xMax, yMin, yMax]; a square for the plane datasets. */
  domain: [number, number, number, number];
}

/** The raw points of a named dataset: 500 of them, with noise of the given standard deviation, from `rng`. */
export function generate(name: DatasetName, noise: number, rng: Random, classes = 2): Dataset {
  const n = POINT_COUNT;
  switch (name) {
    case 'circles':
      return circles({ n, noise, rng });
    case 'xor': {
      // The gate's four corners, moved to (±1, ±1) so the picture is centred on the origin.
      const data = logicGate('xor', { n, noise: noise * 2, rng });
      return { x: data.x.map(([a, b]) => [2 * a - 1, 2 * b - 1]), y: data.y };
    }
    case 'gaussian':
      return blobs({ n, noise: 0.3 + 2 * noise, classes, rng });
    case 'spiral':
      return spirals({ n, noise, classes, turns: classes > 2 ? 1 : 1.25, rng });
    case 'moons':
      return moons({ n, noise, rng });
    case 'checkerboard':
      return checkerboard({ n, noise, cells: 4, rng });
    case 'plane':
    case 'bumps':
      return planeRegression(name, { n, noise, rng });
    case 'regression':
      return regression('sin', { n, noise, sampling: 'uniform', rng });
    case 'custom':
      // The student's points are not drawn: playgroundData takes them as they are.
      return { x: [], y: [] };
  }
}

const flatten = (rows: number[][]): Float64Array => Float64Array.from(rows.flat());

/** The region that shows every point with a margin: a square around the data, or for regression x and y ranges. */
function domainOf(data: Dataset, features: number): [number, number, number, number] {
  const span = (values: number[]): [number, number] => {
    let low = Infinity;
    let high = -Infinity;
    for (const v of values) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    return [low, high];
  };
  if (features === 1) {
    const [x0, x1] = span(data.x.map((row) => row[0]));
    const [y0, y1] = span(data.y);
    const pad = 0.15 * (y1 - y0 || 1);
    return [x0, x1, y0 - pad, y1 + pad];
  }
  const [x0, x1] = span(data.x.map((row) => row[0]));
  const [y0, y1] = span(data.x.map((row) => row[1]));
  // A square with 10% margin, its half-width rounded up to a quarter so small noise changes do not move the frame.
  const half = Math.ceil(Math.max(x1 - x0, y1 - y0) * 0.55 * 4) / 4;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return [cx - half, cx + half, cy - half, cy + half];
}

/** The network's input rows for `points`: the chosen plane features, or the points themselves for 1-D regression. */
export function networkInputs(features: number, inputNames: PlaygroundData['inputNames'], points: Float64Array): Float64Array {
  return features === 1 ? points : planeFeatures(inputNames as InputName[], points);
}

/**
 * The data a state describes: its dataset drawn with its noise, classes and seed (or, for custom data, the student's
 * `points`), split with `split` percent for training.
 */
export function playgroundData(
  state: Pick<PlaygroundState, 'data' | 'noise' | 'split' | 'classes' | 'inputs'>,
  seed: number,
  points: readonly CustomPoint[] = [],
): PlaygroundData {
  const rng = new Random(seed);
  const classes = classCount(state);
  const custom = state.data === 'custom';
  const data = custom ? customDataset(points) : generate(state.data, state.noise, rng.fork(), classes);
  // Custom data is split like the rest; under two points there is nothing to split, and all of it trains.
  const splitRng = rng.fork();
  const { train, validation } =
    data.y.length < 2 ? { train: data, validation: { x: [], y: [] } } : trainValidationSplit(data, { validationFraction: 1 - state.split / 100, rng: splitRng });
  const features = custom ? 2 : data.x[0].length;
  const inputNames: PlaygroundData['inputNames'] = features === 1 ? ['x'] : [...state.inputs];
  const trainX = flatten(train.x);
  const testX = flatten(validation.x);
  return {
    features,
    trainX,
    trainY: Float64Array.from(train.y),
    testX,
    testY: Float64Array.from(validation.y),
    classes,
    inputNames,
    inputs: inputNames.length,
    trainInputs: networkInputs(features, inputNames, trainX),
    testInputs: networkInputs(features, inputNames, testX),
    domain: custom ? customDomain(points) : domainOf(data, features),
  };
}
