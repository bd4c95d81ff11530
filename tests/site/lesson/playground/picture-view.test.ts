import { describe, expect, it } from 'vitest';
import { openPicture, WorkerPicture } from '../../../../site/lesson/playground/picture-view.ts';
import type { DataMessage, PictureMessage } from '../../../../site/lesson/playground/protocol.ts';
import type { PlaygroundColors } from '../../../../site/lesson/shared/colors.ts';

const data: DataMessage = {
  type: 'data',
  features: 2,
  classes: 2,
  trainX: new Float64Array([0, 0, 1, 1]),
  trainY: new Float64Array([0, 1]),
  testX: new Float64Array([0.5, 0.5]),
  testY: new Float64Array([1]),
  domain: [-1, 1, -1, 1],
};

/** A WorkerPicture whose messages are recorded rather than posted. */
function recorded(): { picture: WorkerPicture; sent: { message: PictureMessage; transfer: Transferable[] }[]; offscreen: OffscreenCanvas } {
  const sent: { message: PictureMessage; transfer: Transferable[] }[] = [];
  const offscreen = { width: 300, height: 150 } as unknown as OffscreenCanvas;
  const picture = new WorkerPicture(offscreen, (message, transfer) => sent.push({ message, transfer }));
  return { picture, sent, offscreen };
}

describe('the picture drawn by the painter (WorkerPicture)', () => {
  it('hands the canvas over first, transferring it', () => {
    const { sent, offscreen } = recorded();
    expect(sent).toEqual([{ message: { type: 'picture-canvas', canvas: offscreen }, transfer: [offscreen] }]);
  });

  it('sends the data once, transfers each new frame\'s predictions, and redraws the last frame without either', () => {
    const { picture, sent } = recorded();
    const first = new Float32Array(4);
    picture.draw(data, first, true, false, 300);
    expect(sent[1].message).toEqual({ type: 'picture-draw', data, predictions: first, showTest: true, discrete: false, side: 300 });
    expect(sent[1].transfer).toEqual([first.buffer]);
    // A redraw of the same frame (a switch, a new width): no data, no predictions, nothing transferred.
    picture.draw(data, first, false, true, 200);
    expect(sent[2]).toEqual({ message: { type: 'picture-draw', showTest: false, discrete: true, side: 200 }, transfer: [] });
    // The next frame: its predictions only.
    const second = new Float32Array(4);
    picture.draw(data, second, false, true, 200);
    expect(sent[3]).toEqual({ message: { type: 'picture-draw', predictions: second, showTest: false, discrete: true, side: 200 }, transfer: [second.buffer] });
    // A new run's data: sent again.
    const next: DataMessage = { ...data, classes: 3 };
    picture.draw(next, second, false, true, 200);
    expect(sent[4].message).toEqual({ type: 'picture-draw', data: next, showTest: false, discrete: true, side: 200 });
  });

  it('sends new colours as they come', () => {
    const { picture, sent } = recorded();
    const colors = { class0: [1, 2, 3] } as unknown as PlaygroundColors;
    picture.setColors(colors);
    expect(sent[1]).toEqual({ message: { type: 'picture-colors', colors }, transfer: [] });
  });
});

describe('openPicture', () => {
  /** A stand-in for the picture's canvas element: what openPicture reads of it. */
  function canvas(handedOver: boolean) {
    const calls: string[] = [];
    const element = {
      dataset: handedOver ? { handedOver: 'true' } : ({} as Record<string, string>),
      transferControlToOffscreen: () => {
        calls.push('transfer');
        return { element } as unknown as OffscreenCanvas;
      },
      cloneNode: () => {
        calls.push('clone');
        return canvas(false).element;
      },
      replaceWith: (other: unknown) => calls.push(other === element ? 'replace with itself' : 'replace'),
    };
    return { element, calls };
  }

  it('hands a canvas to the painter where it can, and marks it handed over', () => {
    const { element, calls } = canvas(false);
    const posted: unknown[] = [];
    const view = openPicture(element as unknown as HTMLCanvasElement, { postMessage: (message: unknown) => posted.push(message) });
    expect(view.where).toBe('worker');
    expect(calls).toEqual(['transfer']);
    expect(element.dataset.handedOver).toBe('true');
    expect(posted).toEqual([{ type: 'picture-canvas', canvas: { element } }]);
  });

  it('replaces a canvas handed over before (a second connection) with a fresh copy, and hands that over', () => {
    const { element, calls } = canvas(true);
    const posted: { canvas?: { element: unknown } }[] = [];
    openPicture(element as unknown as HTMLCanvasElement, { postMessage: (message: { canvas?: { element: unknown } }) => posted.push(message) });
    expect(calls).toEqual(['clone', 'replace']);
    expect(posted[0].canvas?.element).not.toBe(element);
  });
});
