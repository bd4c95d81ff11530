// The optimizer race's custom element: it wires the markup of OptimizerRace.astro to a race. A Web Worker
// (worker.ts) runs the racers with the engine, computes the surface's contour lines and draws the two charts with
// Observable Plot as SVG markup (charts.ts), since a race of a few hundred steps on a cold start, the contours of a
// surface and Plot's drawings each take longer than a frame (measured on the development machine: up to 37 ms,
// 100 ms and, on a 4x slower CPU, several hundred ms for Plot's evaluation and first charts). The page inserts the
// charts, draws the paths over the contours in an overlay that each step redraws, reveals the loss chart up to the
// step by a clip, and writes the legend, the selected racer's update lines (engine/optim/update-lines.ts, replayed on
// the page: one racer, a few hundred steps at most) and the table of points, and keeps the state in the URL
// (url-state.ts).

import { raceStep } from '../../../engine/optim/update-lines.ts';
import { optimizerHyperparameters } from '../../../engine/optim/registry.ts';
import type { Surface, SurfaceName } from '../../../engine/surfaces.ts';
import { watchVisibility, whenNear } from '../shared/mount-when-visible.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { themeVar } from '../shared/plot-theme.ts';
import { labelChart } from '../shared/plot-accessibility.ts';
import { formatNumber } from '../shared/graph/number-format.ts';
import type { LossChartMarkup } from './charts.ts';
import type { ChartMarkup } from '../shared/linear-scale.ts';
import { colorOf, DASHES } from './palette.ts';
import { applyScale, invertScale } from '../shared/linear-scale.ts';
import { parseSvg } from '../shared/markup-document.ts';
import type { RaceReply, RaceRequest } from './protocol.ts';
import { presetById, racersFor, type RacePreset } from './presets.ts';
import {
  CONDITION_RANGE,
  NOISE_RANGE,
  SPEEDS,
  describeOptions,
  engineOptions,
  noiseOf,
  optionValue,
  optionsProblem,
  racerName,
  surfaceKey,
  surfaceOf,
  type OptionValue,
  type RacePath,
} from './race.ts';
import { decodeView, encodeView, parameterName, presetView, withView, type RaceView } from './url-state.ts';
import { updateLineMathML, updateLineText } from './update-line-view.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** A marker of radius r centred at the origin, as an SVG path, by the racer's index: each racer its own shape. */
function markerPath(index: number, r = 5): string {
  const polygon = (points: [number, number][]) => `M${points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join('L')}Z`;
  const star = (spikes: number, inner: number) =>
    polygon(Array.from({ length: spikes * 2 }, (_, k) => {
      const angle = (Math.PI * k) / spikes - Math.PI / 2;
      const radius = k % 2 === 0 ? r * 1.3 : r * inner;
      return [radius * Math.cos(angle), radius * Math.sin(angle)] as [number, number];
    }));
  const w = r * 0.45;
  switch (index % 9) {
    case 0:
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    case 1:
      return polygon([[-r, -r], [r, -r], [r, r], [-r, r]]);
    case 2:
      return polygon([[0, -r * 1.25], [r * 1.15, r * 0.85], [-r * 1.15, r * 0.85]]);
    case 3:
      return polygon([[0, -r * 1.35], [r, 0], [0, r * 1.35], [-r, 0]]);
    case 4:
      return polygon([[-w, -r * 1.2], [w, -r * 1.2], [w, -w], [r * 1.2, -w], [r * 1.2, w], [w, w], [w, r * 1.2], [-w, r * 1.2], [-w, w], [-r * 1.2, w], [-r * 1.2, -w], [-w, -w]]);
    case 5:
      return star(5, 0.5);
    case 6:
      return polygon([[0, r * 1.25], [r * 1.15, -r * 0.85], [-r * 1.15, -r * 0.85]]);
    case 7:
      return polygon(Array.from({ length: 6 }, (_, k) => [r * 1.1 * Math.cos((Math.PI * k) / 3), r * 1.1 * Math.sin((Math.PI * k) / 3)] as [number, number]));
    default:
      return star(4, 0.45);
  }
}

