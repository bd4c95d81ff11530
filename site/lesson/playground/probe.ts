// Values on hover: the loss curves read out at the nearest recorded epoch ("epoch 120: train 0.213, test 0.241")
// and the picture read out at a point (its coordinates and the network's output there, computed exactly by the
// worker's network, not read off the 100 × 100 grid). Both work with the pointer and, once focused, the keyboard:
// ←/→ (and ↑/↓ on the picture) move, Home/End jump. The readouts are plain text the canvases are described by; a
// key press also puts the new reading in a polite status, so a screen reader hears what the reader asked for and
// nothing while training runs.

import type { LossChart } from './loss-chart.ts';
import type { DataMessage, FrameMessage, ProbeMessage, ToWorker } from './protocol.ts';

/** A loss history as frames carry it. */
export interface History {
  epochs: Float64Array;
  train: Float64Array;
  test: Float64Array;
}

/** The index of the recorded epoch nearest `epoch` (the earlier one on a tie), or -1 for an empty history. */
export function nearestIndex(epochs: ArrayLike<number>, epoch: number): number {
  const n = epochs.length;
  if (n === 0 || !Number.isFinite(epoch)) return n === 0 ? -1 : n - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (epochs[mid] < epoch) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && epoch - epochs[lo - 1] <= epochs[lo] - epoch) return lo - 1;
  return lo;
}

/** The chart's inner padding in CSS pixels, as LossChart draws it. */
export const CHART_PAD = 4;

/** The epoch under a pointer `offsetX` CSS pixels from the left of a chart `width` wide whose last epoch is `last`. */
export function chartEpochAt(offsetX: number, width: number, last: number): number {
  const inner = Math.max(1, width - 2 * CHART_PAD);
  const fraction = Math.min(1, Math.max(0, (offsetX - CHART_PAD) / inner));
  return fraction * Math.max(last, 1);
}

const loss = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '–');

/** "epoch 120: train 0.213, test 0.241". */
export function lossReadout(history: History, index: number): string {
  return `epoch ${history.epochs[index]}: train ${loss(history.train[index])}, test ${loss(history.test[index])}`;
}

/** A coordinate for the readout: two decimals, a true minus sign. */
const coordinate = (value: number): string => value.toFixed(2).replace('-', '−');

/** A probability or value: three decimals. */
const value3 = (value: number): string => (Number.isFinite(value) ? value.toFixed(3).replace('-', '−') : 'not a number (the network diverged)');

/**
 * What the network says at a point, in words: "(0.42, −1.30): P(class 1) = 0.873, P(class 0) = 0.127" for two
 * classes, every class's probability for more, "x = 0.42: output 0.913" for regression (`features` 1), and
 * "(0.42, −1.30): output 0.913" for regression over the plane (`classes` 1). Two classes trained with squared error
 * (`probabilities` false) have a raw output, which can leave [0, 1]: "output 1.049 (class 1 where ≥ 0.5)".
 */
export function pointReadout(x: number, y: number, values: readonly number[], features: number, classes: number, probabilities = true): string {
  if (features === 1) return `x = ${coordinate(x)}: output ${value3(values[0])}`;
  const where = `(${coordinate(x)}, ${coordinate(y)})`;
  if (classes < 2) return `${where}: output ${value3(values[0])}`;
  if (!probabilities) return `${where}: output ${value3(values[0])} (class 1 where ≥ 0.5)`;
  if (classes <= 2) return `${where}: P(class 1) = ${value3(values[0])}, P(class 0) = ${value3(1 - values[0])}`;
  return `${where}: ${values.map((p, k) => `P(class ${k}) = ${value3(p)}`).join(', ')}`;
}

/** The point of the plane at fractions (fx across, fy down) of the picture over `domain` [x0, x1, y0, y1]. */
export function planeAt(fx: number, fy: number, domain: readonly number[]): { x: number; y: number } {
  const [x0, x1, y0, y1] = domain;
  return { x: x0 + (x1 - x0) * fx, y: y1 - (y1 - y0) * fy };
}

/** The arrow keys' step across the picture, as a fraction of its side (Shift: a finer step). */
const MAP_STEP = 0.05;
const FINE_STEP = 0.01;

