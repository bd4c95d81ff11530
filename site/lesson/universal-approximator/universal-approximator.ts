// The approximator's custom element: it wires the controls rendered by UniversalApproximator.astro
// to a training worker, shows the charts that worker draws (charts.ts: the fit over the target, each
// unit's contribution below it), and lets the reader drag and add target points.

import type { HiddenActivation, NetworkWeights } from './network.ts';
import { DOMAIN, sampleTarget, startingPoints, type TargetName } from './targets.ts';
import type { ApproximatorReply, ApproximatorRequest } from './protocol.ts';
import { chartWidth, placeChart } from '../shared/worker-chart.ts';
import { applyScale, invertScale, type LinearScale } from '../shared/linear-scale.ts';
import { watchVisibility } from '../shared/mount-when-visible.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { LatestRequest, WorkerRequests, type WithoutId } from '../shared/worker-requests.ts';
import { ControlLink } from '../shared/control-link.ts';
import { widgetKey } from '../shared/url-state.ts';

/** Adam steps per request while training continuously: small enough to keep the picture moving. */
const STEPS_PER_FRAME = 20;
/** Steps one press of Train runs before stopping by itself, so a forgotten tab does not train forever. */
const STEPS_PER_RUN = 3000;
/** Steps one press of Train takes at once when the reader prefers reduced motion. */
const STEPS_WITHOUT_MOTION = 1000;
/** How close (in pixels) a press must be to a point to drag it. */
const GRAB_RADIUS = 16;

/** The approximator: target, units, activation and seed controls, the fit, the pieces, and point editing. */
class UniversalApproximatorElement extends HTMLElement {
  private worker: Worker | null = null;
  private requests: WorkerRequests<ApproximatorRequest, ApproximatorReply> | null = null;
  private points = startingPoints();
  private weights: NetworkWeights | null = null;
  private steps = 0;
  private loss = NaN;
  private running = false;
  private remaining = 0;
  private visible = false;
  private generation = 0;
  private dragging: number | null = null;
  private moved = false;
  /** The scales of the fit chart on the page, to find the point under the pointer. */
  private fitScales: { x: LinearScale; y: LinearScale } | null = null;
  /** The charts' drawing in the worker: one in flight at a time, and only the reply to the latest request shown. */
  private drawing: LatestRequest<ApproximatorRequest, ApproximatorReply> | null = null;
  private width = 0;
  private cleanups: (() => void)[] = [];

  private control<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  connectedCallback(): void {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.requests = new WorkerRequests<ApproximatorRequest, ApproximatorReply>(this.worker);
    this.drawing = new LatestRequest(this.requests);
    const units = this.control<HTMLInputElement>('units');
    units.addEventListener('input', () => (this.querySelector('[data-units-value]')!.textContent = units.value));
    // The settings a link gives (`?approximator=target_step*units_16`); the reader's own points stay on the page.
    const link = new ControlLink(widgetKey(this, 'approximator'), {
      target: this.control<HTMLSelectElement>('target'),
      units,
      activation: this.control<HTMLSelectElement>('activation'),
      seed: this.control<HTMLInputElement>('seed'),
    });
    link.restore();
    this.querySelector('[data-units-value]')!.textContent = units.value;
    for (const name of ['target', 'units', 'activation', 'seed']) {
      this.control(name).addEventListener('change', () => {
        link.save();
        void this.reset();
      });
    }
    this.control('reset').addEventListener('click', () => void this.reset());
    this.control('train').addEventListener('click', () => (this.running ? this.pause('Paused.') : void this.train()));
    this.control('add').addEventListener('click', () => {
      const x = Number(this.control<HTMLInputElement>('add-x').value);
      const y = Number(this.control<HTMLInputElement>('add-y').value);
      const [lo, hi] = DOMAIN;
      if (!(x >= lo && x <= hi) || !Number.isFinite(y)) {
        this.say(`Give x between ${lo} and ${hi} and y as a number.`);
        return;
      }
      this.points = { x: [...this.points.x, x], y: [...this.points.y, y] };
      void this.sendPoints(`Added the point (${x}, ${y}); ${this.points.x.length} points.`);
    });
    this.control('remove').addEventListener('click', () => {
      if (this.points.x.length <= 1) {
        this.say('Keep at least one point to fit.');
        return;
      }
      this.points = { x: this.points.x.slice(0, -1), y: this.points.y.slice(0, -1) };
      void this.sendPoints(`Removed the last point; ${this.points.x.length} points.`);
    });
    const plot = this.querySelector<HTMLElement>('[data-plot="fit"]')!;
    plot.addEventListener('pointerdown', (event) => this.pointerDown(event));
    plot.addEventListener('pointermove', (event) => this.pointerMove(event));
    plot.addEventListener('pointerup', (event) => this.pointerUp(event));
    this.cleanups.push(watchVisibility(this, (visible) => {
      this.visible = visible;
      if (visible && this.running) void this.loop();
    }));
    const resize = new ResizeObserver(() => {
      if (this.clientWidth !== this.width) this.render();
    });
    resize.observe(this);
    this.cleanups.push(() => resize.disconnect());
    void this.reset();
  }

