// <gradient-flow>: the page side of the gradient-flow widget. It reads its controls (rendered by GradientFlow.astro),
// keeps the settings in the page URL, drives the training worker, and draws each frame the worker sends: one bar per
// layer (log scale) with its norm as text, the dead and saturated shares, the loss and the diagnosis.
//
// For tests it exposes, as data attributes: data-ready (the first frame is drawn), data-step, data-verdict, and on
// each bar data-norm (the exact norm); every bar's text and accessible name carry the norm too.

import { watchVisibility } from '../shared/mount-when-visible.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { MAX_TICKS, barPercent, logScale, tickExponents } from './bars.ts';
import { formatNorm, percent, spokenNorm } from './format.ts';
import { isCommand, type FrameMessage, type FromWorker, type ToWorker } from './protocol.ts';
import { decodeState, encodeState, parameterName, validValue, withState, type GradientFlowState } from './state.ts';
import { formatCount } from '../shared/graph/number-format.ts';

/** Steps the Train button takes. */
export const TRAIN_STEPS = 100;
/** Steps Play takes at once, without animating, when the reader prefers reduced motion. */
export const REDUCED_MOTION_STEPS = 1000;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10 to a whole power, with the exponent in superscript: 10⁻³. */
function decade(exponent: number): string {
  const digits = String(Math.abs(exponent)).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** The gradient-flow widget: controls, one bar per layer, the loss and a diagnosis, trained by a worker. */
export class GradientFlowElement extends HTMLElement {
  private worker: Worker | null = null;
  private base!: GradientFlowState;
  private state!: GradientFlowState;
  private playing = false;
  private frameRequested = false;
  // Commands sent to the worker: a frame that has followed fewer answers an older one, and says nothing.
  private commandsSent = 0;
  private announce: string | null = 'Measured before any training.';
  private stops: (() => void)[] = [];

  connectedCallback(): void {
    if (this.worker !== null) return;
    this.base = JSON.parse(this.dataset.state ?? '{}') as GradientFlowState;
    this.state = decodeState(this.base, new URLSearchParams(location.search).get(parameterName(this.key)));
    this.writeControls();
    this.addEventListener('input', (event) => this.changed(event));
    this.addEventListener('change', (event) => this.changed(event));
    this.addEventListener('click', (event) => this.clicked(event));
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gradient-flow' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.received(event.data);
    this.worker.onerror = () => this.say('The training worker stopped with an error; reload the page to start again.');
    this.send({ type: 'configure', state: this.state });
    this.requestFrame();
    this.stops.push(watchVisibility(this, (visible) => this.send({ type: 'suspend', suspended: !visible })));
  }

  disconnectedCallback(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.worker?.terminate();
    this.worker = null;
  }

  /** The widget's key in the URL (its id without the prefix). */
  private get key(): string {
    return this.dataset.key ?? this.dataset.preset ?? 'gradient-flow';
  }

  private query<T extends Element = HTMLElement>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (element === null) throw new Error(`<gradient-flow>: the markup has no ${selector}`);
    return element;
  }

  private field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(name: string): T {
    return this.query<T>(`[data-field="${name}"]`);
  }

  private send(message: ToWorker): void {
    if (this.worker === null) return;
    if (isCommand(message)) this.commandsSent++;
    this.worker.postMessage(message);
  }

  private say(message: string): void {
    this.query('[data-status]').textContent = message;
  }

  /** Puts the state into the controls. */
  private writeControls(): void {
    const s = this.state;
    for (const name of ['depth', 'width', 'activation', 'init', 'lr', 'seed'] as const) this.field(name).value = String(s[name]);
    this.query<HTMLOutputElement>('output[data-for="depth"]').value = String(s.depth);
    // The title and sentence above describe the preset: a way back to it appears once the settings differ.
    this.query('[data-action="preset"]').hidden = encodeState(this.base, s) === '';
  }

  /** The state the controls describe now; a value the widget does not offer keeps the current one. */
  private readControls(): GradientFlowState {
    const next: GradientFlowState = { ...this.state };
    const value = (name: string) => this.field<HTMLInputElement | HTMLSelectElement>(name).value;
    const set = <K extends keyof GradientFlowState>(field: K, raw: unknown) => {
      if (validValue(field, raw)) next[field] = raw;
    };
    set('depth', Number(value('depth')));
    set('width', Number(value('width')));
    set('activation', value('activation'));
    set('init', value('init'));
    set('lr', Number(value('lr')));
    set('seed', Number(value('seed')));
    return next;
  }

  private changed(event: Event): void {
    const target = event.target as HTMLElement;
    if (!target.matches('[data-field]')) return;
    // The seed box commits when the reader leaves it or presses Enter, so typing "12" does not build seed 1 first.
    if (event.type === 'input' && target instanceof HTMLInputElement && target.type === 'number') return;
    const next = this.readControls();
    if (encodeState(this.state, next) === '') {
      this.writeControls();
      return;
    }
    this.commit(next);
  }

  /** Adopts a new state: the controls, the URL and the worker follow. */
  private commit(next: GradientFlowState): void {
    const network = next.lr === this.state.lr;
    this.state = next;
    this.writeControls();
    const url = new URL(location.href);
    url.search = withState(url.search, this.key, encodeState(this.base, next));
    history.replaceState(history.state, '', url);
    this.send({ type: 'configure', state: next });
    this.announce = network ? 'A new network, measured before any training.' : `Learning rate ${next.lr} from the next step on.`;
    this.requestFrame();
  }

  private clicked(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (button === null) return;
    switch (button.dataset.action) {
      case 'play':
        if (this.playing) {
          this.setPlaying(false);
          this.announce = 'Paused.';
        } else if (prefersReducedMotion()) {
          this.announce = `Reduced motion: trained ${formatCount(REDUCED_MOTION_STEPS)} steps at once.`;
          this.send({ type: 'train', steps: REDUCED_MOTION_STEPS });
        } else {
          this.announce = 'Training…';
          this.setPlaying(true);
        }
        break;
      case 'train':
        this.setPlaying(false);
        this.announce = `Trained ${TRAIN_STEPS} steps.`;
        this.send({ type: 'train', steps: TRAIN_STEPS });
        break;
      case 'preset':
        this.setPlaying(false);
        this.commit({ ...this.base });
        // A fresh network even when only the learning rate differed.
        this.send({ type: 'reset' });
        this.announce = 'Back to the preset, measured before any training.';
        // The button hides itself; focus goes to the first setting rather than to the page.
        this.field('depth').focus();
        break;
      case 'reset':
        this.setPlaying(false);
        this.announce = 'Started again from the first weights, measured before any training.';
        this.send({ type: 'reset' });
        break;
    }
    this.requestFrame();
  }

  private setPlaying(playing: boolean, tell = true): void {
    this.playing = playing;
    const button = this.query<HTMLButtonElement>('[data-action="play"]');
    button.textContent = playing ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(playing));
    if (tell) this.send({ type: playing ? 'play' : 'pause' });
  }

  /** Tells the worker the page can take the next frame; one request is outstanding at a time. */
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
    this.frameRequested = false;
    // The worker stops playing by itself only when training diverges (a frame sent before a Play was heard says
    // playing: false too, and must not undo it).
    if (this.playing && message.diverged) this.setPlaying(false, false);
    this.draw(message);
    this.requestFrame();
  }

  private draw(frame: FrameMessage): void {
    const { measurement, diagnosis, state } = frame;
    this.drawBars(frame);
    this.query('[data-step]').textContent = formatCount(measurement.step);
    this.query('[data-loss]').textContent = Number.isFinite(measurement.loss) ? measurement.loss.toFixed(3) : 'not finite';
    this.query('[data-accuracy]').textContent = percent(measurement.accuracy);
    const box = this.query('[data-diagnosis]');
    box.dataset.verdict = diagnosis.verdict;
    box.replaceChildren(
      ...diagnosis.sentences.map((sentence) => {
        const p = document.createElement('p');
        p.textContent = sentence;
        return p;
      }),
    );
    this.dataset.step = String(measurement.step);
    this.dataset.verdict = diagnosis.verdict;
    this.dataset.depth = String(state.depth);
    // The status speaks when a frame answers what the reader did last (an older frame is drawn but says nothing), not
    // at every frame while training.
    const current = frame.commands >= this.commandsSent;
    if (current && !frame.playing) {
      // Seen, the diagnosis is just above; heard, the status carries its first sentence too.
      const lead = frame.diverged ? 'Training diverged and stopped.' : this.announce ?? '';
      const status = this.query('[data-status]');
      const heard = document.createElement('span');
      heard.className = 'visually-hidden';
      heard.textContent = ` ${diagnosis.sentences[0]}`;
      status.replaceChildren(`${lead} Now at step ${formatCount(measurement.step)}.`.trim(), heard);
      this.announce = null;
    } else if (current && this.announce !== null) {
      this.say(this.announce);
      this.announce = null;
    }
    this.dataset.ready = '';
  }

  /** One bar per layer, input side first: its length on a log scale, its norm as text, its dead and saturated shares. */
  private drawBars(frame: FrameMessage): void {
    const layers = frame.measurement.layers;
    const norms = layers.map((layer) => layer.gradientNorm);
    const scale = logScale(norms);
    const list = this.query('[data-bars]');
    while (list.children.length < layers.length) list.append(this.barRow(list.children.length + 1));
    while (list.children.length > layers.length) list.lastElementChild!.remove();
    layers.forEach((layer, i) => {
      const row = list.children[i] as HTMLElement;
      const last = i === layers.length - 1;
      row.querySelector('.gf-name')!.textContent = `Layer ${layer.layer}`;
      const bar = row.querySelector<HTMLElement>('.gf-bar')!;
      bar.style.width = `${barPercent(layer.gradientNorm, scale)}%`;
      const norm = row.querySelector<HTMLElement>('[data-norm]')!;
      norm.textContent = formatNorm(layer.gradientNorm);
      norm.dataset.norm = String(layer.gradientNorm);
      const shares: string[] = [];
      if (layer.dead !== null && (layer.dead > 0 || layer.saturated === null)) shares.push(`${percent(layer.dead)} dead`);
      if (layer.saturated !== null) shares.push(`${percent(layer.saturated)} sat.`);
      row.querySelector('[data-units]')!.textContent = last ? 'output layer' : shares.join(' · ');
      row.dataset.dead = String(layer.dead ?? '');
      row.dataset.saturated = String(layer.saturated ?? '');
      const spoken = [`Layer ${layer.layer}${last ? ', the output layer' : ''}: gradient norm ${spokenNorm(layer.gradientNorm)}`];
      if (layer.dead !== null) spoken.push(`${percent(layer.dead)} of its units dead`);
      if (layer.saturated !== null) spoken.push(`saturated ${percent(layer.saturated)} of the time`);
      row.setAttribute('aria-label', spoken.join('; '));
    });
    const axis = this.query('[data-axis]');
    // A label such as 10⁻¹² is about 36 px wide: a narrow axis (a phone) labels fewer decades so none overlap.
    const fit = axis.clientWidth > 0 ? Math.floor(axis.clientWidth / 44) : MAX_TICKS;
    axis.replaceChildren(
      ...tickExponents(scale, Math.min(MAX_TICKS, fit)).map((exponent) => {
        const tick = document.createElement('span');
        tick.className = 'gf-tick';
        tick.style.left = `${(100 * (exponent - scale.low)) / (scale.high - scale.low)}%`;
        tick.textContent = decade(exponent);
        return tick;
      }),
    );
  }

  private barRow(layer: number): HTMLElement {
    const row = document.createElement('li');
    row.className = 'gf-layer';
    row.dataset.layer = String(layer);
    row.innerHTML = '<span class="gf-name"></span><span class="gf-track"><span class="gf-bar"></span></span><span class="gf-norm" data-norm></span><span class="gf-units" data-units></span>';
    return row;
  }
}

if (!customElements.get('gradient-flow')) customElements.define('gradient-flow', GradientFlowElement);
