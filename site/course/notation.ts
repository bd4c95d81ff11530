// The course's notation and glossary, declared once. Lessons reference an entry with `<Sym id="eta">$\eta$</Sym>` or
// `<Term id="epoch">epoch</Term>`; a reference to an id declared nowhere here fails the build (the components' props
// schemas, site/lesson/sym and site/lesson/term). /notation/ lists every entry with the section that introduces it,
// found when the site is built as the first reference in course order (site/course/notation-uses.ts), so the page
// cannot point at a section that no longer teaches it. A test fails on a declared entry no lesson references.
//
// Text fields may hold inline math between single dollars (`$\mathbb{R}^{m \times d}$`), typeset by KaTeX when the
// page is built. Where the lecture notes or PyTorch name a thing differently from the lessons, `notes` and `pytorch`
// say how.

/** One symbol: how the lessons write it, what it means, its shape where it has one, and its other names. */
export interface NotationSymbol {
  /** Its id: the anchor on /notation/ and what a lesson's `<Sym id>` names. Kebab-case. */
  id: string;
  /** The symbol as the lessons typeset it, in TeX. */
  tex: string;
  /** What it stands for, in one line. */
  meaning: string;
  /** Its shape, where it is a vector or matrix (inline math allowed). */
  shape?: string;
  /** How PyTorch names it, where it names it at all. */
  pytorch?: string;
  /** How the lecture notes write it, where that differs. */
  notes?: string;
}

/** One glossary term and its one-line definition. */
export interface GlossaryTerm {
  /** Its id: the anchor on /notation/ (after `term-`) and what a lesson's `<Term id>` names. Kebab-case. */
  id: string;
  /** The term as written in the glossary. */
  term: string;
  /** One line: what it means. */
  definition: string;
  /** Other names for the same thing. */
  aka?: string;
  /** How PyTorch names it, where that differs. */
  pytorch?: string;
  /** How the lecture notes name it, where that differs. */
  notes?: string;
}

