// The update rule of each optimizer of the registry written out for one step, with symbols and with that step's
// numbers put in, for the optimizer race's "what just happened" panel:
//
//   b ← μ b + g        = 0.9 × [0.31, −0.2] + [1.2, 0.4]  = [1.479, 0.22]
//   θ ← θ − η b        = [1, 2] − 0.1 × [1.479, 0.22]      = [0.852, 1.978]
//
// Symbols are PyTorch's documentation's (b the momentum buffer, μ, τ, α, β₁, β₂, ε, m, v), with η for the learning
// rate as the lessons write it. Each line is a formula tree (formula.ts) that `evaluate` computes in the same order
// of operations as the optimizer's own code (optim/*.ts), so tests/engine/optim/update-lines.test.ts proves that
// re-evaluating every line reproduces the engine's step to the last bit, for every optimizer, first and later steps.
// Where the engine computes a form different from the docs' (Adam's m ← m + (1 − β₁)(g − m), which PyTorch also
// computes, equal to β₁ m + (1 − β₁) g), the line shows the form that is computed.

import { evaluate, numberFormula, quotient, scalarProduct, elementwiseProduct, applied, maximum, type Formula } from '../formula.ts';
import { tensor } from '../tensor.ts';
import { Random } from '../random.ts';
import type { Point, Surface } from '../surfaces.ts';
import { createOptimizer, optimizerEntry, optimizerHyperparameters } from './registry.ts';
import { SGD } from './sgd.ts';
import { Adagrad } from './adagrad.ts';
import { RMSprop } from './rmsprop.ts';
import { Adam } from './adam.ts';
import { AdamW } from './adamw.ts';

/** One line of an update: what it sets, with symbols, with the numbers, and the value it computes. */
export interface UpdateLine {
  /** The symbol it sets: θ, g, b, m, v, s, …. */
  target: string;
  /** True for a state or parameter update (written ←), false for a quantity of this step (written =). */
  assigns: boolean;
  /** The right-hand side with symbols: μ b + g. */
  symbolic: Formula;
  /** The same with this step's numbers: 0.9 × [0.31, −0.2] + [1.2, 0.4]. */
  numeric: Formula;
  /** What `numeric` evaluates to, one number per parameter coordinate. */
  value: number[];
  /** The engine buffer the line writes (its stateDict name), 'param' for θ, or null for an intermediate quantity. */
  writes: string | null;
}

/** One step's inputs: the step number, the parameter and gradient before it, and the optimizer's buffers before it. */
export interface UpdateStepInput {
  /** The step number t (1 on the first step), as the optimizer counts it after stepping. */
  t: number;
  /** θ before the step. */
  theta: readonly number[];
  /** ∇L(θ), the gradient backward left in the parameter (before the prologue); with `noise`, the exact gradient. */
  gradient: readonly number[];
  /** The noise ξ a stochastic gradient added to ∇L (the optimizer was given ∇L + ξ), if any. */
  noise?: readonly number[];
  /** The optimizer's buffers before the step, by stateDict name (empty before the first step). */
  before: Readonly<Record<string, readonly number[]>>;
}

const symbol = (name: string): Formula => ({ kind: 'symbol', name, node: -1, bar: false });
const vector = (value: readonly number[]): Formula => ({ kind: 'array', value: [...value] });
const sum = (...terms: Formula[]): Formula => ({ kind: 'sum', terms });
const negate = (of: Formula): Formula => ({ kind: 'negate', of });
/** 1 − x, written as the engine computes it (1 + (−x) is the same floating-point number as 1 − x). */
const oneMinus = (x: Formula): Formula => sum(numberFormula(1), negate(x));
const square = (x: Formula): Formula => elementwiseProduct(x, x);
/** x², for the symbolic side (the numbers are written g ⊙ g, as computed). */
const squared = (x: Formula): Formula => ({ kind: 'power', base: x, exponent: 2 });

/** The registry's options of `name` with `options` on top: every hyper-parameter with its value. */
function resolved(name: string, options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const table = optimizerHyperparameters(name);
  const out: Record<string, unknown> = {};
  for (const [option, spec] of Object.entries(table)) out[option] = options[option] ?? spec.default;
  return out;
}

