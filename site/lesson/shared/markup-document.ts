// A document just large enough for Observable Plot to draw a chart into where there is no DOM (a widget's worker), and
// to write that chart out as SVG markup for the page to insert. Plot takes the document to draw with as an option
// (`Plot.plot({ document })`); it and d3-selection, through which it draws, use only what is here: elements made by
// namespace, attributes, inline style (by property or setProperty), text, and child lists. Drawing a chart in the
// worker keeps Plot's evaluation and its first, slow drawing off the page's main thread (on a slow phone each is a
// few hundred milliseconds).
//
// Not a general DOM: no selectors, no events (listeners are kept and never called), no layout. A chart that needs
// one (Plot's tip mark measures its text) must be drawn on the page.

const HTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

/** A node's place in a tree. */
abstract class MarkupNode {
  parentNode: MarkupElement | null = null;
  constructor(readonly ownerDocument: MarkupDocument) {}
  abstract readonly nodeType: number;
  abstract get textContent(): string;
  get nextSibling(): MarkupNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) + 1] ?? null;
  }
  get previousSibling(): MarkupNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) - 1] ?? null;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  /** The node written as markup. */
  abstract get outerHTML(): string;
}

/** Text, escaped when written. */
export class MarkupText extends MarkupNode {
  readonly nodeType = 3;
  constructor(owner: MarkupDocument, public data: string) {
    super(owner);
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(value: string) {
    this.data = value;
  }
  get nodeValue(): string {
    return this.data;
  }
  get outerHTML(): string {
    return escapeText(this.data);
  }
}

/** Property names as CSS writes them: fontFamily → font-family. */
const cssName = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** An element's inline style: set by property (`style.fontSize = '12px'`) or by `setProperty`, written as `style=""`. */
export interface MarkupStyle {
  setProperty(name: string, value: string | null, priority?: string): void;
  removeProperty(name: string): string;
  getPropertyValue(name: string): string;
  cssText: string;
  [property: string]: unknown;
}

function markupStyle(): MarkupStyle {
  const values = new Map<string, string>();
  const methods = {
    setProperty(name: string, value: string | null, priority = '') {
      if (value === null || value === '') values.delete(cssName(name));
      else values.set(cssName(name), priority ? `${value} !${priority}` : String(value));
    },
    removeProperty(name: string) {
      const old = values.get(cssName(name)) ?? '';
      values.delete(cssName(name));
      return old;
    },
    getPropertyValue(name: string) {
      return values.get(cssName(name)) ?? '';
    },
  };
  return new Proxy(methods as unknown as MarkupStyle, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in methods) return methods[key as keyof typeof methods];
      if (key === 'cssText') return [...values].map(([name, value]) => `${name}: ${value};`).join(' ');
      return values.get(cssName(key)) ?? '';
    },
    set(target, key, value) {
      if (typeof key !== 'string') return false;
      if (key === 'cssText') {
        values.clear();
        for (const declaration of String(value).split(';')) {
          const colon = declaration.indexOf(':');
          if (colon > 0) values.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
        }
      } else methods.setProperty(key, value === null || value === undefined ? null : String(value));
      return true;
    },
  });
}

/** An element: its namespace, attributes (in the order first set), inline style and children. */
export class MarkupElement extends MarkupNode {
  readonly nodeType = 1;
  readonly childNodes: MarkupNode[] = [];
  private readonly attributes = new Map<string, string>();
  private readonly inlineStyle = markupStyle();
  /** Listeners are kept, never called: a chart drawn here is markup, and the page attaches its own. */
  private readonly listeners: Array<[string, unknown]> = [];
  constructor(
    owner: MarkupDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {
    super(owner);
  }
  get tagName(): string {
    return this.namespaceURI === HTML ? this.localName.toUpperCase() : this.localName;
  }
  get nodeName(): string {
    return this.tagName;
  }
  get children(): MarkupElement[] {
    return this.childNodes.filter((node): node is MarkupElement => node instanceof MarkupElement);
  }
  get firstChild(): MarkupNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): MarkupNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get isConnected(): boolean {
    return false;
  }
  get style(): MarkupStyle {
    return this.inlineStyle;
  }
  set style(value: string | MarkupStyle) {
    this.inlineStyle.cssText = typeof value === 'string' ? value : value.cssText;
  }

