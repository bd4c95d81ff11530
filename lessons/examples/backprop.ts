// Worked examples for lesson 5, backpropagation, computed by the engine when the site is built.
//
// Every number the chapter shows comes from here, already formatted, and so do its four figures (the paths of the
// multivariate chain rule, a computation graph with values and gradients, the shapes of the vectorised backward
// pass, the error of finite differences against the step). Gradients are the engine's autograd; the hand-derived
// formulas the lesson teaches are computed beside them and each claim (they agree; the notes' versions do not) is
// checked, so a false claim throws and the page is never built with it.

import { ACTIVATION_FUNCTIONS, Random, crossEntropy, linear, noGrad, relu, sigmoid, softmax, tanh, tensor, type Tensor } from '../../engine/index.ts';
import { SEED000_EXAMPLE } from '../../site/lesson/backprop-stepper/presets.ts';
import { connect, diagram, type DiagramArrow, type DiagramBox } from './diagram.ts';
import { lineChart } from './line-chart.ts';
import { agreement, show, showGap } from './losses.ts';

/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`backprop example: ${message}`);
}

/** How far apart two computations of the same gradient may be: rounding, nothing more. */
const AGREEMENT = 1e-12;

/** The largest absolute difference between two lists of numbers. */
function largestGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  claim(a.length === b.length, `comparing ${a.length} numbers with ${b.length}`);
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]));
  return gap;
}

/** Leaves with requiresGrad for each named value, the loss `f` builds from them, and every leaf's gradient. */
function autograd<K extends string>(values: Record<K, number>, f: (leaves: Record<K, Tensor>) => Tensor): { loss: number; grad: Record<K, number> } {
  const leaves = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tensor(v as number, { requiresGrad: true })])) as Record<K, Tensor>;
  const loss = f(leaves);
  loss.backward();
  const grad = Object.fromEntries(Object.entries(leaves).map(([k, t]) => [k, (t as Tensor).grad?.item() ?? 0])) as Record<K, number>;
  return { loss: loss.item(), grad };
}

// --- The multivariate chain rule: a sum over paths -------------------------------------------------------

/**
 * f(x, y) = y + e^{xy} with x = t² and y = 2t + 1: t reaches f along two paths, and df/dt is the sum of the two
 * path products, each a product of the local derivatives along it.
 */
export const paths = (() => {
  const t = 0.5;
  const x = t * t;
  const y = 2 * t + 1;
  const e = Math.exp(x * y);
  const local = { dxdt: 2 * t, dydt: 2, dfdx: y * e, dfdy: 1 + x * e };
  const viaX = local.dfdx * local.dxdt;
  const viaY = local.dfdy * local.dydt;
  const engine = autograd({ t }, ({ t: leaf }) => {
    const xs = leaf.pow(2);
    const ys = leaf.mul(2).add(1);
    return ys.add(xs.mul(ys).exp());
  });
  claim(Math.abs(engine.grad.t - (viaX + viaY)) < AGREEMENT, 'the two paths sum to autograd’s df/dt');

  const tBox: DiagramBox = { x: 44, y: 110, width: 72, height: 44, lines: ['t', `= ${show(t)}`], highlight: true };
  const xBox: DiagramBox = { x: 220, y: 40, width: 96, height: 44, lines: ['x = t²', `= ${show(x)}`] };
  const yBox: DiagramBox = { x: 220, y: 180, width: 96, height: 44, lines: ['y = 2t + 1', `= ${show(y)}`] };
  const fBox: DiagramBox = { x: 392, y: 110, width: 92, height: 44, lines: ['f = y + eˣʸ', `= ${show(y + e)}`], highlight: true };
  const figure = diagram({
    id: 'chain-rule-paths',
    title: 'The two paths from t to f, each edge labelled with its local derivative',
    description:
      `t feeds x = t² and y = 2t + 1, and both feed f = y + e^(xy). Along the upper path the local derivatives are ` +
      `dx/dt = ${show(local.dxdt)} and ∂f/∂x = ${show(local.dfdx)}, whose product is ${show(viaX)}; along the lower path ` +
      `dy/dt = ${show(local.dydt)} and ∂f/∂y = ${show(local.dfdy)}, product ${show(viaY)}. Their sum, ${show(viaX + viaY)}, is df/dt.`,
    width: 440,
    height: 300,
    boxes: [tBox, xBox, yBox, fBox],
    arrows: [
      connect(tBox, xBox, { label: `dx/dt = ${show(local.dxdt)}`, labelOffset: [-24, -14], color: 'accent' }),
      connect(xBox, fBox, { label: `∂f/∂x = ${show(local.dfdx)}`, labelOffset: [22, -14], color: 'accent' }),
      connect(tBox, yBox, { label: `dy/dt = ${show(local.dydt)}`, labelOffset: [-24, 24], color: 'text', dashed: true }),
      connect(yBox, fBox, { label: `∂f/∂y = ${show(local.dfdy)}`, labelOffset: [22, 24], color: 'text', dashed: true }),
    ],
    texts: [
      { x: 220, y: 236, text: `upper path: ${show(local.dfdx)} × ${show(local.dxdt)} = ${show(viaX)}`, color: 'accent' },
      { x: 220, y: 256, text: `lower path: ${show(local.dfdy)} × ${show(local.dydt)} = ${show(viaY)}` },
      { x: 220, y: 282, text: `df/dt = ${show(viaX)} + ${show(viaY)} = ${show(viaX + viaY)}`, bold: true },
    ],
  });
  return {
    t: show(t),
    x: show(x),
    y: show(y),
    dxdt: show(local.dxdt),
    dydt: show(local.dydt),
    dfdx: show(local.dfdx),
    dfdy: show(local.dfdy),
    viaX: show(viaX),
    viaY: show(viaY),
    total: show(viaX + viaY),
    autograd: show(engine.grad.t, 6),
    figure,
  };
})();

