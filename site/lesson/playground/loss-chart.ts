// The training and test loss curves on a <canvas>: redrawn with every frame,
// which a canvas does in a fraction of a millisecond where an SVG chart would
// rebuild its whole tree.

import { css, type PlaygroundColors } from '../shared/colors.ts';

/** Draws the loss curves on a canvas, epochs across and loss up, both from zero. */
export class LossChart {
  private readonly context: CanvasRenderingContext2D;
  private colors: PlaygroundColors | null = null;
  /** The index of the history point the crosshair marks (values on hover, probe.ts), or null for none. */
  marker: number | null = null;

  /** A chart on `canvas`. */
  constructor(readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d')!;
  }

  /** Uses new colours (after a theme change). */
  setColors(colors: PlaygroundColors): void {
    this.colors = colors;
  }

  /** Draws the curves of a history: the training loss dashed and muted, the test loss solid. */
  draw(history: { epochs: Float64Array; train: Float64Array; test: Float64Array }): void {
    if (this.colors === null) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.context;
    const colors = this.colors;
    ctx.clearRect(0, 0, width, height);
    const n = history.epochs.length;
    let top = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(history.train[i])) top = Math.max(top, history.train[i]);
      if (Number.isFinite(history.test[i])) top = Math.max(top, history.test[i]);
    }
    top = top > 0 ? top * 1.05 : 1;
    const last = n > 0 ? Math.max(history.epochs[n - 1], 1) : 1;
    const pad = 4 * ratio;
    const x = (epoch: number) => pad + (epoch / last) * (width - 2 * pad);
    const y = (loss: number) => height - pad - (Math.min(loss, top) / top) * (height - 2 * pad);
    ctx.strokeStyle = css(colors.border);
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(pad, height - pad);
    ctx.lineTo(width - pad, height - pad);
    ctx.stroke();
    const curve = (values: Float64Array, color: [number, number, number], dash: number[]) => {
      ctx.strokeStyle = css(color);
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash(dash.map((d) => d * ratio));
      ctx.beginPath();
      let started = false;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(values[i])) continue;
        if (started) ctx.lineTo(x(history.epochs[i]), y(values[i]));
        else ctx.moveTo(x(history.epochs[i]), y(values[i]));
        started = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
    };
    curve(history.train, colors.muted, [5, 3]);
    curve(history.test, colors.accent, []);
    if (this.marker !== null && this.marker >= 0 && this.marker < n) {
      // The crosshair: a vertical line at the marked epoch, with a dot on each curve.
      const mx = x(history.epochs[this.marker]);
      ctx.strokeStyle = css(colors.text);
      ctx.lineWidth = ratio;
      ctx.beginPath();
      ctx.moveTo(mx, pad);
      ctx.lineTo(mx, height - pad);
      ctx.stroke();
      for (const [values, color] of [[history.train, colors.muted], [history.test, colors.accent]] as const) {
        if (!Number.isFinite(values[this.marker])) continue;
        ctx.fillStyle = css(color);
        ctx.beginPath();
        ctx.arc(mx, y(values[this.marker]), 3.5 * ratio, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.fillStyle = css(colors.muted);
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(top.toPrecision(2), pad + 2 * ratio, pad);
  }
}