  setAttribute(name: string, value: unknown): void {
    if (name === 'style') this.inlineStyle.cssText = String(value);
    else this.attributes.set(name, String(value));
  }
  setAttributeNS(namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(namespace === XLINK && !name.includes(':') ? `xlink:${name}` : name, value);
  }
  getAttribute(name: string): string | null {
    if (name === 'style') return this.inlineStyle.cssText || null;
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
  removeAttribute(name: string): void {
    if (name === 'style') this.inlineStyle.cssText = '';
    else this.attributes.delete(name);
  }
  removeAttributeNS(namespace: string | null, name: string): void {
    this.removeAttribute(namespace === XLINK && !name.includes(':') ? `xlink:${name}` : name);
  }

  appendChild<T extends MarkupNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  insertBefore<T extends MarkupNode>(node: T, before: MarkupNode | null): T {
    if (node instanceof MarkupElement && node.contains(this)) throw new Error('a node cannot hold itself');
    node.remove();
    const at = before === null ? -1 : this.childNodes.indexOf(before);
    if (before !== null && at < 0) throw new Error('insertBefore: the reference node is not a child of this node');
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  }
  removeChild<T extends MarkupNode>(node: T): T {
    const at = this.childNodes.indexOf(node);
    if (at < 0) throw new Error('removeChild: not a child of this node');
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  append(...nodes: Array<MarkupNode | string>): void {
    for (const node of nodes) this.appendChild(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node);
  }
  prepend(...nodes: Array<MarkupNode | string>): void {
    const first = this.firstChild;
    for (const node of nodes) this.insertBefore(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node, first);
  }
  replaceWith(...nodes: Array<MarkupNode | string>): void {
    const parent = this.parentNode;
    if (parent === null) return;
    const next = this.nextSibling;
    this.remove();
    for (const node of nodes) parent.insertBefore(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node, next);
  }
  contains(node: MarkupNode | null): boolean {
    for (let at = node; at !== null; at = at.parentNode) if (at === this) return true;
    return false;
  }
  cloneNode(deep = false): MarkupElement {
    const copy = new MarkupElement(this.ownerDocument, this.namespaceURI, this.localName);
    for (const [name, value] of this.attributes) copy.attributes.set(name, value);
    copy.inlineStyle.cssText = this.inlineStyle.cssText;
    if (deep) for (const child of this.childNodes) copy.appendChild(child instanceof MarkupElement ? child.cloneNode(true) : new MarkupText(this.ownerDocument, child.textContent));
    return copy;
  }

  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }
  set textContent(value: string | null) {
    for (const child of this.childNodes.splice(0)) child.parentNode = null;
    if (value !== null && value !== '') this.appendChild(this.ownerDocument.createTextNode(String(value)));
  }

  addEventListener(type: string, listener: unknown): void {
    this.listeners.push([type, listener]);
  }
  removeEventListener(type: string, listener: unknown): void {
    const at = this.listeners.findIndex(([t, l]) => t === type && l === listener);
    if (at >= 0) this.listeners.splice(at, 1);
  }
  dispatchEvent(): boolean {
    return true;
  }

  /** The element written as markup (SVG's own namespace declared on an outermost <svg>). */
  get outerHTML(): string {
    const attributes = [...this.attributes];
    if (this.localName === 'svg' && this.namespaceURI === SVG && !(this.parentNode instanceof MarkupElement && this.parentNode.namespaceURI === SVG) && !this.attributes.has('xmlns')) {
      attributes.unshift(['xmlns', SVG]);
    }
    const style = this.inlineStyle.cssText;
    if (style !== '') attributes.push(['style', style]);
    const open = `<${this.localName}${attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}>`;
    // A <style> element's text is CSS, written as it is (escaping would change it; it holds no markup Plot writes).
    const inner = this.localName === 'style' ? this.textContent.replace(/<\//g, '<\\/') : this.childNodes.map((node) => node.outerHTML).join('');
    return `${open}${inner}</${this.localName}>`;
  }
}

/** The document Plot draws with: it makes elements and text, and offers the Event class Plot's interactions use. */
export class MarkupDocument {
  readonly documentElement: MarkupElement;
  readonly defaultView = { Event: class MarkupEvent { constructor(readonly type: string) {} } };
  constructor() {
    this.documentElement = new MarkupElement(this, HTML, 'html');
  }
  get ownerDocument(): MarkupDocument {
    return this;
  }
  createElementNS(namespace: string | null, qualifiedName: string): MarkupElement {
    return new MarkupElement(this, namespace ?? HTML, qualifiedName.replace(/^.*:/, ''));
  }
  createElement(name: string): MarkupElement {
    return new MarkupElement(this, HTML, name.toLowerCase());
  }
  createTextNode(data: string): MarkupText {
    return new MarkupText(this, String(data));
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Charts parsed on this page so far: each one's ids get a prefix of their own. */
let parsed = 0;

/**
 * On the page: a chart's <svg> from the markup a worker wrote (parsed as HTML is, where an <svg> is SVG). Plot numbers
 * the ids of its clips and markers (`plot-clip-1`) per document, and each worker's count starts afresh, so two charts
 * from two workers would share ids and one's clip-path would name the other's clip: each chart's ids, and the
 * references to them, get a prefix unique on the page.
 */
export function parseSvg(markup: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const svg = template.content.firstElementChild;
  if (!(svg instanceof SVGSVGElement)) throw new Error('a chart from a worker is not an SVG');
  const prefix = `chart${++parsed}-`;
  const ids = new Set([...svg.querySelectorAll('[id]')].map((element) => element.id));
  if (ids.size === 0) return svg;
  for (const element of svg.querySelectorAll('[id]')) element.id = prefix + element.id;
  const reference = /url\(#([^)]+)\)|^#(.+)$/g;
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (!attribute.value.includes('#')) continue;
      const value = attribute.value.replace(reference, (whole, inUrl: string | undefined, bare: string | undefined) => {
        const id = inUrl ?? bare!;
        if (!ids.has(id)) return whole;
        return inUrl !== undefined ? `url(#${prefix}${id})` : `#${prefix}${id}`;
      });
      if (value !== attribute.value) element.setAttribute(attribute.name, value);
    }
  }
  return svg;
}
