// The messages between a position-to-colour widget and its training worker. The page asks for one epoch at a
// time and waits for the frame before asking again, so it sets the pace and stops asking while the widget is
// off-screen or paused; it asks for the loss chart too, which the worker draws with Plot as markup.

import type { NetworkOptions } from './network.ts';
import type { LossChartInput } from './chart.ts';

/** A request from the page. */
export type ColourRequest =
  /** Start afresh: these networks (one, or two side by side) from their first weights. */
  | { type: 'reset'; id: number; networks: NetworkOptions[] }
  /** Train every network this many epochs. */
  | { type: 'train'; id: number; epochs: number }
  /** Draw the loss chart (chart.ts), as SVG markup. */
  | { type: 'chart'; id: number; chart: LossChartInput };

/** One network's state in a frame. */
export interface NetworkFrame {
  /** Its inputs per pixel: 2, or 2 · (1 + 2L) with the encoding. */
  inputWidth: number;
  /** The mean squared error over every pixel and channel. */
  loss: number;
  /** Its picture as the RGBA bytes of an ImageData (transferred). */
  image: Uint8ClampedArray;
}

/** The worker's answer to a request with the same id. */
export type ColourReply =
  | { type: 'frame'; id: number; epoch: number; networks: NetworkFrame[] }
  | { type: 'chart'; id: number; markup: string }
  | { type: 'error'; id: number; message: string };
