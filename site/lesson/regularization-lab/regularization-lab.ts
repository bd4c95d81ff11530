// The regularisation lab's custom element: it wires the markup of RegularizationLab.astro to runs of the lab. A Web
// Worker (worker.ts) trains each run whole with the engine when a setting changes (about 0.1 s for 300 epochs) and
// draws the decision boundary after any epoch on request; the page replays the run epoch by epoch: the loss curves
// (drawings.ts), the boundary over the points (the playground's picture), and the network with that step's dropout
// mask, or without one in the evaluation pass. The settings and the epoch shown live in the URL (url-state.ts).

import { watchVisibility } from '../shared/mount-when-visible.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { onThemeChange } from '../shared/plot-theme.ts';
import { formatNumber } from '../shared/graph/number-format.ts';
import { css, readColors } from '../shared/colors.ts';
import { Picture, pictureSide } from '../playground/picture.ts';
import type { DataMessage } from '../playground/protocol.ts';
import { lossChartSvg, networkSvg } from './drawings.ts';
import { SPEEDS, presetById, type LabPreset } from './presets.ts';
import type { LabReply, LabRequest, RunReply } from './protocol.ts';
import { LAB, type LabSettings } from './run.ts';
import { decodeView, encodeView, parameterName, withView, type LabView } from './url-state.ts';

/** A loss for the reader: 4 significant digits. */
const show = (value: number) => formatNumber(value, 4);

/** The lab: controls, boundary, loss curves, network and numbers. */
class RegularizationLabElement extends HTMLElement {
  private preset!: LabPreset;
  private key = '';
  private view!: LabView;
  private run: RunReply | null = null;
  private data: DataMessage | null = null;
  private worker: Worker | null = null;
  private runId = 0;
  /** The epoch whose boundary the worker is computing, and whether another is wanted after it. */
  private gridPending: number | null = null;
  private gridWanted = false;
  private grid: Float32Array | null = null;
  private picture!: Picture;
  private boundary!: HTMLCanvasElement;
  private colors!: ReturnType<typeof readColors>;
  private playing = false;
  private frame = 0;
  private lastTime = 0;
  private carry = 0;
  private visible = true;
  private readonly cleanups: (() => void)[] = [];

