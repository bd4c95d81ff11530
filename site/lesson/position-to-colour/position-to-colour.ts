// The position-to-colour widget's custom element: it wires the controls rendered by PositionToColour.astro to a
// training worker, paints the target and each network's picture on small canvases (scaled up, pixels kept
// square), draws the loss curves, and keeps the settings in the URL. Training runs only after Start (or One
// epoch), one epoch per request, and waits while the widget is off-screen.

import { drawPicture, toImageBytes } from './picture.ts';
import { DEFAULT_FREQUENCIES, networkName, networkSummary, inputWidth, type NetworkOptions } from './network.ts';
import { decodeView, encodeView, parameterName, startView, withView, type ColourView } from './url-state.ts';
import type { ColourReply, ColourRequest } from './protocol.ts';
import type { LossPoint } from './chart.ts';
import { chartWidth, placeChart } from '../shared/worker-chart.ts';
import { watchVisibility } from '../shared/mount-when-visible.ts';
import { LatestRequest, WorkerRequests, type WithoutId } from '../shared/worker-requests.ts';

/** Epochs one press of Start runs before pausing by itself, so a forgotten tab does not train forever. */
const EPOCHS_PER_RUN = 100;

/** A short number for the page: 0.0412, 0.00133. */
function show(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(3) : '–';
}

/** The position-to-colour widget: settings, Start/Pause, One epoch, Reset, the pictures and the loss curves. */
class PositionToColourElement extends HTMLElement {
  private worker: Worker | null = null;
  private requests: WorkerRequests<ColourRequest, ColourReply> | null = null;
  private key = '';
  private start: ColourView = startView({ encoding: false, compare: false });
  private view: ColourView = this.start;
  private networks: NetworkOptions[] = [];
  private losses: number[] = [];
  private epoch = 0;
  private history: LossPoint[] = [];
  /** The curve of the last single-network run before a change, drawn faded beside the new one. */
  private previous: { points: LossPoint[]; encoding: boolean } | null = null;
  private running = false;
  private busy = false;
  private visible = false;
  private runUntil = 0;
  private generation = 0;
  /** The loss chart's drawing: one in flight at a time, and only the reply to the latest request shown. */
  private chart: LatestRequest<ColourRequest, ColourReply> | null = null;
  private readonly cleanups: (() => void)[] = [];

