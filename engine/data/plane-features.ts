// Hand-made input features for points of the plane, as TensorFlow Playground offers them: the coordinates,
// their squares, their product and their sines. A linear model on x₁² and x₂² separates circles; one on x₁x₂
// separates XOR. Written once here, so the Playground, its export to PyTorch and the lessons share one definition.

/** The features a point (x₁, x₂) can be given to a network as, in the order the network reads them. */
export const PLANE_FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
/** A plane feature's name. */
export type PlaneFeature = (typeof PLANE_FEATURES)[number];

/** One plane feature: its label in plain text and in TeX, and its value at a point. */
export interface PlaneFeatureInfo {
  /** Plain-text label with Unicode sub- and superscripts, e.g. "x₁²". */
  label: string;
  /** The same in TeX, e.g. "x_1^2". */
  tex: string;
  /** Its value at (x₁, x₂). */
  value: (x1: number, x2: number) => number;
}

/** Every plane feature's label and formula. */
export const PLANE_FEATURE_INFO: Readonly<Record<PlaneFeature, PlaneFeatureInfo>> = {
  x1: { label: 'x₁', tex: 'x_1', value: (x1) => x1 },
  x2: { label: 'x₂', tex: 'x_2', value: (_, x2) => x2 },
  x1sq: { label: 'x₁²', tex: 'x_1^2', value: (x1) => x1 * x1 },
  x2sq: { label: 'x₂²', tex: 'x_2^2', value: (_, x2) => x2 * x2 },
  x1x2: { label: 'x₁x₂', tex: 'x_1 x_2', value: (x1, x2) => x1 * x2 },
  sinx1: { label: 'sin x₁', tex: '\\sin x_1', value: (x1) => Math.sin(x1) },
  sinx2: { label: 'sin x₂', tex: '\\sin x_2', value: (_, x2) => Math.sin(x2) },
};

/** The names in the canonical order of PLANE_FEATURES, each once; throws on an unknown name. */
export function orderPlaneFeatures(names: readonly string[]): PlaneFeature[] {
  for (const name of names) {
    if (!(PLANE_FEATURES as readonly string[]).includes(name)) throw new RangeError(`planeFeatures: unknown feature "${name}"; the features are ${PLANE_FEATURES.join(', ')}`);
  }
  return PLANE_FEATURES.filter((name) => names.includes(name));
}

/**
 * The chosen features of `points` (row-major, two numbers per point), row-major with one column per feature in
 * the order given. `names` must be non-empty.
 */
export function planeFeatures(names: readonly PlaneFeature[], points: ArrayLike<number>): Float64Array {
  if (names.length === 0) throw new RangeError('planeFeatures: choose at least one feature');
  if (points.length % 2 !== 0) throw new RangeError(`planeFeatures: points must hold two numbers per point, got ${points.length} numbers`);
  const n = points.length / 2;
  const width = names.length;
  const formulas = names.map((name) => {
    const info = PLANE_FEATURE_INFO[name];
    if (info === undefined) throw new RangeError(`planeFeatures: unknown feature "${String(name)}"`);
    return info.value;
  });
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const x1 = points[2 * i];
    const x2 = points[2 * i + 1];
    for (let j = 0; j < width; j++) out[i * width + j] = formulas[j](x1, x2);
  }
  return out;
}