  disconnectedCallback(): void {
    this.running = false;
    this.worker?.terminate();
    this.worker = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Sends `message` to the worker; resolves with its reply (never, once the widget has left the page). */
  private request(message: WithoutId<ApproximatorRequest>): Promise<ApproximatorReply> {
    return this.requests!.request(message);
  }

  private get target(): TargetName {
    return this.control<HTMLSelectElement>('target').value as TargetName;
  }

  /** The points being fitted: the reader's, or samples of the chosen function. */
  private get data(): { x: number[]; y: number[] } {
    const target = this.target;
    return target === 'points' ? this.points : sampleTarget(target);
  }

  private accept(reply: ApproximatorReply): boolean {
    if (reply.type !== 'state') {
      this.pause();
      this.say(`Training stopped: ${reply.type === 'error' ? reply.message : 'the worker sent charts for a step'}`);
      return false;
    }
    this.weights = reply.weights;
    this.steps = reply.steps;
    this.loss = reply.loss;
    this.querySelector('[data-loss]')!.textContent = `step ${this.steps} · loss ${this.loss.toPrecision(3)} (mean squared error)`;
    this.render();
    return true;
  }

  /** A new network from the seed for the chosen target, units and activation. */
  private async reset(): Promise<void> {
    this.pause();
    const generation = ++this.generation;
    const units = Math.round(Number(this.control<HTMLInputElement>('units').value));
    const activation = this.control<HTMLSelectElement>('activation').value as HiddenActivation;
    const seed = Math.max(0, Math.round(Number(this.control<HTMLInputElement>('seed').value) || 0));
    this.querySelector<HTMLElement>('[data-points-editor]')!.hidden = this.target !== 'points';
    this.querySelector<HTMLElement>('[data-plot="fit"]')!.toggleAttribute('data-clickable', this.target === 'points');
    const { x, y } = this.data;
    const reply = await this.request({ type: 'reset', units, activation, seed, x, y });
    if (generation !== this.generation || !this.accept(reply)) return;
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[disabled]')) button.disabled = false;
    this.say(`New network: ${units} ${activation === 'relu' ? 'ReLU' : 'sigmoid'} unit${units === 1 ? '' : 's'} from seed ${seed}, loss ${this.loss.toPrecision(3)}. Press Train.`);
  }

  private async sendPoints(message: string): Promise<void> {
    const reply = await this.request({ type: 'data', x: this.points.x, y: this.points.y });
    if (this.accept(reply)) this.say(message);
  }

  private async train(): Promise<void> {
    if (prefersReducedMotion()) {
      // No animation: take a block of steps and show only where it ends.
      const generation = this.generation;
      const before = this.loss;
      this.say(`Training ${STEPS_WITHOUT_MOTION} steps…`);
      const reply = await this.request({ type: 'train', steps: STEPS_WITHOUT_MOTION });
      if (generation === this.generation && this.accept(reply)) this.reportRun(before);
      return;
    }
    this.running = true;
    this.remaining = STEPS_PER_RUN;
    this.runStart = this.loss;
    const button = this.control<HTMLButtonElement>('train');
    button.textContent = 'Pause';
    button.setAttribute('aria-pressed', 'true');
    this.say('Training…');
    await this.loop();
  }

  private runStart = NaN;
  private looping = false;

  /** Asks for steps one batch at a time while running and on screen; the next batch waits for a frame. */
  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    const generation = this.generation;
    while (this.running && this.visible && this.remaining > 0 && generation === this.generation) {
      const reply = await this.request({ type: 'train', steps: STEPS_PER_FRAME });
      if (generation !== this.generation || !this.accept(reply)) break;
      this.remaining -= STEPS_PER_FRAME;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    this.looping = false;
    if (this.pausedMessage !== undefined) {
      this.say(`${this.pausedMessage} Step ${this.steps}, loss ${this.loss.toPrecision(3)}.`);
      this.pausedMessage = undefined;
    }
    if (this.running && this.remaining <= 0 && generation === this.generation) {
      this.pause();
      this.reportRun(this.runStart);
    }
  }

  private reportRun(before: number): void {
    this.say(`Trained to step ${this.steps}: the loss went from ${before.toPrecision(3)} to ${this.loss.toPrecision(3)}. Press Train to go on.`);
  }

  private pause(message?: string): void {
    if (!this.running) return;
    this.running = false;
    const button = this.control<HTMLButtonElement>('train');
    button.textContent = 'Train';
    button.setAttribute('aria-pressed', 'false');
    if (!message) return;
    // A block of steps may still be on its way back from the worker: report where training stopped once it lands.
    if (this.looping) this.pausedMessage = message;
    else this.say(`${message} Step ${this.steps}, loss ${this.loss.toPrecision(3)}.`);
  }

  private pausedMessage: string | undefined;

  private say(message: string): void {
    this.querySelector('[data-status]')!.textContent = message;
  }

  /** The data coordinates under a pointer event on the fit plot, and the pixel scale. */
  private locate(event: PointerEvent): { x: number; y: number; px: number; py: number } | null {
    const svg = this.querySelector<SVGSVGElement>('[data-plot="fit"] svg');
    if (!svg || !this.fitScales) return null;
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / box.width || 1;
    const px = (event.clientX - box.left) * scale;
    const py = (event.clientY - box.top) * scale;
    return { x: invertScale(this.fitScales.x, px), y: invertScale(this.fitScales.y, py), px, py };
  }

  private pointerDown(event: PointerEvent): void {
    if (this.target !== 'points' || !this.fitScales) return;
    const at = this.locate(event);
    if (!at) return;
    const { x: sx, y: sy } = this.fitScales;
    let nearest = -1;
    let best = GRAB_RADIUS;
    this.points.x.forEach((x, i) => {
      const d = Math.hypot(applyScale(sx, x) - at.px, applyScale(sy, this.points.y[i]) - at.py);
      if (d < best) [best, nearest] = [d, i];
    });
    this.dragging = nearest;
    this.moved = false;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private pointerMove(event: PointerEvent): void {
    if (this.dragging === null || this.dragging < 0) return;
    const at = this.locate(event);
    if (!at) return;
    const [lo, hi] = DOMAIN;
    const x = this.points.x.slice();
    const y = this.points.y.slice();
    x[this.dragging] = Math.min(hi, Math.max(lo, Number(at.x.toFixed(2))));
    y[this.dragging] = Number(at.y.toFixed(2));
    this.points = { x, y };
    this.moved = true;
    this.render();
  }

  private pointerUp(event: PointerEvent): void {
    const index = this.dragging;
    this.dragging = null;
    if (index === null) return;
    if (index >= 0) {
      if (this.moved) void this.sendPoints(`Moved point ${index + 1} to (${this.points.x[index]}, ${this.points.y[index]}).`);
      return;
    }
    const at = this.locate(event);
    const [lo, hi] = DOMAIN;
    if (!at || !(at.x >= lo && at.x <= hi)) return;
    const x = Number(at.x.toFixed(2));
    const y = Number(at.y.toFixed(2));
    this.points = { x: [...this.points.x, x], y: [...this.points.y, y] };
    void this.sendPoints(`Added the point (${x}, ${y}); ${this.points.x.length} points.`);
  }

  /**
   * Asks the worker to draw the target and the fit, and the units' pieces, for the points and weights on the page, and
   * shows them when they come (`data-pending` meanwhile); a point dragged meanwhile asks only for where it is when the
   * worker is free.
   */
  private render(): void {
    if (this.drawing === null) return;
    this.width = this.clientWidth;
    const width = chartWidth(this.querySelector<HTMLElement>('[data-plot="fit"]')!);
    const { x, y } = this.data;
    const activation = this.control<HTMLSelectElement>('activation').value as HiddenActivation;
    this.dataset.pending = '';
    this.drawing.ask({ type: 'charts', width, x, y, dots: this.target === 'points', activation, weights: this.weights }, (reply) => {
      delete this.dataset.pending;
      if (reply.type === 'error') {
        this.say(`The charts could not be drawn: ${reply.message}`);
        return;
      }
      if (reply.type !== 'charts') return;
      this.fitScales = { x: reply.fit.x, y: reply.fit.y };
      placeChart(this.querySelector('[data-plot="fit"]')!, reply.fit.markup, 'The approximator');
      placeChart(this.querySelector('[data-plot="pieces"]')!, reply.pieces, 'The approximator');
    });
  }
}

if (!customElements.get('universal-approximator')) customElements.define('universal-approximator', UniversalApproximatorElement);
