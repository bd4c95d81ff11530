// Loss surfaces of two parameters, for watching optimizers: each surface is written once, as engine ops on a
// 2-vector p = [x, y] (so autograd differentiates it), with closed-form fast paths for its value, gradient and
// Hessian that tests/engine/surfaces.test.ts proves equal to the ops and their autograd gradient.
//
//   quadratic    ½ (λ₁ u² + λ₂ v²), (u, v) = (x, y) rotated by an angle; λ₁ = 1, λ₂ = the condition number κ
//   rosenbrock   (1 − x)² + 100 (y − x²)²: a curved, flat-bottomed valley, minimum (1, 1)
//   beale        (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: minimum (3, 0.5), steep walls
//   saddle       ½ x² + ¼ y⁴ − ½ y²: a saddle point at the origin between two minima (0, ±1)
//   two-minima   (x² − 1)² + ½ y² + 0.3 x: two valleys of different depth with a saddle between them
//
// optimizerPath runs any optimizer of the registry (engine/optim/registry.ts) on a surface, with an optional
// seeded Gaussian noise on each gradient standing in for the noise of mini-batches.

import { Random } from './random.ts';
import { tensor, type Tensor } from './tensor.ts';
import { createOptimizer } from './optim/registry.ts';

/** The surfaces' names. */
export type SurfaceName = 'quadratic' | 'rosenbrock' | 'beale' | 'saddle' | 'two-minima';

/** Options of a surface; only the quadratic has any. */
export interface SurfaceOptions {
  /** The quadratic's condition number κ = λmax/λmin (default 10, at least 1). */
  condition?: number;
  /** The quadratic's rotation of its axes, in radians (default π/6). */
  angle?: number;
}

/** A point of the plane. */
export type Point = readonly [number, number];

/** A critical point (gradient zero) and what kind it is. */
export interface CriticalPoint {
  readonly point: Point;
  readonly kind: 'minimum' | 'saddle' | 'maximum';
}

/** A loss surface of two parameters. */
export interface Surface {
  readonly name: SurfaceName;
  /** Its name as a reader sees it. */
  readonly label: string;
  /** One sentence on what it shows. */
  readonly description: string;
  /** The plotting window. */
  readonly domain: { readonly x: Point; readonly y: Point };
  /** A start point that makes the surface's point. */
  readonly start: Point;
  /** Every minimiser (global and local). */
  readonly minima: readonly Point[];
  /** Every critical point, minima included. */
  readonly critical: readonly CriticalPoint[];
  /** The loss of a 2-vector tensor p = [x, y], built from engine ops (differentiable). */
  loss(p: Tensor): Tensor;
  /** The loss at (x, y): equal to loss(). */
  value(x: number, y: number): number;
  /** ∇L at (x, y): equal to autograd's gradient of loss(). */
  gradient(x: number, y: number): [number, number];
  /** The Hessian at (x, y): the derivative of gradient(). */
  hessian(x: number, y: number): [[number, number], [number, number]];
}

/** x and y of a 2-vector tensor, as scalar tensors (a dot product with each unit vector keeps the graph). */
function coordinates(p: Tensor): [Tensor, Tensor] {
  if (p.size !== 2) throw new RangeError(`surface: the parameter must hold 2 numbers (x, y), got ${p.size}`);
  const flat = p.reshape([2]);
  return [flat.mul(tensor([1, 0])).sum(), flat.mul(tensor([0, 1])).sum()];
}

function quadratic(condition: number, angle: number): Surface {
  if (!(condition >= 1) || !Number.isFinite(condition)) throw new RangeError(`quadratic surface: the condition number must be a finite number ≥ 1, got ${condition}`);
  if (!Number.isFinite(angle)) throw new RangeError(`quadratic surface: the angle must be a finite number, got ${angle}`);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const l1 = 1;
  const l2 = condition;
  // H = Rᵀ diag(λ₁, λ₂) R with u = c x + s y, v = −s x + c y.
  const hxx = l1 * c * c + l2 * s * s;
  const hxy = (l1 - l2) * c * s;
  const hyy = l1 * s * s + l2 * c * c;
  const extent = 3;
  return {
    name: 'quadratic',
    label: `Quadratic bowl (κ = ${condition})`,
    description: 'A bowl whose curvature differs by the condition number along two tilted axes: steep across, shallow along.',
    domain: { x: [-extent, extent], y: [-2, 2] },
    start: [-2.5, 1.2],
    minima: [[0, 0]],
    critical: [{ point: [0, 0], kind: 'minimum' }],
    loss(p) {
      const [x, y] = coordinates(p);
      const u = x.mul(c).add(y.mul(s));
      const v = x.mul(-s).add(y.mul(c));
      return u.mul(u).mul(l1 / 2).add(v.mul(v).mul(l2 / 2));
    },
    value(x, y) {
      const u = c * x + s * y;
      const v = -s * x + c * y;
      return (l1 * u * u) / 2 + (l2 * v * v) / 2;
    },
    gradient(x, y) {
      return [hxx * x + hxy * y, hxy * x + hyy * y];
    },
    hessian() {
      return [
        [hxx, hxy],
        [hxy, hyy],
      ];
    },
  };
}