/**
 * The lines of one step of the registry's optimizer `name` (with `options` on top of its preset): the prologue
 * (g from ∇L, weight decay, maximize; AdamW's shrinking of θ), then the optimizer's rule, ending with θ's update.
 */
export function updateLines(name: string, options: Readonly<Record<string, unknown>>, input: UpdateStepInput): UpdateLine[] {
  const entry = optimizerEntry(name);
  const o = resolved(name, options);
  const n = input.theta.length;
  const lines: UpdateLine[] = [];
  const add = (target: string, assigns: boolean, writes: string | null, symbolic: Formula, numeric: Formula): number[] => {
    const value = evaluate(numeric, [n]) as number[];
    lines.push({ target, assigns, symbolic, numeric, value, writes });
    return value;
  };
  const lr = o.lr as number;
  const decay = o.weightDecay as number;
  const maximize = o.maximize as boolean;
  const decoupled = entry.optimizer === AdamW;
  const buffer = (key: string, initial = 0): number[] => [...(input.before[key] ?? new Array<number>(n).fill(initial))];

  // The prologue (optim/optimizer.ts).
  let theta = [...input.theta];
  // What the optimizer was given: ∇L, or a stochastic gradient ∇L + ξ (summed as noisyGradient sums it).
  const nabla = input.noise === undefined ? symbol('∇L') : sum(symbol('∇L'), symbol('ξ'));
  const given = input.noise === undefined ? vector(input.gradient) : sum(vector(input.gradient), vector(input.noise));
  if (decoupled && decay !== 0) {
    theta = add('θ', true, null, scalarProduct(symbol('θ'), oneMinus(scalarProduct(symbol('η'), symbol('λ')))), scalarProduct(vector(theta), oneMinus(scalarProduct(numberFormula(lr), numberFormula(decay)))));
  }
  const coupled = decoupled ? 0 : decay;
  let g: number[];
  if (!maximize && coupled === 0) g = add('g', false, null, nabla, given);
  else if (!maximize) g = add('g', false, null, sum(nabla, scalarProduct(symbol('λ'), symbol('θ'))), sum(given, scalarProduct(numberFormula(coupled), vector(theta))));
  else if (coupled === 0) g = add('g', false, null, negate(nabla), negate(given));
  else g = add('g', false, null, sum(scalarProduct(symbol('λ'), symbol('θ')), negate(nabla)), sum(scalarProduct(numberFormula(coupled), vector(theta)), negate(given)));

  const step = (symbolic: Formula, numeric: Formula): void => {
    add('θ', true, 'param', sum(symbol('θ'), negate(symbolic)), sum(vector(theta), negate(numeric)));
  };

  if (entry.optimizer === SGD) {
    const momentum = o.momentum as number;
    const dampening = o.dampening as number;
    if (momentum === 0) {
      step(scalarProduct(symbol('η'), symbol('g')), scalarProduct(numberFormula(lr), vector(g)));
      return lines;
    }
    let b: number[];
    if (input.before.momentum === undefined) b = add('b', true, 'momentum', symbol('g'), vector(g));
    else if (dampening === 0) b = add('b', true, 'momentum', sum(scalarProduct(symbol('μ'), symbol('b')), symbol('g')), sum(scalarProduct(numberFormula(momentum), vector(buffer('momentum'))), vector(g)));
    else {
      b = add(
        'b',
        true,
        'momentum',
        sum(scalarProduct(symbol('μ'), symbol('b')), scalarProduct(oneMinus(symbol('τ')), symbol('g'))),
        sum(scalarProduct(numberFormula(momentum), vector(buffer('momentum'))), scalarProduct(oneMinus(numberFormula(dampening)), vector(g))),
      );
    }
    if (o.nesterov as boolean) {
      g = add('g', false, null, sum(symbol('g'), scalarProduct(symbol('μ'), symbol('b'))), sum(vector(g), scalarProduct(numberFormula(momentum), vector(b))));
      step(scalarProduct(symbol('η'), symbol('g')), scalarProduct(numberFormula(lr), vector(g)));
    } else {
      step(scalarProduct(symbol('η'), symbol('b')), scalarProduct(numberFormula(lr), vector(b)));
    }
    return lines;
  }

  if (entry.optimizer === Adagrad) {
    const lrDecay = o.lrDecay as number;
    const eps = o.eps as number;
    let rate: Formula = symbol('η');
    let rateNumber: Formula = numberFormula(lr);
    if (lrDecay !== 0) {
      // η_t = η / (1 + (t − 1) δ), as the engine's clr.
      const clr = add(
        'ηₜ',
        false,
        null,
        quotient(symbol('η'), sum(numberFormula(1), scalarProduct(sum(symbol('t'), numberFormula(-1)), symbol('δ')))),
        quotient(numberFormula(lr), sum(numberFormula(1), scalarProduct(numberFormula(input.t - 1), numberFormula(lrDecay)))),
      );
      rate = symbol('ηₜ');
      rateNumber = numberFormula(clr[0]);
    }
    const s = add('s', true, 'sum', sum(symbol('s'), squared(symbol('g'))), sum(vector(buffer('sum', o.initialAccumulatorValue as number)), square(vector(g))));
    step(
      scalarProduct(rate, quotient(symbol('g'), sum(applied('√', symbol('s')), symbol('ε')))),
      scalarProduct(rateNumber, quotient(vector(g), sum(applied('√', vector(s)), numberFormula(eps)))),
    );
    return lines;
  }

  if (entry.optimizer === RMSprop) {
    const alpha = o.alpha as number;
    const eps = o.eps as number;
    const momentum = o.momentum as number;
    const v = add(
      'v',
      true,
      'squareAverage',
      sum(scalarProduct(symbol('α'), symbol('v')), scalarProduct(oneMinus(symbol('α')), squared(symbol('g')))),
      sum(scalarProduct(numberFormula(alpha), vector(buffer('squareAverage'))), elementwiseProduct(oneMinus(numberFormula(alpha)), vector(g), vector(g))),
    );
    let denominator: Formula = sum(applied('√', symbol('v')), symbol('ε'));
    let denominatorNumber: Formula = sum(applied('√', vector(v)), numberFormula(eps));
    if (o.centered as boolean) {
      // The running mean of g, as the engine computes it: ḡ ← ḡ + (1 − α)(g − ḡ) (= α ḡ + (1 − α) g).
      const mean = add(
        'ḡ',
        true,
        'gradAverage',
        sum(symbol('ḡ'), scalarProduct(oneMinus(symbol('α')), sum(symbol('g'), negate(symbol('ḡ'))))),
        sum(vector(buffer('gradAverage')), elementwiseProduct(oneMinus(numberFormula(alpha)), sum(vector(g), negate(vector(buffer('gradAverage')))))),
      );
      denominator = sum(applied('√', sum(symbol('v'), negate(squared(symbol('ḡ'))))), symbol('ε'));
      denominatorNumber = sum(applied('√', sum(vector(v), negate(square(vector(mean))))), numberFormula(eps));
    }
    if (momentum > 0) {
      const b = add(
        'b',
        true,
        'momentum',
        sum(scalarProduct(symbol('μ'), symbol('b')), quotient(symbol('g'), denominator)),
        sum(scalarProduct(numberFormula(momentum), vector(buffer('momentum'))), quotient(vector(g), denominatorNumber)),
      );
      step(scalarProduct(symbol('η'), symbol('b')), scalarProduct(numberFormula(lr), vector(b)));
    } else {
      step(scalarProduct(symbol('η'), quotient(symbol('g'), denominator)), scalarProduct(numberFormula(lr), quotient(vector(g), denominatorNumber)));
    }
    return lines;
  }

  if (entry.optimizer === Adam || entry.optimizer === AdamW) {
    const [beta1, beta2] = o.betas as [number, number];
    const eps = o.eps as number;
    const t = input.t;
    // m ← m + (1 − β₁)(g − m), which is β₁ m + (1 − β₁) g written as PyTorch and the engine compute it.
    const m = add(
      'm',
      true,
      'expAverage',
      sum(symbol('m'), scalarProduct(oneMinus(symbol('β₁')), sum(symbol('g'), negate(symbol('m'))))),
      sum(vector(buffer('expAverage')), elementwiseProduct(oneMinus(numberFormula(beta1)), sum(vector(g), negate(vector(buffer('expAverage')))))),
    );
    let v = add(
      'v',
      true,
      'expAverageSquare',
      sum(scalarProduct(symbol('β₂'), symbol('v')), scalarProduct(oneMinus(symbol('β₂')), squared(symbol('g')))),
      sum(scalarProduct(numberFormula(beta2), vector(buffer('expAverageSquare'))), elementwiseProduct(oneMinus(numberFormula(beta2)), vector(g), vector(g))),
    );
    let second: Formula = symbol('v');
    if (o.amsgrad as boolean) {
      v = add('v̂ₘₐₓ', true, 'maxExpAverageSquare', maximum(symbol('v̂ₘₐₓ'), symbol('v')), maximum(vector(buffer('maxExpAverageSquare')), vector(v)));
      second = symbol('v̂ₘₐₓ');
    }
    if (o.biasCorrection as boolean) {
      // θ ← θ − η / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε): m̂ / (√v̂ + ε) with the corrections where the engine applies them.
      step(
        scalarProduct(quotient(symbol('η'), oneMinus(symbol('β₁ᵗ'))), quotient(symbol('m'), sum(quotient(applied('√', second), applied('√', oneMinus(symbol('β₂ᵗ')))), symbol('ε')))),
        scalarProduct(
          quotient(numberFormula(lr), oneMinus(numberFormula(beta1 ** t))),
          quotient(vector(m), sum(quotient(applied('√', vector(v)), applied('√', oneMinus(numberFormula(beta2 ** t)))), numberFormula(eps))),
        ),
      );
    } else {
      step(scalarProduct(symbol('η'), quotient(symbol('m'), sum(applied('√', second), symbol('ε')))), scalarProduct(numberFormula(lr), quotient(vector(m), sum(applied('√', vector(v)), numberFormula(eps)))));
    }
    return lines;
  }

  throw new RangeError(`updateLines: no update lines are written for the optimizer '${name}'`);
}

