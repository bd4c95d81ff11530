import { describe, expect, test } from 'vitest';
import { tensor } from '../../../../../engine/tensor.ts';
import { mul, add } from '../../../../../engine/ops/elementwise.ts';
import { relu, sigmoid } from '../../../../../engine/ops/activations.ts';
import { linear } from '../../../../../engine/ops/linear.ts';
import { mseLoss } from '../../../../../engine/ops/losses.ts';
import { chainRule } from '../../../../../engine/chain-rule.ts';
import { definitionMathML, definitionText, formulaMathML, formulaText, lineMathML, lineText } from '../../../../../site/lesson/shared/graph/formula-mathml.ts';
import { forwardLines } from '../../../../../engine/forward-line.ts';
import { formatNumber } from '../../../../../site/lesson/shared/graph/number-format.ts';

/** The lines of the neuron σ(w·x + b) against y = 1. */
function neuronLines() {
  const w = tensor(0.5, { requiresGrad: true, label: 'w' });
  const x = tensor(2, { label: 'x' });
  const b = tensor(-0.5, { requiresGrad: true, label: 'b' });
  const u = mul(w, x).named('u');
  const yHat = sigmoid(add(u, b).named('z')).named('ŷ');
  const loss = mseLoss(yHat, tensor(1, { label: 'y' })).named('L');
  loss.backward();
  return { lines: chainRule(loss), w, u, yHat };
}

describe('chain-rule lines typeset', () => {
  test('w̄ = ū · x = (numbers) = (the gradient), as text and as MathML', () => {
    const { lines, w, u } = neuronLines();
    const line = lines.find((l) => l.name === 'w')!;
    expect(lineText(line)).toBe(`w\u0304 = u\u0304 · x = ${formatNumber(u.grad!.item())} × 2 = ${formatNumber(w.grad!.item())}`);
    const math = lineMathML(line);
    expect(math.startsWith('<math display="block">')).toBe(true);
    expect(math).toContain('<mover accent="true"><mi>w</mi><mo>¯</mo></mover>');
    expect(math).toContain('<mo>×</mo>');
    expect(math).toContain(`<mn>${formatNumber(Math.abs(w.grad!.item()))}</mn>`);
  });

  test('the sigmoid line writes the derivative with its output: z̄ = ŷ̄ · ŷ · (1 − ŷ)', () => {
    const { lines, yHat } = neuronLines();
    const line = lines.find((l) => l.name === 'z')!;
    const s = formatNumber(yHat.item());
    expect(lineText(line)).toContain('= ŷ\u0304 · ŷ · (1 − ŷ) =');
    expect(lineText(line)).toContain(`× ${s} × (1 − ${s})`);
  });

  test('the loss line is L̄ = 1', () => {
    const { lines } = neuronLines();
    expect(lineText(lines[0])).toBe('L\u0304 = 1');
    expect(lineMathML(lines[0])).toContain('<mn>1</mn>');
  });

  test('matrix lines: W̄ = z̄ xᵀ (a column times a row), x̄ through ReLU, vectors in brackets', () => {
    const x = tensor([1, 0.5], { label: 'x' });
    const W = tensor([[0.5, -0.4], [-0.6, 0.3]], { requiresGrad: true, label: 'W' });
    const z = linear(x, W).named('z');
    const loss = relu(z).sum().named('L');
    loss.backward();
    const lines = chainRule(loss);
    const wLine = lines.find((l) => l.name === 'W')!;
    expect(formulaText(wLine.terms[0].symbolic)).toBe('z\u0304 xᵀ');
    expect(formulaText(lines.find((l) => l.name === 'z')!.terms[0].symbolic)).toContain('[z > 0]');
    expect(formulaMathML(wLine.terms[0].numeric, { numeric: true })).toContain('<mtable>');
    expect(lineText(wLine)).toContain('[[1, 0.5], [0, 0]]');
  });

  test('negative numbers in a product are in parentheses', () => {
    expect(formulaText({ kind: 'product', operator: 'scalar', factors: [{ kind: 'number', value: 2 }, { kind: 'number', value: -0.5 }] }, true)).toBe('2 × (−0.5)');
    expect(formulaMathML({ kind: 'product', operator: 'scalar', factors: [{ kind: 'number', value: 2 }, { kind: 'number', value: -0.5 }] }, { numeric: true })).toBe(
      '<math><mrow><mn>2</mn><mo>×</mo><mrow><mo stretchy="false">(</mo><mrow><mo>−</mo><mn>0.5</mn></mrow><mo stretchy="false">)</mo></mrow></mrow></math>',
    );
  });

  test('a bare number is not repeated: b̄ = z̄ = −0.177, not b̄ = z̄ = −0.177 = −0.177', () => {
    const { lines } = neuronLines();
    const b = lines.find((l) => l.name === 'b')!;
    expect(lineText(b).split(' = ')).toHaveLength(3);
  });

  test('a long line is set as rows aligned at =, a short one as one row', () => {
    const { lines } = neuronLines();
    expect(lineMathML(lines.find((l) => l.name === 'b')!)).not.toContain('<mtable>');
    expect(lineMathML(lines.find((l) => l.name === 'z')!)).toContain('<mtable><mtr>');
  });

  test('a one-letter name takes its bar as an accent, a longer one as a rule over it all', () => {
    const bar = (name: string) => formulaMathML({ kind: 'symbol', name, node: 0, bar: true });
    expect(bar('z₁')).toContain('<mrow><mover accent="true"><mi>z</mi><mo>¯</mo></mover><mi mathvariant="normal">₁</mi></mrow>');
    expect(bar('ŷ')).toContain('<mover accent="true">');
    expect(bar('w₃₅f₃')).toContain('border-top');
  });

  test('forward lines: z = wx + b with its numbers; √ as a root, Σ as a sum sign', () => {
    const w = tensor(0.5, { requiresGrad: true, label: 'w' });
    const z = add(mul(w, tensor(2, { label: 'x' })).named('wx'), tensor(-0.5, { label: 'b' })).named('z');
    const lines = forwardLines(z);
    expect(definitionText(lines[4]!)).toBe('z = wx + b = 1 − 0.5 = 0.5');
    expect(definitionMathML(lines[4]!)).toContain('<mi>wx</mi><mo>+</mo><mi>b</mi>');
    expect(formulaMathML({ kind: 'apply', fn: '√', of: { kind: 'number', value: 2 } })).toContain('<msqrt><mn>2</mn></msqrt>');
    expect(formulaMathML({ kind: 'apply', fn: 'Σ', of: { kind: 'number', value: 2 } })).toContain('<mo>∑</mo>');
  });
});
