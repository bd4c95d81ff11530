import { MLP } from '../../engine/index.ts';
import { defineExercise, type Numbers } from '../define-exercise.ts';

// The network of the prompt; every answer below is computed from these sizes, never typed.
const SIZES = [784, 128, 64, 10];

/** The parameters of each fully connected layer of SIZES, counted by the engine's MLP. */
function engineCounts(): { layer1: number; total: number } {
  const network = new MLP(SIZES);
  const count = (tensors: { size: number }[]) => tensors.reduce((total, t) => total + t.size, 0);
  return { layer1: count(network.linearLayers()[0].parameters()), total: count(network.parameters()) };
}

/** A count over the layers (from, to) of SIZES by a per-layer formula, as a student's slip would compute it. */
function perLayer(formula: (inputs: number, outputs: number) => number): { layer1: number; total: number } {
  const layers = SIZES.slice(1).map((outputs, k) => formula(SIZES[k], outputs));
  return { layer1: layers[0], total: layers.reduce((a, b) => a + b, 0) };
}

/** Counting the weights and biases of a fully connected network from its layer sizes. */
export default defineExercise({
  kind: 'numeric',
  id: 'count-parameters',
  title: 'Counting parameters',
  prompt: `A fully connected network for MNIST has layer sizes ${SIZES.join('-')}: ${SIZES[0]} inputs, hidden layers of
${SIZES.slice(1, -1).join(' and ')} units, and ${SIZES.at(-1)} outputs. Every layer has weights and biases. Give
\`layer1\`, the number of parameters of its first layer, and \`total\`, the number of the whole network. Type
whole numbers without separators (\`12345\`, not \`12,345\`).`,
  parts: [{ name: 'layer1' }, { name: 'total' }],
  answer: (): Record<string, Numbers> => engineCounts(),
  rtol: 1e-9,
  detectors: [],
  hints: [
    'Count one layer at a time. A layer from $n_{\\text{in}}$ units to $n_{\\text{out}}$ units has a weight matrix of shape $n_{\\text{out}} \\times n_{\\text{in}}$.',
    'Each of the $n_{\\text{out}}$ units also has one bias, so a layer has $n_{\\text{out}}(n_{\\text{in}} + 1)$ parameters.',
    `The network has ${SIZES.length - 1} layers of weights (between consecutive sizes); the input layer is the data and has no parameters. Add up the layers.`,
  ],
  explanation: `A layer from $n_{\\text{in}}$ to $n_{\\text{out}}$ units has $n_{\\text{out}} n_{\\text{in}}$ weights and
$n_{\\text{out}}$ biases, $n_{\\text{out}}(n_{\\text{in}} + 1)$ in all, so the network has
$\\sum_\\ell n_\\ell (n_{\\ell-1} + 1)$ parameters. Here that is
${SIZES.slice(1).map((n, k) => `${n} \\times ${SIZES[k] + 1}`).join(' + ')}. The first layer, which reads the
${SIZES[0]} pixels, holds almost all of them: that is typical of a fully connected network on a large input.`,
  misconceptions: [
    {
      id: 'weights-only',
      answer: () => perLayer((inputs, outputs) => inputs * outputs),
      feedback: `You counted the weights only. Each unit also has a bias, one per output of the layer: a layer has $n_{\\text{out}}(n_{\\text{in}} + 1)$ parameters.`,
    },
    {
      id: 'bias-per-input',
      answer: () => perLayer((inputs, outputs) => inputs * (outputs + 1)),
      feedback: `You gave each *input* of a layer a bias. A bias belongs to a unit that computes something, one per output: $n_{\\text{out}}(n_{\\text{in}} + 1)$, not $n_{\\text{in}}(n_{\\text{out}} + 1)$.`,
    },
    {
      id: 'input-layer-biases',
      answer: () => ({ total: engineCounts().total + SIZES[0] }),
      feedback: `You gave the input layer biases too. The input layer is the data itself: it computes nothing, so it has no weights and no biases.`,
    },
    {
      id: 'counted-units',
      answer: () => ({ total: SIZES.reduce((a, b) => a + b, 0) }),
      feedback: `You counted the units. The parameters are the connections (one weight for each pair of units in consecutive layers) and one bias per non-input unit.`,
    },
  ],
});
