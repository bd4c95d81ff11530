// A diagram drawn as SVG when the site is built: boxes holding lines of text, and arrows between them with optional
// labels. Lesson 5 draws its computation graphs, the paths of the chain rule and the shapes of the vectorised backward
// pass with it; no JavaScript reaches the reader.
//
// As with line-chart.ts, colours are the site's custom properties set through `style`, so the same SVG follows light
// and dark mode, and the SVG is one image for screen readers (role="img", a <title> and a <desc>), its visible text
// hidden from them.

import { SVG_FRAME_CLOSE, escapeSvgText, svgFrameOpen } from './svg-figure.ts';
import type { ThemeColorName } from '../../site/lesson/shared/plot-theme.ts';

/** A box of the diagram: a rectangle (or a circle when `round`) holding one or more lines of text, centred. */
export interface DiagramBox {
  /** Centre, in the diagram's units. */
  x: number;
  y: number;
  /** Size, in the diagram's units. */
  width: number;
  height: number;
  /** The lines of text, top to bottom; the first is drawn bold. */
  lines: readonly string[];
  /** The site colour of its outline (default text-muted). */
  color?: ThemeColorName;
  /** Filled with the accent's soft tint, to set it apart (an input, a parameter, the loss). */
  highlight?: boolean;
  /** The radius of its rounded corners (default 10; a matrix drawn as a box looks best with 2). */
  corner?: number;
}

/** An arrow from one point to another, with an optional label at its middle. */
export interface DiagramArrow {
  from: readonly [number, number];
  to: readonly [number, number];
  /** Text by the arrow's middle. */
  label?: string;
  /** The site colour it is drawn in (default text-muted). */
  color?: ThemeColorName;
  /** Drawn dashed (a backward message, say), so arrows differ by more than colour. */
  dashed?: boolean;
  /** Where the label sits relative to the middle, in the diagram's units (default 0, −6). */
  labelOffset?: readonly [number, number];
}

/** A free text label. */
export interface DiagramText {
  x: number;
  y: number;
  text: string;
  color?: ThemeColorName;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
}

/** What a diagram shows. */
export interface DiagramSpec {
  /** A unique id for the SVG's title and description. */
  id: string;
  /** The accessible name: what the diagram is. */
  title: string;
  /** The accessible description: what a sighted reader sees in it. */
  description: string;
  width: number;
  height: number;
  boxes: readonly DiagramBox[];
  arrows?: readonly DiagramArrow[];
  texts?: readonly DiagramText[];
}


const at = (value: number): string => String(Math.round(value * 10) / 10);
const LINE_HEIGHT = 16;

/** The point where the segment from a box's centre towards `toward` leaves the box (its edge, or its circle). */
export function boxEdge(box: DiagramBox, toward: readonly [number, number]): [number, number] {
  const dx = toward[0] - box.x;
  const dy = toward[1] - box.y;
  if (dx === 0 && dy === 0) return [box.x, box.y];
  const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return [box.x + dx * scale, box.y + dy * scale];
}

/** An arrow from the edge of one box to the edge of another, along the line between their centres. */
export function connect(from: DiagramBox, to: DiagramBox, options: Omit<DiagramArrow, 'from' | 'to'> = {}): DiagramArrow {
  return { from: boxEdge(from, [to.x, to.y]), to: boxEdge(to, [from.x, from.y]), ...options };
}

/** The diagram as an SVG string, ready for `<Fragment set:html={...} />`. */
export function diagram(spec: DiagramSpec): string {
  const parts: string[] = [];
  parts.push(svgFrameOpen({ className: 'diagram', id: spec.id, title: spec.title, description: spec.description, width: spec.width, height: spec.height }));
  for (const arrow of spec.arrows ?? []) {
    const [x0, y0] = arrow.from;
    const [x1, y1] = arrow.to;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    const head = (turn: number) => `${at(x1 - 9 * Math.cos(angle + turn))},${at(y1 - 9 * Math.sin(angle + turn))}`;
    const stroke = `stroke: var(--${arrow.color ?? 'text-muted'}); stroke-width: 1.6; fill: none`;
    const dash = arrow.dashed ? '; stroke-dasharray: 6 4' : '';
    parts.push(`<path d="M${at(x0)},${at(y0)} L${at(x1)},${at(y1)}" style="${stroke}${dash}" />`);
    parts.push(`<path d="M${head(0.42)} L${at(x1)},${at(y1)} L${head(-0.42)}" style="${stroke}" />`);
    if (arrow.label) {
      const [ox, oy] = arrow.labelOffset ?? [0, -6];
      const lx = (x0 + x1) / 2 + ox;
      const ly = (y0 + y1) / 2 + oy;
      parts.push(
        `<text x="${at(lx)}" y="${at(ly)}" text-anchor="middle" style="fill: var(--${arrow.color ?? 'text'}); paint-order: stroke; stroke: var(--bg); stroke-width: 4px">${escapeSvgText(arrow.label)}</text>`,
      );
    }
  }
  for (const box of spec.boxes) {
    const fill = box.highlight ? 'var(--accent-soft)' : 'var(--bg)';
    const stroke = `var(--${box.color ?? 'text-muted'})`;
    const radius = Math.min(box.width, box.height) / 2;
    parts.push(
      `<rect x="${at(box.x - box.width / 2)}" y="${at(box.y - box.height / 2)}" width="${at(box.width)}" height="${at(box.height)}" rx="${at(Math.min(radius, box.corner ?? 10))}" style="fill: ${fill}; stroke: ${stroke}; stroke-width: 1.5" />`,
    );
    const top = box.y - ((box.lines.length - 1) * LINE_HEIGHT) / 2;
    box.lines.forEach((line, i) => {
      const weight = i === 0 ? '; font-weight: 600' : '';
      parts.push(`<text x="${at(box.x)}" y="${at(top + i * LINE_HEIGHT)}" dy="0.32em" text-anchor="middle" style="fill: var(--text)${weight}">${escapeSvgText(line)}</text>`);
    });
  }
  for (const text of spec.texts ?? []) {
    const weight = text.bold ? '; font-weight: 600' : '';
    parts.push(
      `<text x="${at(text.x)}" y="${at(text.y)}" dy="0.32em" text-anchor="${text.anchor ?? 'middle'}" style="fill: var(--${text.color ?? 'text'})${weight}">${escapeSvgText(text.text)}</text>`,
    );
  }
  parts.push(SVG_FRAME_CLOSE);
  return parts.join('');
}