  connectedCallback(): void {
    if (this.worker !== null) return;
    this.preset = presetById(this.dataset.preset ?? '');
    this.key = this.dataset.key ?? this.preset.id;
    this.view = decodeView(this.preset, new URLSearchParams(window.location.search).get(parameterName(this.key)));
    this.boundary = this.querySelector<HTMLCanvasElement>('[data-boundary]')!;
    this.picture = new Picture(this.boundary);
    this.colors = readColors(this);
    this.picture.setColors(this.colors);
    this.syncControls();
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.addEventListener('change', (event) => this.onChange(event));
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'regularization-lab' });
    this.worker.onmessage = (event: MessageEvent<LabReply>) => this.onReply(event.data);
    this.worker.onerror = () => this.say('The training worker stopped with an error; reload the page to start again.');
    this.cleanups.push(
      watchVisibility(this, (visible) => {
        this.visible = visible;
        if (!visible) this.pause();
      }),
      onThemeChange(() => {
        this.colors = readColors(this);
        this.picture.setColors(this.colors);
        this.drawBoundary();
      }),
    );
    const resize = new ResizeObserver(() => this.drawBoundary());
    resize.observe(this.querySelector('[data-boundary]')!);
    this.cleanups.push(() => resize.disconnect());
    this.retrain(this.view.epoch);
  }

  disconnectedCallback(): void {
    this.pause();
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups.length = 0;
    this.worker?.terminate();
    this.worker = null;
  }

  private field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
    return this.querySelector<T>(`[data-field="${name}"]`)!;
  }

  private send(request: LabRequest): void {
    this.worker?.postMessage(request);
  }

  private say(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  /** Asks the worker for a fresh run of the current settings, to be shown at `epoch` when it comes back. */
  private retrain(epoch: number): void {
    this.pause();
    this.runId++;
    this.run = null;
    this.grid = null;
    this.gridPending = null;
    this.view.epoch = epoch;
    this.removeAttribute('data-ready');
    this.say('Training…');
    this.send({ type: 'run', id: this.runId, settings: { ...this.view.settings } });
  }

  private onReply(reply: LabReply): void {
    if (reply.id !== this.runId) return;
    if (reply.type === 'error') {
      this.say(`The run failed: ${reply.message}`);
      return;
    }
    if (reply.type === 'run') {
      this.run = reply;
      this.data = {
        type: 'data',
        features: 2,
        trainX: reply.trainX,
        trainY: reply.trainY,
        testX: reply.validationX,
        testY: reply.validationY,
        domain: [...LAB.domain],
        classes: 2,
      };
      this.setAttribute('data-ready', '');
      this.go(this.view.epoch);
      return;
    }
    this.gridPending = null;
    this.grid = reply.probabilities;
    this.drawBoundary();
    if (this.gridWanted) {
      this.gridWanted = false;
      this.requestGrid();
    }
  }

  /** The last epoch of the run (early stopping may end it before the planned epochs). */
  private get lastEpoch(): number {
    return this.run?.trained ?? this.view.settings.epochs;
  }

  /** The epoch whose weights are shown at `epoch`: at the end of a run with early stopping, the restored ones. */
  private weightsEpoch(epoch: number): number {
    const run = this.run!;
    return epoch === run.trained && this.view.settings.patience > 0 ? run.restoredEpoch : epoch;
  }

  private requestGrid(): void {
    if (this.run === null) return;
    if (this.gridPending !== null) {
      this.gridWanted = true;
      return;
    }
    this.gridPending = this.weightsEpoch(this.view.epoch);
    this.send({ type: 'grid', id: this.runId, epoch: this.gridPending });
  }

  private drawBoundary(): void {
    if (this.data === null || this.grid === null) return;
    this.picture.draw(this.data, this.grid, true, false, pictureSide(this.boundary));
    this.markShownPoint();
  }

  /**
   * Draws the training points again, larger, outlined in the text colour and shaped by class (circle 0, square 1), so
   * the 30 stand out from the validation rings, and a diamond around the one whose dropout mask the network shows.
   */
  private markShownPoint(): void {
    const canvas = this.boundary;
    const context = canvas.getContext('2d')!;
    const [x0, x1, y0, y1] = LAB.domain;
    const side = canvas.width;
    const { trainX, trainY } = this.data!;
    const colors = this.colors;
    const px = (i: number) => ((trainX[2 * i] - x0) / (x1 - x0)) * side;
    const py = (i: number) => ((y1 - trainX[2 * i + 1]) / (y1 - y0)) * side;
    const radius = Math.max(4, side / 70);
    context.lineWidth = Math.max(1.5, side / 300);
    context.strokeStyle = css(colors.text);
    // Class 0 as circles, class 1 as squares, so the classes differ by shape as well as colour.
    for (let i = 0; i < trainY.length; i++) {
      const one = trainY[i] >= 0.5;
      context.fillStyle = css(one ? colors.class1 : colors.class0);
      context.beginPath();
      if (one) context.rect(px(i) - radius, py(i) - radius, 2 * radius, 2 * radius);
      else context.arc(px(i), py(i), radius, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
    const r = 2.2 * radius;
    context.beginPath();
    context.moveTo(px(0), py(0) - r);
    context.lineTo(px(0) + r, py(0));
    context.lineTo(px(0), py(0) + r);
    context.lineTo(px(0) - r, py(0));
    context.closePath();
    context.stroke();
  }

  /** Shows epoch `epoch` of the run: curves, network, numbers, count, URL, and asks for its boundary. */
  private go(epoch: number, announce = true): void {
    if (this.run === null) return;
    const run = this.run;
    this.view.epoch = Math.max(0, Math.min(run.trained, epoch));
    const e = this.view.epoch;
    const shown = this.weightsEpoch(e);
    const early = this.view.settings.patience > 0;
    const atEnd = e === run.trained;
    this.querySelector('[data-loss]')!.innerHTML = lossChartSvg({
      trainLoss: run.trainLoss,
      validationLoss: run.validationLoss,
      epochs: this.view.settings.epochs,
      epoch: e,
      restoredEpoch: early && atEnd ? run.restoredEpoch : null,
      stoppedEpoch: run.stopped ? run.trained : null,
    });
    this.querySelector('[data-loss]')!.setAttribute(
      'aria-label',
      `Training loss (dashed) and validation loss (solid) by epoch, up to epoch ${e}: the lowest validation loss so far, ${show(run.validationLoss[this.bestEpoch(e)])}, was at epoch ${this.bestEpoch(e)}.`,
    );
    this.drawNetwork();
    this.querySelector('[data-train-loss]')!.textContent = show(run.trainLoss[shown]);
    this.querySelector('[data-validation-loss]')!.textContent = show(run.validationLoss[shown]);
    this.querySelector('[data-weights-epoch]')!.textContent = String(shown);
    this.querySelector('[data-best-epoch]')!.textContent = String(this.bestEpoch(e));
    this.querySelector('[data-count]')!.textContent = `Epoch ${e} of ${run.trained}${run.stopped ? ' (stopped early)' : ''}`;
    this.writeUrl();
    this.requestGrid();
    if (announce || atEnd) this.say(this.statusText());
  }

  /** The epoch of the lowest validation loss up to `epoch`. */
  private bestEpoch(epoch: number): number {
    const losses = this.run!.validationLoss;
    let best = 0;
    for (let i = 1; i <= epoch; i++) if (losses[i] < losses[best]) best = i;
    return best;
  }

  private drawNetwork(): void {
    const run = this.run!;
    const e = this.view.epoch;
    const shown = this.weightsEpoch(e);
    const block = run.weights.length / (run.trained + 1);
    const weights = run.weights.subarray(shown * block, (shown + 1) * block);
    const hidden = run.sizes.slice(1, -1).reduce((a, b) => a + b, 0);
    const training = this.field<HTMLInputElement>('mode').checked;
    const hasMask = run.masks.length > 0 && training && e > 0;
    const mask = hasMask ? run.masks.subarray(e * hidden, (e + 1) * hidden) : null;
    const container = this.querySelector('[data-network]')!;
    container.innerHTML = networkSvg({ sizes: run.sizes, weights, mask });
    const dropped = mask === null ? 0 : mask.reduce((n, m) => n + (m === 0 ? 1 : 0), 0);
    const caption = this.querySelector('[data-network-caption]')!;
    const p = this.view.settings.dropout;
    const architecture = run.sizes.join('-');
    if (!training) {
      caption.textContent = `Evaluation pass (no dropout): all ${hidden} hidden units on, nothing rescaled. The ${architecture} network; a line's width is its weight's size.`;
    } else if (p === 0) {
      caption.textContent = `Training pass without dropout: every unit on. The ${architecture} network; a line's width is its weight's size.`;
    } else if (e === 0) {
      caption.textContent = `Training pass, p = ${p}: take a step to see the first mask. The ${architecture} network.`;
    } else {
      caption.textContent = `Training pass of epoch ${e}, p = ${p}: the mask for the ◇ point drops ${dropped} of ${hidden} hidden units (crossed out); the rest are scaled by 1/(1 − p) = ${show(1 / (1 - p))}.`;
    }
    container.setAttribute('data-mode', training ? 'train' : 'eval');
  }

  private statusText(): string {
    const run = this.run!;
    const e = this.view.epoch;
    const shown = this.weightsEpoch(e);
    const losses = `training loss ${show(run.trainLoss[shown])}, validation loss ${show(run.validationLoss[shown])}`;
    if (e < run.trained) return `Epoch ${e} of ${run.trained}: ${losses}.`;
    const { patience } = this.view.settings;
    if (run.stopped) {
      return `Early stopping ended training at epoch ${run.trained}, after ${patience} epochs without a better validation loss, and restored the weights of epoch ${run.restoredEpoch}: ${losses}.`;
    }
    if (patience > 0) return `Trained all ${run.trained} epochs; early stopping restored the weights of epoch ${run.restoredEpoch}: ${losses}.`;
    return `Trained all ${run.trained} epochs: ${losses}. The lowest validation loss was at epoch ${this.bestEpoch(e)}.`;
  }

  private writeUrl(): void {
    const encoded = encodeView(this.preset, this.view);
    const url = `${window.location.pathname}${withView(window.location.search, this.key, encoded)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }

  /** Puts the view's settings into the controls. */
  private syncControls(): void {
    const s = this.view.settings;
    this.field<HTMLSelectElement>('l2').value = String(s.l2);
    this.field<HTMLSelectElement>('dropout').value = String(s.dropout);
    this.field<HTMLSelectElement>('patience').value = String(s.patience);
    this.field<HTMLSelectElement>('epochs').value = String(s.epochs);
    this.field<HTMLInputElement>('seed').value = String(s.seed);
  }

  // Playing.

  private play(): void {
    if (this.run === null) return;
    if (this.view.epoch >= this.lastEpoch) this.view.epoch = 0;
    if (prefersReducedMotion()) {
      // No animation: the run jumps to its end.
      this.go(this.lastEpoch, false);
      this.say(`${this.statusText()} (Reduced motion: the run jumped to its end.)`);
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
    if (this.run !== null) this.say(this.statusText());
  }

  private tick(time: number): void {
    if (!this.playing) return;
    const speed = SPEEDS[Number(this.field<HTMLSelectElement>('speed').value)] ?? SPEEDS[1];
    this.carry += ((time - this.lastTime) / 1000) * speed.epochsPerSecond;
    this.lastTime = time;
    const whole = Math.floor(this.carry);
    if (whole > 0 && this.visible) {
      this.carry -= whole;
      this.go(this.view.epoch + whole, false);
    }
    if (this.view.epoch >= this.lastEpoch) {
      this.pause();
      return;
    }
    this.frame = requestAnimationFrame((t) => this.tick(t));
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
    else if (action === 'back') this.go(this.view.epoch - 1);
    else if (action === 'step') this.go(this.view.epoch + 1);
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as Element;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.matches('input, select, textarea')) return;
    const moves: Record<string, () => number> = {
      ArrowRight: () => this.view.epoch + 1,
      '.': () => this.view.epoch + 1,
      ArrowLeft: () => this.view.epoch - 1,
      ',': () => this.view.epoch - 1,
      Home: () => 0,
      End: () => this.lastEpoch,
    };
    const move = moves[event.key];
    if (move === undefined || this.run === null) return;
    this.pause();
    this.go(move());
    event.preventDefault();
  }

  private onChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const name = target.dataset.field;
    if (name === 'mode') {
      if (this.run !== null) this.drawNetwork();
      return;
    }
    if (name === 'speed' || name === undefined) return;
    const value = Number(target.value);
    const settings: LabSettings = { ...this.view.settings };
    if (name === 'seed') {
      if (!(Number.isInteger(value) && value >= 0 && value <= Number(target.getAttribute('max')))) {
        target.setAttribute('aria-invalid', 'true');
        this.say(`The seed must be a whole number from 0 to ${target.getAttribute('max')}.`);
        return;
      }
      target.removeAttribute('aria-invalid');
    }
    if (name === 'l2' || name === 'dropout' || name === 'patience' || name === 'epochs' || name === 'seed') settings[name] = value;
    this.view.settings = settings;
    this.retrain(0);
  }
}

customElements.define('regularization-lab', RegularizationLabElement);
