// The shape of the position-to-colour networks, shared by the page (its summary line and controls) and the
// worker (which builds them): light enough for the page, since it reads only the encoding's width.
//
// The lecture's network (seed 000) is 4 ReLU layers of 256 channels, a sigmoid output, the L2 loss and a
// 256-frequency encoding, trained on a GPU. Scaled to train in seconds in a browser's worker: 3 hidden layers
// of 64 ReLU units (about 1/40 of the weights), a 64 × 64 picture, and L = 6 octaves per coordinate by
// default. Six is all a 64-pixel row can use: at the pixel centres p = (i + ½)/64 the sixth octave, 2⁵ = 32
// periods, alternates ±1 from pixel to pixel, and every higher one is constant there (sin(2π·64·p) = 0 and
// cos(2π·64·p) = −1 at every centre), so L = 7 or 8 give the network nothing new: the widget offers them to
// let the reader see it.

import { encodedWidth, type PositionalEncodingOptions } from '../../../engine/data/positional-encoding.ts';

/** The hidden layers: three of 64 ReLU units (the lecture has four of 256). */
export const HIDDEN_LAYERS: readonly number[] = [64, 64, 64];
/** The octaves of the encoding by default: 2⁰ … 2⁵ periods across the picture. */
export const DEFAULT_FREQUENCIES = 6;
/** The choices of L the widget offers. */
export const FREQUENCY_CHOICES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** How a network is built. */
export interface NetworkOptions {
  /** Whether the input is the positional encoding γ(x), γ(y) rather than (x, y). */
  encoding: boolean;
  /** L, the octaves per coordinate when encoding. */
  frequencies: number;
  /** The seed of the first weights and of the shuffles. */
  seed: number;
}

/** The encoding's options for a network: L octaves, with the raw coordinate kept in front. */
export function encodingOptions(frequencies: number): PositionalEncodingOptions {
  return { frequencies, includeInput: true };
}

/** The number of inputs a network takes: 2 for (x, y), or 2 · (1 + 2L) for γ(x), γ(y). */
export function inputWidth(options: Pick<NetworkOptions, 'encoding' | 'frequencies'>): number {
  return options.encoding ? encodedWidth(2, encodingOptions(options.frequencies)) : 2;
}

/** The layer sizes, input first: [inputs, 64, 64, 64, 3]. */
export function layerSizes(options: Pick<NetworkOptions, 'encoding' | 'frequencies'>): number[] {
  return [inputWidth(options), ...HIDDEN_LAYERS, 3];
}

/** A network's name: "without encoding" or "with encoding (L = 6)". */
export function networkName(options: Pick<NetworkOptions, 'encoding' | 'frequencies'>): string {
  return options.encoding ? `with encoding (L = ${options.frequencies})` : 'without encoding';
}

/** A network in one line, inputs to outputs: "γ(x), γ(y): 26 inputs → 64 → 64 → 64 ReLU → 3 sigmoid (R, G, B)". */
export function networkSummary(options: Pick<NetworkOptions, 'encoding' | 'frequencies'>): string {
  const width = inputWidth(options);
  const input = options.encoding
    ? `γ(x), γ(y): ${width} inputs (x and y, and the sine and cosine of each at ${options.frequencies} octave${options.frequencies === 1 ? '' : 's'})`
    : `(x, y): ${width} inputs`;
  return `${input} → ${HIDDEN_LAYERS.join(' → ')} ReLU → 3 sigmoid (R, G, B)`;
}
