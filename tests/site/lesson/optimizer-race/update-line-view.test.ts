import { describe, expect, test } from 'vitest';
import { updateLines } from '../../../../engine/optim/update-lines.ts';
import { updateLineMathML, updateLineText } from '../../../../site/lesson/optimizer-race/update-line-view.ts';

describe('update lines in the page', () => {
  const lines = updateLines('momentum', { lr: 0.1 }, { t: 2, theta: [1, 2], gradient: [1.2, 0.4], before: { momentum: [0.31, -0.2] } });

  test('as text: the symbols, the numbers put in and the value, with PyTorch’s names', () => {
    expect(lines.map((line) => updateLineText(line))).toEqual([
      'g = ∇L = [1.2, 0.4]',
      'b ← μ · b + g = 0.9 × [0.31, −0.2] + [1.2, 0.4] = [1.479, 0.22]',
      'θ ← θ − η · b = [1, 2] − 0.1 × [1.479, 0.22] = [0.8521, 1.978]',
    ]);
  });

  test('as MathML: one table per line, a row for the symbols, the numbers and the value', () => {
    const markup = updateLineMathML(lines[1]);
    expect(markup.startsWith('<math display="block"><mtable>')).toBe(true);
    expect(markup.match(/<mtr>/g)).toHaveLength(3);
    expect(markup).toContain('<mo>←</mo>');
    expect(updateLineMathML(lines[0]).match(/<mtr>/g)).toHaveLength(2);
  });
});
