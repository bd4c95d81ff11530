// <nn-playground>: the page side of the playground. It reads its controls
// (rendered by Playground.astro), keeps the settings in the page URL, drives
// the training worker, and draws each frame the worker sends: the heat map
// with the points, the loss curves and the numbers.
//
// For measurements it exposes, as data attributes: data-epoch, data-frames
// (frames drawn), data-epochs-per-second and data-frames-per-second (both over
// the last second), data-train-loss, data-test-loss, and data-running: whether
// the last frame drawn came from a worker that was training (after Pause it
// turns "false" once the worker has stopped, so data-epoch is then final).

import { onThemeChange } from '../shared/plot-theme.ts';
import { watchVisibility } from '../shared/mount-when-visible.ts';
import { readColors } from '../shared/colors.ts';
import { LossChart } from './loss-chart.ts';
import { NetworkDiagram, type WeightEdit } from './network-diagram.ts';
import { pictureSide } from './picture.ts';
import { openPicture, type PictureView } from './picture-view.ts';
import { ExportDialog } from './export-dialog.ts';
import { PlaygroundProbe } from './probe.ts';
import { GoalPanel } from '../challenge/goal-panel.ts';
import { FramePacer } from './frame-pacer.ts';
import type { DataMessage, FrameMessage, FromWorker, ToWorker } from './protocol.ts';
import { LIMITS, decodeState, effectiveLoss, encodeState, normalizeState, type PlaygroundState } from './state.ts';
import { MULTICLASS_DATASETS, classCount, inputCount, isRegression, outputCount, type InputName } from './state.ts';
import { formatCount } from '../shared/graph/number-format.ts';
import {
  MAX_CSV_CHARS,
  MAX_POINTS,
  customClasses,
  customDomain,
  loadPoints,
  nearestPoint,
  parseCsv,
  pointsParam,
  pointsUrlValue,
  roundCoordinate,
  storageKey,
  storePoints,
  summarizeErrors,
  toCsv,
  validRowsLoadable,
  type CsvParse,
  type CustomPoint,
  type PointStorage,
} from './custom-data.ts';

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
  private picture!: PictureView;
  private chart!: LossChart;
  private playing = false;
  private pacer: FramePacer<FrameMessage> | null = null;
  // The second worker, which paints the frames (heat map, losses, maps) while the first one trains.
  private painter: Worker | null = null;
  private framesDrawn = 0;
  private readonly frameRate = new RateMeter();
  private readonly epochRate = new RateMeter();
  private stops: (() => void)[] = [];
  private network: NetworkDiagram | null = null;
  private exportDialog: ExportDialog | null = null;
  // The student's own points (custom data), and the last CSV read with errors, whose valid rows may still be loaded.
  private points: CustomPoint[] = [];
  private csvRead: CsvParse | null = null;
  // Values on hover (probe.ts) and a challenge's goal panel (challenge/goal-panel.ts).
  private h4Probe: PlaygroundProbe | null = null;
  private h4Goal: GoalPanel | null = null;

  connectedCallback(): void {
    if (this.worker !== null) return;
    // A second connection starts afresh: the last frame's predictions went to the painter that is gone (transferred,
    // so they are empty here), and its data belongs to the run that painter had.
    this.data = null;
    this.lastFrame = null;
    const preset = this.dataset.preset ? (JSON.parse(this.dataset.preset) as Partial<PlaygroundState>) : {};
    const fromUrl = new URLSearchParams(location.search).get(this.param);
    this.state = fromUrl !== null ? decodeState(fromUrl) : normalizeState(preset);
    // The same script a second time paints the frames from the weights the trainer sends it over a channel of their
    // own, so the trainer spends no time on pictures (on a machine with a core to spare); it draws the picture too, on
    // the picture's canvas handed to it, where the browser can hand one over (picture-view.ts).
    this.painter = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'playground-painter' });
    this.painter.onmessage = (event: MessageEvent<FromWorker>) => this.received(event.data);
    this.painter.onerror = () => this.say('The worker drawing the pictures stopped with an error; reload the page to start again.');
    // First, as it may replace the canvas (a second connection) before anything listens to it.
    this.picture = openPicture(this.query<HTMLCanvasElement>('.pg-picture'), this.painter);
    this.dataset.pictureDrawnBy = this.picture.where;
    this.customConnect();
    this.chart = new LossChart(this.query<HTMLCanvasElement>('.pg-loss'));
    this.networkMount();
    this.h4Probe = new PlaygroundProbe(this, this.query<HTMLCanvasElement>('.pg-picture'), this.query<HTMLCanvasElement>('.pg-loss'), this.chart, (message) => this.send(message));
    this.h4Goal = GoalPanel.fromUrl(this, this.param);
    this.applyColors();
    this.writeControls();
    this.addEventListener('input', (event) => this.changed(event));
    this.addEventListener('change', (event) => this.changed(event));
    this.addEventListener('click', (event) => this.clicked(event));
    this.exportDialog = new ExportDialog(this.query<HTMLDialogElement>('.pg-export'), this.query<HTMLButtonElement>('[data-action="export"]'));
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'playground' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.received(event.data);
    this.worker.onerror = () => this.say('The training worker stopped with an error; reload the page to start again.');
    const channel = new MessageChannel();
    this.painter.postMessage({ type: 'paint-from', port: channel.port2 } satisfies ToWorker, [channel.port2]);
    this.worker.postMessage({ type: 'paint-to', port: channel.port1 } satisfies ToWorker, [channel.port1]);
    this.pacer = new FramePacer<FrameMessage>({
      request: () => this.send({ type: 'frame' }),
      draw: (frame) => this.drawReceived(frame),
      animationFrame: (tick) => requestAnimationFrame(tick),
    });
    this.send({ type: 'configure', state: this.state, points: this.points });
    this.requestFrame();
    this.stops.push(
      onThemeChange(() => {
        this.applyColors();
        this.redraw();
      }),
      watchVisibility(this, (visible) => this.send({ type: 'suspend', suspended: !visible })),
    );
    // Redrawn when the picture's width changes; not for the observer's first report, nor a resize that keeps the width
    // (each draw counts as a frame delivered, which the frame rate the Playground reports is made of).
    let width: number | null = null;
    const resize = new ResizeObserver(([entry]) => {
      const was = width;
      width = entry.contentRect.width;
      if (was !== null && was !== width) this.redraw();
    });
    resize.observe(this.query('.pg-picture'));
    this.stops.push(() => resize.disconnect());
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.pacer?.stop();
    this.pacer = null;
    this.worker?.terminate();
    this.worker = null;
    this.painter?.terminate();
    this.painter = null;
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
    this.network?.setColors(colors);
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
    set('l1', s.l1);
    set('dropout', s.dropout);
    set('init', s.init);
    set('seed', s.seed);
    set('speed', s.speed);
    this.field('loss').disabled = isRegression(s);
    // Classes and accuracy mean nothing for regression; a regression over the plane has its value scale instead.
    for (const element of this.querySelectorAll<HTMLElement>('.pg-classification')) element.hidden = isRegression(s);
    this.query('.pg-value-key').hidden = !isRegression(s) || s.data === 'regression';
    this.querySelectorAll<HTMLInputElement>('[data-field="units"]').forEach((input, i) => {
      if (i < s.layers.length) input.value = String(s.layers[i]);
      input.closest<HTMLElement>('.pg-units')!.hidden = i >= s.layers.length;
    });
    this.showOutputs();
    this.query('.pg-architecture').textContent = [inputCount(s), ...s.layers, outputCount(s)].join('-');
    this.customWriteControls();
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
      l1: Number(value('l1')),
      dropout: Number(value('dropout')),
      init: value('init') as PlaygroundState['init'],
      seed: Number(value('seed')),
      speed: value('speed') as PlaygroundState['speed'],
      classes: Number(value('classes')),
      inputs: [...this.querySelectorAll<HTMLInputElement>('[data-field="inputs"]')].filter((box) => box.checked).map((box) => box.value as InputName),
    });
  }

  private changed(event: Event): void {
    const target = event.target as HTMLElement;
    if (!target.matches('[data-field]')) return;
    if (target.dataset.field === 'inputs' && !this.customKeepInput(target as HTMLInputElement)) return;
    if (target.dataset.field === 'show-test' || target.dataset.field === 'discretize') {
      if (event.type === 'change') this.redraw();
      return;
    }
    // Number boxes commit when the reader leaves them or presses Enter, so typing "12" does not build a 1-unit layer first.
    if (event.type === 'input' && target instanceof HTMLInputElement && target.type === 'number') return;
    this.commit(this.readControls());
  }

  /** Adopts a new state: the controls, the URL and the worker follow. */
  private commit(next: PlaygroundState): void {
    next = this.customFit(next);
    this.state = next;
    this.writeControls();
    const url = new URL(location.href);
    const encoded = encodeState(next);
    if (encoded === '') url.searchParams.delete(this.param);
    else url.searchParams.set(this.param, encoded);
    this.customWriteUrl(url);
    history.replaceState(history.state, '', url);
    this.send({ type: 'configure', state: next, points: this.points });
    this.requestFrame();
    this.networkFullLink();
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
      case 'export':
        this.exportRun();
        break;
      case 'next-seed':
        this.commit({ ...this.state, seed: (this.state.seed + 1) % (LIMITS.seed.max + 1) });
        this.say(`Seed ${this.state.seed}: ${this.state.data === 'custom' ? 'the same points, a new split' : 'new data, split'}, weights and shuffles.`);
        break;
    }
    this.requestFrame();
  }

  /** Pauses training and asks the worker for the run so far as a PyTorch script, shown in the export dialog. */
  private exportRun(): void {
    if (this.playing) this.setPlaying(false);
    this.exportDialog?.open();
    this.send({ type: 'export' });
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
   * Makes sure the worker knows the page can take the next frames: two requests are outstanding or answered and
   * waiting, sent on animation frames, and each answer is drawn on an animation frame in turn (frame-pacer.ts); the
   * worker answers once there is something new to show.
   */
  private requestFrame(): void {
    this.pacer?.want();
  }

  private received(message: FromWorker): void {
    if (message.type === 'export') {
      if ('script' in message) this.exportDialog?.show(message.script, message.epochs);
      else this.exportDialog?.failed(message.error);
      return;
    }
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
    this.pacer?.received(message);
  }

  /** A frame from the worker, at the animation frame the pacer drew it on. */
  private drawReceived(frame: FrameMessage): void {
    this.lastFrame = frame;
    this.draw(frame);
  }

  private redraw(): void {
    if (this.lastFrame !== null) this.draw(this.lastFrame);
  }

  private draw(frame: FrameMessage): void {
    if (this.data === null) return;
    this.picture.draw(this.data, frame.predictions, this.field('show-test').checked, this.field('discretize').checked, pictureSide(this.query<HTMLCanvasElement>('.pg-picture')));
    this.chart.draw(frame.history);
    if (frame.network !== undefined) this.network?.draw(frame.network);
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
    this.dataset.running = String(frame.playing);
    if (frame.playing) {
      this.dataset.framesPerSecond = this.frameRate.add(now, this.framesDrawn).toFixed(1);
      this.dataset.epochsPerSecond = this.epochRate.add(now, frame.epoch).toFixed(1);
    } else {
      this.describe(frame);
    }
    this.h4Probe?.frame(frame);
    this.h4Goal?.frame(frame);
  }

  /** The network diagram, when the markup has one, and the link to the full Playground carrying this state. */
  private networkMount(): void {
    const section = this.querySelector<HTMLElement>('.pg-network');
    if (section !== null) {
      this.network = new NetworkDiagram(section, {
        editStart: () => this.setPlaying(false),
        edit: (edit) => this.networkEdit(edit),
      });
    }
    this.networkFullLink();
  }

  /** A weight typed in the diagram: training stays paused, the worker sets the engine parameter and sends a fresh frame. */
  private networkEdit(edit: WeightEdit): void {
    this.setPlaying(false);
    this.send({ type: 'set-weight', layer: edit.layer, to: edit.to, from: edit.from, value: edit.value });
    this.requestFrame();
  }

  /** Points "Open in the full Playground" at /playground/ with the current settings. */
  private networkFullLink(): void {
    const link = this.querySelector<HTMLAnchorElement>('a.pg-open-full');
    if (link === null) return;
    const encoded = encodeState(this.state);
    link.href = encoded === '' ? '/playground/' : `/playground/?playground=${encodeURIComponent(encoded)}`;
  }

  /** The picture's text alternative, updated when training is not running (a live one would chatter). */
  private describe(frame: FrameMessage): void {
    const accuracy = Number.isFinite(frame.testAccuracy) ? `, ${Math.round(frame.testAccuracy * 100)}% of test points classified correctly` : '';
    this.query('.pg-picture').setAttribute(
      'aria-label',
      `The network's output over the plane after ${frame.epoch} epochs: test loss ${format(frame.testLoss)}${accuracy}.`,
    );
  }
  // ---- More than two classes, features as inputs, and the student's own points (custom data). ----

  /** Where this playground's points are stored: localStorage, or null where the browser refuses it. */
  private get customStorage(): PointStorage | null {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  private get customKey(): string {
    return storageKey(location.pathname, this.param);
  }

  /** Reads the points from the link or this browser's storage, and listens to the picture and the CSV file box. */
  private customConnect(): void {
    const urlValue = new URLSearchParams(location.search).get(pointsParam(this.param));
    const { points, message } = loadPoints(urlValue, this.customStorage, this.customKey);
    this.points = points;
    this.state = this.customFit(this.state);
    if (message !== null && (this.state.data === 'custom' || urlValue !== null)) this.say(message);
    this.query('.pg-picture').addEventListener('click', (event) => this.customPictureClicked(event as MouseEvent));
    this.query<HTMLInputElement>('[data-custom="file"]').addEventListener('change', () => void this.customFileChosen());
    this.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action^="custom-"]');
      if (button !== null) this.customAction(button.dataset.action!);
    });
  }

  /** For custom data, at least as many classes as the points' labels need (a lower choice is raised, and said so). */
  private customFit(next: PlaygroundState): PlaygroundState {
    if (next.data !== 'custom') return next;
    const need = customClasses(this.points);
    if (next.classes >= need) return next;
    if (this.state !== undefined && this.state.data === 'custom' && next.classes < this.state.classes) {
      this.say(`Your points use classes 0 to ${need - 1}, so the network keeps ${need} outputs; clear those points to use fewer.`);
    }
    return { ...next, classes: need };
  }

  /** Refuses to uncheck the last feature: the network needs at least one input. */
  private customKeepInput(box: HTMLInputElement): boolean {
    const checked = this.querySelectorAll<HTMLInputElement>('[data-field="inputs"]:checked').length;
    if (checked > 0) return true;
    box.checked = true;
    this.say('The network needs at least one input: check another feature before unchecking this one.');
    return false;
  }

  /** The controls of this part: classes, features, the legend and the custom-data panel, shown where they apply. */
  private customWriteControls(): void {
    const s = this.state;
    const classes = classCount(s);
    const classesField = this.field('classes');
    classesField.value = String(s.classes);
    classesField.closest<HTMLElement>('.pg-classes')!.hidden = !(MULTICLASS_DATASETS as readonly string[]).includes(s.data);
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-field="inputs"]')) box.checked = s.inputs.includes(box.value as InputName);
    this.query('.pg-features').hidden = s.data === 'regression';
    for (const key of this.querySelectorAll<HTMLElement>('.pg-class-key')) key.hidden = isRegression(s) || Number(key.dataset.class) >= classes;
    // Above two classes the loss is softmax cross-entropy, whatever was chosen; the choice is kept for later.
    if (classes > 2) this.field('loss').disabled = true;
    const custom = s.data === 'custom';
    this.query('.pg-custom').hidden = !custom;
    // Noise is drawn into the generated datasets; the student's points are as given.
    this.field('noise').closest<HTMLElement>('.widget-field')!.hidden = custom;
    this.query('.pg-picture').classList.toggle('pg-drawable', custom);
    const n = this.points.length;
    this.query('.pg-custom-count').textContent = `${formatCount(n)} ${n === 1 ? 'point' : 'points'}`;
  }

  /** Writes the points into the link (or the marker that they are stored here), for custom data only. */
  private customWriteUrl(url: URL): void {
    const value = this.state.data === 'custom' ? pointsUrlValue(this.points) : null;
    if (value === null) url.searchParams.delete(pointsParam(this.param));
    else url.searchParams.set(pointsParam(this.param), value);
  }

  /** Adopts new points: stored in this browser, in the link, and a fresh run in the worker. */
  private customSetPoints(points: CustomPoint[], message: string): void {
    this.points = points;
    const refused = storePoints(this.customStorage, this.customKey, points);
    this.commit(this.state);
    this.say(refused ?? message);
  }

  /** A click on the picture adds a point of the chosen class where it landed; Shift-click (or the remove choice) removes the nearest. */
  private customPictureClicked(event: MouseEvent): void {
    if (this.state.data !== 'custom') return;
    const canvas = event.currentTarget as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const [x0, x1, y0, y1] = customDomain(this.points);
    const x = roundCoordinate(x0 + ((event.clientX - box.left) / box.width) * (x1 - x0));
    const y = roundCoordinate(y1 - ((event.clientY - box.top) / box.height) * (y1 - y0));
    const choice = this.query<HTMLSelectElement>('[data-custom="class"]').value;
    if (event.shiftKey || choice === 'remove') {
      const nearest = nearestPoint(this.points, x, y, (14 / box.width) * (x1 - x0));
      if (nearest < 0) {
        this.say('No point there to remove.');
        return;
      }
      const removed = this.points[nearest];
      this.customSetPoints(this.points.filter((_, i) => i !== nearest), `Removed a class ${removed.label} point; ${this.points.length - 1} left.`);
      return;
    }
    if (this.points.length >= MAX_POINTS) {
      this.say(`You have ${formatCount(MAX_POINTS)} points, the most a dataset holds; remove some to add others.`);
      return;
    }
    const label = Number(choice);
    this.customSetPoints([...this.points, { x, y, label }], `Added a class ${label} point at (${x.toFixed(2)}, ${y.toFixed(2)}); ${this.points.length + 1} points.`);
  }

  private customAction(action: string): void {
    const box = this.query<HTMLTextAreaElement>('[data-custom="csv"]');
    switch (action) {
      case 'custom-clear':
        this.customReport(null);
        this.customSetPoints([], 'Cleared every point. Click the picture to add new ones.');
        break;
      case 'custom-load':
        this.customLoadCsv(box.value);
        break;
      case 'custom-load-valid':
        if (this.csvRead !== null && validRowsLoadable(this.csvRead)) {
          const { points, badLines } = this.csvRead;
          this.customReport(null);
          this.customSetPoints(points, `Loaded the ${points.length} valid rows; left out ${badLines} bad ${badLines === 1 ? 'line' : 'lines'}.`);
        }
        break;
      case 'custom-show':
        box.value = toCsv(this.points);
        this.say(`The ${this.points.length} points are in the CSV box: edit them and press Load CSV, or copy them to keep.`);
        break;
    }
  }

  /** Reads CSV text: loads every point if every line reads, else loads nothing, keeps the text and the points, and lists the bad lines. */
  private customLoadCsv(text: string): void {
    const read = parseCsv(text);
    if (read.errors.length === 0) {
      this.customReport(null);
      this.customSetPoints(read.points, `Loaded ${read.points.length} points of ${customClasses(read.points)} classes.`);
      return;
    }
    this.customReport(read);
    this.say(`Nothing was loaded: ${read.errors.length === 1 ? 'one problem' : `${read.errors.length} problems`} in the CSV (listed under it). Your points are unchanged.`);
  }

  /** Shows the problems of a CSV (the first few, then "and N more"), with a button to load its valid rows when that makes sense; null clears. */
  private customReport(read: CsvParse | null): void {
    this.csvRead = read;
    const report = this.query('.pg-csv-report');
    const loadValid = this.query<HTMLButtonElement>('[data-action="custom-load-valid"]');
    report.replaceChildren();
    delete report.dataset.bad;
    loadValid.hidden = true;
    if (read === null) return;
    report.dataset.bad = 'true';
    const title = document.createElement('p');
    title.textContent = read.badLines > 0 ? `${read.badLines} bad ${read.badLines === 1 ? 'line' : 'lines'}; nothing loaded:` : 'Nothing loaded:';
    const list = document.createElement('ul');
    for (const error of summarizeErrors(read.errors)) {
      const item = document.createElement('li');
      item.textContent = error;
      list.append(item);
    }
    report.append(title, list);
    if (validRowsLoadable(read)) {
      loadValid.hidden = false;
      loadValid.textContent = `Load only the ${read.points.length} valid rows`;
    }
  }

  /** A chosen CSV file: read if it is not too large, put in the box, and loaded as if typed there. */
  private async customFileChosen(): Promise<void> {
    const input = this.query<HTMLInputElement>('[data-custom="file"]');
    const file = input.files?.[0];
    if (file === undefined) return;
    input.value = '';
    // A UTF-8 character takes up to 4 bytes; anything larger cannot be a CSV this box would take.
    if (file.size > MAX_CSV_CHARS * 4) {
      this.customReport({ points: [], errors: [`the file is too large: ${formatCount(file.size)} bytes (at most about ${formatCount(MAX_POINTS)} points)`], badLines: 0 });
      this.say(`Nothing was loaded from ${file.name}: it is too large. Your points are unchanged.`);
      return;
    }
    try {
      const text = await file.text();
      if (text.length <= MAX_CSV_CHARS) this.query<HTMLTextAreaElement>('[data-custom="csv"]').value = text;
      this.customLoadCsv(text);
    } catch {
      this.customReport({ points: [], errors: [`${file.name} could not be read`], badLines: 0 });
    }
  }
}

if (!customElements.get('nn-playground')) customElements.define('nn-playground', PlaygroundElement);
