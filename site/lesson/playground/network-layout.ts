// The network diagram's geometry and colours, as pure functions: where each neuron sits, how wide and which colour
// each edge is (TensorFlow Playground's convention: colour by the weight's sign, width by |w|), and how a neuron's
// map becomes pixels on a diverging scale centred at 0, each neuron scaled to its own largest |value|.

import type { PlaygroundColors } from '../shared/colors.ts';

/** One neuron's place in the diagram: its layer (0 is the inputs), its index there, and its box's top-left corner. */
export interface NeuronPlace {
  layer: number;
  neuron: number;
  x: number;
  y: number;
}

/** The diagram's size and every neuron's place, with the side of a neuron's box, in CSS pixels. */
export interface NetworkLayout {
  width: number;
  height: number;
  /** The side of each neuron's square box (its map). */
  box: number;
  /** Neurons layer by layer, each layer top to bottom. */
  places: NeuronPlace[][];
}

/** The gap between two columns' boxes and the margin around the diagram, in CSS pixels. */
const COLUMN_GAP = 64;
const MARGIN = 8;

/** Places the neurons of a network of these layer sizes in columns, each column centred; boxes shrink for tall layers. */
export function layoutNetwork(sizes: readonly number[]): NetworkLayout {
  const tallest = Math.max(...sizes);
  const box = tallest > 10 ? 26 : tallest > 6 ? 32 : 40;
  const rowGap = Math.round(box * 0.3);
  const columnHeight = (n: number) => n * box + (n - 1) * rowGap;
  const height = columnHeight(tallest) + 2 * MARGIN;
  const places = sizes.map((n, layer) => {
    const top = MARGIN + (columnHeight(tallest) - columnHeight(n)) / 2;
    return Array.from({ length: n }, (_, neuron) => ({ layer, neuron, x: MARGIN + layer * (box + COLUMN_GAP), y: top + neuron * (box + rowGap) }));
  });
  return { width: 2 * MARGIN + sizes.length * box + (sizes.length - 1) * COLUMN_GAP, height, box, places };
}

/** An edge's look: 'positive' or 'negative' (by the weight's sign) and its stroke width, 0.5 to 6 px, growing with |w|. */
export function edgeStyle(weight: number): { sign: 'positive' | 'negative'; width: number } {
  const magnitude = Number.isFinite(weight) ? Math.abs(weight) : 0;
  return { sign: weight < 0 ? 'negative' : 'positive', width: Math.min(6, 0.5 + 2.5 * magnitude) };
}

/** The largest |value| of `count` values from `offset`, at least 1e-9 so a neuron that is 0 everywhere draws as 0. */
export function mapScale(values: ArrayLike<number>, offset: number, count: number): number {
  let scale = 1e-9;
  for (let p = offset; p < offset + count; p++) {
    const v = Math.abs(values[p]);
    if (v > scale) scale = v;
  }
  return scale;
}

/**
 * The colour of a value on the diverging scale: the background at 0, class 1's colour (blue) at +scale and class 0's
 * (orange) at −scale, blended by |value| / scale; values beyond ±scale take the end colour.
 */
export function divergingColor(value: number, scale: number, colors: Pick<PlaygroundColors, 'class0' | 'class1' | 'background'>): [number, number, number] {
  const rgb = new Uint8ClampedArray(3);
  writeDivergingColor(value, scale, colors, rgb, 0);
  return [rgb[0], rgb[1], rgb[2]];
}

/** `divergingColor` written as red, green and blue into `out` from index `at`, allocating nothing (a map has hundreds of pixels). */
function writeDivergingColor(value: number, scale: number, colors: Pick<PlaygroundColors, 'class0' | 'class1' | 'background'>, out: Uint8ClampedArray, at: number): void {
  const t = Number.isFinite(value) && scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : 0;
  const end = t < 0 ? colors.class0 : colors.class1;
  const strength = Math.abs(t);
  const background = colors.background;
  for (let c = 0; c < 3; c++) out[at + c] = Math.round(background[c] + (end[c] - background[c]) * strength);
}

/** A neuron's map (`side` × `side` values from `offset`, row 0 at the top) as RGBA bytes, scaled to its own largest |value|. */
export function mapPixels(values: ArrayLike<number>, offset: number, side: number, colors: Pick<PlaygroundColors, 'class0' | 'class1' | 'background'>, out = new Uint8ClampedArray(side * side * 4)): Uint8ClampedArray {
  const count = side * side;
  const scale = mapScale(values, offset, count);
  for (let p = 0; p < count; p++) {
    writeDivergingColor(values[offset + p], scale, colors, out, 4 * p);
    out[4 * p + 3] = 255;
  }
  return out;
}

/** A checksum of a neuron's map (the sum of its values, to 4 decimals): what a test compares to see the map change. */
export function mapChecksum(values: ArrayLike<number>, offset: number, count: number): string {
  let sum = 0;
  for (let p = offset; p < offset + count; p++) sum += values[p];
  return sum.toFixed(4);
}

/** The neuron an arrow key moves to from (layer, neuron): up and down in the column, left and right to the next column's nearest row. */
export function moveFocus(sizes: readonly number[], layer: number, neuron: number, key: string): { layer: number; neuron: number } | null {
  const clampRow = (l: number, row: number) => Math.min(sizes[l] - 1, Math.max(0, row));
  // The same height in the next column: a lone neuron counts as the middle of its column.
  const across = (l: number) => clampRow(l, Math.round((sizes[layer] === 1 ? 0.5 : neuron / (sizes[layer] - 1)) * (sizes[l] - 1)));
  switch (key) {
    case 'ArrowUp':
      return { layer, neuron: clampRow(layer, neuron - 1) };
    case 'ArrowDown':
      return { layer, neuron: clampRow(layer, neuron + 1) };
    case 'ArrowLeft':
      return layer > 0 ? { layer: layer - 1, neuron: across(layer - 1) } : { layer, neuron };
    case 'ArrowRight':
      return layer < sizes.length - 1 ? { layer: layer + 1, neuron: across(layer + 1) } : { layer, neuron };
    case 'Home':
      return { layer, neuron: 0 };
    case 'End':
      return { layer, neuron: sizes[layer] - 1 };
    default:
      return null;
  }
}
