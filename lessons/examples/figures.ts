// Static figures for the lessons, drawn when the site is built from numbers the engine computed.
//
// A figure is one or more panels, each a small SVG chart: axes with ticks, filled regions, lines
// and labelled points, in the site's colours (CSS custom properties, so they follow light and dark
// mode), readable with JavaScript off. A lesson renders a figure with the same few lines of JSX
// (see lessons/01-perceptron.mdx); every coordinate here is data, already mapped to the panel.

import { gridContour, joinSegments } from '../../site/lesson/shared/marching-squares.ts';

/** A point of a panel, in data coordinates. */
export interface DataPoint {
  x: number;
  y: number;
}

/** The colours a figure may use, by the site's custom property names. */
export type FigureColor = 'text' | 'text-muted' | 'border' | 'accent' | 'accent-soft' | 'good' | 'bad' | 'focus' | 'bg';

/** A filled or stroked path, already in panel pixels. */
export interface FigurePath {
  d: string;
  style: string;
}

/** A marker: a circle (class +1 or a value) or a square (class −1), with a tooltip. */
export interface FigureDot {
  x: number;
  y: number;
  /** 'circle' or 'square'. */
  shape: 'circle' | 'square';
  /** The square's side or the circle's diameter, in pixels. */
  size: number;
  style: string;
  title: string;
}

/** A text label, already in panel pixels. */
export interface FigureLabel {
  x: number;
  y: number;
  text: string;
  style: string;
}

/** One chart of a figure. */
export interface FigurePanel {
  width: number;
  height: number;
  /** What the panel shows, for a screen reader (the SVG's accessible name). */
  label: string;
  paths: FigurePath[];
  dots: FigureDot[];
  labels: FigureLabel[];
}

/** What a panel is drawn from: its extent and axes, then regions, lines, points and labels in data coordinates. */
export interface PanelSpec {
  label: string;
  x: { domain: [number, number]; ticks: number[]; label: string };
  y: { domain: [number, number]; ticks: number[]; label: string };
  width?: number;
  height?: number;
  /** Closed polygons, filled. */
  regions?: { points: DataPoint[]; color: FigureColor; opacity?: number }[];
  /** Polylines (clipped to the panel by the caller's choice of points). */
  lines?: { points: DataPoint[]; color: FigureColor; width?: number; dash?: boolean }[];
  /** Arrows from one point to another. */
  arrows?: { from: DataPoint; to: DataPoint; color: FigureColor }[];
  /** Markers. */
  dots?: { at: DataPoint; shape: 'circle' | 'square'; color: FigureColor; title: string; size?: number; hollow?: boolean }[];
  /** Text in data coordinates; `anchor` as SVG's text-anchor. */
  labels?: { at: DataPoint; text: string; color?: FigureColor; anchor?: 'start' | 'middle' | 'end'; dy?: number; dx?: number }[];
}

const MARGIN = { left: 44, right: 14, top: 24, bottom: 40 };
const color = (c: FigureColor) => `var(--${c})`;
const round = (v: number) => Math.round(v * 10) / 10;

