// Back-propagation through a 2-2-1 ReLU network by hand, seeded per learner: the arithmetic of
// two-two-one-by-hand-arithmetic.ts (which a page loads alone to draw a learner's numbers) with the network
// as a graph. When an answer is wrong, the page loads this module and traces the graph on the learner's own
// numbers, so the student sees on their network where their gradients part from autograd's.

import { add, mul, relu, sub, tensor } from '../../engine/index.ts';
import { defineExercise, type NumericExercise, type VariantNumbers } from '../define-exercise.ts';
import arithmetic, { numbersOf } from './two-two-one-by-hand-arithmetic.ts';

/** Where each slip enters, going backward from the error: the first node whose gradient it makes wrong. */
const NODES: Record<string, string> = {
  // 2(ŷ − y) halved or negated: ∂E/∂ŷ itself is wrong.
  'dropped-factor-two': 'yhat',
  'flipped-sign': 'yhat',
  // ∂E/∂h₃ = ∂E/∂ŷ · w₃₅: leaving w₃₅ out makes h̄₃ wrong first.
  'skipped-output-weight': 'h3',
  // z̄₃ is right; ∂z₃/∂w₁₃ = x₁ is where the other input slips in.
  'other-input': 'w13',
  // Unit 4 is off in every variant: z̄₄ = h̄₄ · relu′(z₄) = 0, and passing h̄₄ through makes z̄₄ wrong.
  'ignored-relu-gate': 'z4',
  // A different forward pass: ŷ's value, and so ∂E/∂ŷ, is wrong already.
  'relu-on-inputs': 'yhat',
};

/** The 2-2-1 network of seed 000 with each learner's numbers, its hand-computed gradients drawn on its graph. */
export default defineExercise({
  ...arithmetic,
  graph: {
    build([numbers]) {
      const n = numbersOf(numbers as VariantNumbers | undefined);
      const input = (label: 'x1' | 'x2') => tensor(n[label] as number, { label });
      const weight = (label: 'w13' | 'w23' | 'w14' | 'w24' | 'w35' | 'w45') => tensor(n[label] as number, { requiresGrad: true, label });
      const [x1, x2] = [input('x1'), input('x2')];
      // Every node named as the prompt writes it, so each chain-rule line reads in the prompt's symbols.
      const z3 = add(mul(weight('w13'), x1).named('w13x1'), mul(weight('w23'), x2).named('w23x2')).named('z3');
      const z4 = add(mul(weight('w14'), x1).named('w14x1'), mul(weight('w24'), x2).named('w24x2')).named('z4');
      const yHat = add(mul(weight('w35'), relu(z3).named('h3')).named('w35h3'), mul(weight('w45'), relu(z4).named('h4')).named('w45h4')).named('yhat');
      const error = sub(yHat, tensor(n.y as number, { label: 'y' })).named('e');
      return mul(error, error).named('E');
    },
    parts: { dw35: 'w35', dw45: 'w45', dw13: 'w13', dw23: 'w23', dw14: 'w14', dw24: 'w24' },
  },
  misconceptions: arithmetic.misconceptions.map((m) => ({ ...m, node: NODES[m.id] })),
} satisfies NumericExercise);