const ROSENBROCK: Surface = {
  name: 'rosenbrock',
  label: 'Rosenbrock valley',
  description: 'A narrow curved valley with a nearly flat floor: finding the valley is easy, following it to (1, 1) is slow.',
  domain: { x: [-2, 2], y: [-1, 3] },
  start: [-1.5, 2.5],
  minima: [[1, 1]],
  critical: [{ point: [1, 1], kind: 'minimum' }],
  loss(p) {
    const [x, y] = coordinates(p);
    const a = x.neg().add(1);
    const b = y.sub(x.mul(x));
    return a.mul(a).add(b.mul(b).mul(100));
  },
  value(x, y) {
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  gradient(x, y) {
    const b = y - x * x;
    return [-2 * (1 - x) - 400 * x * b, 200 * b];
  },
  hessian(x, y) {
    return [
      [2 - 400 * (y - 3 * x * x), -400 * x],
      [-400 * x, 200],
    ];
  },
};

/** Beale's three terms cᵢ − x + x yⁱ, i = 1, 2, 3. */
const BEALE_CONSTANTS = [1.5, 2.25, 2.625] as const;

const BEALE: Surface = {
  name: 'beale',
  label: 'Beale',
  description: 'Flat plateaus and steep walls: gradients range over many orders of magnitude, which per-parameter step sizes handle.',
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  minima: [[3, 0.5]],
  critical: [{ point: [3, 0.5], kind: 'minimum' }],
  loss(p) {
    const [x, y] = coordinates(p);
    let total: Tensor | null = null;
    let power: Tensor = y;
    for (const constant of BEALE_CONSTANTS) {
      const term = x.mul(power).sub(x).add(constant);
      total = total === null ? term.mul(term) : total.add(term.mul(term));
      power = power.mul(y);
    }
    return total as Tensor;
  },
  value(x, y) {
    return BEALE_CONSTANTS.reduce((sum, constant, i) => sum + (constant - x + x * y ** (i + 1)) ** 2, 0);
  },
  gradient(x, y) {
    let gx = 0;
    let gy = 0;
    BEALE_CONSTANTS.forEach((constant, i) => {
      const n = i + 1;
      const r = constant - x + x * y ** n;
      gx += 2 * r * (y ** n - 1);
      gy += 2 * r * n * x * y ** (n - 1);
    });
    return [gx, gy];
  },
  hessian(x, y) {
    let hxx = 0;
    let hxy = 0;
    let hyy = 0;
    BEALE_CONSTANTS.forEach((constant, i) => {
      const n = i + 1;
      const r = constant - x + x * y ** n;
      const rx = y ** n - 1;
      const ry = n * x * y ** (n - 1);
      hxx += 2 * rx * rx;
      hxy += 2 * (ry * rx + r * n * y ** (n - 1));
      hyy += 2 * ry * ry + (n >= 2 ? 2 * r * n * (n - 1) * x * y ** (n - 2) : 0);
    });
    return [
      [hxx, hxy],
      [hxy, hyy],
    ];
  },
};

const SADDLE: Surface = {
  name: 'saddle',
  label: 'Saddle point',
  description: 'A saddle at the origin, curving up along x and down along y, between two minima at (0, ±1).',
  domain: { x: [-2, 2], y: [-1.6, 1.6] },
  start: [-1.8, 0.001],
  minima: [
    [0, -1],
    [0, 1],
  ],
  critical: [
    { point: [0, 0], kind: 'saddle' },
    { point: [0, -1], kind: 'minimum' },
    { point: [0, 1], kind: 'minimum' },
  ],
  loss(p) {
    const [x, y] = coordinates(p);
    const y2 = y.mul(y);
    return x.mul(x).mul(0.5).add(y2.mul(y2).mul(0.25)).sub(y2.mul(0.5));
  },
  value(x, y) {
    return 0.5 * x * x + 0.25 * y ** 4 - 0.5 * y * y;
  },
  gradient(x, y) {
    return [x, y ** 3 - y];
  },
  hessian(_x, y) {
    return [
      [1, 0],
      [0, 3 * y * y - 1],
    ];
  },
};

/** The tilt of the two-minima surface: it makes the left valley the deeper one. */
const TILT = 0.3;

/** The roots of 4x³ − 4x + TILT = 0 (where the two-minima surface's x-derivative vanishes), ascending, by Newton's method. */
function twoMinimaRoots(): [number, number, number] {
  const f = (x: number) => 4 * x ** 3 - 4 * x + TILT;
  const df = (x: number) => 12 * x * x - 4;
  const roots = [-1.1, 0.1, 1.1].map((guess) => {
    let x = guess;
    for (let i = 0; i < 60; i++) x -= f(x) / df(x);
    return x;
  });
  return roots as [number, number, number];
}

function twoMinima(): Surface {
  const [left, middle, right] = twoMinimaRoots();
  return {
    name: 'two-minima',
    label: 'Two minima',
    description: 'Two valleys of different depth with a saddle between them: where an optimizer ends depends on where it starts and how it moves.',
    domain: { x: [-2, 2], y: [-1.5, 1.5] },
    start: [0.3, 1.2],
    minima: [
      [left, 0],
      [right, 0],
    ],
    critical: [
      { point: [left, 0], kind: 'minimum' },
      { point: [middle, 0], kind: 'saddle' },
      { point: [right, 0], kind: 'minimum' },
    ],
    loss(p) {
      const [x, y] = coordinates(p);
      const w = x.mul(x).sub(1);
      return w.mul(w).add(y.mul(y).mul(0.5)).add(x.mul(TILT));
    },
    value(x, y) {
      return (x * x - 1) ** 2 + 0.5 * y * y + TILT * x;
    },
    gradient(x, y) {
      return [4 * x * (x * x - 1) + TILT, y];
    },
    hessian(x) {
      return [
        [12 * x * x - 4, 0],
        [0, 1],
      ];
    },
  };
}

/** Every surface, in the order controls list them. */
export const SURFACES: readonly { name: SurfaceName; label: string; description: string }[] = (
  ['quadratic', 'rosenbrock', 'beale', 'saddle', 'two-minima'] as const
).map((name) => {
  const { label, description } = createSurface(name);
  return { name, label: name === 'quadratic' ? 'Quadratic bowl' : label, description };
});

/** The named surface; throws a RangeError naming the known ones for an unknown name. */
export function createSurface(name: SurfaceName, options: SurfaceOptions = {}): Surface {
  switch (name) {
    case 'quadratic':
      return quadratic(options.condition ?? 10, options.angle ?? Math.PI / 6);
    case 'rosenbrock':
      return ROSENBROCK;
    case 'beale':
      return BEALE;
    case 'saddle':
      return SADDLE;
    case 'two-minima':
      return twoMinima();
    default:
      throw new RangeError(`unknown surface '${String(name)}'; known: quadratic, rosenbrock, beale, saddle, two-minima`);
  }
}

/** Eigenvalues (ascending) of the symmetric 2×2 matrix [[a, b], [b, c]] (in its own module, which imports nothing). */
export { symmetricEigenvalues2 } from './linalg.ts';

/** A stochastic gradient: the exact gradient plus Gaussian noise of standard deviation `noise` per coordinate. */
export function noisyGradient(surface: Surface, x: number, y: number, noise: number, rng: Random): [number, number] {
  const [gx, gy] = surface.gradient(x, y);
  if (noise === 0) return [gx, gy];
  return [gx + rng.normal(0, noise), gy + rng.normal(0, noise)];
}

/** A run of an optimizer on a surface. */
export interface OptimizerPath {
  /** The points visited, points[0] the start; shorter than steps + 1 when the run diverged. */
  points: [number, number][];
  /** The loss at each point. */
  losses: number[];
  /** The step at which the parameters or the loss stopped being finite, or null. */
  divergedAt: number | null;
}

/**
 * Runs the registry's optimizer `optimizer` (with `options` on top of its preset) from `start` for `steps` steps on
 * `surface`. With `noise`, each gradient gets Gaussian noise of standard deviation `noise.sigma` from a Random seeded
 * with `noise.seed`. A run whose parameters or loss stop being finite ends there, with `divergedAt` set.
 */
export function optimizerPath(
  surface: Surface,
  optimizer: string,
  options: Record<string, unknown>,
  start: Point,
  steps: number,
  noise?: { sigma: number; seed: number },
): OptimizerPath {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`optimizerPath: steps must be a whole number ≥ 0, got ${steps}`);
  const p = tensor([start[0], start[1]], { requiresGrad: true });
  const engine = createOptimizer(optimizer, [p], options);
  const rng = noise === undefined ? null : new Random(noise.seed);
  const points: [number, number][] = [[start[0], start[1]]];
  const losses = [surface.value(start[0], start[1])];
  let divergedAt: number | null = null;
  for (let step = 1; step <= steps; step++) {
    const [x, y] = points[points.length - 1];
    const g = rng === null || noise === undefined ? surface.gradient(x, y) : noisyGradient(surface, x, y, noise.sigma, rng);
    p.grad = tensor(g);
    engine.step();
    const next: [number, number] = [p.data[0], p.data[1]];
    const loss = surface.value(next[0], next[1]);
    if (!Number.isFinite(next[0]) || !Number.isFinite(next[1]) || !Number.isFinite(loss)) {
      divergedAt = step;
      break;
    }
    points.push(next);
    losses.push(loss);
  }
  return { points, losses, divergedAt };
}
