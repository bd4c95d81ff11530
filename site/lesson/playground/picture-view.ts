// The page's side of the playground's picture. Where the browser can hand a canvas to a worker
// (transferControlToOffscreen), the page gives the picture's canvas to the painter worker, which draws every frame of
// it there (picture.ts on the OffscreenCanvas): the page only posts, for each frame it shows, the predictions it got
// from the painter (handed back, not copied) and the size and switches of the draw. Elsewhere the page draws the
// picture itself, as it did before. The page stays the clock either way: a frame's picture is drawn when the page
// shows that frame (frame-pacer.ts), with the loss chart and the network diagram.

import { Picture } from './picture.ts';
import type { PlaygroundColors } from '../shared/colors.ts';
import type { DataMessage, PictureMessage } from './protocol.ts';

/** The picture as the page drives it, drawn here or in the painter. */
export interface PictureView {
  /** Where it is drawn: 'worker' (the painter, on the handed-over canvas) or 'page'. */
  readonly where: 'worker' | 'page';
  /** Uses new colours (after a theme change); the next draw shows them. */
  setColors(colors: PlaygroundColors): void;
  /** Draws `predictions` over `data`, `side` device pixels square (picture.ts's draw). */
  draw(data: DataMessage, predictions: Float32Array, showTest: boolean, discrete: boolean, side: number): void;
}

/** A picture the painter draws: each call becomes a message to it (protocol.ts's PictureMessage). */
export class WorkerPicture implements PictureView {
  readonly where = 'worker';
  private sentData: DataMessage | null = null;
  private sentPredictions: Float32Array | null = null;

  /** Hands `canvas` (already handed over: `offscreen`) to the painter through `post`. */
  constructor(offscreen: OffscreenCanvas, private readonly post: (message: PictureMessage, transfer: Transferable[]) => void) {
    post({ type: 'picture-canvas', canvas: offscreen }, [offscreen]);
  }

  setColors(colors: PlaygroundColors): void {
    this.post({ type: 'picture-colors', colors }, []);
  }

  draw(data: DataMessage, predictions: Float32Array, showTest: boolean, discrete: boolean, side: number): void {
    const message: Extract<PictureMessage, { type: 'picture-draw' }> = { type: 'picture-draw', showTest, discrete, side };
    const transfer: Transferable[] = [];
    if (data !== this.sentData) {
      // Copied: the page keeps the data (the probe and the student's points read it).
      message.data = data;
      this.sentData = data;
    }
    if (predictions !== this.sentPredictions) {
      // Handed back: only the picture reads them, and a redraw of the same frame sends none.
      message.predictions = predictions;
      transfer.push(predictions.buffer);
      this.sentPredictions = predictions;
    }
    this.post(message, transfer);
  }
}

/** A picture the page draws on its own canvas. */
class PagePicture implements PictureView {
  readonly where = 'page';
  private readonly picture: Picture;

  constructor(canvas: HTMLCanvasElement) {
    this.picture = new Picture(canvas);
  }

  setColors(colors: PlaygroundColors): void {
    this.picture.setColors(colors);
  }

  draw(data: DataMessage, predictions: Float32Array, showTest: boolean, discrete: boolean, side: number): void {
    this.picture.draw(data, predictions, showTest, discrete, side);
  }
}

/**
 * The picture on `canvas`: drawn by the worker `painter` when the canvas can be handed to it, by the page otherwise.
 * A canvas already handed over (the element connected a second time) is replaced by a fresh copy, since a handed-over
 * canvas can neither be handed over again nor drawn on; the caller should query the canvas after this.
 */
export function openPicture(canvas: HTMLCanvasElement, painter: Pick<Worker, 'postMessage'> | null): PictureView {
  if (painter === null || typeof canvas.transferControlToOffscreen !== 'function') return new PagePicture(canvas);
  let target = canvas;
  if (canvas.dataset.handedOver === 'true') {
    target = canvas.cloneNode(false) as HTMLCanvasElement;
    canvas.replaceWith(target);
  }
  const offscreen = target.transferControlToOffscreen();
  target.dataset.handedOver = 'true';
  return new WorkerPicture(offscreen, (message, transfer) => painter.postMessage(message, transfer));
}
