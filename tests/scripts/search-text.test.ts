import { describe, expect, test } from 'vitest';
import katex from 'katex';
import { indexableHtml, mathWords, widgetName } from '../../scripts/search-text.ts';
import { staticCodeHtml } from '../../site/lesson/cell/static-code.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('math as words', () => {
  test('Greek letters, derivatives and accents read as the words a student types', () => {
    expect(mathWords(String.raw`\frac{\partial L}{\partial x}`)).toBe('partial L partial x');
    expect(mathWords(String.raw`\theta \leftarrow \theta - \eta \nabla_\theta L`)).toBe('theta theta eta gradient nabla theta L');
    expect(mathWords(String.raw`\bar{x} = \sigma'(z) \odot \bar{h}`)).toBe('x bar sigma z elementwise product Hadamard h bar');
    expect(mathWords(String.raw`W^{(l)} \in \mathbb{R}^{n_l \times n_{l-1}}`)).toBe('W l R n l n l 1');
    expect(mathWords(String.raw`\lambda \lVert W \rVert^2 + \Delta`)).toBe('lambda W 2 delta');
  });

  test('words inside \\text and \\operatorname stay, environments and layout go', () => {
    expect(mathWords(String.raw`\begin{aligned} y &= \operatorname{ReLU}(x) \\ p &= \text{softmax}(z) \end{aligned}`)).toBe('y ReLU x p softmax z');
  });
});

describe('the index-only copy of a page', () => {
  test('a formula is indexed once, as its words, not as KaTeX’s glyphs', () => {
    const formula = katex.renderToString(String.raw`\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}`, { output: 'htmlAndMathml' });
    const text = textOf(indexableHtml(`<main data-pagefind-body><p>The error signal ${formula} of a layer.</p></main>`));
    expect(text).toBe('The error signal delta l partial L partial z l of a layer.');
  });

  test('a widget is indexed by its name, title and lead, not by its controls; with an id it is a section of its own', () => {
    const html = `<main data-pagefind-body><gradient-flow class="widget" id="gf-x"><p class="widget-title">Twenty sigmoid layers</p>
      <p class="widget-lead">The bars shrink.</p><div><button>Play</button><label>Layers <output>20</output><input type="range"></label>
      <select><option>Sigmoid</option></select></div></gradient-flow></main>`;
    expect(textOf(indexableHtml(html))).toBe('Gradient flow: Twenty sigmoid layers (widget) The bars shrink.');
    expect(indexableHtml(html)).toContain('<h4 id="gf-x">Gradient flow: Twenty sigmoid layers (widget)</h4>');
    expect(indexableHtml('<activation-explorer class="widget"><p class="widget-title">Activation explorer: f and f′</p></activation-explorer>')).toContain('<div><p>Activation explorer: f and f′ (widget)</p></div>');
  });

  test('a widget whose title is a heading keeps the heading and its anchor, so a result opens it', () => {
    const html = `<nn-challenge class="widget challenge" id="challenge-xor"><h3 class="widget-title" id="challenge-xor-title">Challenge: fit XOR</h3></nn-challenge>`;
    expect(indexableHtml(html)).toContain('<h3 id="challenge-xor-title">Challenge: fit XOR (widget)</h3>');
  });

  test('an exercise keeps its title and prompt and loses its hidden solution, explanation and buttons', () => {
    const html = `<course-exercise class="exercise"><div class="ex-head"><p class="ex-label">Exercise</p><h3 id="exercise-a-title">Saturation</h3></div>
      <div class="ex-prompt"><p>Why does the gradient vanish?</p></div><div class="ex-actions"><button>Check</button></div>
      <div class="ex-solution" hidden><h4>Solution</h4><p>secret</p></div><div class="ex-explanation" hidden><p>because</p></div>
      <template data-hint="0">a hint</template><script type="application/json">{"key":1}</script></course-exercise>`;
    expect(textOf(indexableHtml(html))).toBe('Exercise Saturation Why does the gradient vanish?');
  });

  test('a cell keeps its code and loses its run bar; navigation is left out', () => {
    const html = `<notebook-cell><div class="cell-head"><button>Run</button></div><div class="cell-code"><pre><code>const net = mlp();</code></pre></div>
      <template class="cell-source">const net = mlp();</template><div class="cell-output"></div></notebook-cell><nav class="pager"><a href="/">Next</a></nav>`;
    expect(textOf(indexableHtml(html))).toBe('const net = mlp();');
  });

  test('a cell\'s static code is indexed as its lines, without the line numbers', () => {
    const html = `<notebook-cell><div class="cell-code">${staticCodeHtml('const net = mlp();\nnet', 'ts', 'Code of the cell')}</div></notebook-cell>`;
    const text = textOf(indexableHtml(html));
    // Each line's words stay whole and apart from the next line's; the numbers 1 and 2 of the gutter are gone.
    expect(text).toMatch(/^const net = mlp\s*\(\);\s+net$/);
  });

  test('widget names come from their element', () => {
    expect(widgetName('gradient-flow')).toBe('Gradient flow');
    expect(widgetName('nn-playground')).toBe('Playground');
    expect(widgetName('mnist-lab')).toBe('MNIST lab');
  });
});
