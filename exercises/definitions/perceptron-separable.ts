import { defineExercise } from '../define-exercise.ts';

/** Which data sets a single perceptron can classify without error. */
export default defineExercise({
  kind: 'choice',
  id: 'perceptron-separable',
  title: 'What can one perceptron fit?',
  prompt: `Each data set has two binary inputs $x_1, x_2 \\in \\{0, 1\\}$ and a binary label (written 0 or 1 below; the perceptron's $-1$ stands for 0). On which can a single
perceptron, $\\hat y = \\operatorname{sgn}(\\mathbf w\\cdot\\mathbf x + b)$, reach zero training errors? Choose every one that applies.`,
  multiple: true,
  options: [
    {
      id: 'and',
      text: 'AND: the label is 1 only when both inputs are 1.',
      correct: true,
      explanation: 'AND is linearly separable: the line $x_1 + x_2 = 1.5$ puts (1, 1) alone on one side, so the perceptron rule converges.',
    },
    {
      id: 'or',
      text: 'OR: the label is 1 when at least one input is 1.',
      correct: true,
      explanation: 'OR is linearly separable: the line $x_1 + x_2 = 0.5$ separates (0, 0) from the other three points.',
    },
    {
      id: 'xor',
      text: 'XOR: the label is 1 when exactly one input is 1.',
      correct: false,
      explanation:
        'XOR is not linearly separable: no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so a perceptron keeps making mistakes however long it trains. It needs a hidden layer.',
    },
    {
      id: 'nand',
      text: 'NAND: the label is 0 only when both inputs are 1.',
      correct: true,
      explanation: 'NAND is AND with the labels swapped, and so separable by the same line with the weights negated.',
    },
    {
      id: 'any-with-enough-epochs',
      text: 'Any of the four Boolean functions above, given enough epochs and a small enough learning rate.',
      correct: false,
      explanation:
        "Neither helps: the perceptron converges exactly when the data are linearly separable (Novikoff's theorem), and from zero weights the learning rate only rescales $\\mathbf w$ and $b$. XOR is never fitted.",
    },
  ],
  hints: [
    'Draw the four points in the plane and colour them by label.',
    'A perceptron can fit the data exactly when one straight line separates the two colours.',
  ],
  explanation: `A perceptron's decision boundary is the line $\\mathbf w\\cdot\\mathbf x + b = 0$, so it can fit a data set exactly
when a line separates the classes, and then the perceptron rule finds one in finitely many updates. AND, OR and NAND
are separable; XOR is the classic counterexample.`,
});
