// What the search index reads of a built page: the page as a student reads it, without the page's machinery.
//
// The served HTML is never changed; scripts/search-index.ts hands Pagefind this index-only copy of each page.
// - Math: KaTeX writes every formula twice (MathML for screen readers, glyph spans for the eye), and neither is
//   words ("∂L∂x"). Each formula becomes the words of its LaTeX source: `\frac{\partial L}{\partial x}` is indexed as
//   "partial L partial x", `\sigma'(z)` as "sigma z", so a search for "sigma" or "eta" finds the formulas using them.
// - Widgets: a widget is indexed by its name and title ("Gradient flow: …") and its lead sentence, not by the labels
//   of its buttons, sliders and readouts.
// - Exercises: the title and prompt; not the hidden solution, explanation, hints or the buttons.
// - Cells: the code; not the Run/Reset bar or the empty output. Navigation (the chapter pager) is left out.

import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** LaTeX commands spelled as the word a student would type (the Greek letters are added below, by their own names). */
const COMMAND_WORDS: Record<string, string> = {
  partial: 'partial',
  nabla: 'gradient nabla',
  sum: 'sum',
  prod: 'product',
  sqrt: 'square root',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  max: 'max',
  min: 'min',
  argmax: 'argmax',
  argmin: 'argmin',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  sin: 'sin',
  cos: 'cos',
  odot: 'elementwise product Hadamard',
  otimes: 'outer product',
  top: 'transpose',
  intercal: 'transpose',
  infty: 'infinity',
  approx: 'approximately',
  propto: 'proportional to',
  mathbb: '',
  E: 'expectation',
  ell: 'l',
  epsilon: 'epsilon',
  varepsilon: 'epsilon',
  varphi: 'phi',
  vartheta: 'theta',
  bar: 'bar',
  hat: 'hat',
  tilde: 'tilde',
  dot: 'dot',
};

/** The Greek letters by name, lower and upper case (\sigma, \Sigma). */
const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

/** Commands whose argument is a word to keep as it is (\text{ReLU}, \operatorname{softmax}, \mathbf{W}). */
const KEEP_ARGUMENT = /^(text|textrm|textit|textbf|mathrm|mathit|mathbf|mathcal|mathsf|boldsymbol|operatorname\*?|mbox)$/;

/** The words of a LaTeX formula: commands named for what they mean, letters and numbers kept, layout and symbols dropped. */
export function mathWords(tex: string): string {
  const words: string[] = [];
  // Accents (\bar{x}, \hat{y}) read as "x bar", "y hat": the accent follows its argument.
  const withAccents = tex.replace(/\\(begin|end)\s*\{[^{}]*\}/g, ' ').replace(/\\(bar|hat|tilde|overline|widehat|dot)\s*\{([^{}]*)\}/g, (_, accent: string, body: string) => ` ${body} ${accent === 'overline' ? 'bar' : accent === 'widehat' ? 'hat' : accent} `);
  const token = /\\([A-Za-z]+)\*?|\\.|([A-Za-z]+)|(\d+(?:\.\d+)?)/g;
  for (const match of withAccents.matchAll(token)) {
    const [, command, letters, number] = match;
    if (command !== undefined) {
      const lower = command.toLowerCase();
      if (GREEK.includes(lower) && !(command in COMMAND_WORDS)) words.push(command === lower ? command : lower);
      else if (command in COMMAND_WORDS) {
        if (COMMAND_WORDS[command]) words.push(COMMAND_WORDS[command]);
      } else if (KEEP_ARGUMENT.test(command)) continue;
      // Other commands (\frac, \left, \cdot, \quad, \le, ...) are layout or symbols: no word a student searches for.
    } else if (letters !== undefined) words.push(letters);
    else if (number !== undefined) words.push(number);
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/** A widget's name from its element's tag: `gradient-flow` → "Gradient flow", `nn-playground` → "Playground". */
export function widgetName(tagName: string): string {
  if (tagName === 'mnist-lab') return 'MNIST lab';
  const words = tagName.replace(/^nn-/, '').split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Parts of a page that are controls, hidden answers or machinery, never what a student searches for. */
const LEFT_OUT = new Set(['script', 'style', 'template', 'noscript', 'button', 'select', 'input', 'textarea', 'output', 'svg', 'canvas', 'nav']);
const LEFT_OUT_CLASSES = [
  'ex-helpers', 'ex-actions', 'ex-confirm', 'ex-solution', 'ex-explanation', 'ex-hints', 'ex-feedback', 'ex-progress', 'ex-input-help', 'ex-editor',
  'cell-head', 'cell-output', 'heading-anchor', 'code-number',
];

function classes(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function findFirst(node: Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** A formula as the words of its LaTeX source (the annotation KaTeX keeps beside the MathML), in a span of its own. */
function mathElement(node: Element): Element {
  const annotation = findFirst(node, (element) => element.tagName === 'annotation');
  const words = annotation ? mathWords(textOf(annotation)) : '';
  return { type: 'element', tagName: 'span', properties: {}, children: [text(` ${words} `)] };
}

/** A widget as its name, title and lead; a widget with an id (or a heading for its title) becomes a heading with that id, so a result opens the widget itself. */
function widgetElement(node: Element): Element {
  const name = widgetName(node.tagName);
  const title = findFirst(node, (element) => classes(element).includes('widget-title'));
  const lead = findFirst(node, (element) => classes(element).includes('widget-lead'));
  const titleText = title ? textOf(title).trim() : '';
  const named = titleText.toLowerCase().startsWith(name.toLowerCase()) ? titleText : titleText ? `${name}: ${titleText}` : name;
  const anchor = title && /^h[1-6]$/.test(title.tagName) && title.properties.id ? title.properties.id : node.properties.id;
  const heading = title && /^h[1-6]$/.test(title.tagName) ? title.tagName : anchor ? 'h4' : 'p';
  const children: ElementContent[] = [
    { type: 'element', tagName: heading, properties: anchor ? { id: anchor } : {}, children: [text(`${named} (widget)`)] },
  ];
  if (lead) children.push({ type: 'element', tagName: 'p', properties: {}, children: [text(textOf(lead).trim())] });
  return { type: 'element', tagName: 'div', properties: {}, children };
}

function isWidget(node: Element): boolean {
  return node.tagName.includes('-') && classes(node).includes('widget');
}

function rewrite(children: (ElementContent | RootContent)[]): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i];
    if (node.type === 'comment') {
      children.splice(i, 1);
      continue;
    }
    if (node.type !== 'element') continue;
    const names = classes(node);
    if (LEFT_OUT.has(node.tagName) || names.some((name) => LEFT_OUT_CLASSES.includes(name)) || node.properties.hidden === true) {
      children.splice(i, 1);
    } else if (names.includes('katex')) {
      children[i] = mathElement(node);
    } else if (names.includes('katex-display')) {
      const inner = findFirst(node, (element) => classes(element).includes('katex'));
      children[i] = inner ? mathElement(inner) : text('');
    } else if (isWidget(node)) {
      children[i] = widgetElement(node);
    } else {
      rewrite(node.children);
    }
  }
}

/** The index-only copy of a built page: formulas as words, widgets as their names, controls and hidden answers left out. */
export function indexableHtml(html: string): string {
  const tree: Root = fromHtml(html);
  rewrite(tree.children);
  return toHtml(tree);
}
