// The positional encoding of NeRF and of Tancik et al.'s Fourier features: each coordinate p of a
// position is replaced by sines and cosines of it at octave frequencies,
//
//   γ(p) = [p, sin(2π·2⁰·p), cos(2π·2⁰·p), sin(2π·2¹·p), cos(2π·2¹·p), …, sin(2π·2^(L−1)·p), cos(2π·2^(L−1)·p)],
//
// so that an MLP fed γ(x), γ(y) instead of (x, y) can fit sharp edges and fine detail, which it
// otherwise blurs (a ReLU MLP learns the low frequencies of its target first: the spectral bias).
// Mildenhall et al., "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis", ECCV 2020,
// eq. 4, write sin(2^k π p) for p in [−1, 1]; with p in [0, 1] that is 2π·2^k·p here. Tancik et al.,
// "Fourier Features Let Networks Learn High Frequency Functions in Low Dimensional Domains", NeurIPS 2020,
// study the same map (and random Gaussian frequencies) for images.
//
// Convention: the raw coordinate p comes first (`includeInput`, on by default, as NeRF's released code
// does; the papers' formulas leave it out). It keeps a position's place within the slowest period: the
// lowest pair, sin and cos of 2πp, repeat every unit, so without p the points 0 and 1 would look alike.
// A position of d coordinates encodes as [γ(p₁), …, γ(p_d)], of width d·(1 + 2L), or d·2L without p.
//
// It is a fixed map of the data, computed once before training (no gradient flows into a pixel's
// coordinates), so it is plain arithmetic on numbers rather than a differentiable op.

/** How a position is encoded. */
export interface PositionalEncodingOptions {
  /** L, the number of frequencies per coordinate: 2⁰, 2¹, …, 2^(L−1) cycles per unit (a whole number from 0; 0 leaves only p). */
  frequencies: number;
  /** Whether each coordinate's encoding starts with the coordinate itself (default true). */
  includeInput?: boolean;
}

function checked(options: PositionalEncodingOptions): { frequencies: number; includeInput: boolean } {
  const { frequencies, includeInput = true } = options;
  if (!Number.isInteger(frequencies) || frequencies < 0 || frequencies > 30) {
    throw new RangeError(`positionalEncoding: frequencies must be a whole number from 0 to 30, got ${frequencies}`);
  }
  if (frequencies === 0 && !includeInput) throw new RangeError('positionalEncoding: with no frequencies and without the input, the encoding is empty');
  return { frequencies, includeInput };
}

/** The width of an encoded position of `dimensions` coordinates: dimensions · (1 + 2L), or dimensions · 2L without the input. */
export function encodedWidth(dimensions: number, options: PositionalEncodingOptions): number {
  const { frequencies, includeInput } = checked(options);
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`positionalEncoding: dimensions must be a whole number from 1, got ${dimensions}`);
  return dimensions * ((includeInput ? 1 : 0) + 2 * frequencies);
}

/** Writes γ(p) into `out` from `offset`; returns the offset after it. */
function encodeInto(p: number, frequencies: number, includeInput: boolean, out: Float64Array | number[], offset: number): number {
  let at = offset;
  if (includeInput) out[at++] = p;
  for (let k = 0; k < frequencies; k++) {
    // 2π · 2^k · p: the k-th octave, 2^k whole periods per unit.
    const angle = 2 * Math.PI * 2 ** k * p;
    out[at++] = Math.sin(angle);
    out[at++] = Math.cos(angle);
  }
  return at;
}

/** γ(p) of one coordinate: [p, sin(2π·2⁰·p), cos(2π·2⁰·p), …, sin(2π·2^(L−1)·p), cos(2π·2^(L−1)·p)] (p first unless `includeInput` is false). */
export function positionalEncoding(p: number, options: PositionalEncodingOptions): number[] {
  const { frequencies, includeInput } = checked(options);
  const out: number[] = [];
  encodeInto(p, frequencies, includeInput, out, 0);
  return out;
}

/**
 * The encoded input matrix of `rows` positions of `dimensions` coordinates each, given row-major in `points`: row r
 * becomes [γ(p_r1), …, γ(p_rd)], row-major in the result (rows × encodedWidth(dimensions, options)).
 */
export function encodePositions(points: ArrayLike<number>, dimensions: number, options: PositionalEncodingOptions): Float64Array {
  const width = encodedWidth(dimensions, options);
  const { frequencies, includeInput } = checked(options);
  if (points.length % dimensions !== 0) throw new RangeError(`encodePositions: ${points.length} numbers are not whole rows of ${dimensions} coordinates`);
  const rows = points.length / dimensions;
  const out = new Float64Array(rows * width);
  let at = 0;
  for (let e = 0; e < points.length; e++) at = encodeInto(points[e], frequencies, includeInput, out, at);
  return out;
}
