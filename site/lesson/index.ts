// The lesson authors' vocabulary: every component a lesson may use, imported from this one barrel.
//   import { Aside } from '../site/lesson/index.ts';

/** A boxed note, tip, warning or common mistake. */
export { default as Aside } from './aside/Aside.astro';

/** A runnable notebook cell: code highlighted at build time that becomes an editor running in the page's kernel. */
export { default as Cell } from './cell/Cell.astro';

/** Rosenblatt's rule, live: step or run the perceptron's updates on AND, OR, XOR, blobs or the reader's own points. */
export { default as PerceptronLab } from './perceptron-lab/PerceptronLab.astro';

/** A graded Playground challenge: the goal in words and a link opening the Playground with its settings and goal, met and saved like an exercise: `<Challenge id="xor-linear" title="…" preset={{ data: 'xor', layers: [] }} goal={{ testAccuracy: { atLeast: 0.95 } }}>`. */
export { default as Challenge } from './challenge/Challenge.astro';

/** A neural-network playground: data, architecture, loss, optimizer and regularisation, trained live with a heat map and loss curves. */
export { default as Playground } from './playground/Playground.astro';

/** Any activation of lesson 2: f and f′, with f′ by autograd drawn over central differences of f, checked against the formula, and the vanishing-gradient stretches shaded. */
export { default as ActivationExplorer } from './activation-explorer/ActivationExplorer.astro';

/** An auto-graded exercise by id: prompt, editor or inputs, Check with targeted feedback, hints, solution and saved progress. */
export { default as Exercise } from './exercise/Exercise.astro';

/** One hidden layer of 1–64 units fitting a 1-D target, trained in a worker, with each unit's contribution drawn. */
export { default as UniversalApproximator } from './universal-approximator/UniversalApproximator.astro';

/** A computation graph computed by the engine, stepped forward and backward with each node's chain-rule line and numbers: `<BackpropStepper preset="neuron" />`. */
export { default as BackpropStepper } from './backprop-stepper/BackpropStepper.astro';

/** An optimizer race: the engine's optimizers side by side on a loss surface, with contours, losses and each step's update written out: `<OptimizerRace preset="race" />`. */
export { default as OptimizerRace } from './optimizer-race/OptimizerRace.astro';

/** An MLP learning a picture from each pixel's (x, y), with a toggle for the positional encoding and both side by side, trained live: `<PositionToColour encoding={true} />`. */
export { default as PositionToColour } from './position-to-colour/PositionToColour.astro';

/** The MNIST lab: the lectures' 784-256-10 network trained on the MNIST subset in a worker, with accuracies, a confusion matrix, its mistakes and a canvas to draw a digit on: `<MnistLab />`. */
export { default as MnistLab } from './mnist-lab/MnistLab.astro';

/** Gradient flow: a deep MLP trained live, one bar per layer for its gradient norm (log scale), dead and saturated units, and a diagnosis in words: `<GradientFlow preset="vanishing-sigmoid" />`. */
export { default as GradientFlow } from './gradient-flow/GradientFlow.astro';

/** A small network overfitting a small noisy data set, with L2, dropout and early stopping as controls, the losses, the boundary and the dropout mask: `<RegularizationLab preset="overfit" />`. */
export { default as RegularizationLab } from './regularization-lab/RegularizationLab.astro';

/** A glossary term where a lesson defines or uses it, in italics and linked to /notation/: `<Term id="epoch">epoch</Term>`; an undeclared id fails the build. */
export { default as Term } from './term/Term.astro';

/** A symbol linked to its entry on /notation/: `<Sym id="eta">$\eta > 0$</Sym>`, or `<Sym id="eta" />` for its declared TeX; an undeclared id fails the build. */
export { default as Sym } from './sym/Sym.astro';
