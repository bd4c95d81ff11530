// The playground's main picture on a <canvas>: the network's output as a heat
// map (a 100 × 100 ImageData, scaled up smoothly) with the training and test
// points on top, or for regression the fitted curve through the points. Each
// class has its colour and its mark (circle, square, triangle, diamond, plus);
// above two classes each cell shows its most probable class, faded by doubt.
//
// It draws on a page's canvas or on an OffscreenCanvas in a worker alike: the painter worker draws the picture on
// the page's canvas, handed to it with transferControlToOffscreen (picture-view.ts), so no frame of it is drawn on
// the page's main thread; the page draws it itself only where a canvas cannot be handed over.

import { addMark, classHeat, shapeOf } from './class-marks.ts';
import { classPalette, css, heatRamp, type PlaygroundColors } from '../shared/colors.ts';
import type { DataMessage } from './protocol.ts';

/** A canvas the picture draws on or through: a page's, or an OffscreenCanvas (in a worker, or a layer of its own). */
type Surface = HTMLCanvasElement | OffscreenCanvas;
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas of one pixel for a layer of the picture: an OffscreenCanvas where there is one (always in a worker). */
function layer(): Surface {
  return typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

/** The 2D context of `surface` (one type for both kinds of canvas). */
function context2d(surface: Surface): Context {
  const context = surface.getContext('2d') as Context | null;
  if (context === null) throw new Error('the picture could not get a 2D canvas context');
  return context;
}

/** The side of `canvas`'s square picture in device pixels: its displayed width times the device pixel ratio. */
export function pictureSide(canvas: HTMLCanvasElement): number {
  return Math.max(1, Math.round(canvas.clientWidth * (globalThis.devicePixelRatio || 1)));
}

/** Draws frames of the picture on a canvas, keeping the 100 × 100 image and the colour ramp between frames. */
export class Picture {
  private readonly context: Context;
  private readonly grid: Surface;
  private readonly gridContext: Context;
  private image: ImageData | null = null;
  private ramp: Uint8ClampedArray | null = null;
  private colors: PlaygroundColors | null = null;
  // The points, drawn once on a layer of their own and copied onto every frame: they change only with the data, the
  // test points' switch, the size or the colours, while the heat map under them changes every frame.
  private readonly marks: Surface;
  private marksOf: { data: DataMessage; showTest: boolean; side: number; colors: PlaygroundColors } | null = null;

  /** A picture on `canvas`. */
  constructor(readonly canvas: Surface) {
    this.context = context2d(canvas);
    this.grid = layer();
    this.gridContext = context2d(this.grid);
    this.marks = layer();
  }

  /** Uses new colours (after a theme change). */
  setColors(colors: PlaygroundColors): void {
    this.colors = colors;
    this.ramp = heatRamp(colors);
  }

  /** Sizes the canvas to `side` × `side` pixels (pictureSide: its displayed size times the device pixel ratio). */
  private fit(side: number): void {
    if (this.canvas.width !== side || this.canvas.height !== side) {
      this.canvas.width = side;
      this.canvas.height = side;
    }
  }

  /**
   * Draws the output `predictions` over the data, `side` pixels square, with the test points too when `showTest`;
   * with `discrete`, each cell in its predicted class's full colour (the decision regions without their confidence).
   */
  draw(data: DataMessage, predictions: Float32Array, showTest: boolean, discrete: boolean, side: number): void {
    if (this.colors === null || this.ramp === null) return;
    this.fit(side);
    const ctx = this.context;
    const colors = this.colors;
    const [x0, x1, y0, y1] = data.domain;
    const px = (x: number) => ((x - x0) / (x1 - x0)) * side;
    const py = (y: number) => ((y1 - y) / (y1 - y0)) * side;
    ctx.clearRect(0, 0, side, side);
    const plane = data.features === 2;
    // Regression over the plane: a real value at each point, drawn on the two-colour scale from −1 to 1.
    const valued = plane && data.classes < 2;
    const classes = plane && !valued ? Math.max(2, data.classes) : 1;
    if (plane) this.drawHeat(valued ? predictions.map((v) => (v + 1) / 2) : predictions, side, classes, discrete && !valued);
    else this.drawAxis(side, py);
    const drawn = this.marksOf;
    if (drawn === null || drawn.data !== data || drawn.showTest !== showTest || drawn.side !== side || drawn.colors !== colors) {
      this.drawMarks(data, showTest, side, classes, valued, px, py);
      this.marksOf = { data, showTest, side, colors };
    }
    ctx.drawImage(this.marks, 0, 0);
    if (data.features === 1) this.drawCurve(predictions, side, py);
  }

  /** Draws the data's points, each class in its colour and mark (test points hollow), on the marks layer, sized `side`. */
  private drawMarks(data: DataMessage, showTest: boolean, side: number, classes: number, valued: boolean, px: (x: number) => number, py: (y: number) => number): void {
    this.marks.width = side;
    this.marks.height = side;
    const ctx = context2d(this.marks);
    const colors = this.colors!;
    const plane = data.features === 2;
    const radius = Math.max(2.5, side / 110);
    if (valued) {
      this.drawValuedPoints(ctx, data, showTest, px, py, radius);
      return;
    }
    // One path per class and kind, so 500 points cost a few fills or strokes rather than a thousand.
    const filled = Array.from({ length: classes }, () => new Path2D());
    const hollow = Array.from({ length: classes }, () => new Path2D());
    const add = (x: Float64Array, y: Float64Array, test: boolean) => {
      for (let i = 0; i < y.length; i++) {
        const cx = plane ? px(x[2 * i]) : px(x[i]);
        const cy = plane ? py(x[2 * i + 1]) : py(y[i]);
        const k = plane ? Math.min(classes - 1, Math.max(0, Math.round(y[i]))) : 0;
        addMark(test ? hollow[k] : filled[k], plane ? shapeOf(k) : 'circle', cx, cy, radius);
      }
    };
    add(data.trainX, data.trainY, false);
    if (showTest) add(data.testX, data.testY, true);
    const fills = plane ? classPalette(colors).slice(0, classes) : [colors.muted];
    for (let k = 0; k < classes; k++) {
      ctx.fillStyle = css(fills[k]);
      ctx.fill(filled[k]);
      ctx.lineWidth = 1;
      ctx.strokeStyle = css(colors.background);
      ctx.stroke(filled[k]);
      // Test points are hollow marks: the same colour and shape, so the two sets tell apart without colour alone.
      ctx.lineWidth = Math.max(1.5, radius / 2);
      ctx.strokeStyle = css(fills[k]);
      ctx.stroke(hollow[k]);
    }
  }

  private drawHeat(predictions: Float32Array, side: number, classes: number, discrete: boolean): void {
    const cells = classes > 2 ? predictions.length / classes : predictions.length;
    const size = Math.round(Math.sqrt(cells));
    // A frame of the run before a change of classes: nothing to show until the new run's first frame.
    if (size * size !== cells || size === 0) return;
    if (this.image === null || this.image.width !== size) {
      this.grid.width = size;
      this.grid.height = size;
      this.image = this.gridContext.createImageData(size, size);
    }
    const pixels = this.image.data;
    const ramp = this.ramp!;
    if (classes > 2) classHeat(predictions, classes, classPalette(this.colors!), this.colors!.background, pixels, discrete);
    else for (let i = 0; i < predictions.length; i++) {
      const p = predictions[i];
      // NaN (a diverged network) shows as the boundary colour rather than as garbage.
      const k = !(p === p) ? 128 : discrete ? (p >= 0.5 ? 255 : 0) : p >= 0 ? (p <= 1 ? Math.round(p * 255) : 255) : 0;
      pixels[4 * i] = ramp[4 * k];
      pixels[4 * i + 1] = ramp[4 * k + 1];
      pixels[4 * i + 2] = ramp[4 * k + 2];
      pixels[4 * i + 3] = 255;
    }
    this.gridContext.putImageData(this.image, 0, 0);
    this.context.imageSmoothingEnabled = true;
    this.context.imageSmoothingQuality = 'low';
    this.context.drawImage(this.grid, 0, 0, side, side);
  }

  /**
   * The points of a regression over the plane, each coloured by its target on the heat map's scale at full strength
   * (class 0's colour at −1, the background at 0, class 1's at +1), in eleven bands so they cost a few fills; test
   * points hollow.
   */
  private drawValuedPoints(ctx: Context, data: DataMessage, showTest: boolean, px: (x: number) => number, py: (y: number) => number, radius: number): void {
    const colors = this.colors!;
    const BANDS = 11;
    const filled = Array.from({ length: BANDS }, () => new Path2D());
    const hollow = Array.from({ length: BANDS }, () => new Path2D());
    const band = (value: number) => (Number.isFinite(value) ? Math.min(BANDS - 1, Math.max(0, Math.round(((value + 1) / 2) * (BANDS - 1)))) : (BANDS - 1) / 2);
    const add = (x: Float64Array, y: Float64Array, paths: Path2D[]) => {
      for (let i = 0; i < y.length; i++) addMark(paths[band(y[i])], 'circle', px(x[2 * i]), py(x[2 * i + 1]), radius);
    };
    add(data.trainX, data.trainY, filled);
    if (showTest) add(data.testX, data.testY, hollow);
    for (let b = 0; b < BANDS; b++) {
      const t = (2 * b) / (BANDS - 1) - 1;
      const end = t < 0 ? colors.class0 : colors.class1;
      const colour: [number, number, number] = [0, 1, 2].map((c) => colors.background[c] + (end[c] - colors.background[c]) * Math.abs(t)) as [number, number, number];
      ctx.fillStyle = css(colour);
      ctx.fill(filled[b]);
      // Outlines in a faint text colour, so a target near 0 (near the background's colour) still shows.
      ctx.lineWidth = 1;
      ctx.strokeStyle = css(colors.text, 0.4);
      ctx.stroke(filled[b]);
      ctx.lineWidth = Math.max(1.5, radius / 2) + 1.5;
      ctx.strokeStyle = css(colors.text, 0.3);
      ctx.stroke(hollow[b]);
      ctx.lineWidth = Math.max(1.5, radius / 2);
      ctx.strokeStyle = css(colour);
      ctx.stroke(hollow[b]);
    }
  }

  private drawAxis(side: number, py: (y: number) => number): void {
    const ctx = this.context;
    const colors = this.colors!;
    ctx.fillStyle = css(colors.background);
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = css(colors.border);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, py(0));
    ctx.lineTo(side, py(0));
    ctx.stroke();
  }

  private drawCurve(predictions: Float32Array, side: number, py: (y: number) => number): void {
    const ctx = this.context;
    const colors = this.colors!;
    ctx.strokeStyle = css(colors.accent);
    ctx.lineWidth = Math.max(2, side / 150);
    ctx.beginPath();
    for (let i = 0; i < predictions.length; i++) {
      const x = (i / (predictions.length - 1)) * side;
      const y = Math.min(Math.max(py(predictions[i]), -side), 2 * side);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}
