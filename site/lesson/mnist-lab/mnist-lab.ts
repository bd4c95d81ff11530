// The <mnist-lab> element: buttons, progress bars, the table of epochs, the confusion matrix, the grid of wrong
// guesses and the drawing canvas. All training and every number comes from the worker (worker.ts, the engine);
// this page code only draws, so the page never loads the engine. The drawing is preprocessed here like MNIST's
// digits (preprocess.ts) and sent to the worker, which answers with the engine's softmax of the network's scores.

import { MNIST_SIDE, preprocessDrawing } from './preprocess.ts';
import type { EpochReport, MnistLabReply, MnistLabRequest, WrongImage } from './protocol.ts';
import { describeProbabilities, formatBytes, formatPercent, formatSeconds } from './readout.ts';
import { ControlLink } from '../shared/control-link.ts';
import { widgetKey } from '../shared/url-state.ts';
import { formatCount } from '../shared/graph/number-format.ts';

/** The drawing canvas's stroke width, in its own pixels (the canvas is 280×280: ten of them per MNIST pixel). */
const STROKE_WIDTH = 22;

class MnistLabElement extends HTMLElement {
  private worker: Worker | null = null;
  private state: 'idle' | 'loading' | 'running' | 'paused' | 'finished' = 'idle';
  private ready = false;
  private classifyId = 0;
  private imageId = 0;
  // Whether the drawing canvas holds a digit (drawn or loaded); the drawing area says so with data-empty, which print.css
  // reads to leave an empty black canvas off the page.
  private drawnValue = false;
  private pendingClassify = false;
  private lastPoint: { x: number; y: number } | null = null;
  private status!: HTMLElement;
  private runButton!: HTMLButtonElement;
  private resetButton!: HTMLButtonElement;
  private loadButton!: HTMLButtonElement;
  private canvas!: HTMLCanvasElement;
  private context!: CanvasRenderingContext2D;
  private seen!: HTMLCanvasElement;
  private batchesPerEpoch = 1;

  private get drawn(): boolean {
    return this.drawnValue;
  }

  private set drawn(value: boolean) {
    this.drawnValue = value;
    this.canvas.closest('.mnist-draw')?.toggleAttribute('data-empty', !value);
  }