/** An element in the SVG namespace with attributes. */
function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** A number for the reader: 4 significant digits, a true minus sign. */
const show = (value: number) => formatNumber(value, 4);
const pair = ([x, y]: readonly [number, number]) => `(${show(x)}, ${show(y)})`;

/** The race: controls, contour plot with paths, loss plot, legend, update lines and table. */
class OptimizerRaceElement extends HTMLElement {
  private preset!: RacePreset;
  private key = '';
  private view!: RaceView;
  private surface!: Surface;
  private paths: RacePath[] = [];
  /** The contour chart shown (its scales), and what it was drawn for (surface, condition, width). */
  private contour: ChartMarkup | null = null;
  private contourKey = '';
  /** The width last asked of the worker for the contour chart: a resize that keeps it draws nothing. */
  private askedWidth = 0;
  private overlay: SVGGElement | null = null;
  /** The loss chart's clip, widened to the current step. */
  private lossClip: SVGRectElement | null = null;
  private lossRule: SVGLineElement | null = null;
  private lossChart: LossChartMarkup | null = null;
  private worker: Worker | null = null;
  private requestId = 0;
  /** The id of the last request the worker answered. */
  private answeredId = 0;
  /** Whether a drag of the start ended before the race for the new start came back, so its reply announces the move. */
  private startMovedPending = false;
  private playing = false;
  private frame = 0;
  private lastTime = 0;
  private carry = 0;
  private visible = true;
  private dragging = false;
  private readonly cleanups: (() => void)[] = [];

  connectedCallback(): void {
    this.preset = presetById(this.dataset.preset ?? '');
    this.key = this.dataset.key ?? this.preset.id;
    this.view = decodeView(this.preset, new URLSearchParams(window.location.search).get(parameterName(this.key)));
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.addEventListener('change', (event) => this.onChange(event));
    this.addEventListener('input', (event) => this.onInput(event));
    const plot = this.plot('contour');
    plot.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    plot.addEventListener('pointermove', (event) => this.onPointerMove(event));
    plot.addEventListener('pointerup', () => this.onPointerUp());
    plot.addEventListener('pointercancel', () => this.onPointerUp());
    this.cleanups.push(watchVisibility(this, (visible) => this.setVisible(visible)));
    const resize = new ResizeObserver(() => this.onResize());
    resize.observe(plot);
    this.cleanups.push(() => resize.disconnect());
    // The table of every point is written when it is opened: a few hundred rows, two or three thousand elements, were
    // most of the widget's first drawing, for a table most readers never open.
    const table = this.querySelector<HTMLDetailsElement>('details.race-table');
    table?.addEventListener('toggle', () => {
      if (table.open) this.renderTable();
    });
    this.syncControls();
    // A lesson places several races: each starts its worker and draws when it nears the viewport, not all at once when
    // the first does (each drawing costs a slow phone a few hundred milliseconds). Until then it is pending (print.ts
    // waits for that, and says so of a race never drawn).
    this.dataset.pending = '';
    this.cleanups.push(whenNear([this], () => this.start()));
  }