/** One step of a run of an optimizer on a surface, with its update lines. */
export interface RaceStep {
  /** The step number t (1 on the first step). */
  t: number;
  /** The point before the step. */
  theta: [number, number];
  /** The gradient the optimizer was given (with the run's noise, if any). */
  gradient: [number, number];
  /** The point after the step. */
  next: [number, number];
  /** The update lines of this step. */
  lines: UpdateLine[];
}

/**
 * Replays the run optimizerPath makes (same optimizer, options, start and seeded noise) up to step `t` and writes
 * that step's update lines; null when the run stopped being finite before step `t`.
 */
export function raceStep(
  surface: Surface,
  optimizer: string,
  options: Record<string, unknown>,
  start: Point,
  t: number,
  noise?: { sigma: number; seed: number },
): RaceStep | null {
  if (!Number.isInteger(t) || t < 1) throw new RangeError(`raceStep: t must be a whole number ≥ 1, got ${t}`);
  const p = tensor([start[0], start[1]], { requiresGrad: true });
  const engine = createOptimizer(optimizer, [p], options);
  const rng = noise === undefined ? null : new Random(noise.seed);
  for (let step = 1; step <= t; step++) {
    const x = p.data[0];
    const y = p.data[1];
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(surface.value(x, y))) return null;
    // The noise drawn as noisyGradient draws it (x's, then y's; none when σ is 0), kept apart to be shown as ξ.
    const exact = surface.gradient(x, y);
    const xi = rng === null || noise === undefined || noise.sigma === 0 ? null : [rng.normal(0, noise.sigma), rng.normal(0, noise.sigma)];
    const g: [number, number] = xi === null ? exact : [exact[0] + xi[0], exact[1] + xi[1]];
    if (step < t) {
      p.grad = tensor(g);
      engine.step();
      continue;
    }
    const before = engine.stateDict().buffers[0];
    p.grad = tensor(g);
    engine.step();
    const next: [number, number] = [p.data[0], p.data[1]];
    if (!Number.isFinite(next[0]) || !Number.isFinite(next[1]) || !Number.isFinite(surface.value(next[0], next[1]))) return null;
    const lines = updateLines(optimizer, options, { t, theta: [x, y], gradient: exact, ...(xi === null ? {} : { noise: xi }), before });
    return { t, theta: [x, y], gradient: [g[0], g[1]], next, lines };
  }
  return null;
}