/** Every symbol the course uses, roughly in the order the course introduces them. */
export const SYMBOLS: readonly NotationSymbol[] = [
  { id: 'x', tex: '\\mathbf{x}', meaning: 'an input: one example, its $d$ features $x_1, \\dots, x_d$', shape: '$d$; a batch of $B$ examples is a $B \\times d$ matrix, one row each', pytorch: 'the input tensor, one row per example' },
  { id: 'd', tex: 'd', meaning: 'the number of inputs (features) of a network or a neuron' },
  { id: 'w', tex: '\\mathbf{w}', meaning: "one neuron's weights, $w_i$ on input $x_i$", shape: '$d$' },
  { id: 'b', tex: 'b', meaning: "a neuron's bias, added to its weighted sum; $\\mathbf{b}^{(\\ell)}$ holds a layer's biases", shape: 'a number; $n_\\ell$ for a layer', pytorch: '`nn.Linear(...).bias`' },
  { id: 'z', tex: 'z', meaning: "a unit's pre-activation, its weighted sum $\\mathbf{w} \\cdot \\mathbf{x} + b$; $\\mathbf{z}^{(\\ell)} = W^{(\\ell)} \\mathbf{h}^{(\\ell-1)} + \\mathbf{b}^{(\\ell)}$ for a layer", shape: '$n_\\ell$ per example', notes: 'one set of notes calls the weighted sum $a_j$ and the activation $z_j$, the other way round (lesson 5 follows them in that section)' },
  { id: 'f', tex: 'f', meaning: 'an activation function, applied to each entry of a pre-activation; $g$ is the output layer\'s', pytorch: '`nn.ReLU()`, `torch.tanh`, …' },
  { id: 'eta', tex: '\\eta', meaning: 'the learning rate: the size of a gradient step, $\\mathbf{w} \\leftarrow \\mathbf{w} - \\eta\\, \\nabla L$', pytorch: '`lr`', notes: 'the notes write $\\lambda$ for it in SGD and $\\eta$ elsewhere' },
  { id: 'y-hat', tex: '\\hat y', meaning: "the model's prediction for an example, to compare with its target $y$", shape: '$K$ for $K$ outputs' },
  { id: 'loss', tex: 'L', meaning: 'the loss: how wrong the model is on an example or a batch, the number training makes smaller (where $L$ counts layers instead, the text says so)', pytorch: 'the value of a loss such as `nn.MSELoss()(y_hat, y)`' },
  { id: 'k-classes', tex: 'K', meaning: 'the number of classes, and of outputs of a classifier' },
  { id: 'sigma', tex: '\\sigma', meaning: 'the logistic sigmoid, $\\sigma(z) = 1 / (1 + e^{-z})$; elsewhere a spread, a standard deviation ($\\sigma_1$) or an RBF unit\'s width (in $e^{-r^2/\\sigma^2}$: its Gaussian\'s standard deviation is $\\sigma/\\sqrt2$), which the text then says', pytorch: '`torch.sigmoid`' },
  { id: 'W', tex: 'W^{(\\ell)}', meaning: "layer $\\ell$'s weights: row $j$ holds unit $j$'s weights, $W^{(\\ell)}_{ji}$ is the weight into unit $j$ from input $i$", shape: '$n_\\ell \\times n_{\\ell-1}$ (outputs × inputs)', pytorch: '`nn.Linear(n_in, n_out).weight`, of shape `(n_out, n_in)`: the same layout' },
  { id: 'h', tex: '\\mathbf{h}^{(\\ell)}', meaning: "layer $\\ell$'s activations, $\\mathbf{h}^{(\\ell)} = f(\\mathbf{z}^{(\\ell)})$, with $\\mathbf{h}^{(0)} = \\mathbf{x}$", shape: '$n_\\ell$ per example; $B \\times n_\\ell$ for a batch' },
  { id: 'bar', tex: '\\bar v', meaning: 'the error signal (adjoint) of a quantity $v$: $\\bar v = \\partial L / \\partial v$, how fast the loss changes with $v$', shape: 'the shape of $v$', pytorch: '`v.grad` (kept for leaf tensors, the parameters)', notes: 'the notes write $\\partial E / \\partial v$, or $\\delta$ for a weighted input' },
  { id: 'delta', tex: '\\delta_j', meaning: "the error signal of unit $j$'s weighted input, $\\delta_j = \\partial L / \\partial a_j$: in this course's bars, $\\bar a_j$ (or $\\bar z_j$)", notes: 'the notes use $\\delta$; the lessons write a bar' },
  { id: 'theta', tex: '\\theta', meaning: "all of a model's parameters (every weight and bias) as one vector", pytorch: '`model.parameters()`' },
  { id: 'g', tex: '\\mathbf{g}', meaning: 'a gradient as an optimizer sees it: $\\nabla L$, or its estimate $\\mathbf{g}_{\\mathcal B}$ from a mini-batch; $g_i$ is its entry for parameter $i$', shape: 'the shape of the parameters', pytorch: '`p.grad` for each parameter `p`' },
  { id: 'mu', tex: '\\mu', meaning: 'the momentum coefficient: how much of the previous step the next one keeps, typically 0.9', pytorch: '`momentum`', notes: 'the notes write $\\alpha$ and put $\\eta$ inside the velocity' },
  { id: 'epsilon', tex: '\\epsilon', meaning: 'a small constant that keeps a denominator away from zero, added outside the square root in AdaGrad, RMSProp and Adam', pytorch: '`eps`' },
  { id: 'alpha', tex: '\\alpha', meaning: "RMSProp's smoothing constant: the weight of the old average of $g^2$ in the new one", pytorch: '`alpha` (0.99 by default)', notes: 'the notes write $\\gamma$' },
  { id: 'betas', tex: '\\beta_1, \\beta_2', meaning: "Adam's decay rates for its running means of $g$ and $g^2$ (0.9 and 0.999 by default)", pytorch: '`betas=(0.9, 0.999)`' },
  { id: 'lambda', tex: '\\lambda', meaning: 'the strength of L2 regularisation: the objective is $J = L + \\tfrac{\\lambda}{2} \\lVert \\theta \\rVert^2$', pytorch: '`weight_decay`, which adds $\\lambda \\theta$ to the gradient', notes: 'the notes use $\\lambda$ for the learning rate of SGD too' },
  { id: 'p-drop', tex: 'p', meaning: 'the dropout rate: the probability that a unit is switched off on a training step', pytorch: '`nn.Dropout(p)`, the same $p$', notes: 'the notes\' $p$ is the probability of keeping a unit, this course\'s $1 - p$' },
];