  private control<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  connectedCallback(): void {
    this.key = this.dataset.key ?? 'plain';
    this.start = startView({ encoding: this.dataset.encoding === 'true', compare: this.dataset.compare === 'true' });
    this.view = decodeView(this.start, new URLSearchParams(window.location.search).get(parameterName(this.key)));
    this.syncControls();
    this.paintTarget();
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.requests = new WorkerRequests<ColourRequest, ColourReply>(this.worker);
    this.chart = new LatestRequest(this.requests);
    this.control<HTMLInputElement>('encoding').addEventListener('change', (event) => {
      this.view = { ...this.view, encoding: (event.target as HTMLInputElement).checked };
      void this.reset();
    });
    this.control<HTMLInputElement>('compare').addEventListener('change', (event) => {
      this.view = { ...this.view, compare: (event.target as HTMLInputElement).checked };
      void this.reset();
    });
    this.control<HTMLSelectElement>('frequencies').addEventListener('change', (event) => {
      this.view = { ...this.view, frequencies: Number((event.target as HTMLSelectElement).value) || DEFAULT_FREQUENCIES };
      void this.reset();
    });
    this.control('reset').addEventListener('click', () => void this.reset());
    this.control('train').addEventListener('click', () => (this.running ? this.pause(true) : void this.run()));
    this.control('step').addEventListener('click', () => void this.stepOnce());
    this.cleanups.push(
      watchVisibility(this, (visible) => {
        this.visible = visible;
        if (visible && this.running) void this.loop();
      }),
    );
    let width = 0;
    const resize = new ResizeObserver(() => {
      if (this.clientWidth === width) return;
      width = this.clientWidth;
      this.drawChart();
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
  private request(message: WithoutId<ColourRequest>): Promise<ColourReply> {
    return this.requests!.request(message);
  }

  /** Puts the view's settings in the controls, the URL and the summary of the network(s). */
  private syncControls(): void {
    const { encoding, compare, frequencies } = this.view;
    const toggle = this.control<HTMLInputElement>('encoding');
    toggle.checked = encoding;
    // Side by side, both networks are shown: the toggle has nothing to switch.
    toggle.disabled = compare;
    this.control<HTMLInputElement>('compare').checked = compare;
    this.control<HTMLSelectElement>('frequencies').value = String(frequencies);
    this.networks = compare
      ? [{ encoding: false, frequencies, seed: this.view.seed }, { encoding: true, frequencies, seed: this.view.seed }]
      : [{ encoding, frequencies, seed: this.view.seed }];
    const summary = this.querySelector('[data-summary]')!;
    summary.replaceChildren(
      ...this.networks.map((network) => {
        const item = document.createElement('li');
        item.dataset.inputWidth = String(inputWidth(network));
        item.textContent = networkSummary(network);
        return item;
      }),
    );
    for (const index of [0, 1]) {
      const panel = this.querySelector<HTMLElement>(`[data-panel="${index}"]`)!;
      panel.hidden = index >= this.networks.length;
    }
    const url = `${window.location.pathname}${withView(window.location.search, this.key, encodeView(this.start, this.view))}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }

  private paintTarget(): void {
    const picture = drawPicture();
    this.paint(this.querySelector<HTMLCanvasElement>('[data-picture="target"]')!, toImageBytes(picture.rgb, new Uint8ClampedArray(picture.size * picture.size * 4)), picture.size);
  }

  private paint(canvas: HTMLCanvasElement, bytes: Uint8ClampedArray, size: number): void {
    const context = canvas.getContext('2d');
    if (!context) return;
    const image = new ImageData(size, size);
    image.data.set(bytes);
    context.putImageData(image, 0, 0);
  }

  /** Shows a frame from the worker; false (and a message) for an error. */
  private accept(reply: ColourReply): boolean {
    if (reply.type !== 'frame') {
      this.pause(false);
      this.say(`Training stopped: ${reply.type === 'error' ? reply.message : 'the worker sent a chart for a frame'}`);
      return false;
    }
    this.epoch = reply.epoch;
    this.losses = reply.networks.map((network) => network.loss);
    reply.networks.forEach((frame, index) => {
      const network = this.networks[index];
      const size = Math.round(Math.sqrt(frame.image.length / 4));
      const canvas = this.querySelector<HTMLCanvasElement>(`[data-picture="${index}"]`)!;
      this.paint(canvas, frame.image, size);
      const name = networkName(network);
      canvas.setAttribute('aria-label', `The picture of the network ${name} after ${reply.epoch} epoch${reply.epoch === 1 ? '' : 's'}`);
      const caption = this.querySelector<HTMLElement>(`[data-caption="${index}"]`)!;
      caption.textContent = `${name[0].toUpperCase()}${name.slice(1)}: MSE ${show(frame.loss)}`;
      const panel = this.querySelector<HTMLElement>(`[data-panel="${index}"]`)!;
      panel.dataset.loss = String(frame.loss);
      panel.dataset.inputWidth = String(frame.inputWidth);
      this.history.push({ epoch: reply.epoch, loss: frame.loss, network: name });
    });
    this.querySelector('[data-epoch]')!.textContent = `Epoch ${reply.epoch}`;
    this.dataset.epoch = String(reply.epoch);
    this.drawChart();
    return true;
  }

  /** Fresh networks from the seed for the current settings. */
  private async reset(): Promise<void> {
    this.pause(false);
    const generation = ++this.generation;
    // One network, trained a while, leaves its curve behind for the next run to be compared with.
    if (this.networks.length === 1 && this.epoch > 0) this.previous = { points: this.history, encoding: this.networks[0].encoding };
    this.syncControls();
    if (this.networks.length === 2) this.previous = null;
    this.history = [];
    this.dataset.ready = 'false';
    this.say('Building the network…');
    const reply = await this.request({ type: 'reset', networks: this.networks });
    if (generation !== this.generation || !this.accept(reply)) return;
    for (const name of ['train', 'step', 'reset']) this.control<HTMLButtonElement>(name).disabled = false;
    this.dataset.ready = '';
    const what = this.networks.length === 2 ? 'Two new networks, without and with the encoding' : `A new network ${networkName(this.networks[0])}`;
    this.say(`${what}, from seed ${this.view.seed}: ${this.lossesText()}. Press Start.`);
  }

  /** The losses now, in words. */
  private lossesText(): string {
    if (this.networks.length === 1) return `mean squared error ${show(this.losses[0])}`;
    const [plain, encoded] = this.losses;
    const ratio = plain / encoded;
    const comparison = encoded < plain && ratio >= 1.5 ? ` (${ratio.toFixed(ratio < 10 ? 1 : 0)}× lower with the encoding)` : '';
    return `mean squared error ${show(plain)} without the encoding, ${show(encoded)} with it${comparison}`;
  }

  private async run(): Promise<void> {
    this.running = true;
    this.pausedPending = false;
    this.runUntil = this.epoch + EPOCHS_PER_RUN;
    const button = this.control<HTMLButtonElement>('train');
    button.textContent = 'Pause';
    button.setAttribute('aria-pressed', 'true');
    this.say('Training…');
    await this.loop();
  }

  /** Asks for one epoch at a time while running and on screen; the next waits for a frame to be painted. */
  private async loop(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const generation = this.generation;
    while (this.running && this.visible && this.epoch < this.runUntil && generation === this.generation) {
      const reply = await this.request({ type: 'train', epochs: 1 });
      if (generation !== this.generation || !this.accept(reply)) break;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    this.busy = false;
    if (generation !== this.generation) return;
    if (this.running && this.epoch >= this.runUntil) {
      this.pause(false);
      this.say(`Trained ${EPOCHS_PER_RUN} epochs, to epoch ${this.epoch}: ${this.lossesText()}. Press Start to go on.`);
    } else if (this.pausedPending) {
      this.pausedPending = false;
      this.say(`Paused at epoch ${this.epoch}: ${this.lossesText()}.`);
    }
  }

  private pausedPending = false;

  private pause(announce: boolean): void {
    if (!this.running) return;
    this.running = false;
    const button = this.control<HTMLButtonElement>('train');
    button.textContent = 'Start';
    button.setAttribute('aria-pressed', 'false');
    if (!announce) return;
    // An epoch may still be on its way back from the worker: report where training stopped once it lands.
    if (this.busy) this.pausedPending = true;
    else this.say(`Paused at epoch ${this.epoch}: ${this.lossesText()}.`);
  }

  private async stepOnce(): Promise<void> {
    if (this.running || this.busy) return;
    this.busy = true;
    const generation = this.generation;
    const reply = await this.request({ type: 'train', epochs: 1 });
    this.busy = false;
    if (generation === this.generation && this.accept(reply)) this.say(`Epoch ${this.epoch}: ${this.lossesText()}.`);
  }

  private say(message: string): void {
    this.querySelector('[data-status]')!.textContent = message;
  }

  /** The loss curves, drawn by the worker (chart.ts) from the history so far, shown when they come back. */
  private drawChart(): void {
    if (this.chart === null) return;
    const holder = this.querySelector<HTMLElement>('[data-plot="loss"]')!;
    const chart = {
      width: chartWidth(holder),
      networks: this.networks.map((network) => ({ name: networkName(network), encoding: network.encoding })),
      history: this.history,
      previous: this.previous,
      epoch: this.epoch,
    };
    this.chart.ask({ type: 'chart', chart }, (reply) => {
      if (reply.type === 'error') {
        this.say(`The loss chart could not be drawn: ${reply.message}`);
        return;
      }
      if (reply.type !== 'chart') return;
      placeChart(holder, reply.markup, 'The loss curves');
    });
  }
}

if (!customElements.get('position-to-colour')) customElements.define('position-to-colour', PositionToColourElement);
