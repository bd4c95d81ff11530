// The perceptron lab's custom element: it wires the controls rendered by PerceptronLab.astro to a
// RosenblattRun and draws the points, the two half-planes, the line w·x + b = 0 and the vector w.

import * as Plot from '../shared/plot.ts';
import { RosenblattRun, type EndEvent, type LabelledPoint, type UpdateEvent } from './rosenblatt-run.ts';
import { labPoints, type LabDataset } from './datasets.ts';
import { onThemeChange, plotStyle, themeVar } from '../shared/plot-theme.ts';
import { labelChart } from '../shared/plot-accessibility.ts';
import { watchVisibility } from '../shared/mount-when-visible.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { ControlLink } from '../shared/control-link.ts';
import { widgetKey } from '../shared/url-state.ts';

/** Milliseconds between updates in a continuous run, slow enough to follow the line. */
const RUN_INTERVAL = 450;

/** Rounds to three decimals for display, without trailing zeros or a negative zero. */
function fmt(value: number): string {
  const rounded = Number(value.toFixed(3));
  return (Object.is(rounded, -0) ? 0 : rounded).toString().replace('-', '−');
}

/** A number as a factor or term: negative numbers in parentheses, so "+ (−1)" never reads "+ −1". */
function term(value: number): string {
  const text = fmt(value);
  return text.startsWith('−') ? `(${text})` : text;
}

const signed = (label: number): string => (label > 0 ? '+1' : '−1');
const pair = (a: number, b: number): string => `(${fmt(a)}, ${fmt(b)})`;

