// How the playground draws classes so that none relies on colour alone: each class has its own colour and its own
// mark (circle, square, triangle, diamond, plus), and with more than two classes each cell of the heat map takes the
// colour of its most probable class, faded toward the background as the network grows unsure, as TensorFlow
// Playground fades near its boundaries. Plain functions over numbers and a path, so Node tests them.

/** The mark of each class, class 0 first. */
export const CLASS_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'plus'] as const;
/** A class's mark. */
export type ClassShape = (typeof CLASS_SHAPES)[number];

/** The words a legend or a description uses for each mark. */
export const SHAPE_NAMES: Record<ClassShape, string> = { circle: 'circles', square: 'squares', triangle: 'triangles', diamond: 'diamonds', plus: 'plus signs' };

/** The part of Path2D (or a canvas context) the marks are drawn with. */
export interface PathLike {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  closePath(): void;
}

/** The mark of class `k` (classes past the fifth reuse the marks in turn). */
export const shapeOf = (k: number): ClassShape => CLASS_SHAPES[((k % CLASS_SHAPES.length) + CLASS_SHAPES.length) % CLASS_SHAPES.length];

/**
 * Adds the mark of `shape` centred at (cx, cy) to `path`, sized so every mark covers about the area of a circle of
 * radius `r`; each is one closed outline, so it can be filled (training points) or stroked (test points, hollow).
 */
export function addMark(path: PathLike, shape: ClassShape, cx: number, cy: number, r: number): void {
  const polygon = (points: [number, number][]) => {
    path.moveTo(cx + points[0][0], cy + points[0][1]);
    for (let i = 1; i < points.length; i++) path.lineTo(cx + points[i][0], cy + points[i][1]);
    path.closePath();
  };
  switch (shape) {
    case 'circle':
      path.moveTo(cx + r, cy);
      path.arc(cx, cy, r, 0, 2 * Math.PI);
      path.closePath();
      break;
    case 'square': {
      const h = r * 0.89;
      polygon([[-h, -h], [h, -h], [h, h], [-h, h]]);
      break;
    }
    case 'triangle': {
      const h = r * 1.35;
      polygon([[0, -h], [h * 0.866, h * 0.5], [-h * 0.866, h * 0.5]]);
      break;
    }
    case 'diamond': {
      const h = r * 1.25;
      polygon([[0, -h], [h, 0], [0, h], [-h, 0]]);
      break;
    }
    case 'plus': {
      const h = r * 1.3;
      const w = r * 0.45;
      polygon([[-w, -h], [w, -h], [w, -w], [h, -w], [h, w], [w, w], [w, h], [-w, h], [-w, w], [-h, w], [-h, -w], [-w, -w]]);
      break;
    }
  }
}

/** The most colour a cell takes (at certainty), so the points drawn on top stand out, as the two-class ramp does. */
export const HEAT_STRENGTH = 0.45;

/**
 * Colours a heat map of `classes`-way probabilities (`classes` values per cell, as the trainer gives them) into RGBA
 * `pixels`: each cell in its most probable class's colour, blended toward `background` by confidence — none at a
 * uniform guess (1/classes), `HEAT_STRENGTH` at certainty. A cell holding NaN (a diverged network) shows the background.
 * With `discrete`, every cell takes its class's full heat whatever the confidence: only the boundaries show.
 */
export function classHeat(
  predictions: ArrayLike<number>,
  classes: number,
  palette: readonly (readonly [number, number, number])[],
  background: readonly [number, number, number],
  pixels: Uint8ClampedArray,
  discrete = false,
): void {
  const cells = Math.floor(predictions.length / classes);
  const floor = 1 / classes;
  for (let i = 0; i < cells; i++) {
    let best = 0;
    let top = predictions[i * classes];
    for (let k = 1; k < classes; k++) {
      const p = predictions[i * classes + k];
      if (p > top) {
        top = p;
        best = k;
      }
    }
    const confidence = !Number.isFinite(top) ? 0 : discrete ? 1 : Math.min(1, Math.max(0, (top - floor) / (1 - floor)));
    const color = palette[best % palette.length];
    const strength = HEAT_STRENGTH * confidence;
    for (let c = 0; c < 3; c++) pixels[4 * i + c] = background[c] + (color[c] - background[c]) * strength;
    pixels[4 * i + 3] = 255;
  }
}

/** The SVG path data of a class's mark centred at (cx, cy), for legends drawn in the page's markup. */
export function svgMark(shape: ClassShape, cx: number, cy: number, r: number): string {
  const parts: string[] = [];
  const n = (v: number) => String(Math.round(v * 100) / 100);
  addMark(
    {
      moveTo: (x, y) => parts.push(`M${n(x)} ${n(y)}`),
      lineTo: (x, y) => parts.push(`L${n(x)} ${n(y)}`),
      // Only whole circles are drawn: two half arcs.
      arc: (x, y, radius) => parts.push(`A${n(radius)} ${n(radius)} 0 1 0 ${n(x - radius)} ${n(y)}A${n(radius)} ${n(radius)} 0 1 0 ${n(x + radius)} ${n(y)}`),
      closePath: () => parts.push('Z'),
    },
    shape,
    cx,
    cy,
    r,
  );
  return parts.join('');
}