/** The hover readouts of one playground: the loss chart's crosshair and the picture's probe. */
export class PlaygroundProbe {
  private history: History | null = null;
  private data: DataMessage | null = null;
  /** The chart's crosshair: the epoch it follows (null: hidden). */
  private chartEpoch: number | null = null;
  /** The probed point as fractions of the picture (null: none). */
  private point: { fx: number; fy: number } | null = null;
  private probeOutstanding = false;
  private probeWanted = false;
  private announceProbe = false;
  private readonly mapText: HTMLElement;
  private readonly lossText: HTMLElement;
  private readonly status: HTMLElement;
  private readonly marker: HTMLElement;

  /** Wires the readouts of the playground `host`: its picture, its loss chart, and a way to ask its worker. */
  constructor(
    private readonly host: HTMLElement,
    private readonly picture: HTMLCanvasElement,
    private readonly chartCanvas: HTMLCanvasElement,
    private readonly chart: LossChart,
    private readonly send: (message: ToWorker) => void,
  ) {
    const id = picture.id || 'pg';
    this.mapText = this.readout(`${id}-probe`, 'Point at the picture, or focus it and use the arrow keys, to read the network\'s output at a point.');
    this.lossText = this.readout(`${id}-loss-probe`, 'Point at the curves, or focus them and use ← and →, to read the losses at an epoch.');
    picture.closest('.pg-output')?.querySelector('.pg-side')?.prepend(this.mapText);
    chartCanvas.after(this.lossText);
    this.status = document.createElement('p');
    this.status.className = 'visually-hidden';
    this.status.setAttribute('role', 'status');
    host.append(this.status);
    this.marker = document.createElement('div');
    this.marker.className = 'pg-probe-marker';
    this.marker.hidden = true;
    this.marker.setAttribute('aria-hidden', 'true');
    picture.after(this.marker);
    for (const [canvas, text] of [[picture, this.mapText], [chartCanvas, this.lossText]] as const) {
      canvas.tabIndex = 0;
      canvas.setAttribute('aria-describedby', text.id);
    }
    this.wire();
  }

  private readout(id: string, hint: string): HTMLElement {
    const p = document.createElement('p');
    p.className = 'pg-probe-readout';
    p.id = id;
    p.dataset.hint = hint;
    this.write(p, null);
    return p;
  }

  /**
   * Writes a reading into readout `p`, or its hint (null). A readout showing its hint says so (data-showing-hint): the
   * hint tells how to use the screen, so print.css leaves it off paper, where a reading still prints.
   */
  private write(p: HTMLElement, reading: string | null): void {
    p.textContent = reading ?? p.dataset.hint ?? '';
    p.toggleAttribute('data-showing-hint', reading === null);
  }

  private wire(): void {
    const { picture, chartCanvas } = this;
    const epochAt = (event: PointerEvent) => {
      if (this.history === null) return;
      const n = this.history.epochs.length;
      this.chartEpoch = chartEpochAt(event.offsetX, chartCanvas.clientWidth, n > 0 ? this.history.epochs[n - 1] : 1);
      this.showChart(false);
    };
    chartCanvas.addEventListener('pointermove', epochAt);
    chartCanvas.addEventListener('pointerdown', epochAt);
    chartCanvas.addEventListener('pointerleave', () => {
      if (document.activeElement !== chartCanvas) this.hideChart();
    });
    chartCanvas.addEventListener('blur', () => this.hideChart());
    chartCanvas.addEventListener('keydown', (event) => this.chartKey(event));
    // pointerdown too: a tap on a touch screen reads the point it touched.
    const at = (event: PointerEvent) => {
      const side = picture.clientWidth || 1;
      this.point = { fx: clamp01(event.offsetX / side), fy: clamp01(event.offsetY / (picture.clientHeight || side)) };
      this.probe(false);
    };
    picture.addEventListener('pointermove', at);
    picture.addEventListener('pointerdown', at);
    picture.addEventListener('pointerleave', () => {
      if (document.activeElement !== picture) this.hidePoint();
    });
    picture.addEventListener('blur', () => this.hidePoint());
    picture.addEventListener('keydown', (event) => this.mapKey(event));
  }

