// The logic gates as datasets: the four corners of the unit square, labelled
// by the gate. AND and OR are linearly separable; XOR is the classic case a
// single perceptron cannot learn.

import type { Dataset } from './dataset.ts';
import { checkCount, generatorFor, jitter, type SamplingOptions } from './sampling.ts';

/** A two-input Boolean function, given by name. */
export type Gate = 'and' | 'or' | 'xor' | 'nand' | 'nor';

const truth: Record<Gate, (a: number, b: number) => number> = {
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
  nand: (a, b) => 1 - (a & b),
  nor: (a, b) => 1 - (a | b),
};

const corners: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];

/**
 * The truth table of a gate: with the defaults (n = 4, noise = 0) exactly the
 * rows (0,0), (0,1), (1,0), (1,1); with more points the corners repeat in that
 * order, each with Gaussian noise on its coordinates, labelled by its corner.
 */
export function logicGate(gate: Gate, options: SamplingOptions = {}): Dataset {
  const { n = 4, noise = 0 } = options;
  checkCount(n, gate);
  const rng = generatorFor(options);
  const picks = Array.from({ length: n }, (_, i) => corners[i % 4]);
  const x = jitter(picks.map(([a, b]) => [a, b]), noise, rng);
  const y = picks.map(([a, b]) => truth[gate](a, b));
  return { x, y };
}

/** The AND gate: 1 only at (1, 1). */
export function andGate(options: SamplingOptions = {}): Dataset {
  return logicGate('and', options);
}

/** The OR gate: 0 only at (0, 0). */
export function orGate(options: SamplingOptions = {}): Dataset {
  return logicGate('or', options);
}

/** The XOR gate: 1 where the inputs differ; no straight line separates its classes. */
export function xorGate(options: SamplingOptions = {}): Dataset {
  return logicGate('xor', options);
}
