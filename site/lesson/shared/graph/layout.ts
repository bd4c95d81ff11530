// A layered layout of a computation graph (a `trace` of the engine): inputs on
// the left, the loss on the right, one column per layer.
//
// - An op's layer is the length of the longest path to it from a leaf; a leaf
//   sits one layer before the first op that uses it, so a weight is drawn next
//   to where it is used rather than far away with the inputs.
// - Within a layer, nodes are ordered by a few sweeps of the barycentre rule
//   (each node near the mean position of its neighbours), starting from trace
//   order; ties keep trace order, so the layout is deterministic.
// - Columns are as wide as their widest node, with a gap between; a node is
//   centred vertically on its neighbours where room allows.
//
// The sizes of the nodes are the caller's (the renderer measures its text);
// the result is plain numbers, so the layout runs in Node for tests and at
// build time as well as in the page.

import type { Trace } from '../../../../engine/trace.ts';

/** The size a node needs, in pixels. */
export interface NodeSize {
  width: number;
  height: number;
}

/** Spacing of the layout, in pixels. */
export interface LayoutOptions {
  /** Horizontal gap between columns (default 24). */
  columnGap?: number;
  /** Vertical gap between nodes of a column (default 10). */
  rowGap?: number;
  /** Margin around the drawing (default 4). */
  margin?: number;
}

/** A node placed: its trace id, layer and box (x, y its top-left corner). */
export interface PlacedNode {
  id: number;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge drawn from the right side of `from` to the left side of `to`, as an SVG path. */
export interface PlacedEdge {
  from: number;
  to: number;
  argument: number;
  /** A cubic Bézier path, `M x y C …`. */
  path: string;
}

/** The layout: the drawing's size, the nodes by trace id and the edges in trace order. */
export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** The number of layers (columns). */
  layers: number;
}

/** Each node's layer: ops by longest path from a leaf, leaves one before their first consumer. */
function assignLayers(trace: Trace): number[] {
  const n = trace.nodes.length;
  const inputs: number[][] = Array.from({ length: n }, () => []);
  const consumers: number[][] = Array.from({ length: n }, () => []);
  for (const e of trace.edges) {
    inputs[e.to].push(e.from);
    consumers[e.from].push(e.to);
  }
  const layer = new Array<number>(n).fill(0);
  // Trace order is topological, so one pass in it sees every input before its op.
  for (let id = 0; id < n; id++) {
    const ops = inputs[id].filter((from) => inputs[from].length > 0);
    layer[id] = inputs[id].length === 0 ? 0 : Math.max(1, ...ops.map((from) => layer[from] + 1));
  }
  for (let id = 0; id < n; id++) {
    if (inputs[id].length === 0 && consumers[id].length > 0) layer[id] = Math.max(0, Math.min(...consumers[id].map((to) => layer[to])) - 1);
  }
  // Close any gap a leaf left at the start: the first layer is 0.
  const first = Math.min(...layer);
  return layer.map((l) => l - first);
}

/** Orders the nodes of each layer by the barycentre of their neighbours in the layer before (then after). */
function orderLayers(trace: Trace, layer: number[], count: number): number[][] {
  const columns: number[][] = Array.from({ length: count }, () => []);
  trace.nodes.forEach((node) => columns[layer[node.id]].push(node.id));
  const neighbours: number[][] = trace.nodes.map(() => []);
  for (const e of trace.edges) {
    neighbours[e.from].push(e.to);
    neighbours[e.to].push(e.from);
  }
  const position = new Map<number, number>();
  const index = () => columns.forEach((column) => column.forEach((id, i) => position.set(id, i)));
  index();
  const sweep = (l: number, side: number) => {
    const keyed = columns[l].map((id, i) => {
      const near = neighbours[id].filter((m) => layer[m] === l + side).map((m) => position.get(m)!);
      return { id, key: near.length === 0 ? i : near.reduce((a, b) => a + b, 0) / near.length, i };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    columns[l] = keyed.map((k) => k.id);
    index();
  };
  for (let round = 0; round < 3; round++) {
    for (let l = count - 2; l >= 0; l--) sweep(l, 1);
    for (let l = 1; l < count; l++) sweep(l, -1);
  }
  return columns;
}

/** Lays out a trace with the given node sizes (by trace id): columns left to right, inputs first, the loss last. */
export function layoutGraph(trace: Trace, sizes: readonly NodeSize[], options: LayoutOptions = {}): GraphLayout {
  const { columnGap = 24, rowGap = 10, margin = 4 } = options;
  if (trace.nodes.length === 0) return { width: 2 * margin, height: 2 * margin, nodes: [], edges: [], layers: 0 };
  const layer = assignLayers(trace);
  const count = Math.max(...layer) + 1;
  const columns = orderLayers(trace, layer, count);
  const columnWidths = columns.map((column) => Math.max(...column.map((id) => sizes[id].width)));
  const columnHeights = columns.map((column) => column.reduce((total, id) => total + sizes[id].height, 0) + rowGap * (column.length - 1));
  const height = Math.max(...columnHeights) + 2 * margin;
  const placed: PlacedNode[] = new Array(trace.nodes.length);
  let x = margin;
  columns.forEach((column, l) => {
    // Each column is centred vertically in the drawing.
    let y = margin + (height - 2 * margin - columnHeights[l]) / 2;
    for (const id of column) {
      const { width, height: h } = sizes[id];
      placed[id] = { id, layer: l, x: x + (columnWidths[l] - width) / 2, y, width, height: h };
      y += h + rowGap;
    }
    x += columnWidths[l] + columnGap;
  });
  const width = x - columnGap + margin;
  const edges = trace.edges.map((e): PlacedEdge => {
    const a = placed[e.from];
    const b = placed[e.to];
    // Inputs of one op meet its left side spread out, in argument order.
    const arity = trace.edges.filter((other) => other.to === e.to).length;
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + (b.height * (e.argument + 1)) / (arity + 1);
    const bend = Math.max(12, (x2 - x1) / 2);
    return { from: e.from, to: e.to, argument: e.argument, path: `M ${round(x1)} ${round(y1)} C ${round(x1 + bend)} ${round(y1)} ${round(x2 - bend)} ${round(y2)} ${round(x2)} ${round(y2)}` };
  });
  return { width: round(width), height: round(height), nodes: placed, edges, layers: count };
}

/** A coordinate to a tenth of a pixel, so the path text stays short and stable. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
