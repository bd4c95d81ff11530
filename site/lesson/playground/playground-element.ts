// <nn-playground>: the page side of the playground. It reads its controls
// (rendered by Playground.astro), keeps the settings in the page URL, drives
// the training worker, and draws each frame the worker sends: the heat map
// with the points, the loss curves and the numbers.
//
// For measurements it exposes, as data attributes: data-epoch, data-frames
// (frames drawn), data-epochs-per-second and data-frames-per-second (both over
// the last second), data-train-loss and data-test-loss.

import { onThemeChange } from '../shared/plot-theme.ts';
import { watchVisibility } from '../shared/mount-when-visible.ts';
import { readColors } from './colors.ts';
import { LossChart } from './loss-chart.ts';
import { Picture } from './picture.ts';
import { PlaygroundProbe } from './probe.ts';
import { GoalPanel } from '../challenge/goal-panel.ts';
import type { DataMessage, FrameMessage, FromWorker, ToWorker } from './protocol.ts';
import { LIMITS, decodeState, effectiveLoss, encodeState, normalizeState, type PlaygroundState } from './state.ts';

/** Rates over the last second, from (time, count) samples. */
class RateMeter {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  /** Adds a sample; returns the rate over the last second (0 until there are two samples). */
  add(time: number, count: number): number {
    this.times.push(time);
    this.counts.push(count);
    while (this.times.length > 2 && time - this.times[0] > 1000) {
      this.times.shift();
      this.counts.shift();
    }
    const span = time - this.times[0];
    return span > 0 ? ((count - this.counts[0]) * 1000) / span : 0;
  }

  /** Forgets every sample. */
  clear(): void {
    this.times.length = 0;
    this.counts.length = 0;
  }
}

const format = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '–');

/** The playground widget: controls, a heat map of the network's output, loss curves, and a worker that trains. */
export class PlaygroundElement extends HTMLElement {
  private worker: Worker | null = null;
  private state!: PlaygroundState;
  private data: DataMessage | null = null;
  private lastFrame: FrameMessage | null = null;
  private picture!: Picture;
  private chart!: LossChart;
  private playing = false;
  private frameRequested = false;
  private framesDrawn = 0;
  private readonly frameRate = new RateMeter();
  private readonly epochRate = new RateMeter();
  private stops: (() => void)[] = [];
  // Values on hover (probe.ts) and a challenge's goal panel (challenge/goal-panel.ts).
  private h4Probe: PlaygroundProbe | null = null;
  private h4Goal: GoalPanel | null = null;

  connectedCallback(): void {
    if (this.worker !== null) return;
    const preset = this.dataset.preset ? (JSON.parse(this.dataset.preset) as Partial<PlaygroundState>) : {};
    const fromUrl = new URLSearchParams(location.search).get(this.param);
    this.state = fromUrl !== null ? decodeState(fromUrl) : normalizeState(preset);
    this.picture = new Picture(this.query<HTMLCanvasElement>('.pg-picture'));
    this.chart = new LossChart(this.query<HTMLCanvasElement>('.pg-loss'));
    this.h4Probe = new PlaygroundProbe(this, this.query<HTMLCanvasElement>('.pg-picture'), this.query<HTMLCanvasElement>('.pg-loss'), this.chart, (message) => this.send(message));
    this.h4Goal = GoalPanel.fromUrl(this, this.param);
    this.applyColors();
    this.writeControls();
    this.addEventListener('input', (event) => this.changed(event));
    this.addEventListener('change', (event) => this.changed(event));
    this.addEventListener('click', (event) => this.clicked(event));
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'playground' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.received(event.data);
    this.worker.onerror = () => this.say('The training worker stopped with an error; reload the page to start again.');
    this.send({ type: 'configure', state: this.state });
    this.requestFrame();
    this.stops.push(
      onThemeChange(() => {
        this.applyColors();
        this.redraw();
      }),
      watchVisibility(this, (visible) => this.send({ type: 'suspend', suspended: !visible })),
    );
    const resize = new ResizeObserver(() => this.redraw());
    resize.observe(this.query('.pg-picture'));
    this.stops.push(() => resize.disconnect());
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.worker?.terminate();
    this.worker = null;
  }

