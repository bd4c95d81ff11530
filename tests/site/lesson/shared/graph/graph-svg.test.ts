import { describe, expect, test } from 'vitest';
import { tensor } from '../../../../../engine/tensor.ts';
import { mul, add } from '../../../../../engine/ops/elementwise.ts';
import { sigmoid } from '../../../../../engine/ops/activations.ts';
import { trace } from '../../../../../engine/trace.ts';
import { graphSvg, nodeAccessibleName, nodeVisibleText, opCaption, type NodeView } from '../../../../../site/lesson/shared/graph/graph-svg.ts';

/** The graph of σ(w · 2 + b) after backward, with names and captions. */
function neuron() {
  const w = tensor(0.5, { requiresGrad: true, label: 'w' });
  const b = tensor(-0.5, { requiresGrad: true, label: 'b' });
  const y = sigmoid(add(mul(w, 2).named('u'), b).named('z')).named('ŷ');
  y.backward();
  const t = trace(y);
  return { t, y, w };
}

describe('the SVG of a graph', () => {
  test('one focusable node per tensor with its state, and one edge per use', () => {
    const { t } = neuron();
    const views: NodeView[] = t.nodes.map((n) => ({ name: n.label ?? 'c', op: opCaption(n), value: n.value, grad: n.grad, state: n.id === 4 ? 'current' : 'idle' }));
    const { markup } = graphSvg(t, views, { idPrefix: 'g1', label: 'Computation graph of a neuron' });
    expect(markup.match(/class="graph-node"/g)).toHaveLength(t.nodes.length);
    expect(markup.match(/class="graph-edge"/g)).toHaveLength(t.edges.length);
    expect(markup).toContain('data-node="4" data-state="current"');
    // One tab stop, the loss by default.
    expect(markup.match(/tabindex="0"/g)).toHaveLength(1);
    expect(markup).toContain(`data-node="${t.nodes.length - 1}" data-state="idle" role="button" tabindex="0"`);
    expect(markup).toContain('aria-label="Computation graph of a neuron"');
    expect(markup).toContain('marker-end="url(#g1-arrow)"');
    // Each node's text, read in order with the spaces between its texts, is its accessible name (label in name).
    let named = 0;
    for (const [, label, body] of markup.matchAll(/<g class="graph-node"[^>]*aria-label="([^"]*)"[^>]*>(.*?)<\/g>/g)) {
      expect(body.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).toBe(label.replace(/&amp;/g, '&'));
      named++;
    }
    expect(named).toBe(t.nodes.length);
  });

  test('a value not yet computed is drawn as ?, an absent gradient not at all', () => {
    const { t } = neuron();
    const views: NodeView[] = t.nodes.map((n) => ({ name: n.label ?? 'c', op: opCaption(n), value: null, state: 'idle' }));
    const { markup } = graphSvg(t, views, { idPrefix: 'g2', label: 'graph' });
    expect(markup).toContain('>?</tspan>');
    expect(markup).not.toContain('graph-grad');
  });

  test('the accessible name says the name, op, value, gradient, the student’s gradient and the state', () => {
    const view: NodeView = { name: 'z', op: '+', value: 0.5, grad: 0.235, yours: null, state: 'first-difference' };
    expect(nodeAccessibleName(view)).toBe('z, +, value 0.5, gradient 0.235, no gradient of yours, first difference: your gradient parts from autograd here');
    expect(nodeAccessibleName({ name: 'W', op: 'param', value: [[1, 2], [3, 4]], grad: null, yours: [[1, 2], [3, 5]], state: 'differs' })).toBe(
      'W, param, value 1, 2; 3, 4, gradient not yet computed, your gradient 1, 2; 3, 5, your gradient differs',
    );
  });

  test('a node is named by the text it shows, in order, and described in words', () => {
    const view: NodeView = { name: 'z', op: '+', value: 0.5, grad: 0.235, yours: 0.25, state: 'differs' };
    expect(nodeVisibleText(view)).toBe('z + 0.5 0.235 yours 0.25');
    const { markup } = graphSvg(neuron().t, neuron().t.nodes.map((n) => ({ name: n.label ?? 'c', op: opCaption(n), value: 1, grad: 2, state: 'done' })), { idPrefix: 'g9', label: 'graph' });
    // The accessible name holds the visible text (axe's label-content-name-mismatch); the words are in the description.
    for (const [, label, description] of markup.matchAll(/aria-label="([^"]*)" aria-description="([^"]*)"/g)) {
      expect(label).toMatch(/ 1 2$/);
      expect(description).toMatch(/, value 1, gradient 2, computed$/);
    }
    expect([...markup.matchAll(/aria-description=/g)].length).toBe(neuron().t.nodes.length);
  });

  test('captions name the op, the exponent of a power and the role of a leaf', () => {
    const x = tensor(2, { requiresGrad: true, label: 'x' });
    const y = x.pow(3).mul(tensor(1, { label: 'c' })).add(1);
    const t = trace(y);
    expect(t.nodes.map(opCaption)).toEqual(["param", "x³", "input", "×", "const", "+"]);
  });

  test('names are escaped', () => {
    const { t } = neuron();
    const views: NodeView[] = t.nodes.map(() => ({ name: 'a<b', op: '&', value: 1, state: 'idle' }));
    const { markup } = graphSvg(t, views, { idPrefix: 'g3', label: '"quoted"' });
    expect(markup).toContain('a&lt;b');
    expect(markup).toContain('&amp;');
    expect(markup).toContain('aria-label="&quot;quoted&quot;"');
  });
});