  private chartKey(event: KeyboardEvent): void {
    const history = this.history;
    if (history === null || history.epochs.length === 0) return;
    const n = history.epochs.length;
    let index = this.chartEpoch === null ? n - 1 : nearestIndex(history.epochs, this.chartEpoch);
    if (event.key === 'ArrowLeft') index = this.chartEpoch === null ? n - 1 : Math.max(0, index - 1);
    else if (event.key === 'ArrowRight') index = this.chartEpoch === null ? n - 1 : Math.min(n - 1, index + 1);
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = n - 1;
    else return;
    event.preventDefault();
    this.chartEpoch = history.epochs[index];
    this.showChart(true);
  }

  private mapKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? FINE_STEP : MAP_STEP;
    const p = this.point ?? { fx: 0.5, fy: 0.5 };
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (event.key === 'Home') this.point = { fx: 0, fy: p.fy };
    else if (event.key === 'End') this.point = { fx: 1, fy: p.fy };
    else if (event.key in moves) {
      const [dx, dy] = this.point === null ? [0, 0] : moves[event.key];
      this.point = { fx: clamp01(p.fx + dx), fy: clamp01(p.fy + dy) };
    } else return;
    event.preventDefault();
    this.probe(true);
  }

  /** Draws the crosshair at the followed epoch and writes its reading; `announce` also tells a screen reader. */
  private showChart(announce: boolean): void {
    const history = this.history;
    if (history === null || this.chartEpoch === null || history.epochs.length === 0) return;
    const index = nearestIndex(history.epochs, this.chartEpoch);
    this.chart.marker = index;
    this.chart.draw(history);
    const text = lossReadout(history, index);
    this.write(this.lossText, text);
    this.host.dataset.lossProbe = text;
    if (announce) this.status.textContent = text;
  }

  private hideChart(): void {
    this.chartEpoch = null;
    this.chart.marker = null;
    if (this.history !== null) this.chart.draw(this.history);
    this.write(this.lossText, null);
  }

  private hidePoint(): void {
    this.point = null;
    this.marker.hidden = true;
    this.write(this.mapText, null);
  }

  /** Asks the worker for the output at the probed point (one question at a time; the latest point wins). */
  private probe(announce: boolean): void {
    if (this.point === null || this.data === null) return;
    this.placeMarker();
    if (announce) this.announceProbe = true;
    if (this.probeOutstanding) {
      this.probeWanted = true;
      return;
    }
    const { x, y } = planeAt(this.point.fx, this.point.fy, this.data.domain);
    this.probeOutstanding = true;
    this.probeWanted = false;
    this.send({ type: 'probe', x, y });
  }

  private placeMarker(): void {
    if (this.point === null) return;
    const canvas = this.picture;
    const regression = this.data?.features === 1;
    this.marker.hidden = false;
    this.marker.classList.toggle('pg-probe-marker-line', regression);
    this.marker.style.left = `${canvas.offsetLeft + this.point.fx * canvas.clientWidth}px`;
    this.marker.style.top = regression ? `${canvas.offsetTop}px` : `${canvas.offsetTop + this.point.fy * canvas.clientHeight}px`;
    this.marker.style.height = regression ? `${canvas.clientHeight}px` : '';
  }

  /** The worker's answer to a probe: written out, and the next question asked if the pointer moved meanwhile. */
  received(message: ProbeMessage): void {
    this.probeOutstanding = false;
    if (this.point === null || this.data === null) return;
    const text = pointReadout(message.x, message.y, message.values, this.data.features, this.data.classes, message.probabilities);
    this.write(this.mapText, text);
    this.host.dataset.mapProbe = text;
    if (this.announceProbe) {
      this.status.textContent = text;
      this.announceProbe = false;
    }
    if (this.probeWanted) this.probe(false);
  }

  /** A new run's points and domain. */
  dataArrived(data: DataMessage): void {
    this.data = data;
  }

  /** A new frame: the crosshair follows the new history, and the probed point is asked again (the network changed). */
  frame(frame: FrameMessage): void {
    this.history = frame.history;
    if (this.chartEpoch !== null) this.showChart(false);
    if (this.point !== null) {
      this.placeMarker();
      if (!this.probeOutstanding) this.probe(false);
    }
  }
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
