// The Playground's network diagram: a column per layer (the inputs, each hidden layer, the outputs), each neuron a
// small live map of its value over the plane (a curve over x for regression), each weight an edge coloured by its
// sign and sized by |w|, as TensorFlow Playground draws it. Hover or focus a neuron (one tab stop; the arrow keys
// move between neurons) and the panel below gives its formula with the current weights plugged in; click an edge or
// a weight in the panel to type a new value (Enter applies, Escape cancels).
//
// The numbers come from the worker's NetworkSnapshot (the engine's forward pass); this module only draws them. For
// the tests it sets data-neurons on the diagram and, per neuron, data-layer, data-neuron and data-map-sum (a
// checksum of its map), and data-formula on the panel.

import { css, type PlaygroundColors } from '../shared/colors.ts';
import { edgeStyle, layoutNetwork, mapChecksum, mapPixels, mapScale, moveFocus, type NetworkLayout } from './network-layout.ts';
import { formatWeight, formulaText, layerKind, neuronFormula, neuronName, parseWeight, type NeuronFormula } from './neuron-formula.ts';
import type { NetworkSnapshot } from './protocol.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** A weight or bias typed by hand: the weight from neuron `from` of layer − 1 to neuron `to` of `layer`, or the bias when `from` is null. */
export interface WeightEdit {
  layer: number;
  to: number;
  from: number | null;
  value: number;
}

/** What the diagram asks of its widget: to pause before an edit, and to apply one. */
export interface DiagramHandlers {
  /** A weight editor opened: training should pause so the numbers hold still. */
  editStart(): void;
  /** Apply a checked edit. */
  edit(edit: WeightEdit): void;
}

interface Place {
  layer: number;
  neuron: number;
}

interface Edge {
  layer: number;
  to: number;
  from: number;
  line: SVGPathElement;
  sign: string;
  width: string;
}