  /** Starts the race's worker and asks it for the race. */
  private start(): void {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<RaceReply>) => this.onReply(event.data));
    this.cleanups.push(() => this.worker?.terminate());
    this.recompute();
  }

  disconnectedCallback(): void {
    this.pause();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The worker's race: draws it if it answers the latest request. */
  private onReply(reply: RaceReply): void {
    if (reply.id !== this.requestId) return;
    this.answeredId = reply.id;
    if (reply.type === 'error') {
      delete this.dataset.pending;
      this.startMovedPending = false;
      this.say(`The race could not be run: ${reply.message}`);
      return;
    }
    this.paths = reply.paths;
    this.dataset.raceMs = reply.milliseconds.race.toFixed(2);
    this.dataset.chartMs = reply.milliseconds.charts.toFixed(2);
    this.view.step = Math.min(this.view.step, this.view.state.steps);
    if (reply.contour !== null) this.drawContour(reply.contour);
    this.drawLoss(reply.loss);
    this.render();
    this.renderTable();
    delete this.dataset.pending;
    this.dataset.ready = '';
    // The drag's announcement has now been said with the moved race's numbers.
    this.startMovedPending = false;
  }

  private plot(name: 'contour' | 'loss'): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-plot="${name}"]`)!;
  }

  private field<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-field="${name}"]`)!;
  }

  /** A chart's width: its container's, at least 260 px. */
  private widthOf(name: 'contour' | 'loss'): number {
    return Math.max(260, Math.floor(this.plot(name).clientWidth || 560));
  }

  /** What the contour chart depends on: the surface (and its condition number) and the chart's width. */
  private contourKeyFor(width: number): string {
    return `${surfaceKey(this.view.state)}|${width}`;
  }

  /**
   * Asks the worker to rerun the race after anything but the step changed, with the contour chart when the surface or
   * the width changed. The worker draws both charts (charts.ts): on a slow phone Plot's evaluation and its drawings
   * cost the page's main thread several hundred milliseconds, which the page now spends inserting markup.
   */
  private recompute(): void {
    const { state } = this.view;
    this.surface = surfaceOf(state);
    this.requestId += 1;
    const widths = { contour: this.widthOf('contour'), loss: this.widthOf('loss') };
    this.askedWidth = widths.contour;
    const request: RaceRequest = { id: this.requestId, state, widths, contour: this.contourKeyFor(widths.contour) !== this.contourKey };
    this.worker?.postMessage(request);
  }

  /** A new width redraws the charts (in the worker); a resize that keeps the width (the charts' own insertion) draws nothing. */
  private onResize(): void {
    if (this.worker === null || this.widthOf('contour') === this.askedWidth) return;
    this.recompute();
  }

  /** The contour chart from the worker: labelled, its contours clipped to the frame, an overlay for the paths over it. */
  private drawContour(contour: ChartMarkup): void {
    const svg = parseSvg(contour.markup);
    const label = svg.getAttribute('aria-label') ?? 'Contours';
    labelChart(svg, label);
    this.contour = contour;
    this.contourKey = this.contourKeyFor(this.askedWidth);
    // The chart holds the focusable start marker, so it is a labelled group rather than one image; Plot's frame
    // carries a label of its own, which a rect may not.
    svg.setAttribute('role', 'group');
    for (const labelled of svg.querySelectorAll('[aria-label]')) labelled.removeAttribute('aria-label');
    const [x0, x1] = contour.x.range;
    const [y0, y1] = contour.y.range;
    const clipId = `${this.id}-clip`;
    const defs = svgElement('defs', {});
    const clip = svgElement('clipPath', { id: clipId });
    clip.append(svgElement('rect', { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }));
    defs.append(clip);
    svg.append(defs);
    // The contour lines (drawn by the worker in grid units under one transform) are clipped in pixels, outside it.
    svg.querySelector('.race-contours')?.setAttribute('clip-path', `url(#${clipId})`);
    this.overlay = svgElement('g', { class: 'race-overlay' });
    svg.append(this.overlay);
    this.plot('contour').replaceChildren(svg);
  }

  /** Plot coordinates (in the SVG's viewBox) of a point of the plane. */
  private toPixels([px, py]: readonly [number, number]): [number, number] {
    return [applyScale(this.contour!.x, px), applyScale(this.contour!.y, py)];
  }

  /** Everything that follows the step: paths, loss plot, legend, lines, table, status, count, URL. */
  private render(announce = true): void {
    this.drawPaths();
    this.revealLoss();
    this.renderLegend();
    this.renderLines();
    const { step, state } = this.view;
    this.querySelector('[data-count]')!.textContent = `Step ${step} of ${state.steps}`;
    if (announce) this.say(this.startMovedPending ? this.startMovedText() : this.statusText());
    this.writeUrl();
  }

  /** The paths up to this step, each racer's current point marked, and the start marker. */
  private drawPaths(): void {
    const overlay = this.overlay;
    if (overlay === null) return;
    const { step, state } = this.view;
    const clipId = `${this.id}-clip`;
    const paths = svgElement('g', { 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' });
    for (const path of this.paths) {
      const shown = path.points.slice(0, step + 1);
      const d = shown.map((point, i) => `${i === 0 ? 'M' : 'L'}${this.toPixels(point).map((v) => v.toFixed(1)).join(',')}`).join('');
      paths.append(svgElement('path', { d, fill: 'none', stroke: colorOf(path.index), 'stroke-width': 2, 'stroke-dasharray': DASHES[path.index % DASHES.length], 'stroke-linejoin': 'round', class: 'race-path', 'data-racer': path.index }));
      const [cx, cy] = this.toPixels(shown[shown.length - 1]);
      paths.append(svgElement('path', { d: markerPath(path.index), transform: `translate(${cx.toFixed(1)},${cy.toFixed(1)})`, fill: colorOf(path.index), stroke: 'var(--bg-raised)', 'stroke-width': 1.2 }));
    }
    const [sx, sy] = this.toPixels(state.start);
    const start = svgElement('g', {
      class: 'race-start',
      tabindex: 0,
      role: 'button',
      'aria-label': `Start point ${pair(state.start)}: arrow keys move it, Shift for larger moves`,
      'aria-keyshortcuts': 'ArrowUp ArrowDown ArrowLeft ArrowRight',
      transform: `translate(${sx.toFixed(1)},${sy.toFixed(1)})`,
      'data-start': '',
    });
    start.append(svgElement('circle', { r: 14, fill: 'transparent', class: 'race-start-hit' }));
    start.append(svgElement('circle', { r: 8, fill: 'none', stroke: themeVar('text'), 'stroke-width': 2 }));
    start.append(svgElement('circle', { r: 2.5, fill: themeVar('text') }));
    const hadFocus = this.overlay!.querySelector('[data-start]') === document.activeElement;
    overlay.replaceChildren(paths, start);
    if (hadFocus) start.focus();
  }

  /** The loss chart from the worker (each racer's loss at every step), revealed up to the step by a clip. */
  private drawLoss(loss: LossChartMarkup): void {
    const svg = parseSvg(loss.markup);
    labelChart(svg, 'The loss of each optimizer against the step');
    // The curves are drawn whole once and revealed up to the current step by a clip, so a step redraws nothing.
    const [y0, y1] = loss.y.range;
    const clipId = `${this.id}-loss-clip`;
    const defs = svgElement('defs', {});
    const clip = svgElement('clipPath', { id: clipId });
    this.lossClip = svgElement('rect', { x: 0, y: Math.min(y0, y1) - 4, width: 0, height: Math.abs(y1 - y0) + 8 });
    clip.append(this.lossClip);
    defs.append(clip);
    svg.prepend(defs);
    for (const group of svg.querySelectorAll('g[data-mark="line"]')) group.setAttribute('clip-path', `url(#${clipId})`);
    this.lossRule = svgElement('line', { y1: Math.min(y0, y1), y2: Math.max(y0, y1), stroke: themeVar('border'), 'stroke-width': 1 });
    svg.append(this.lossRule);
    this.lossChart = loss;
    this.plot('loss').replaceChildren(svg);
    this.querySelector('[data-loss-caption]')!.textContent = loss.log ? 'The loss at each step, on a log scale.' : 'The loss at each step (this surface goes below zero, so the scale is linear).';
  }

  /** Reveals the loss curves up to the current step and moves the step's rule there. */
  private revealLoss(): void {
    if (this.lossChart === null || this.lossClip === null || this.lossRule === null) return;
    const x = applyScale(this.lossChart.x, this.view.step);
    this.lossClip.setAttribute('width', String(Math.max(0, x + 3)));
    this.lossRule.setAttribute('x1', x.toFixed(1));
    this.lossRule.setAttribute('x2', x.toFixed(1));
  }

  /** A path's state at this step: its loss, or where it stopped. */
  private pathStatus(path: RacePath): string {
    const { step } = this.view;
    if (path.divergedAt !== null && step >= path.divergedAt) {
      return `diverged at step ${path.divergedAt} (${path.reason === 'window' ? 'left the plot' : 'overflowed'})`;
    }
    const k = Math.min(step, path.points.length - 1);
    return `loss ${show(path.losses[k])} at ${pair(path.points[k])}`;
  }

  /** One entry per racer on: its line and marker, its name and settings, and its state at this step. */
  private renderLegend(): void {
    const { racers } = this.view.state;
    const legend = this.querySelector<HTMLUListElement>('[data-legend]')!;
    legend.replaceChildren(
      ...this.paths.map((path) => {
        const li = document.createElement('li');
        li.dataset.racer = String(path.index);
        const swatch = svgElement('svg', { width: 40, height: 14, viewBox: '0 0 40 14', 'aria-hidden': 'true', class: 'race-swatch' });
        swatch.append(svgElement('line', { x1: 1, y1: 7, x2: 39, y2: 7, stroke: colorOf(path.index), 'stroke-width': 2, 'stroke-dasharray': DASHES[path.index % DASHES.length] }));
        swatch.append(svgElement('path', { d: markerPath(path.index, 4), transform: 'translate(20,7)', fill: colorOf(path.index), stroke: 'var(--bg-raised)', 'stroke-width': 1 }));
        const name = document.createElement('strong');
        name.textContent = racerName(racers, path.index);
        const settings = document.createElement('span');
        settings.className = 'race-settings-text';
        settings.textContent = ` ${describeOptions(racers[path.index])}: `;
        const status = document.createElement('span');
        status.dataset.pathStatus = '';
        const diverged = path.divergedAt !== null && this.view.step >= path.divergedAt;
        if (diverged) status.className = 'race-diverged';
        status.textContent = this.pathStatus(path);
        li.append(swatch, name, settings, status);
        return li;
      }),
    );
    if (this.paths.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'No optimizer is switched on: choose some under “Optimizers and their hyper-parameters”.';
      legend.replaceChildren(li);
    }
  }

  /** The selected racer's update at this step, written out with its numbers. */
  private renderLines(): void {
    const { step, state, selected } = this.view;
    const list = this.querySelector<HTMLOListElement>('[data-lines]')!;
    const empty = this.querySelector<HTMLElement>('[data-lines-empty]')!;
    const racer = state.racers[selected];
    let message: string | null = null;
    let lines: ReturnType<typeof raceStep> = null;
    if (!racer.on) message = `${racerName(state.racers, selected)} is switched off.`;
    else if (step === 0) message = 'Take a step to see the update written out with its numbers.';
    else {
      const path = this.paths.find((p) => p.index === selected);
      if (path !== undefined && path.divergedAt !== null && step >= path.divergedAt) message = `${racerName(state.racers, selected)} diverged at step ${path.divergedAt}.`;
      else {
        lines = raceStep(this.surface, racer.optimizer, engineOptions(racer), state.start, step, noiseOf(state));
        if (lines === null) message = `${racerName(state.racers, selected)} stopped before step ${step}.`;
      }
    }
    empty.hidden = message === null;
    if (message !== null) empty.textContent = message;
    list.replaceChildren(
      ...(lines?.lines ?? []).map((line) => {
        const li = document.createElement('li');
        li.innerHTML = updateLineMathML(line);
        li.setAttribute('aria-label', updateLineText(line));
        li.dataset.target = line.target;
        // A line wider than a phone scrolls sideways, so it takes focus for the keyboard to scroll it.
        li.tabIndex = 0;
        return li;
      }),
    );
    const title = this.querySelector('.race-lines-title')!;
    title.textContent = lines === null ? 'This step’s update' : `Step t = ${lines.t}’s update`;
  }

  /** Every point of every racer on, step by step, with full precision in data attributes; only while the table is open. */
  private renderTable(): void {
    const container = this.querySelector<HTMLElement>('[data-table]')!;
    if (!this.querySelector<HTMLDetailsElement>('details.race-table')?.open) {
      // Closed, it holds nothing: an old table would be stale, and opening it writes the race as it is then.
      container.replaceChildren();
      return;
    }
    const { racers, steps } = this.view.state;
    const head = this.paths.map((p) => `<th scope="col">${escapeHtml(racerName(racers, p.index))}<br /><span class="race-table-note">${escapeHtml(describeOptions(racers[p.index]))}</span></th>`).join('');
    const rows: string[] = [];
    for (let k = 0; k <= steps; k++) {
      const cells = this.paths.map((p) => {
        if (k < p.points.length) return `<td data-racer="${p.index}" data-x="${p.points[k][0]}" data-y="${p.points[k][1]}" data-loss="${p.losses[k]}">${pair(p.points[k])}</td>`;
        return `<td data-racer="${p.index}">${p.divergedAt !== null && k === p.divergedAt ? 'diverged' : ''}</td>`;
      });
      if (this.paths.every((p) => k >= p.points.length) && k > 0) break;
      rows.push(`<tr><th scope="row">${k}</th>${cells.join('')}</tr>`);
    }
    container.innerHTML = `<table><caption>The point (x, y) of each optimizer after each step</caption><thead><tr><th scope="col">Step</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }

  /** The status line: the step, the lowest loss, and any racer that diverged by now. */
  private statusText(): string {
    const { step, state } = this.view;
    if (this.paths.length === 0) return 'No optimizer is switched on.';
    const live = this.paths.filter((p) => p.divergedAt === null || step < p.divergedAt);
    const dead = this.paths.filter((p) => p.divergedAt !== null && step >= p.divergedAt);
    const parts = [`Step ${step} of ${state.steps}.`];
    if (live.length > 0) {
      const best = live.reduce((a, b) => (a.losses[Math.min(step, a.losses.length - 1)] <= b.losses[Math.min(step, b.losses.length - 1)] ? a : b));
      parts.push(`Lowest loss: ${racerName(state.racers, best.index)}, ${show(best.losses[Math.min(step, best.losses.length - 1)])}.`);
    }
    for (const p of dead) parts.push(`${racerName(state.racers, p.index)} diverged at step ${p.divergedAt}${p.reason === 'window' ? ' (left the plot)' : ''}.`);
    return parts.join(' ');
  }

  private say(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  private writeUrl(): void {
    const encoded = encodeView(this.preset, this.view);
    const url = `${window.location.pathname}${withView(window.location.search, this.key, encoded)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }

  /** Puts the state's values in every control. */
  private syncControls(): void {
    const { state, selected } = this.view;
    this.field<HTMLSelectElement>('surface').value = state.surface;
    this.field<HTMLInputElement>('condition').value = String(state.condition);
    this.querySelector<HTMLElement>('[data-condition-field]')!.hidden = state.surface !== 'quadratic';
    this.field<HTMLInputElement>('noise').value = String(state.noise);
    this.querySelector('[data-noise-value]')!.textContent = String(state.noise);
    this.field<HTMLInputElement>('seed').value = String(state.seed);
    this.field<HTMLInputElement>('start-x').value = String(state.start[0]);
    this.field<HTMLInputElement>('start-y').value = String(state.start[1]);
    this.field<HTMLSelectElement>('selected').value = String(selected);
    for (const input of this.querySelectorAll<HTMLInputElement>('input[data-racer]')) {
      const racer = state.racers[Number(input.dataset.racer)];
      input.removeAttribute('aria-invalid');
      if (input.dataset.field === 'on') {
        input.checked = racer.on;
        continue;
      }
      const value = optionValue(racer, input.dataset.option!);
      if (input.type === 'checkbox') input.checked = value === true;
      else input.value = String(Array.isArray(value) ? value[Number(input.dataset.part)] : value);
    }
    for (const p of this.querySelectorAll<HTMLElement>('[data-problem]')) p.hidden = true;
  }

  // Stepping and playing.

  private go(step: number, announce = true): void {
    this.view.step = Math.max(0, Math.min(this.view.state.steps, step));
    this.render(announce);
  }

  private play(): void {
    if (this.view.step >= this.view.state.steps) this.view.step = 0;
    if (prefersReducedMotion()) {
      // No animation: the race jumps to its end.
      this.go(this.view.state.steps);
      this.say(`${this.statusText()} (Reduced motion: the race jumped to its last step.)`);
      return;
    }
    this.playing = true;
    this.setPlayButton();
    this.lastTime = performance.now();
    this.carry = 0;
    this.frame = requestAnimationFrame((time) => this.tick(time));
  }

  private pause(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.setPlayButton();
    this.say(this.statusText());
  }

  private tick(time: number): void {
    if (!this.playing) return;
    const speed = SPEEDS[Number(this.field<HTMLSelectElement>('speed').value)] ?? SPEEDS[1];
    this.carry += ((time - this.lastTime) / 1000) * speed.stepsPerSecond;
    this.lastTime = time;
    const whole = Math.floor(this.carry);
    if (whole > 0 && this.visible) {
      this.carry -= whole;
      this.go(this.view.step + whole, false);
    }
    if (this.view.step >= this.view.state.steps) {
      this.pause();
      return;
    }
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) this.pause();
  }

  private setPlayButton(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    button.textContent = this.playing ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(this.playing));
  }

  // Events.

  private onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-action]');
    if (button === null) return;
    const action = button.dataset.action;
    if (action === 'play') {
      if (this.playing) this.pause();
      else this.play();
      return;
    }
    this.pause();
    if (action === 'reset') this.go(0);
    else if (action === 'back') this.go(this.view.step - 1);
    else if (action === 'step') this.go(this.view.step + 1);
    else if (action === 'defaults') {
      const step = this.view.step;
      this.view = presetView(this.preset);
      this.view.step = step;
      this.syncControls();
      this.recompute();
    }
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as Element;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.closest('[data-start]') !== null && event.key.startsWith('Arrow')) {
      const { x, y } = this.surface.domain;
      const fraction = event.shiftKey ? 0.1 : 0.02;
      const dx = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const dy = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
      const [sx, sy] = this.view.state.start;
      this.moveStart(sx + dx * fraction * (x[1] - x[0]), sy + dy * fraction * (y[1] - y[0]));
      event.preventDefault();
      return;
    }
    if (target.matches('input, select, textarea, summary')) return;
    if (event.key === 'ArrowRight' || event.key === '.') {
      this.pause();
      this.go(this.view.step + 1);
    } else if (event.key === 'ArrowLeft' || event.key === ',') {
      this.pause();
      this.go(this.view.step - 1);
    } else return;
    event.preventDefault();
  }

  /** Sets the start (kept on the plot, rounded to a thousandth of the window) and reruns the race. */
  private moveStart(px: number, py: number): void {
    const { x, y } = this.surface.domain;
    // Kept on the plot, to the decimals a thousandth of the window needs (a keyboard move of −2.5 by 0.12 is −2.38).
    const round = (v: number, [lo, hi]: readonly [number, number]) => {
      const digits = Math.max(0, Math.ceil(-Math.log10((hi - lo) / 1000)));
      return Number(Math.min(hi, Math.max(lo, v)).toFixed(digits));
    };
    this.view.state = { ...this.view.state, start: [round(px, x), round(py, y)] };
    this.field<HTMLInputElement>('start-x').value = String(this.view.state.start[0]);
    this.field<HTMLInputElement>('start-y').value = String(this.view.state.start[1]);
    this.recompute();
  }

  private pointFromEvent(event: PointerEvent): [number, number] | null {
    const svg = this.plot('contour').querySelector('svg');
    if (svg === null || this.contour === null) return null;
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / box.width || 1;
    const px = (event.clientX - box.left) * scale;
    const py = (event.clientY - box.top) * scale;
    return [invertScale(this.contour.x, px), invertScale(this.contour.y, py)];
  }

  private onPointerDown(event: PointerEvent): void {
    const point = this.pointFromEvent(event);
    if (point === null) return;
    const { x, y } = this.surface.domain;
    if (point[0] < x[0] || point[0] > x[1] || point[1] < y[0] || point[1] > y[1]) return;
    this.pause();
    this.dragging = true;
    this.plot('contour').setPointerCapture(event.pointerId);
    this.moveStart(point[0], point[1]);
    event.preventDefault();
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.dragging) return;
    const point = this.pointFromEvent(event);
    if (point !== null) this.moveStart(point[0], point[1]);
  }

  private onPointerUp(): void {
    if (!this.dragging) return;
    this.dragging = false;
    // When the race for the new start is still running, its reply says so (with its numbers) instead of the plain status.
    this.startMovedPending = this.answeredId !== this.requestId;
    this.say(this.startMovedText());
  }

  private startMovedText(): string {
    return `Start moved to ${pair(this.view.state.start)}. ${this.statusText()}`;
  }

  /** Live fields: the noise slider and the number fields take effect as they change. */
  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.dataset.field === 'noise') {
      const value = Number(input.value);
      if (!(value >= NOISE_RANGE.min && value <= NOISE_RANGE.max)) return;
      this.querySelector('[data-noise-value]')!.textContent = String(value);
      this.view.state = { ...this.view.state, noise: value };
      this.recompute();
    }
  }

  private onChange(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.dataset.field;
    const state = this.view.state;
    const valid = (ok: boolean) => {
      input.setAttribute('aria-invalid', String(!ok));
      return ok;
    };
    if (field === 'speed' || field === 'noise') return;
    this.pause();
    if (field === 'selected') {
      this.view.selected = Number(input.value);
      this.render();
      return;
    }
    if (field === 'surface') {
      const surface = input.value as SurfaceName;
      const racers = racersFor(this.preset, surface).map((racer, i) => ({ ...racer, on: state.racers[i].on }));
      const start = surface === this.preset.state.surface ? this.preset.state.start : surfaceOf({ surface, condition: state.condition }).start;
      this.view.state = { ...state, surface, racers, start: [start[0], start[1]] };
      this.syncControls();
      this.recompute();
      return;
    }
    const value = Number(input.value);
    if (field === 'condition') {
      if (!valid(input.value.trim() !== '' && value >= CONDITION_RANGE.min && value <= CONDITION_RANGE.max)) return;
      this.view.state = { ...state, condition: value };
    } else if (field === 'seed') {
      if (!valid(input.value.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 2 ** 31)) return;
      this.view.state = { ...state, seed: value };
    } else if (field === 'start-x' || field === 'start-y') {
      const [lo, hi] = this.surface.domain[field === 'start-x' ? 'x' : 'y'];
      if (!valid(input.value.trim() !== '' && value >= lo && value <= hi)) return;
      this.view.state = { ...state, start: field === 'start-x' ? [value, state.start[1]] : [state.start[0], value] };
    } else if (input.dataset.racer !== undefined) {
      this.changeRacer(input as HTMLInputElement);
      return;
    } else return;
    this.recompute();
  }

  /** Switches a racer on or off or changes one of its options; options the engine refuses are marked and not used. */
  private changeRacer(input: HTMLInputElement): void {
    const index = Number(input.dataset.racer);
    const racers = [...this.view.state.racers];
    const racer = racers[index];
    if (input.dataset.field === 'on') {
      racers[index] = { ...racer, on: input.checked };
    } else {
      const option = input.dataset.option!;
      const spec = optimizerHyperparameters(racer.optimizer)[option];
      let value: OptionValue;
      if (typeof spec.default === 'boolean') value = input.checked;
      else if (Array.isArray(spec.default)) {
        const pair = [...(optionValue(racer, option) as readonly [number, number])] as [number, number];
        pair[Number(input.dataset.part)] = input.value.trim() === '' ? NaN : Number(input.value);
        value = pair;
      } else value = input.value.trim() === '' ? NaN : Number(input.value);
      const options = { ...racer.options, [option]: value };
      const problem = optionsProblem(racer.optimizer, options);
      const note = this.querySelector<HTMLElement>(`[data-problem="${index}"]`)!;
      input.setAttribute('aria-invalid', String(problem !== null));
      note.hidden = problem === null;
      note.textContent = problem ?? '';
      if (problem !== null) return;
      racers[index] = { ...racer, options };
    }
    this.view.state = { ...this.view.state, racers };
    this.recompute();
  }
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

if (!customElements.get('optimizer-race')) customElements.define('optimizer-race', OptimizerRaceElement);