// --- Logistic least squares: one neuron, forward and backward ---------------------------------------------

/** σ′ from the engine's registry, written with the sigmoid's output: s (1 − s). */
const sigmoidDerivative = (z: number, s: number) => ACTIVATION_FUNCTIONS.sigmoid.df(z, s, {});
/** tanh′ from the engine's registry, written with tanh's output: 1 − t². */
const tanhDerivative = (a: number, t: number) => ACTIVATION_FUNCTIONS.tanh.df(a, t, {});

/**
 * z = w x + b, ŷ = σ(z), L = ½ (ŷ − y)². Forward, then the error signals in reverse order:
 * L̄ = 1, ŷ̄ = ŷ − y, z̄ = ŷ̄ σ′(z), w̄ = z̄ x, b̄ = z̄, x̄ = z̄ w.
 */
export const neuron = (() => {
  const x = 1.2;
  const w = 0.8;
  const b = -0.4;
  const y = 1;
  const z = w * x + b;
  const yHat = sigmoid(tensor(z)).item();
  const loss = 0.5 * (yHat - y) ** 2;
  const yHatBar = yHat - y;
  const zBar = yHatBar * sigmoidDerivative(z, yHat);
  const bars = { w: zBar * x, b: zBar, x: zBar * w };
  const engine = autograd({ w, b, x }, (p) => sigmoid(p.w.mul(p.x).add(p.b)).sub(y).pow(2).mul(0.5));
  claim(Math.abs(engine.loss - loss) < AGREEMENT, 'the forward pass matches the engine');
  const gap = largestGap([bars.w, bars.b, bars.x], [engine.grad.w, engine.grad.b, engine.grad.x]);
  claim(gap < AGREEMENT, 'the hand backward pass matches autograd');
  // ∂L/∂z and ∂L/∂ŷ by autograd too, with z and ŷ as leaves of the rest of the graph.
  const zEngine = autograd({ z }, (p) => sigmoid(p.z).sub(y).pow(2).mul(0.5)).grad.z;
  const yHatEngine = autograd({ yHat }, (p) => p.yHat.sub(y).pow(2).mul(0.5)).grad.yHat;
  claim(Math.abs(zEngine - zBar) < AGREEMENT && Math.abs(yHatEngine - yHatBar) < AGREEMENT, 'the error signals of z and ŷ match autograd');

  // The computation graph, left to right, each node with its value and its error signal.
  const node = (cx: number, cy: number, name: string, value: number, bar: number, highlight = false): DiagramBox => ({
    x: cx,
    y: cy,
    width: 104,
    height: 58,
    lines: [name, `value ${show(value, 4)}`, `bar ${show(bar, 4)}`],
    highlight,
    color: 'text-muted',
  });
  const wNode = node(64, 40, 'w', w, bars.w, true);
  const xNode = node(190, 40, 'x', x, bars.x);
  const bNode = node(316, 130, 'b', b, bars.b, true);
  const uNode = node(127, 130, 'u = w·x', w * x, zBar);
  const zNode = node(220, 220, 'z = u + b', z, zBar);
  const yNode = node(220, 310, 'ŷ = σ(z)', yHat, yHatBar);
  const lNode = node(220, 400, 'L = ½(ŷ − y)²', loss, 1, true);
  const forward = (from: DiagramBox, to: DiagramBox): DiagramArrow => connect(from, to, { color: 'text-muted' });
  const graph = diagram({
    id: 'neuron-graph',
    title: 'Computation graph of one sigmoid neuron with squared error, each node showing its value and its error signal',
    description:
      `Inputs w = ${show(w)}, x = ${show(x)} and b = ${show(b)} with target y = ${show(y)}. Forward: u = w·x = ${show(w * x, 4)}, ` +
      `z = u + b = ${show(z, 4)}, ŷ = σ(z) = ${show(yHat, 4)}, L = ${show(loss, 4)}. Backward, from L̄ = 1: ` +
      `ŷ̄ = ŷ − y = ${show(yHatBar, 4)}, z̄ = ŷ̄ σ′(z) = ${show(zBar, 4)}, ū = b̄ = z̄, w̄ = ū x = ${show(bars.w, 4)}, x̄ = ū w = ${show(bars.x, 4)}.`,
    width: 380,
    height: 470,
    boxes: [wNode, xNode, bNode, uNode, zNode, yNode, lNode],
    arrows: [forward(wNode, uNode), forward(xNode, uNode), forward(uNode, zNode), forward(bNode, zNode), forward(zNode, yNode), forward(yNode, lNode)],
    texts: [
      { x: 282, y: 400, text: `target y = ${show(y)}`, anchor: 'start', color: 'text-muted' },
      { x: 190, y: 450, text: 'values flow down, bars flow up', color: 'text-muted' },
    ],
  });

  return {
    x: show(x),
    w: show(w),
    b: show(b),
    y: show(y),
    z: show(z, 4),
    yHat: show(yHat, 4),
    loss: show(loss, 4),
    yHatBar: show(yHatBar, 4),
    sigmoidSlope: show(sigmoidDerivative(z, yHat), 4),
    zBar: show(zBar, 4),
    wBar: show(bars.w, 4),
    bBar: show(bars.b, 4),
    xBar: show(bars.x, 4),
    agreement: agreement(gap),
    graph,
  };
})();