/** The diagram inside `root` (the playground's .pg-network section), drawn from snapshots. */
export class NetworkDiagram {
  private snapshot: NetworkSnapshot | null = null;
  private colors: PlaygroundColors | null = null;
  private shape = '';
  private layout: NetworkLayout | null = null;
  private neurons: HTMLButtonElement[][] = [];
  private canvases: HTMLCanvasElement[][] = [];
  private edges: Edge[] = [];
  private current: Place = { layer: 0, neuron: 0 };
  private hovered: Place | null = null;
  // The panel's neuron and whether its weight buttons are built (updated in place while the same neuron shows).
  private panelFor = '';
  private editing = false;
  private readonly diagram: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly message: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: DiagramHandlers,
  ) {
    this.diagram = this.part('.pg-network-diagram');
    this.panel = this.part('.pg-network-formula');
    this.message = this.part('.pg-network-message');
    this.diagram.addEventListener('keydown', (event) => this.keyed(event));
    this.diagram.addEventListener('click', (event) => this.clickedEdge(event));
    this.panel.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-weight]');
      if (button !== null) this.openEditor(button);
    });
  }

  private part(selector: string): HTMLElement {
    const element = this.root.querySelector<HTMLElement>(selector);
    if (element === null) throw new Error(`<nn-playground>: the network diagram has no ${selector}`);
    return element;
  }

  /** Uses these colours from now on (light or dark), and redraws. */
  setColors(colors: PlaygroundColors): void {
    this.colors = colors;
    if (this.snapshot !== null) this.draw(this.snapshot);
  }

  /** Draws a snapshot: rebuilds the diagram when the network's shape changed, else updates edges, maps and the panel. */
  draw(snapshot: NetworkSnapshot): void {
    this.snapshot = snapshot;
    const shape = `${snapshot.sizes.join('-')}|${snapshot.inputNames.join('-')}|${snapshot.curve}|${snapshot.loss}`;
    if (shape !== this.shape) this.build(snapshot, shape);
    this.drawEdges(snapshot);
    this.drawMaps(snapshot);
    this.renderPanel();
  }

  /** Builds the columns of neurons and the edges' SVG for a network of this shape. */
  private build(snapshot: NetworkSnapshot, shape: string): void {
    this.shape = shape;
    const layout = (this.layout = layoutNetwork(snapshot.sizes));
    const { box } = layout;
    this.diagram.replaceChildren();
    this.diagram.style.width = `${layout.width}px`;
    this.diagram.style.height = `${layout.height}px`;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', String(layout.width));
    svg.setAttribute('height', String(layout.height));
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('pg-network-edges');
    const lines = document.createElementNS(SVG, 'g');
    const hits = document.createElementNS(SVG, 'g');
    hits.classList.add('pg-edge-hits');
    svg.append(lines, hits);
    this.edges = [];
    for (let layer = 1; layer < snapshot.sizes.length; layer++) {
      for (const target of layout.places[layer]) {
        for (const source of layout.places[layer - 1]) {
          const x0 = source.x + box;
          const y0 = source.y + box / 2;
          const x1 = target.x;
          const y1 = target.y + box / 2;
          const mid = (x0 + x1) / 2;
          const d = `M${x0} ${y0}C${mid} ${y0} ${mid} ${y1} ${x1} ${y1}`;
          const line = document.createElementNS(SVG, 'path');
          line.setAttribute('d', d);
          lines.append(line);
          const hit = document.createElementNS(SVG, 'path');
          hit.setAttribute('d', d);
          hit.dataset.layer = String(layer);
          hit.dataset.to = String(target.neuron);
          hit.dataset.from = String(source.neuron);
          hits.append(hit);
          this.edges.push({ layer, to: target.neuron, from: source.neuron, line, sign: '', width: '' });
        }
      }
    }
    this.diagram.append(svg);
    const pixels = snapshot.curve ? 2 * box : snapshot.side;
    this.neurons = [];
    this.canvases = [];
    layout.places.forEach((column, layer) => {
      const kind = layerKind(snapshot, layer);
      const buttons: HTMLButtonElement[] = [];
      const canvases: HTMLCanvasElement[] = [];
      for (const place of column) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `pg-neuron pg-neuron-${kind}`;
        // Its box is the neuron's map: it prints with the picture, where a widget's other buttons do not (print.css).
        button.dataset.print = 'keep';
        button.style.left = `${place.x}px`;
        button.style.top = `${place.y}px`;
        button.style.width = button.style.height = `${box}px`;
        button.tabIndex = -1;
        button.dataset.layer = String(layer);
        button.dataset.neuron = String(place.neuron);
        const name = neuronName(snapshot, layer, place.neuron);
        const what = kind === 'input' ? 'input' : kind === 'hidden' ? `hidden layer ${layer}, neuron ${place.neuron + 1}` : 'output';
        button.setAttribute('aria-label', `${name}, ${what}`);
        button.setAttribute('aria-describedby', this.panel.id);
        const canvas = document.createElement('canvas');
        canvas.width = pixels;
        canvas.height = pixels;
        canvas.setAttribute('aria-hidden', 'true');
        const label = document.createElement('span');
        label.className = 'pg-neuron-label';
        label.setAttribute('aria-hidden', 'true');
        label.textContent = name;
        button.append(canvas, label);
        button.addEventListener('focus', () => this.select({ layer, neuron: place.neuron }));
        button.addEventListener('mouseenter', () => this.hover({ layer, neuron: place.neuron }));
        button.addEventListener('mouseleave', () => this.hover(null));
        this.diagram.append(button);
        buttons.push(button);
        canvases.push(canvas);
      }
      this.neurons.push(buttons);
      this.canvases.push(canvases);
    });
    this.diagram.dataset.neurons = String(snapshot.sizes.reduce((sum, n) => sum + n, 0));
    // The first hidden neuron (or the first output) is the diagram's one tab stop.
    this.current = { layer: Math.min(1, snapshot.sizes.length - 1), neuron: 0 };
    this.hovered = null;
    this.panelFor = '';
    this.neurons[this.current.layer][0].tabIndex = 0;
  }

  private drawEdges(snapshot: NetworkSnapshot): void {
    for (const edge of this.edges) {
      const fanIn = snapshot.sizes[edge.layer - 1];
      const { sign, width } = edgeStyle(snapshot.weights[edge.layer - 1][edge.to * fanIn + edge.from]);
      const w = width.toFixed(2);
      if (sign !== edge.sign) edge.line.setAttribute('class', `pg-edge-${sign}`);
      if (w !== edge.width) edge.line.setAttribute('stroke-width', w);
      edge.sign = sign;
      edge.width = w;
    }
  }

  private drawMaps(snapshot: NetworkSnapshot): void {
    const colors = this.colors;
    if (colors === null) return;
    const side = snapshot.side;
    const points = snapshot.curve ? side : side * side;
    const image = snapshot.curve ? null : new ImageData(side, side);
    snapshot.maps.forEach((map, layer) => {
      this.canvases[layer]?.forEach((canvas, neuron) => {
        const offset = neuron * points;
        this.neurons[layer][neuron].dataset.mapSum = mapChecksum(map, offset, points);
        const context = canvas.getContext('2d');
        if (context === null) return;
        if (image !== null) {
          mapPixels(map, offset, side, colors, image.data);
          context.putImageData(image, 0, 0);
        } else this.drawCurve(context, canvas.width, map, offset, points, colors);
      });
    });
  }

  /** A regression neuron's value along x: the zero line, and the curve scaled to its own largest |value|. */
  private drawCurve(context: CanvasRenderingContext2D, size: number, values: Float32Array, offset: number, count: number, colors: PlaygroundColors): void {
    const scale = mapScale(values, offset, count);
    context.fillStyle = css(colors.background);
    context.fillRect(0, 0, size, size);
    const y = (v: number) => size / 2 - (v / scale) * (size / 2 - 3);
    context.strokeStyle = css(colors.muted, 0.6);
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(0, size / 2);
    context.lineTo(size, size / 2);
    context.stroke();
    context.strokeStyle = css(colors.class1);
    context.lineWidth = 2;
    context.beginPath();
    for (let p = 0; p < count; p++) {
      const x = (p / (count - 1)) * size;
      if (p === 0) context.moveTo(x, y(values[offset + p]));
      else context.lineTo(x, y(values[offset + p]));
    }
    context.stroke();
  }

  /** Makes `place` the diagram's tab stop and the neuron the panel describes. */
  private select(place: Place): void {
    this.neurons[this.current.layer]?.[this.current.neuron]?.setAttribute('tabindex', '-1');
    this.current = place;
    this.neurons[place.layer][place.neuron].tabIndex = 0;
    this.renderPanel();
  }

  private hover(place: Place | null): void {
    this.hovered = place;
    this.renderPanel();
  }

  private keyed(event: KeyboardEvent): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('.pg-neuron');
    if (button === null || this.snapshot === null) return;
    const layer = Number(button.dataset.layer);
    const neuron = Number(button.dataset.neuron);
    if (event.key === 'Enter' || event.key === ' ') {
      // Into the panel, to the first weight of this neuron.
      event.preventDefault();
      this.select({ layer, neuron });
      this.panel.querySelector<HTMLButtonElement>('button[data-weight]')?.focus();
      return;
    }
    const next = moveFocus(this.snapshot.sizes, layer, neuron, event.key);
    if (next === null) return;
    event.preventDefault();
    this.neurons[next.layer][next.neuron].focus();
  }

  private clickedEdge(event: MouseEvent): void {
    const hit = (event.target as Element).closest<SVGPathElement>('.pg-edge-hits path');
    if (hit === null) return;
    const layer = Number(hit.dataset.layer);
    const to = Number(hit.dataset.to);
    this.select({ layer, neuron: to });
    const button = this.panel.querySelector<HTMLButtonElement>(`button[data-weight="${hit.dataset.from}"]`);
    if (button !== null) this.openEditor(button);
  }

  /** The panel: the shown neuron's formula with its weights, and a button per weight to edit it. */
  private renderPanel(): void {
    const snapshot = this.snapshot;
    if (snapshot === null || this.editing) return;
    const place = this.hovered ?? this.current;
    if (place.layer >= snapshot.sizes.length || place.neuron >= snapshot.sizes[place.layer]) return;
    const formula = neuronFormula(snapshot, place.layer, place.neuron);
    const text = formulaText(formula);
    const key = `${this.shape}|${place.layer}|${place.neuron}`;
    this.panel.dataset.formula = text;
    this.panel.dataset.layer = String(place.layer);
    this.panel.dataset.neuron = String(place.neuron);
    if (key !== this.panelFor) {
      this.panelFor = key;
      this.buildPanel(formula);
    }
    this.part('.pg-formula-text').textContent = text;
    for (const button of this.panel.querySelectorAll<HTMLButtonElement>('button[data-weight]')) {
      const term = formula.terms.find((t) => String(t.from ?? 'bias') === button.dataset.weight);
      if (term !== undefined) button.querySelector('.pg-weight-value')!.textContent = formatWeight(term.value);
    }
  }

  private buildPanel(formula: NeuronFormula): void {
    const line = document.createElement('p');
    line.className = 'pg-formula-text';
    const parts: Node[] = [line];
    if (formula.terms.length > 0) {
      const weights = document.createElement('p');
      weights.className = 'pg-formula-weights';
      weights.append('Edit: ');
      for (const term of formula.terms) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'pg-weight';
        button.dataset.weight = String(term.from ?? 'bias');
        // The button's name is its own text, so what a voice-control user reads on it is what they say (WCAG 2.5.3):
        // "w from x₁ 0.53" on screen, "w from x₁ to h₂⁽¹⁾ 0.53, edit" to a screen reader (the rest is visually hidden).
        const label = document.createElement('span');
        label.textContent = term.from === null ? 'bias' : `w from ${term.input}`;
        const target = document.createElement('span');
        target.className = 'visually-hidden';
        target.textContent = term.from === null ? ` of ${formula.name}` : ` to ${formula.name}`;
        const value = document.createElement('span');
        value.className = 'pg-weight-value';
        value.textContent = formatWeight(term.value);
        const edit = document.createElement('span');
        edit.className = 'visually-hidden';
        edit.textContent = ', edit';
        button.append(label, target, ' ', value, edit);
        weights.append(button, ' ');
      }
      parts.push(weights);
    }
    this.panel.replaceChildren(...parts);
  }

  /** Puts a number box in place of a weight's button: Enter applies (if the number is valid), Escape or leaving cancels. */
  private openEditor(button: HTMLButtonElement): void {
    const snapshot = this.snapshot;
    if (snapshot === null || this.editing) return;
    const place = this.hovered ?? this.current;
    // An edit is always of the selected neuron; a hovered one becomes selected.
    if (this.hovered !== null) this.select(this.hovered);
    this.hovered = null;
    const weight = button.dataset.weight!;
    const from = weight === 'bias' ? null : Number(weight);
    const formula = neuronFormula(snapshot, place.layer, place.neuron);
    const term = formula.terms.find((t) => t.from === from)!;
    this.handlers.editStart();
    this.editing = true;
    const input = document.createElement('input');
    input.type = 'text';
    input.inputMode = 'decimal';
    input.className = 'pg-weight-input';
    input.value = String(Number(term.value.toPrecision(6)));
    input.setAttribute('aria-label', from === null ? `New bias of ${formula.name}` : `New weight from ${term.input} to ${formula.name}`);
    input.setAttribute('aria-describedby', this.message.id);
    button.replaceWith(input);
    input.focus();
    input.select();
    this.message.textContent = 'Training paused. Type a value, Enter to apply, Escape to cancel.';
    let done = false;
    // Enter and Escape give focus back to the weight's button; leaving the box (a click elsewhere) lets focus go.
    const close = (applied: boolean, refocus: boolean) => {
      done = true;
      this.editing = false;
      this.panelFor = '';
      input.replaceWith(button);
      this.renderPanel();
      if (refocus) this.panel.querySelector<HTMLButtonElement>(`button[data-weight="${weight}"]`)?.focus();
      if (!applied) this.message.textContent = 'Edit cancelled; nothing changed.';
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close(false, true);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const reading = parseWeight(input.value);
        if (!reading.ok) {
          input.setAttribute('aria-invalid', 'true');
          this.message.textContent = reading.message;
          return;
        }
        this.handlers.edit({ layer: place.layer, to: place.neuron, from, value: reading.value });
        this.message.textContent = `${from === null ? `Bias of ${formula.name}` : `Weight from ${term.input} to ${formula.name}`} set to ${formatWeight(reading.value)}; training is paused.`;
        close(true, true);
      }
    });
    input.addEventListener('blur', () => {
      if (!done) close(false, false);
    });
  }
}
