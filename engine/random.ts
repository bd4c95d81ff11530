// A seeded generator: the only source of randomness in the engine.
//
// Same seed, same numbers, in Node and in every browser. The uniform stream is
// integer arithmetic (sfc32, seeded by splitmix32), and the normal stream uses
// Marsaglia's polar method with a logarithm built from + - * / only, because
// `Math.log` may differ in its last bit between JavaScript engines while IEEE
// arithmetic and `Math.sqrt` may not.

const LN2 = 0.6931471805599453;

/** The natural logarithm of a positive number, from IEEE arithmetic alone so every engine agrees to the bit. */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  // x = m * 2^k with m in [1, 2): scaling by two is exact.
  let k = 0;
  let m = x;
  while (m >= 2) { m /= 2; k++; }
  while (m < 1) { m *= 2; k--; }
  // ln m = 2 atanh(z), z = (m - 1) / (m + 1) <= 1/3, so the series converges quickly.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let n = 1; n < 80; n += 2) {
    const next = sum + term / n;
    if (next === sum) break;
    sum = next;
    term *= z2;
  }
  return 2 * sum + k * LN2;
}

/** A seeded pseudo-random generator with uniform, normal, integer, shuffle and choice draws. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  /** Starts a stream from an integer seed; the same seed always gives the same stream. */
  constructor(readonly seed: number = 0) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let t = s ^ (s >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next raw 32-bit unsigned integer of the stream (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 2 ** 53;
  }

  /** A uniform number in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** A normally distributed number with the given mean and standard deviation. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    // Marsaglia's polar method: a point uniform in the unit disc gives two independent normals.
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * portableLog(s)) / s);
    this.spareNormal = v * f;
    return mean + std * u * f;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** One element picked uniformly from a non-empty array. */
  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('choice: the array is empty');
    return items[this.int(items.length)];
  }

  /**
   * The uniform stream's state: sfc32's four 32-bit words, as unsigned integers. `Random.fromState` of it draws the
   * same numbers from here on (`next`, `int`, `shuffle`, `choice`); a pending spare of `normal`, which draws its
   * normals in pairs, is not part of it. The PyTorch export starts its port of this generator from these words.
   */
  state(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** A generator that continues a stream from its `state()`: four unsigned 32-bit integers (its `seed` reads 0). */
  static fromState(words: readonly number[]): Random {
    if (words.length !== 4 || !words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
      throw new RangeError(`Random.fromState: the state is four unsigned 32-bit integers, got [${words.join(', ')}]`);
    }
    const random = new Random(0);
    [random.a, random.b, random.c, random.d] = words.map((w) => w | 0);
    return random;
  }

  /** A fresh generator whose stream depends on this one, for handing to a sub-task. */
  fork(): Random {
    return new Random(this.nextUint32());
  }
}