  connectedCallback(): void {
    if (this.dataset.mounted !== undefined) return;
    this.dataset.mounted = '';
    this.status = this.querySelector('[data-status]')!;
    this.runButton = this.querySelector('[data-action="run"]')!;
    this.resetButton = this.querySelector('[data-action="reset"]')!;
    this.loadButton = this.querySelector('[data-action="load-image"]')!;
    this.canvas = this.querySelector('[data-canvas]')!;
    this.context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.seen = this.querySelector('[data-seen]')!;
    this.runButton.addEventListener('click', () => this.toggleRun());
    this.resetButton.addEventListener('click', () => this.reset());
    this.loadButton.addEventListener('click', () => this.requestImage(Number(this.input('test-image').value)));
    this.querySelector('[data-action="clear"]')!.addEventListener('click', () => this.clearDrawing());
    this.input('test-image').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !this.loadButton.disabled) this.requestImage(Number(this.input('test-image').value));
    });
    // The lab's training is fixed; what a link keeps is the test image chosen (`?mnist=image_42`), shown once trained.
    const link = new ControlLink(widgetKey(this, 'mnist'), { image: this.input('test-image') });
    link.restore();
    this.input('test-image').addEventListener('change', () => link.save());
    this.setUpDrawing();
    this.clearDrawing();
    // A hidden tab stops training (it would compete with whatever the reader is doing); showing it again continues.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && this.state === 'running') {
        this.post({ type: 'pause' });
        this.state = 'paused';
        this.dataset.autoPaused = '';
        this.updateButtons();
      } else if (document.visibilityState === 'visible' && this.dataset.autoPaused !== undefined) {
        delete this.dataset.autoPaused;
        this.post({ type: 'resume' });
        this.state = 'running';
        this.updateButtons();
      }
    });
  }

  private input(field: string): HTMLInputElement {
    return this.querySelector(`[data-field="${field}"]`)!;
  }

  private post(message: MnistLabRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private say(text: string, tone?: 'good' | 'bad'): void {
    this.status.textContent = text;
    if (tone) this.status.dataset.tone = tone;
    else delete this.status.dataset.tone;
  }

  /** Start, pause or continue. */
  private toggleRun(): void {
    if (this.worker === null) {
      this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<MnistLabReply>) => this.receive(event.data));
      this.worker.addEventListener('error', () => this.say('The training worker stopped with an error; reload the page to try again.', 'bad'));
    }
    if (this.state === 'idle') {
      this.state = 'loading';
      this.say('Downloading the MNIST subset…');
      this.post({ type: 'start', url: new URL('/data/mnist-subset.bin', location.href).href });
    } else if (this.state === 'running') {
      this.state = 'paused';
      this.post({ type: 'pause' });
    } else if (this.state === 'paused' || this.state === 'finished') {
      this.state = 'running';
      this.post({ type: 'resume' });
      this.say('Training…');
    }
    this.updateButtons();
  }

  private reset(): void {
    this.post({ type: 'reset' });
    this.state = this.ready ? 'paused' : 'idle';
  }

  private updateButtons(): void {
    const labels = { idle: 'Start training', loading: 'Loading…', running: 'Pause', paused: 'Continue', finished: 'Continue' } as const;
    this.runButton.textContent = labels[this.state];
    this.runButton.disabled = this.state === 'loading';
    this.runButton.setAttribute('aria-pressed', String(this.state === 'running'));
    this.resetButton.disabled = !this.ready;
    this.loadButton.disabled = !this.ready;
  }

  private receive(message: MnistLabReply): void {
    switch (message.type) {
      case 'download': {
        const bar = this.progress('download');
        if (message.total !== null) {
          bar.max = message.total;
          bar.value = message.loaded;
        }
        this.progressText('download', message.total === null ? formatBytes(message.loaded) : `${formatBytes(message.loaded)} of ${formatBytes(message.total)}`);
        break;
      }
      case 'ready': {
        this.ready = true;
        this.state = 'running';
        this.batchesPerEpoch = message.batchesPerEpoch;
        const bar = this.progress('download');
        bar.value = bar.max;
        this.dataset.ready = '';
        this.say(`Loaded ${formatCount(message.train)} training and ${formatCount(message.test)} test images. Training epoch 1…`);
        this.querySelector('[data-draw-note]')!.textContent = 'Draw, or load a test image: the bars show the network’s probability for each digit.';
        this.updateButtons();
        if (this.drawn) this.classify();
        break;
      }
      case 'progress': {
        const bar = this.progress('epoch');
        bar.max = message.batchesPerEpoch;
        bar.value = message.batch === 0 ? message.batchesPerEpoch : message.batch;
        const epoch = message.batch === 0 ? message.epoch : message.epoch + 1;
        this.querySelector('[data-epoch-label]')!.textContent = `Epoch ${epoch}`;
        this.progressText('epoch', `batch ${message.batch === 0 ? message.batchesPerEpoch : message.batch} of ${message.batchesPerEpoch} · loss ${message.loss.toFixed(3)}`);
        break;
      }
      case 'epoch':
        this.showEpoch(message.report);
        break;
      case 'paused':
        this.say(`Paused in epoch ${message.epoch + 1}, after batch ${message.batch} of ${this.batchesPerEpoch}.`);
        break;
      case 'finished':
        this.state = 'finished';
        this.say(`Trained ${message.epochs} epochs. Continue trains more; draw a digit to test the network.`, 'good');
        this.updateButtons();
        break;
      case 'reset':
        this.state = 'paused';
        this.querySelector('[data-epoch-rows]')!.replaceChildren(this.emptyRow());
        this.querySelector('[data-wrong]')!.replaceChildren();
        this.querySelector('[data-wrong-summary]')!.textContent = 'New weights: no epoch yet.';
        for (const cell of this.querySelectorAll<HTMLElement>('[data-cell]')) {
          cell.textContent = '–';
          cell.style.removeProperty('--share');
          delete cell.dataset.count;
        }
        this.progress('epoch').value = 0;
        this.progressText('epoch', '–');
        this.querySelector('[data-epoch-label]')!.textContent = 'Epoch 1';
        this.say('New random weights. Press Continue to train them.');
        this.updateButtons();
        if (this.drawn) this.classify();
        break;
      case 'probabilities':
        if (message.id === this.classifyId) this.showProbabilities(message.probabilities);
        break;
      case 'image':
        if (message.id === this.imageId) {
          this.paintImage(message.pixels);
          this.input('test-image').value = String(message.index);
          this.say(`Loaded test image ${message.index} (a ${message.label}) into the canvas.`);
        }
        break;
      case 'error':
        if (this.state === 'loading') this.state = 'idle';
        this.say(message.message, 'bad');
        this.updateButtons();
        break;
    }
  }

  private progress(name: string): HTMLProgressElement {
    return this.querySelector(`[data-progress="${name}"]`)!;
  }

  private progressText(name: string, text: string): void {
    this.querySelector(`[data-progress-text="${name}"]`)!.textContent = text;
  }

  private emptyRow(): HTMLTableRowElement {
    const row = document.createElement('tr');
    row.dataset.empty = '';
    const cell = row.insertCell();
    cell.colSpan = 4;
    cell.textContent = 'No epoch yet.';
    return row;
  }

  private showEpoch(report: EpochReport): void {
    const body = this.querySelector('[data-epoch-rows]')!;
    body.querySelector('[data-empty]')?.remove();
    const row = document.createElement('tr');
    row.dataset.epoch = String(report.epoch);
    row.dataset.testAccuracy = String(report.testAccuracy);
    row.dataset.trainAccuracy = String(report.trainAccuracy);
    row.dataset.milliseconds = String(report.milliseconds);
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = String(report.epoch);
    row.append(head);
    for (const text of [formatPercent(report.trainAccuracy), formatPercent(report.testAccuracy), formatSeconds(report.milliseconds)]) {
      row.insertCell().textContent = text;
    }
    body.append(row);
    const total = report.confusion.flat().reduce((a, b) => a + b, 0);
    report.confusion.forEach((counts, t) => {
      const rowTotal = counts.reduce((a, b) => a + b, 0);
      counts.forEach((count, g) => {
        const cell = this.querySelector<HTMLElement>(`[data-cell="${t}-${g}"]`)!;
        cell.textContent = String(count);
        cell.dataset.count = String(count);
        cell.dataset.kind = t === g ? 'right' : 'wrong';
        // Shade by the share of the true digit's images: the diagonal by how many are right, the rest by each mix-up.
        const share = rowTotal === 0 ? 0 : t === g ? count / rowTotal : Math.min(1, (4 * count) / rowTotal);
        cell.style.setProperty('--share', share.toFixed(3));
      });
    });
    this.renderWrong(report.wrong, report.wrongCount, total);
    this.say(
      `Epoch ${report.epoch}: test accuracy ${formatPercent(report.testAccuracy)}, training accuracy ${formatPercent(report.trainAccuracy)}; the epoch took ${formatSeconds(report.milliseconds)}.`,
      report.testAccuracy >= 0.9 ? 'good' : undefined,
    );
    if (this.drawn) this.classify();
  }

  private renderWrong(wrong: WrongImage[], count: number, total: number): void {
    const title = `${formatCount(count)} of ${formatCount(total)} test images are misread`;
    this.querySelector('[data-wrong-summary]')!.textContent = `${title}${wrong.length < count ? `; the first ${wrong.length} are shown` : ''}. Choose one to load it into the canvas.`;
    const items = wrong.map((image) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'mnist-wrong-button';
      // The image it holds prints, where a widget's other buttons do not (print.css).
      button.dataset.print = 'keep';
      const label = `Test image ${image.index}: a ${image.label}, read as ${image.guess} (${formatPercent(image.confidence)} sure)`;
      button.setAttribute('aria-label', `${label}; load it into the canvas`);
      button.title = label;
      const canvas = document.createElement('canvas');
      canvas.width = MNIST_SIDE;
      canvas.height = MNIST_SIDE;
      canvas.className = 'mnist-thumb';
      canvas.setAttribute('aria-hidden', 'true');
      putPixels(canvas, (i) => image.pixels[i] / 255);
      const caption = document.createElement('span');
      caption.className = 'mnist-wrong-caption';
      caption.innerHTML = `<span>guess <strong>${image.guess}</strong></span><span>true ${image.label}</span>`;
      caption.setAttribute('aria-hidden', 'true');
      button.append(canvas, caption);
      button.addEventListener('click', () => this.requestImage(image.index));
      item.append(button);
      return item;
    });
    this.querySelector('[data-wrong]')!.replaceChildren(...items);
  }

  private requestImage(index: number): void {
    if (!this.ready || !Number.isFinite(index)) return;
    this.imageId += 1;
    this.post({ type: 'image', id: this.imageId, index });
  }

  // Drawing: pointer events cover mouse, touch and pen; the canvas keeps white ink on black, as MNIST's digits are.
  private setUpDrawing(): void {
    const canvas = this.canvas;
    const point = (event: PointerEvent) => {
      const box = canvas.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * canvas.width, y: ((event.clientY - box.top) / box.height) * canvas.height };
    };
    canvas.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      this.lastPoint = point(event);
      this.stroke(this.lastPoint, this.lastPoint);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (this.lastPoint === null) return;
      const next = point(event);
      this.stroke(this.lastPoint, next);
      this.lastPoint = next;
    });
    const end = () => {
      if (this.lastPoint === null) return;
      this.lastPoint = null;
      this.classify();
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const c = this.context;
    c.strokeStyle = '#fff';
    c.lineWidth = STROKE_WIDTH;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    this.drawn = true;
    // Classify while drawing too, at most one request in flight.
    if (!this.pendingClassify) {
      this.pendingClassify = true;
      requestAnimationFrame(() => {
        this.pendingClassify = false;
        this.classify();
      });
    }
  }

  private clearDrawing(): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.drawn = false;
    putPixels(this.seen, () => 0);
    for (const item of this.querySelectorAll<HTMLElement>('[data-probabilities] li')) {
      delete item.dataset.probability;
      item.style.removeProperty('--p');
      item.querySelector('.mnist-percent')!.textContent = '–';
      delete item.dataset.best;
    }
    this.querySelector('[data-probabilities]')!.removeAttribute('data-sum');
  }

  /** Paints a 28×28 test image (bytes) onto the drawing canvas, scaled up, and classifies it. */
  private paintImage(pixels: Uint8Array): void {
    const small = document.createElement('canvas');
    small.width = MNIST_SIDE;
    small.height = MNIST_SIDE;
    putPixels(small, (i) => pixels[i] / 255);
    this.context.imageSmoothingEnabled = true;
    this.context.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
    this.drawn = true;
    this.classify();
  }

  /** The drawing's ink (its brightness, 0 to 1, per canvas pixel). */
  private ink(): Float64Array {
    const { width, height } = this.canvas;
    const data = this.context.getImageData(0, 0, width, height).data;
    const ink = new Float64Array(width * height);
    for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i] / 255;
    return ink;
  }

  private classify(): void {
    if (!this.drawn) return;
    const inputs = preprocessDrawing(this.ink(), this.canvas.width, this.canvas.height);
    putPixels(this.seen, (i) => inputs[i]);
    if (!this.ready) return;
    this.classifyId += 1;
    this.post({ type: 'classify', id: this.classifyId, inputs }, [inputs.buffer]);
  }

  private showProbabilities(probabilities: Float64Array): void {
    let best = 0;
    for (let d = 1; d < 10; d++) if (probabilities[d] > probabilities[best]) best = d;
    let sum = 0;
    for (const item of this.querySelectorAll<HTMLElement>('[data-probabilities] li')) {
      const d = Number(item.dataset.digit);
      const p = probabilities[d];
      sum += p;
      item.dataset.probability = String(p);
      item.style.setProperty('--p', p.toFixed(4));
      item.querySelector('.mnist-percent')!.textContent = formatPercent(p);
      if (d === best) item.dataset.best = '';
      else delete item.dataset.best;
    }
    const list = this.querySelector<HTMLElement>('[data-probabilities]')!;
    list.dataset.sum = String(sum);
    list.setAttribute('aria-label', `The network’s probability for each digit: ${describeProbabilities(probabilities)}`);
  }
}

/** Writes a 28×28 image (brightness 0 to 1 per pixel, from `value(i)`) into a 28×28 canvas, white on black. */
function putPixels(canvas: HTMLCanvasElement, value: (i: number) => number): void {
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(MNIST_SIDE, MNIST_SIDE);
  for (let i = 0; i < MNIST_SIDE * MNIST_SIDE; i++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, value(i))));
    image.data[4 * i] = v;
    image.data[4 * i + 1] = v;
    image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

if (!customElements.get('mnist-lab')) customElements.define('mnist-lab', MnistLabElement);