/** Formats a tick value the way the lessons print numbers: −1 with a real minus sign, no trailing zeros. */
function tickText(v: number): string {
  const s = String(Math.round(v * 1000) / 1000);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Lays out one panel: maps the data to pixels and draws the axes, then the marks in order. */
export function panel(spec: PanelSpec): FigurePanel {
  const width = spec.width ?? 320;
  const height = spec.height ?? 300;
  const [x0, x1] = spec.x.domain;
  const [y0, y1] = spec.y.domain;
  const px = (x: number) => round(MARGIN.left + ((x - x0) / (x1 - x0)) * (width - MARGIN.left - MARGIN.right));
  const py = (y: number) => round(height - MARGIN.bottom - ((y - y0) / (y1 - y0)) * (height - MARGIN.top - MARGIN.bottom));
  const pathOf = (points: DataPoint[], close = false) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x)},${py(p.y)}`).join(' ') + (close ? ' Z' : '');
  const paths: FigurePath[] = [];
  const dots: FigureDot[] = [];
  const labels: FigureLabel[] = [];
  const textStyle = (c: FigureColor, anchor = 'middle') => `fill:${color(c)};font:12px var(--font-ui);text-anchor:${anchor}`;

  for (const r of spec.regions ?? []) {
    paths.push({ d: pathOf(r.points, true), style: `fill:${color(r.color)};fill-opacity:${r.opacity ?? 1};stroke:none` });
  }
  // The grid and the frame.
  for (const t of spec.x.ticks) {
    paths.push({ d: `M${px(t)},${py(y0)} L${px(t)},${py(y1)}`, style: `stroke:${color('border')};stroke-width:1;fill:none` });
    labels.push({ x: px(t), y: py(y0) + 16, text: tickText(t), style: textStyle('text-muted') });
  }
  for (const t of spec.y.ticks) {
    paths.push({ d: `M${px(x0)},${py(t)} L${px(x1)},${py(t)}`, style: `stroke:${color('border')};stroke-width:1;fill:none` });
    labels.push({ x: px(x0) - 6, y: py(t) + 4, text: tickText(t), style: textStyle('text-muted', 'end') });
  }
  paths.push({ d: `M${px(x0)},${py(y1)} L${px(x0)},${py(y0)} L${px(x1)},${py(y0)}`, style: `stroke:${color('text-muted')};stroke-width:1;fill:none` });
  labels.push({ x: round((px(x0) + px(x1)) / 2), y: height - 6, text: spec.x.label, style: textStyle('text') });
  labels.push({ x: px(x0), y: 14, text: spec.y.label, style: textStyle('text') });

  for (const l of spec.lines ?? []) {
    paths.push({ d: pathOf(l.points), style: `stroke:${color(l.color)};stroke-width:${l.width ?? 2};fill:none${l.dash ? ';stroke-dasharray:6 4' : ''}` });
  }
  for (const a of spec.arrows ?? []) {
    const [ax, ay, bx, by] = [px(a.from.x), py(a.from.y), px(a.to.x), py(a.to.y)];
    const angle = Math.atan2(by - ay, bx - ax);
    const head = (turn: number) => `${round(bx - 9 * Math.cos(angle + turn))},${round(by - 9 * Math.sin(angle + turn))}`;
    paths.push({ d: `M${ax},${ay} L${bx},${by} M${head(0.45)} L${bx},${by} L${head(-0.45)}`, style: `stroke:${color(a.color)};stroke-width:2;fill:none` });
  }
  for (const d of spec.dots ?? []) {
    const fill = d.hollow ? color('bg') : color(d.color);
    dots.push({ x: px(d.at.x), y: py(d.at.y), shape: d.shape, size: d.size ?? 12, style: `fill:${fill};stroke:${color(d.color)};stroke-width:2`, title: d.title });
  }
  for (const l of spec.labels ?? []) {
    labels.push({ x: round(px(l.at.x) + (l.dx ?? 0)), y: round(py(l.at.y) + (l.dy ?? 0)), text: l.text, style: textStyle(l.color ?? 'text', l.anchor) });
  }
  return { width, height, label: spec.label, paths, dots, labels };
}

/**
 * The part of the line a·x + b·y + c = 0 inside the box [x0, x1] × [y0, y1], as its two end points (or none when
 * the line misses the box), so a boundary can be drawn edge to edge.
 */
export function lineInBox(a: number, b: number, c: number, [x0, x1]: [number, number], [y0, y1]: [number, number]): DataPoint[] {
  const hits: DataPoint[] = [];
  const add = (p: DataPoint) => {
    const inside = p.x >= x0 - 1e-9 && p.x <= x1 + 1e-9 && p.y >= y0 - 1e-9 && p.y <= y1 + 1e-9;
    if (inside && !hits.some((h) => Math.abs(h.x - p.x) < 1e-9 && Math.abs(h.y - p.y) < 1e-9)) hits.push(p);
  };
  if (b !== 0) for (const x of [x0, x1]) add({ x, y: -(a * x + c) / b });
  if (a !== 0) for (const y of [y0, y1]) add({ x: -(b * y + c) / a, y });
  return hits.slice(0, 2);
}

/**
 * The part of the box where a·x + b·y + c > 0, as a polygon: the box's corners on that side and the boundary's two
 * ends, in order around the box.
 */
export function halfPlaneInBox(a: number, b: number, c: number, xd: [number, number], yd: [number, number]): DataPoint[] {
  const corners: DataPoint[] = [
    { x: xd[0], y: yd[0] },
    { x: xd[1], y: yd[0] },
    { x: xd[1], y: yd[1] },
    { x: xd[0], y: yd[1] },
  ];
  const side = (p: DataPoint) => a * p.x + b * p.y + c;
  const polygon: DataPoint[] = [];
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % 4];
    if (side(p) > 0) polygon.push(p);
    if (side(p) > 0 !== side(q) > 0) {
      // The boundary crosses this edge of the box.
      const t = side(p) / (side(p) - side(q));
      polygon.push({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
    }
  });
  return polygon;
}

/** The part of a convex polygon where a·x + b·y + c > 0 (one step of Sutherland–Hodgman clipping). */
export function clipPolygon(polygon: DataPoint[], a: number, b: number, c: number): DataPoint[] {
  const side = (p: DataPoint) => a * p.x + b * p.y + c;
  const out: DataPoint[] = [];
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length];
    if (side(p) > 0) out.push(p);
    if (side(p) > 0 !== side(q) > 0) {
      const t = side(p) / (side(p) - side(q));
      out.push({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
    }
  });
  return out;
}

/**
 * The level sets f(x, y) = level of a function on the box [x0, x1] × [y0, y1], as polylines for a panel's `lines`:
 * marching squares on a grid of `resolution` × `resolution` cells (site/lesson/shared/marching-squares.ts), the
 * segments joined end to end into one polyline per connected piece.
 */
export function contourLines(
  f: (x: number, y: number) => number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  level: number,
  resolution = 60,
): DataPoint[][] {
  const n = resolution + 1;
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(x0 + ((x1 - x0) * i) / resolution, y0 + ((y1 - y0) * j) / resolution);
  return joinSegments(gridContour(values, n, n, level)).map((line) =>
    line.map(([i, j]) => ({ x: x0 + ((x1 - x0) * i) / resolution, y: y0 + ((y1 - y0) * j) / resolution })),
  );
}