// --- Seed 000's 2-2-1 network ----------------------------------------------------------------------------

/**
 * Two inputs, two hidden units, one output, linear activations: f₃ = w₁₃x₁ + w₂₃x₂, f₄ = w₁₄x₁ + w₂₄x₂,
 * g₅ = w₃₅f₃ + w₄₅f₄, E = (g₅ − y)² (no ½, so the output's error signal is 2(g₅ − y)). Then the same network with
 * ReLU hidden units, where the notes' formula (max on the inputs) and the truth (max on the pre-activation) part.
 */
export const twoTwoOne = (() => {
  // The stepper's seed000-221 preset starts from these very numbers.
  const { x1, x2, y, ...weights } = SEED000_EXAMPLE;
  const f3 = weights.w13 * x1 + weights.w23 * x2;
  const f4 = weights.w14 * x1 + weights.w24 * x2;
  const g5 = weights.w35 * f3 + weights.w45 * f4;
  const error = (g5 - y) ** 2;
  const g5Bar = 2 * (g5 - y);
  const f3Bar = g5Bar * weights.w35;
  const f4Bar = g5Bar * weights.w45;
  const hand = {
    w35: g5Bar * f3,
    w45: g5Bar * f4,
    w13: f3Bar * x1,
    w23: f3Bar * x2,
    w14: f4Bar * x1,
    w24: f4Bar * x2,
  };
  const network = (p: Record<keyof typeof weights, Tensor>, activation: (t: Tensor) => Tensor) => {
    const h3 = activation(p.w13.mul(x1).add(p.w23.mul(x2)));
    const h4 = activation(p.w14.mul(x1).add(p.w24.mul(x2)));
    return p.w35.mul(h3).add(p.w45.mul(h4)).sub(y).pow(2);
  };
  const linearRun = autograd(weights, (p) => network(p, (t) => t));
  claim(Math.abs(linearRun.loss - error) < AGREEMENT, '2-2-1 forward');
  const names = Object.keys(weights) as (keyof typeof weights)[];
  const gap = largestGap(
    names.map((k) => hand[k]),
    names.map((k) => linearRun.grad[k]),
  );
  claim(gap < AGREEMENT, '2-2-1 hand gradients equal autograd');

  // ReLU hidden units: h₃ = max(f₃, 0). Here f₃ < 0 although x₁ > 0, so unit 3 is off and w₁₃ gets no gradient.
  claim(f3 < 0 && x1 > 0 && f4 > 0, 'unit 3 is off and unit 4 on, with a positive input');
  const reluRun = autograd(weights, (p) => network(p, relu));
  const reluG5 = weights.w35 * Math.max(f3, 0) + weights.w45 * Math.max(f4, 0);
  const notesW13 = 2 * (reluG5 - y) * weights.w35 * Math.max(x1, 0);
  claim(reluRun.grad.w13 === 0 && notesW13 !== 0, 'the notes’ ReLU formula gives a gradient where the truth is zero');
  claim(Math.abs(reluRun.grad.w14 - 2 * (reluG5 - y) * weights.w45 * x1) < AGREEMENT, 'unit 4 passes the gradient as a linear unit');

  const subscript = (digits: string) => digits.replace(/[0-9]/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
  const rows = names.map((k) => ({
    weight: `w${subscript(k.slice(1))}`,
    value: show(weights[k]),
    formula: show(hand[k], 4),
    autograd: show(linearRun.grad[k], 4),
  }));
  return {
    x: `(${show(x1)}, ${show(x2)})`,
    x1: show(x1),
    x2: show(x2),
    y: show(y),
    weights: Object.fromEntries(names.map((k) => [k, show(weights[k])])) as Record<keyof typeof weights, string>,
    f3: show(f3, 4),
    f4: show(f4, 4),
    g5: show(g5, 4),
    error: show(error, 4),
    g5Bar: show(g5Bar, 4),
    f3Bar: show(f3Bar, 4),
    f4Bar: show(f4Bar, 4),
    rows,
    agreement: agreement(gap),
    relu: {
      g5: show(reluG5, 4),
      notesW13: show(notesW13, 4),
      autogradW13: show(reluRun.grad.w13, 4),
      autogradW14: show(reluRun.grad.w14, 4),
    },
  };
})();

// --- Seed 004's tanh network, corrected ---------------------------------------------------------------------

/** The tanh network's weights: w1[i][j] from input i (0 is the bias input x₀ = 1) to hidden unit j; w2[j] likewise. */
const TANH_NET = {
  x: [1, 0.5, -1],
  w1: [
    [0.1, -0.2],
    [0.8, 0.3],
    [-0.5, 0.9],
  ],
  w2: [0.05, 1.1, -0.7],
  y: 0.5,
};

/** Forward pass of the tanh network (plain numbers), returning a, z (with z₀ = 1 first) and ŷ. */
function tanhForward(w1: number[][], w2: number[]): { a: number[]; z: number[]; yHat: number; loss: number } {
  const { x, y } = TANH_NET;
  const a = [0, 1].map((j) => x.reduce((s, xi, i) => s + w1[i][j] * xi, 0));
  const z = [1, ...a.map((aj) => tanh(tensor(aj)).item())];
  const yHat = z.reduce((s, zj, j) => s + w2[j] * zj, 0);
  return { a, z, yHat, loss: 0.5 * (y - yHat) ** 2 };
}

/** The tanh network's loss built from engine tensors, for autograd. */
function tanhLoss(w1: Tensor, w2: Tensor): Tensor {
  const x = tensor([TANH_NET.x]);
  const a = x.matmul(w1); // [1, 2]
  const z = tensor([[1, 0, 0]]).add(tanh(a).matmul(tensor([[0, 1, 0], [0, 0, 1]]))); // [1, 3]: z₀ = 1, then tanh(a)
  return z.matmul(w2.reshape([3, 1])).sub(TANH_NET.y).pow(2).mul(0.5).sum();
}

/** Gradients of the tanh network by autograd: ∂L/∂w1 (3 × 2), ∂L/∂w2 (3) and the hidden δⱼ = ∂L/∂aⱼ. */
function tanhAutograd(w1: number[][], w2: number[]): { w1: number[][]; w2: number[]; deltaHidden: number[]; deltaOut: number } {
  const W1 = tensor(w1, { requiresGrad: true });
  const W2 = tensor(w2, { requiresGrad: true });
  tanhLoss(W1, W2).backward();
  const g1 = Array.from(W1.grad!.data);
  // δⱼ = ∂L/∂aⱼ, with a as a leaf of the rest of the graph.
  const { a } = tanhForward(w1, w2);
  const A = tensor(a, { requiresGrad: true });
  const zs = tanh(A);
  const yHat = zs.mul(tensor(w2.slice(1))).sum().add(w2[0]);
  yHat.sub(TANH_NET.y).pow(2).mul(0.5).backward();
  const out = tensor(tanhForward(w1, w2).yHat, { requiresGrad: true });
  out.sub(TANH_NET.y).pow(2).mul(0.5).backward();
  return { w1: [0, 1, 2].map((i) => [g1[2 * i], g1[2 * i + 1]]), w2: Array.from(W2.grad!.data), deltaHidden: Array.from(A.grad!.data), deltaOut: out.grad!.item() };
}

/** The network's gradients by the lesson's formulas, or (notes: true) by the formulas as the notes print them. */
function tanhBackward(w1: number[][], w2: number[], notes = false): { delta: number; deltas: number[]; w1: number[][]; w2: number[] } {
  const { x, y } = TANH_NET;
  const { z, yHat } = tanhForward(w1, w2);
  const delta = notes ? y - yHat : yHat - y;
  const deltas = [1, 2].map((j) => (notes ? (1 - z[j]) ** 2 : tanhDerivative(0, z[j])) * w2[j] * delta);
  return { delta, deltas, w1: x.map((xi) => deltas.map((d) => d * xi)), w2: z.map((zj) => delta * zj) };
}

/** The tanh network of seed 004 with the corrected δ's, the notes' δ's beside them, and one gradient step with each. */
export const tanhNetwork = (() => {
  const { w1, w2, x, y } = TANH_NET;
  const forward = tanhForward(w1, w2);
  const right = tanhBackward(w1, w2);
  const notes = tanhBackward(w1, w2, true);
  const engine = tanhAutograd(w1, w2);
  const gap = Math.max(
    largestGap(right.deltas, engine.deltaHidden),
    largestGap(right.w1.flat(), engine.w1.flat()),
    largestGap(right.w2, engine.w2),
    Math.abs(right.delta - engine.deltaOut),
  );
  claim(gap < AGREEMENT, 'the corrected δ’s and weight gradients equal autograd');
  claim(largestGap(notes.deltas, engine.deltaHidden) > 0.1, 'the notes’ δ’s differ from autograd');
  // One gradient-descent step of size η with each set of gradients.
  const lr = 0.1;
  const step = (g: { w1: number[][]; w2: number[] }) =>
    tanhForward(
      w1.map((row, i) => row.map((w, j) => w - lr * g.w1[i][j])),
      w2.map((w, j) => w - lr * g.w2[j]),
    ).loss;
  const after = { right: step(right), notes: step(notes) };
  claim(after.right < forward.loss && after.notes > forward.loss, 'a step with the corrected gradients lowers the loss and one with the notes’ raises it');
  // The sign alone: the notes' output δ with the right tanh′.
  const signOnly = tanhBackward(w1, w2);
  const afterSignOnly = step({ w1: signOnly.w1.map((r) => r.map((g) => -g)), w2: signOnly.w2.map((g) => -g) });
  claim(afterSignOnly > forward.loss, 'the flipped sign alone climbs the loss');

  return {
    x: `(${show(x[1])}, ${show(x[2])})`,
    y: show(y),
    w1: w1.map((row) => row.map((v) => show(v))),
    w2: w2.map((v) => show(v)),
    unitWeights: [0, 1].map((j) => `(${w1.map((row) => show(row[j])).join(', ')})`),
    outputWeights: `(${w2.map((v) => show(v)).join(', ')})`,
    outputGradient: `(${right.w2.map((v) => show(v, 4)).join(', ')})`,
    a: forward.a.map((v) => show(v, 4)),
    z: forward.z.slice(1).map((v) => show(v, 4)),
    yHat: show(forward.yHat, 4),
    loss: show(forward.loss, 4),
    delta: show(right.delta, 4),
    notesDelta: show(notes.delta, 4),
    deltas: right.deltas.map((v) => show(v, 4)),
    autogradDeltas: engine.deltaHidden.map((v) => show(v, 4)),
    notesDeltas: notes.deltas.map((v) => show(v, 4)),
    gradW1: right.w1.map((row) => row.map((v) => show(v, 4))),
    gradW2: right.w2.map((v) => show(v, 4)),
    agreement: agreement(gap),
    lr: show(lr),
    lossAfter: show(after.right, 4),
    lossAfterNotes: show(after.notes, 4),
    lossAfterSignOnly: show(afterSignOnly, 4),
  };
})();

// --- The vectorised backward pass and its shapes ------------------------------------------------------------

/**
 * A batch X (N × D) through Z₁ = X W₁ᵀ + b₁, H = σ(Z₁), Z₂ = H W₂ᵀ + b₂ and the mean cross-entropy: the lesson's
 * matrix formulas (Z̄₂ = (softmax(Z₂) − Y)/N, W̄₂ = Z̄₂ᵀ H, H̄ = Z̄₂ W₂, Z̄₁ = H̄ ⊙ σ′(Z₁), W̄₁ = Z̄₁ᵀ X, b̄ = column
 * sums) against autograd, and the figure of their shapes.
 */
export const vectorised = (() => {
  const [N, D, H, C] = [4, 3, 5, 2];
  const rng = new Random(5);
  const matrix = (rows: number, cols: number, scale = 1) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal(0, scale)));
  const X = tensor(matrix(N, D));
  const targets = [0, 1, 1, 0];
  const W1 = tensor(matrix(H, D, 0.7), { requiresGrad: true });
  const b1 = tensor(matrix(1, H, 0.1)[0], { requiresGrad: true });
  const W2 = tensor(matrix(C, H, 0.7), { requiresGrad: true });
  const b2 = tensor(matrix(1, C, 0.1)[0], { requiresGrad: true });
  crossEntropy(linear(sigmoid(linear(X, W1, b1)), W2, b2), targets).backward();
  const hand = noGrad(() => {
    const Z1 = linear(X, W1, b1);
    const Hs = sigmoid(Z1);
    const Z2 = linear(Hs, W2, b2);
    const Y = tensor(targets.map((t) => Array.from({ length: C }, (_, k) => (k === t ? 1 : 0))));
    const Z2Bar = softmax(Z2).sub(Y).div(N);
    const HBar = Z2Bar.matmul(W2);
    const sigmoidSlope = tensor(Array.from(Hs.data).map((s, i) => sigmoidDerivative(Z1.data[i], s))).reshape([N, H]);
    const Z1Bar = HBar.mul(sigmoidSlope);
    return { W2: Z2Bar.transpose().matmul(Hs), b2: Z2Bar.sum(0), W1: Z1Bar.transpose().matmul(X), b1: Z1Bar.sum(0) };
  });
  const pairs: [Tensor, Tensor][] = [
    [hand.W1, W1],
    [hand.b1, b1],
    [hand.W2, W2],
    [hand.b2, b2],
  ];
  for (const [mine, param] of pairs) claim(mine.shape.join() === param.shape.join(), 'every gradient has the shape of its parameter');
  const gap = Math.max(...pairs.map(([mine, param]) => largestGap(mine.data, param.grad!.data)));
  claim(gap < AGREEMENT, 'the matrix formulas equal autograd');

  // The figure: one row per product, each matrix a rectangle whose sides are proportional to its shape.
  const unit = 20;
  const boxes: DiagramBox[] = [];
  const texts: { x: number; y: number; text: string; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; color?: 'text' | 'text-muted' | 'accent' }[] = [];
  const row = (top: number, title: string, terms: { name: string; rows: number; cols: number; sizes: string; highlight?: boolean }[], ops: string[]) => {
    let left = 20;
    texts.push({ x: 20, y: top, text: title, anchor: 'start', bold: true });
    const middle = top + 24 + (Math.max(...terms.map((t) => t.rows)) * unit) / 2;
    terms.forEach((term, i) => {
      const width = term.cols * unit;
      const height = term.rows * unit;
      boxes.push({ x: left + width / 2, y: middle, width, height, lines: [], corner: 2, highlight: term.highlight, color: term.highlight ? 'accent' : 'text-muted' });
      // A one-row matrix is too thin to hold its name, which then sits above it.
      texts.push({ x: left + width / 2, y: term.rows > 1 ? middle : middle - height / 2 - 10, text: term.name, bold: true });
      texts.push({ x: left + width / 2, y: middle + height / 2 + 12, text: term.sizes, color: 'text-muted' });
      left += width;
      if (i < ops.length) {
        const gap = 20 + 7 * ops[i].length;
        texts.push({ x: left + gap / 2, y: middle, text: ops[i], bold: true });
        left += gap;
      }
    });
  };
  row(18, 'W̄₁ = Z̄₁ᵀ X: the weight gradient', [
    { name: 'W̄₁', rows: H, cols: D, sizes: `H × D`, highlight: true },
    { name: 'Z̄₁ᵀ', rows: H, cols: N, sizes: `H × N` },
    { name: 'X', rows: N, cols: D, sizes: `N × D` },
  ], ['=', '·']);
  row(196, 'X̄ = Z̄₁ W₁: the input gradient', [
    { name: 'X̄', rows: N, cols: D, sizes: `N × D`, highlight: true },
    { name: 'Z̄₁', rows: N, cols: H, sizes: `N × H` },
    { name: 'W₁', rows: H, cols: D, sizes: `H × D` },
  ], ['=', '·']);
  row(370, 'b̄₁ = the column sums of Z̄₁', [
    { name: 'b̄₁', rows: 1, cols: H, sizes: 'H', highlight: true },
    { name: 'Z̄₁', rows: N, cols: H, sizes: 'N × H' },
  ], ['= sum of the rows of']);
  const figure = diagram({
    id: 'backward-shapes',
    title: 'The shapes of a linear layer’s backward pass for a batch, each matrix drawn to scale',
    description:
      `With N = ${N} examples, D = ${D} inputs and H = ${H} units: W̄₁ (H × D) is Z̄₁ transposed (H × N) times X (N × D); ` +
      `X̄ (N × D) is Z̄₁ (N × H) times W₁ (H × D); b̄₁ (H) sums Z̄₁ (N × H) over the batch. Each gradient has the shape of ` +
      `what it differentiates, and the transposes are the ones that make the inner sizes meet.`,
    width: 400,
    height: 500,
    boxes,
    texts,
  });

  return {
    sizes: { N: String(N), D: String(D), H: String(H), C: String(C) },
    agreement: agreement(gap),
    figure,
  };
})();