/** Every term the course defines, with a one-line definition. */
export const TERMS: readonly GlossaryTerm[] = [
  { id: 'weight', term: 'weight', definition: 'a number a neuron multiplies one of its inputs by; learning adjusts the weights', pytorch: '`weight` of a layer' },
  { id: 'bias', term: 'bias', definition: "a number a neuron adds to its weighted sum, shifting where it fires; a weight on a constant input 1", pytorch: '`bias` of a layer' },
  { id: 'pre-activation', term: 'pre-activation', definition: 'a unit\'s weighted sum of its inputs plus its bias, before the activation function', aka: 'weighted input, logit (at the output)' },
  { id: 'activation', term: 'activation', definition: "the function a unit applies to its pre-activation, and the unit's output value" },
  { id: 'decision-boundary', term: 'decision boundary', definition: 'where a classifier\'s prediction changes class; for one neuron, the hyperplane $\\mathbf{w} \\cdot \\mathbf{x} + b = 0$' },
  { id: 'learning-rate', term: 'learning rate', definition: 'the multiplier $\\eta$ of the gradient in a training step: too small and training crawls, too large and it diverges', pytorch: '`lr`' },
  { id: 'epoch', term: 'epoch', definition: 'one pass of training over every example of the training set' },
  { id: 'linearly-separable', term: 'linearly separable', definition: 'data whose classes one hyperplane can separate; the perceptron is guaranteed to learn exactly these' },
  { id: 'loss', term: 'loss', definition: 'a number measuring how wrong a model is on some data; training moves the parameters to make it smaller', aka: 'cost, error, objective', notes: 'the notes call it the error $E$' },
  { id: 'binary-cross-entropy', term: 'binary cross-entropy', definition: 'the loss $-\\big(y \\log \\hat y + (1 - y) \\log(1 - \\hat y)\\big)$ of a predicted probability $\\hat y$ for a 0/1 target: minus the log-likelihood', aka: 'logistic loss', pytorch: '`nn.BCELoss`, or `nn.BCEWithLogitsLoss` on the logit' },
  { id: 'sgd', term: 'stochastic gradient descent', definition: 'gradient descent that steps on the gradient of one example or a small random batch instead of the whole data set', aka: 'SGD', pytorch: '`torch.optim.SGD`' },
  { id: 'mini-batch', term: 'mini-batch', definition: 'a small random subset of the training examples whose average gradient makes one step' },
  { id: 'softmax', term: 'softmax', definition: 'the function turning $K$ scores into $K$ probabilities: $e^{z_k} / \\sum_j e^{z_j}$', pytorch: '`torch.softmax`' },
  { id: 'one-hot', term: 'one-hot', definition: 'a class $c$ of $K$ written as $K$ numbers, 1 at place $c$ and 0 elsewhere' },
  { id: 'cross-entropy', term: 'cross-entropy', definition: 'the loss $-\\log \\hat y_c$ of the probability a softmax gives the true class $c$', pytorch: '`nn.CrossEntropyLoss`, which takes the logits and applies the log-softmax itself' },
  { id: 'saturation', term: 'saturation', definition: 'a squashing unit (sigmoid, tanh) working on its flat tails, where its derivative is nearly 0 and little gradient passes' },
  { id: 'vanishing-gradient', term: 'vanishing gradient', definition: 'gradients that shrink layer by layer towards the input, so the early layers barely learn' },
  { id: 'exploding-gradient', term: 'exploding gradient', definition: 'gradients that grow layer by layer towards the input, so steps become huge and training diverges' },
  { id: 'dead-unit', term: 'dead unit', definition: 'a ReLU unit whose pre-activation is negative on every training input: its output and its gradient are 0 there, so gradient descent never moves it again', aka: 'dying ReLU' },
  { id: 'hidden-layer', term: 'hidden layer', definition: 'a layer between the input and the output, whose values the data never shows' },
  { id: 'fully-connected', term: 'fully connected', definition: 'a layer in which every unit reads every output of the layer before', aka: 'dense, affine', pytorch: '`nn.Linear`' },
  { id: 'batch', term: 'batch', definition: 'several examples processed together, one per row of a matrix, in one pass' },
  { id: 'universal-approximation', term: 'universal approximation', definition: 'the theorem that one hidden layer of enough units, with a non-polynomial activation, can approximate any continuous function on a closed, bounded region as closely as wanted' },
  { id: 'logit', term: 'logit', definition: "an output's pre-activation, before the sigmoid or softmax turns it into a probability", pytorch: 'what `BCEWithLogitsLoss` and `CrossEntropyLoss` take' },
  { id: 'negative-log-likelihood', term: 'negative log-likelihood', definition: 'minus the log of the probability a model gives the observed targets; cross-entropy is one, and squared error is one up to scale and a constant (for a Gaussian of fixed variance)', pytorch: '`nn.NLLLoss` takes log-probabilities' },
  { id: 'backpropagation', term: 'backpropagation', definition: 'computing every parameter\'s gradient in one backward pass that applies the chain rule from the loss down', aka: 'reverse-mode automatic differentiation', pytorch: '`loss.backward()`' },
  { id: 'computation-graph', term: 'computation graph', definition: 'the graph of a computation: one node per value, an edge from each input of an operation to its output' },
  { id: 'error-signal', term: 'error signal', definition: 'the derivative of the loss with respect to an intermediate value, $\\bar v = \\partial L / \\partial v$', aka: 'adjoint, gradient, delta', pytorch: '`.grad`' },
  { id: 'forward-pass', term: 'forward pass', definition: 'computing a network\'s output (and loss) from its input, layer by layer, keeping what the backward pass needs' },
  { id: 'backward-pass', term: 'backward pass', definition: 'computing the error signals from the loss back to the parameters, in reverse order of the forward pass' },
  { id: 'central-difference', term: 'central difference', definition: 'the estimate $\\big(f(x + h) - f(x - h)\\big) / 2h$ of a derivative, used to check gradients; its error shrinks as $h^2$' },
  { id: 'gradient-descent', term: 'gradient descent', definition: 'repeatedly moving the parameters a small step against the gradient of the loss' },
  { id: 'condition-number', term: 'condition number', definition: 'the ratio of the largest to the smallest curvature of a quadratic loss; gradient descent slows as it grows' },
  { id: 'momentum', term: 'momentum', definition: 'a running sum of past gradients that the step follows, smoothing zig-zags and speeding travel along ravines', pytorch: '`SGD(..., momentum=0.9)`' },
  { id: 'saddle-point', term: 'saddle point', definition: 'a point where the gradient is zero but the loss curves up along some directions and down along others' },
  { id: 'overfitting', term: 'overfitting', definition: 'fitting the training data, noise included, so closely that the error on new data grows' },
  { id: 'regularisation', term: 'regularisation', definition: 'anything that lowers the error on new data without lowering the training error: a penalty, dropout, early stopping, more data', aka: 'regularization' },
  { id: 'validation-set', term: 'validation set', definition: 'examples held out from training to measure error on unseen data and choose settings, kept apart from the final test set' },
  { id: 'weight-decay', term: 'weight decay', definition: 'shrinking every weight by a fixed fraction at each step; with plain SGD, the same as an L2 penalty', pytorch: '`weight_decay` (in `AdamW`, decoupled from the gradient)' },
  { id: 'dropout', term: 'dropout', definition: 'switching each hidden unit off at random with probability $p$ on every training step, scaling the survivors by $1/(1-p)$', pytorch: '`nn.Dropout(p)`' },
  { id: 'early-stopping', term: 'early stopping', definition: 'ending training when the validation loss stops improving, and keeping the best weights seen' },
  { id: 'initialisation', term: 'initialisation', definition: "how the weights are drawn before training; Xavier (Glorot) and He (Kaiming) set their variance from a layer's fan-in (and fan-out, for Xavier) so that signals keep their size through depth", pytorch: '`nn.init.xavier_uniform_`, `nn.init.kaiming_normal_`' },
];

/** The anchor of a symbol on /notation/. */
export function symbolAnchor(id: string): string {
  return `sym-${id}`;
}

/** The anchor of a term on /notation/. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}

/** The declared ids of one kind. */
export function declaredIds(kind: 'symbol' | 'term'): string[] {
  return (kind === 'symbol' ? SYMBOLS : TERMS).map((entry) => entry.id);
}

/** The declared id closest to `id` by edit distance, for a "did you mean" in a build error. */
export function closestId(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of ids) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