/** The square region shown: the points' extent with a margin, at least 2 wide. */
function domainFor(points: readonly LabelledPoint[]): [number, number] {
  if (points.length === 0) return [-2, 2];
  const values = points.flatMap((p) => [p.x, p.y]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max(0.5, 0.15 * (hi - lo));
  lo -= pad;
  hi += pad;
  if (hi - lo < 2) {
    const mid = (lo + hi) / 2;
    [lo, hi] = [mid - 1, mid + 1];
  }
  return [lo, hi];
}

/** The text that spells out one update with its numbers. */
export function describeUpdate(event: UpdateEvent, point: LabelledPoint, total: number): string {
  const { before, after, learningRate: eta, score } = event;
  const y = signed(point.label);
  const lines = [
    `Epoch ${event.epoch}, point ${event.index + 1} of ${total}: x = ${pair(point.x, point.y)}, y = ${y}` +
      (event.passed > 0 ? ` (${event.passed} point${event.passed === 1 ? '' : 's'} before it already right)` : ''),
    `score w·x + b = ${term(before.w[0])}·${term(point.x)} + ${term(before.w[1])}·${term(point.y)} + ${term(before.b)} = ${fmt(score)}; y·score ≤ 0, a mistake`,
    `w ← w + η y x = ${pair(...before.w)} + ${term(eta)}·(${y})·${pair(point.x, point.y)} = ${pair(...after.w)}`,
    `b ← b + η y = ${fmt(before.b)} + ${term(eta)}·(${y}) = ${fmt(after.b)}`,
  ];
  return lines.join('\n');
}

/** The lab: dataset and point controls, step and run buttons, the plot, the update readout and the status line. */
class PerceptronLabElement extends HTMLElement {
  private points: LabelledPoint[] = [];
  private domain: [number, number] = [-2, 2];
  private run: RosenblattRun | null = null;
  private last: UpdateEvent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private visible = false;
  private chart: (SVGSVGElement | HTMLElement) & Plot.Plot | null = null;
  private width = 0;
  private cleanups: (() => void)[] = [];

  private control<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  private get plotElement(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-plot]')!;
  }

  connectedCallback(): void {
    const on = (name: string, type: string, handler: () => void) => this.control(name).addEventListener(type, handler);
    // The settings a link gives (`?perceptron=dataset_blobs*seed_7`), set before the first dataset loads.
    const link = new ControlLink(widgetKey(this, 'perceptron'), {
      dataset: this.control<HTMLSelectElement>('dataset'),
      seed: this.control<HTMLInputElement>('seed'),
      'learning-rate': this.control<HTMLInputElement>('learning-rate'),
      'max-epochs': this.control<HTMLInputElement>('max-epochs'),
    });
    link.restore();
    for (const name of ['dataset', 'seed', 'learning-rate', 'max-epochs']) on(name, 'change', () => link.save());
    on('dataset', 'change', () => this.loadDataset());
    on('seed', 'change', () => {
      if (this.datasetName === 'blobs') this.loadDataset();
    });
    on('learning-rate', 'change', () => {
      const eta = this.learningRate;
      if (this.run && eta !== null) this.run.perceptron.learningRate = eta;
    });
    on('max-epochs', 'change', () => this.restart(this.run?.state));
    on('step', 'click', () => this.step());
    on('run', 'click', () => (this.running ? this.pause('Paused.') : this.start()));
    on('reset', 'click', () => {
      this.pause();
      this.restart();
      this.say('Weights reset to w = (0, 0), b = 0.');
    });
    on('add', 'click', () => {
      const x = Number(this.control<HTMLInputElement>('add-x').value);
      const y = Number(this.control<HTMLInputElement>('add-y').value);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        this.say('Give both coordinates as numbers.', 'bad');
        return;
      }
      this.addPoint(x, y);
    });
    on('clear', 'click', () => {
      this.pause();
      this.points = [];
      this.restart();
      this.say('All points removed. Click the plot or use the fields below to add some.');
    });
    this.plotElement.addEventListener('click', (event) => this.clickPlot(event));
    this.cleanups.push(onThemeChange(() => this.render()));
    this.cleanups.push(watchVisibility(this, (visible) => this.setVisible(visible)));
    const resize = new ResizeObserver(() => {
      if (this.plotElement.clientWidth !== this.width) this.render();
    });
    resize.observe(this.plotElement);
    this.cleanups.push(() => resize.disconnect());
    for (const element of this.querySelectorAll<HTMLButtonElement>('button[disabled]')) element.disabled = false;
    this.loadDataset();
  }

  disconnectedCallback(): void {
    this.pause();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private get datasetName(): LabDataset {
    return this.control<HTMLSelectElement>('dataset').value as LabDataset;
  }

  private get learningRate(): number | null {
    const eta = Number(this.control<HTMLInputElement>('learning-rate').value);
    return eta > 0 && Number.isFinite(eta) ? eta : null;
  }

  private get maxEpochs(): number {
    const n = Math.round(Number(this.control<HTMLInputElement>('max-epochs').value));
    return Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 20;
  }

  private loadDataset(): void {
    this.pause();
    const seed = Math.max(0, Math.round(Number(this.control<HTMLInputElement>('seed').value) || 0));
    this.points = labPoints(this.datasetName, seed);
    this.domain = domainFor(this.points);
    this.restart();
    this.say(this.points.length === 0
      ? 'No points yet. Click the plot or use the fields below to add points of either class.'
      : `${this.points.length} points loaded; w = (0, 0), b = 0. Press Step for the first update.`);
  }

  /** Starts a new run over the current points from the given weights (zero by default). */
  private restart(start?: { w: [number, number]; b: number }): void {
    this.last = null;
    this.run = this.points.length > 0 ? new RosenblattRun(this.points, this.learningRate ?? 1, this.maxEpochs, start) : null;
    for (const name of ['step', 'run', 'reset']) this.control<HTMLButtonElement>(name).disabled = this.run === null;
    this.control<HTMLButtonElement>('clear').disabled = this.points.length === 0;
    this.showWeights();
    this.render();
  }

  private addPoint(x: number, y: number): void {
    const label = Number(this.control<HTMLSelectElement>('add-label').value) > 0 ? 1 : -1;
    this.pause();
    this.points = [...this.points, { x, y, label }];
    const [lo, hi] = this.domain;
    if (x < lo || x > hi || y < lo || y > hi) this.domain = domainFor(this.points);
    this.restart(this.run?.state);
    this.say(`Added a point of class ${signed(label)} at ${pair(x, y)}; ${this.points.length} points. The rule starts a new epoch from the current line.`);
  }

  private clickPlot(event: MouseEvent): void {
    const svg = this.plotElement.querySelector('svg');
    if (!svg || !this.chart) return;
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / box.width || 1;
    const px = (event.clientX - box.left) * scale;
    const py = (event.clientY - box.top) * scale;
    const x = this.chart.scale('x')!.invert!(px) as number;
    const y = this.chart.scale('y')!.invert!(py) as number;
    const [lo, hi] = this.domain;
    if (!(x >= lo && x <= hi && y >= lo && y <= hi)) return;
    this.addPoint(Number(x.toFixed(2)), Number(y.toFixed(2)));
  }

  /** Advances to the next update (or the end), shows it and returns whether the run goes on. */
  private step(): boolean {
    if (!this.run) return false;
    const event = this.run.next();
    if (event.kind === 'update') {
      this.last = event;
      this.readout(describeUpdate(event, this.points[event.index], this.points.length));
      if (!this.running) this.say(`Update ${this.run.updates}: point ${event.index + 1} was on the wrong side of the line or on it (y · score ≤ 0), so the line turned towards it.`);
      this.render();
      return true;
    }
    this.last = null;
    this.finish(event);
    return false;
  }

  private finish(end: EndEvent): void {
    this.pause();
    this.showWeights();
    this.render();
    if (end.kind === 'converged') {
      this.say(`Converged after ${end.epoch} epoch${end.epoch === 1 ? '' : 's'} and ${end.updates} update${end.updates === 1 ? '' : 's'}: epoch ${end.epoch} made no mistake, so the line separates the classes.`, 'good');
    } else {
      this.say(`The rule found no separating line within ${end.epoch} epochs: epoch ${end.epoch} still made ${end.mistakes} mistake${end.mistakes === 1 ? '' : 's'}. The lab gave up (which does not show that no line exists).`, 'bad');
    }
  }

  private start(): void {
    if (!this.run) return;
    if (prefersReducedMotion()) {
      // No animation: jump straight to the end of the run.
      this.finish(this.run.finish());
      return;
    }
    this.running = true;
    const button = this.control<HTMLButtonElement>('run');
    button.textContent = 'Pause';
    button.setAttribute('aria-pressed', 'true');
    this.say('Running: one update every half second.');
    this.schedule();
  }

  private schedule(): void {
    if (!this.running || !this.visible || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.step()) this.schedule();
    }, RUN_INTERVAL);
  }

  private pause(message?: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.running) return;
    this.running = false;
    const button = this.control<HTMLButtonElement>('run');
    button.textContent = 'Run';
    button.setAttribute('aria-pressed', 'false');
    if (message) this.say(message);
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.schedule();
    else if (this.timer !== null) {
      // Off-screen: hold the run where it is; it resumes when the lab is back in view.
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private showWeights(): void {
    const state = this.run?.state ?? { w: [0, 0], b: 0 };
    const [w1, w2] = state.w;
    this.readout(`w = ${pair(w1, w2)}, b = ${fmt(state.b)}\nline: ${term(w1)}·x₁ + ${term(w2)}·x₂ + ${term(state.b)} = 0`);
  }

  private readout(text: string): void {
    this.querySelector('[data-readout]')!.textContent = text;
  }

  private say(message: string, tone?: 'good' | 'bad'): void {
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    status.textContent = message;
    if (tone) status.dataset.tone = tone;
    else delete status.dataset.tone;
  }

  private render(): void {
    const container = this.plotElement;
    this.width = container.clientWidth;
    const size = Math.max(240, Math.min(460, this.width || 460));
    const [lo, hi] = this.domain;
    const { w: [w1, w2], b } = this.run?.state ?? { w: [0, 0], b: 0 };
    const positive = themeVar('good');
    const negative = themeVar('bad');
    const marks: Plot.Markish[] = [];
    const shade = { fillOpacity: 0.12, clip: true } as const;
    if (w1 === 0 && w2 === 0) {
      // Score b everywhere: the whole plane predicts +1 when b > 0 and −1 otherwise.
      marks.push(Plot.rect([0], { x1: lo, x2: hi, y1: lo, y2: hi, fill: b > 0 ? positive : negative, ...shade }));
    } else if (Math.abs(w2) >= Math.abs(w1)) {
      // The line x₂ = −(w₁ x₁ + b) / w₂; the +1 side is above it when w₂ > 0.
      const line = [lo, hi].map((x) => ({ x, y: -(w1 * x + b) / w2 }));
      marks.push(Plot.areaY(line, { x: 'x', y1: 'y', y2: () => hi, fill: w2 > 0 ? positive : negative, ...shade }));
      marks.push(Plot.areaY(line, { x: 'x', y1: 'y', y2: () => lo, fill: w2 > 0 ? negative : positive, ...shade }));
      marks.push(Plot.line(line, { x: 'x', y: 'y', stroke: themeVar('text'), strokeWidth: 2, clip: true }));
    } else {
      // The line x₁ = −(w₂ x₂ + b) / w₁; the +1 side is to its right when w₁ > 0.
      const line = [lo, hi].map((y) => ({ y, x: -(w2 * y + b) / w1 }));
      marks.push(Plot.areaX(line, { y: 'y', x1: 'x', x2: () => hi, fill: w1 > 0 ? positive : negative, ...shade }));
      marks.push(Plot.areaX(line, { y: 'y', x1: 'x', x2: () => lo, fill: w1 > 0 ? negative : positive, ...shade }));
      marks.push(Plot.line(line, { x: 'x', y: 'y', stroke: themeVar('text'), strokeWidth: 2, clip: true }));
    }
    if (w1 !== 0 || w2 !== 0) {
      // The arrow w starts at the point of the line nearest the centre c: c − ((w·c + b) / |w|²) w.
      const c = (lo + hi) / 2;
      const norm2 = w1 * w1 + w2 * w2;
      const t = (w1 * c + w2 * c + b) / norm2;
      const foot = [c - t * w1, c - t * w2];
      const length = (0.15 * (hi - lo)) / Math.sqrt(norm2);
      marks.push(Plot.arrow([0], { x1: foot[0], y1: foot[1], x2: foot[0] + length * w1, y2: foot[1] + length * w2, stroke: themeVar('accent'), strokeWidth: 2, clip: true }));
    }
    marks.push(Plot.dot(this.points.filter((p) => p.label > 0), { x: 'x', y: 'y', r: 5, fill: positive, stroke: themeVar('bg-raised'), symbol: 'circle' }));
    marks.push(Plot.dot(this.points.filter((p) => p.label < 0), { x: 'x', y: 'y', r: 5, stroke: negative, strokeWidth: 2.5, symbol: 'times' }));
    if (this.last) {
      const point = this.points[this.last.index];
      marks.push(Plot.dot([point], { x: 'x', y: 'y', r: 11, stroke: themeVar('focus'), strokeWidth: 2, fill: 'none' }));
    }
    const chart = Plot.plot({
      width: size,
      height: size,
      marginLeft: 40,
      marginBottom: 36,
      x: { domain: [lo, hi], label: 'x₁', grid: true },
      y: { domain: [lo, hi], label: 'x₂', grid: true },
      style: plotStyle,
      ariaLabel: 'The points, the decision line and the weight vector',
      marks,
    });
    labelChart(chart, 'The points, the decision line and the weight vector');
    this.chart = chart;
    container.replaceChildren(chart);
  }
}

if (!customElements.get('perceptron-lab')) customElements.define('perceptron-lab', PerceptronLabElement);