// --- What a backward pass costs -----------------------------------------------------------------------------

/**
 * The multiply-adds of a forward and a backward pass of an MLP on a batch, counted, and both passes timed with the
 * engine. Forward: N·in·out per layer. Backward: the same again for each weight gradient, and again for each
 * layer's input gradient, except the first layer's (nothing upstream wants ∂L/∂X).
 */
export const cost = (() => {
  const sizes = [784, 256, 10];
  const N = 64;
  const layers = sizes.slice(1).map((out, l) => ({ in: sizes[l], out }));
  const forwardCount = layers.reduce((s, l) => s + N * l.in * l.out, 0);
  const backwardCount = layers.reduce((s, l, i) => s + N * l.in * l.out * (i === 0 ? 1 : 2), 0);
  claim(backwardCount <= 2 * forwardCount && backwardCount >= forwardCount, 'the backward count is between one and two forwards');

  const rng = new Random(11);
  const randomMatrix = (rows: number, cols: number, scale: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal(0, scale)));
  const X = tensor(randomMatrix(N, sizes[0], 1));
  const targets = Array.from({ length: N }, (_, i) => i % sizes[2]);
  const params = layers.map((l) => ({ W: tensor(randomMatrix(l.out, l.in, 1 / Math.sqrt(l.in)), { requiresGrad: true }), b: tensor(new Array(l.out).fill(0), { requiresGrad: true }) }));
  const run = () => crossEntropy(linear(tanh(linear(X, params[0].W, params[0].b)), params[1].W, params[1].b), targets);
  // The fastest of several runs: other work on the machine only ever adds time.
  const time = (work: () => void) => {
    for (let i = 0; i < 3; i++) work();
    let fastest = Infinity;
    for (let i = 0; i < 25; i++) {
      const start = performance.now();
      work();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  const forwardTime = time(() => void run());
  const bothTime = time(() => {
    for (const p of params) p.W.grad = p.b.grad = null;
    run().backward();
  });
  const ratio = bothTime / forwardTime;
  claim(ratio > 1 && ratio < 6, `forward + backward takes ${ratio} forwards`);
  const parameterCount = layers.reduce((s, l) => s + l.out * (l.in + 1), 0);
  return {
    sizes: sizes.join('-'),
    batch: String(N),
    parameters: parameterCount.toLocaleString('en'),
    differencePasses: (2 * parameterCount).toLocaleString('en'),
    forwardCount: forwardCount.toLocaleString('en'),
    backwardCount: backwardCount.toLocaleString('en'),
    countRatio: show(backwardCount / forwardCount, 2),
    forwardTime: show(forwardTime, 2),
    bothTime: show(bothTime, 2),
    ratio: show(ratio, 1),
  };
})();

// --- Gradient checking: the error of finite differences against the step ------------------------------------

/**
 * ∂L/∂w₁₁ of the tanh network by autograd, against central and forward differences with steps h = 10⁻¹ … 10⁻¹³.
 * Large h: truncation error, O(h²) for central and O(h) for forward differences. Small h: round-off, about ε/h.
 */
export const gradientCheck = (() => {
  const { w1, w2 } = TANH_NET;
  const exact = tanhAutograd(w1, w2).w1[1][0];
  const lossAt = (w: number) => tanhForward(w1.map((row, i) => row.map((v, j) => (i === 1 && j === 0 ? w : v))), w2).loss;
  const w = w1[1][0];
  const exponents = Array.from({ length: 49 }, (_, k) => -1 - k / 4); // log₁₀ h from −1 to −13
  const floor = 1e-17; // an exact hit (error 0) is drawn at the floor of the chart
  const points = exponents.map((e) => {
    const h = 10 ** e;
    const central = (lossAt(w + h) - lossAt(w - h)) / (2 * h);
    const forward = (lossAt(w + h) - lossAt(w)) / h;
    return { e, central: Math.abs(central - exact), forward: Math.abs(forward - exact) };
  });
  const log = (v: number) => Math.log10(Math.max(v, floor));
  const best = points.reduce((a, b) => (b.central < a.central ? b : a));
  const bestForward = points.reduce((a, b) => (b.forward < a.forward ? b : a));
  const slope = (key: 'central' | 'forward') => {
    const [p, q] = [points.find((p) => p.e === -2)!, points.find((p) => p.e === -3)!];
    return (log(p[key]) - log(q[key])) / (p.e - q.e);
  };
  const centralSlope = slope('central');
  const forwardSlope = slope('forward');
  claim(Math.abs(centralSlope - 2) < 0.15 && Math.abs(forwardSlope - 1) < 0.15, `truncation slopes ${centralSlope}, ${forwardSlope}`);
  claim(best.e <= -4 && best.e >= -7, `the best central step is 10^${best.e}`);
  claim(bestForward.e < -6 && bestForward.e > -10, `the best forward step is 10^${bestForward.e}`);
  const tiny = points.find((p) => p.e === -12)!;
  claim(tiny.central > 100 * best.central, 'round-off dominates at h = 1e-12');
  const at = (e: number) => points.find((p) => p.e === e)!;

  // What the error says: the notes' gradient for the same weight, against the central difference at h = 10⁻⁶.
  const h = 1e-6;
  const numeric = (lossAt(w + h) - lossAt(w - h)) / (2 * h);
  const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  const notesGradient = tanhBackward(w1, w2, true).w1[1][0];
  const goodRelative = relative(exact, numeric);
  const badRelative = relative(notesGradient, numeric);
  claim(goodRelative < 1e-8 && badRelative > 0.1, 'the right gradient passes and the notes’ fails');

  const chart = lineChart({
    id: 'gradcheck-error',
    title: 'Error of finite-difference gradients against the step h, on log scales',
    description:
      `For one weight of the tanh network, the distance between autograd's gradient and a finite difference, for steps ` +
      `from 10⁻¹ down to 10⁻¹³. Right to left the error first falls, with slope 2 for central differences and slope 1 for ` +
      `forward differences (truncation), reaches a minimum near h = 10^${show(best.e, 2)} (central) and 10^${show(bestForward.e, 2)} ` +
      `(forward), then rises again as h shrinks further (round-off).`,
    series: [
      { label: 'central difference', points: points.map((p) => [p.e, log(p.central)] as const), color: 'accent' },
      { label: 'forward difference', points: points.map((p) => [p.e, log(p.forward)] as const), color: 'bad', dashed: true },
    ],
    x: { label: 'log₁₀ h (the step)', domain: [-13, -1], ticks: [-13, -11, -9, -7, -5, -3, -1] },
    y: { label: 'log₁₀ |error|', domain: [-17, 3], ticks: [-16, -12, -8, -4, 0] },
  });

  return {
    weight: 'w₁₁⁽¹⁾',
    exact: show(exact, 6),
    centralSlope: show(centralSlope, 2),
    forwardSlope: show(forwardSlope, 2),
    bestStep: showGap(10 ** best.e),
    bestForwardStep: showGap(10 ** bestForward.e),
    bestExponent: show(best.e, 2),
    bestError: showGap(best.central),
    bestForwardExponent: show(bestForward.e, 2),
    bestForwardError: showGap(bestForward.forward),
    errorAtTenth: showGap(at(-1).central),
    errorAtHundredth: showGap(at(-2).central),
    errorAtTiny: showGap(tiny.central),
    numeric: show(numeric, 6),
    goodRelative: showGap(goodRelative),
    notesGradient: show(notesGradient, 6),
    badRelative: show(badRelative, 2),
    chart,
  };
})();