  /** The name of the URL query parameter holding this playground's settings. */
  private get param(): string {
    return this.dataset.param ?? 'playground';
  }

  private query<T extends Element = HTMLElement>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (element === null) throw new Error(`<nn-playground>: the markup has no ${selector}`);
    return element;
  }

  private field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(name: string): T {
    return this.query<T>(`[data-field="${name}"]`);
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
    if (this.worker !== null) this.h4Goal?.sent(message);
  }

  private say(message: string): void {
    this.query('.pg-status').textContent = message;
  }

  private applyColors(): void {
    const colors = readColors(this);
    this.picture.setColors(colors);
    this.chart.setColors(colors);
  }

  /** Puts the state into the controls (options missing from a select, such as a learning rate from a URL, are added). */
  private writeControls(): void {
    const s = this.state;
    const set = (name: string, value: string | number) => {
      const control = this.field<HTMLInputElement | HTMLSelectElement>(name);
      const text = String(value);
      if (control instanceof HTMLSelectElement && ![...control.options].some((option) => option.value === text)) {
        control.add(new Option(text, text));
      }
      control.value = text;
    };
    set('data', s.data);
    set('noise', s.noise);
    set('split', s.split);
    set('batch', s.batch);
    set('layer-count', s.layers.length);
    set('activation', s.activation);
    set('loss', effectiveLoss(s));
    set('optimizer', s.optimizer);
    set('lr', s.lr);
    set('l2', s.l2);
    set('dropout', s.dropout);
    set('init', s.init);
    set('seed', s.seed);
    set('speed', s.speed);
    this.field('loss').disabled = s.data === 'regression';
    // Classes and accuracy mean nothing for regression.
    for (const element of this.querySelectorAll<HTMLElement>('.pg-classification')) element.hidden = s.data === 'regression';
    this.querySelectorAll<HTMLInputElement>('[data-field="units"]').forEach((input, i) => {
      if (i < s.layers.length) input.value = String(s.layers[i]);
      input.closest<HTMLElement>('.pg-units')!.hidden = i >= s.layers.length;
    });
    this.showOutputs();
    this.query('.pg-architecture').textContent = [s.data === 'regression' ? 1 : 2, ...s.layers, effectiveLoss(s) === 'cross-entropy' ? 2 : 1].join('-');
  }

  /** The value shown next to each slider. */
  private showOutputs(): void {
    for (const output of this.querySelectorAll<HTMLOutputElement>('output[data-for]')) {
      const input = this.field(output.dataset.for!);
      output.value = output.dataset.for === 'split' ? `${input.value}%` : input.value;
    }
  }

  /** The state the controls describe now. */
  private readControls(): PlaygroundState {
    const value = (name: string) => this.field<HTMLInputElement | HTMLSelectElement>(name).value;
    const count = Math.min(LIMITS.layers.max, Math.max(0, Math.round(Number(value('layer-count')) || 0)));
    const units = [...this.querySelectorAll<HTMLInputElement>('[data-field="units"]')].map((input) => Number(input.value) || 4);
    // While regression is shown the loss box is disabled at mean squared error; the reader's own choice is kept for later.
    const loss = this.field('loss').disabled ? this.state.loss : value('loss');
    return normalizeState({
      data: value('data') as PlaygroundState['data'],
      noise: Number(value('noise')),
      split: Number(value('split')),
      batch: Number(value('batch')),
      layers: units.slice(0, count),
      activation: value('activation') as PlaygroundState['activation'],
      loss: loss as PlaygroundState['loss'],
      optimizer: value('optimizer') as PlaygroundState['optimizer'],
      lr: Number(value('lr')),
      l2: Number(value('l2')),
      dropout: Number(value('dropout')),
      init: value('init') as PlaygroundState['init'],
      seed: Number(value('seed')),
      speed: value('speed') as PlaygroundState['speed'],
    });
  }

  private changed(event: Event): void {
    const target = event.target as HTMLElement;
    if (!target.matches('[data-field]')) return;
    if (target.dataset.field === 'show-test') {
      if (event.type === 'change') this.redraw();
      return;
    }
    // Number boxes commit when the reader leaves them or presses Enter, so typing "12" does not build a 1-unit layer first.
    if (event.type === 'input' && target instanceof HTMLInputElement && target.type === 'number') return;
    this.commit(this.readControls());
  }

  /** Adopts a new state: the controls, the URL and the worker follow. */
  private commit(next: PlaygroundState): void {
    this.state = next;
    this.writeControls();
    const url = new URL(location.href);
    const encoded = encodeState(next);
    if (encoded === '') url.searchParams.delete(this.param);
    else url.searchParams.set(this.param, encoded);
    history.replaceState(history.state, '', url);
    this.send({ type: 'configure', state: next });
    this.requestFrame();
  }

  private clicked(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (button === null) return;
    switch (button.dataset.action) {
      case 'play':
        this.setPlaying(!this.playing);
        break;
      case 'step':
        this.setPlaying(false);
        this.send({ type: 'step' });
        break;
      case 'reset':
        this.send({ type: 'reset' });
        this.epochRate.clear();
        this.say('Started again from the first weights of this seed.');
        break;
      case 'next-seed':
        this.commit({ ...this.state, seed: (this.state.seed + 1) % (LIMITS.seed.max + 1) });
        this.say(`Seed ${this.state.seed}: new data, split, weights and shuffles.`);
        break;
    }
    this.requestFrame();
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    const button = this.query<HTMLButtonElement>('[data-action="play"]');
    button.textContent = playing ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(playing));
    this.send({ type: playing ? 'play' : 'pause' });
    this.epochRate.clear();
    this.frameRate.clear();
    if (!playing && this.lastFrame !== null) this.describe(this.lastFrame);
  }

  /**
   * Tells the worker the page can take the next frame; one request is outstanding at a time, and the worker
   * paces the frames, so a frame is drawn as soon as it arrives.
   */
  private requestFrame(): void {
    if (this.frameRequested || this.worker === null) return;
    this.frameRequested = true;
    this.send({ type: 'frame' });
  }

  private received(message: FromWorker): void {
    if (message.type === 'error') {
      this.say(`Training stopped: ${message.message}`);
      return;
    }
    if (message.type === 'probe') {
      this.h4Probe?.received(message);
      return;
    }
    if (message.type === 'data') {
      this.data = message;
      this.h4Probe?.dataArrived(message);
      this.h4Goal?.dataArrived();
      return;
    }
    this.frameRequested = false;
    this.lastFrame = message;
    this.draw(message);
    this.requestFrame();
  }

  private redraw(): void {
    if (this.lastFrame !== null) this.draw(this.lastFrame);
  }

  private draw(frame: FrameMessage): void {
    if (this.data === null) return;
    this.picture.draw(this.data, frame.predictions, this.field('show-test').checked);
    this.chart.draw(frame.history);
    const now = performance.now();
    this.framesDrawn++;
    this.query('.pg-epoch').textContent = String(frame.epoch);
    this.query('.pg-train-loss').textContent = format(frame.trainLoss);
    this.query('.pg-test-loss').textContent = format(frame.testLoss);
    this.query('.pg-accuracy').textContent = Number.isFinite(frame.testAccuracy) ? `${Math.round(frame.testAccuracy * 100)}%` : '–';
    this.dataset.epoch = String(frame.epoch);
    this.dataset.frames = String(this.framesDrawn);
    this.dataset.trainLoss = String(frame.trainLoss);
    this.dataset.testLoss = String(frame.testLoss);
    if (frame.playing) {
      this.dataset.framesPerSecond = this.frameRate.add(now, this.framesDrawn).toFixed(1);
      this.dataset.epochsPerSecond = this.epochRate.add(now, frame.epoch).toFixed(1);
    } else {
      this.describe(frame);
    }
    this.h4Probe?.frame(frame);
    this.h4Goal?.frame(frame);
  }

  /** The picture's text alternative, updated when training is not running (a live one would chatter). */
  private describe(frame: FrameMessage): void {
    const accuracy = Number.isFinite(frame.testAccuracy) ? `, ${Math.round(frame.testAccuracy * 100)}% of test points classified correctly` : '';
    this.query('.pg-picture').setAttribute(
      'aria-label',
      `The network's output over the plane after ${frame.epoch} epochs: test loss ${format(frame.testLoss)}${accuracy}.`,
    );
  }
}

if (!customElements.get('nn-playground')) customElements.define('nn-playground', PlaygroundElement);
