// The class colours of the widgets that draw labelled points (the Playground, the regularisation lab), read
// from the CSS custom properties shared/widget.css declares, so they follow light and dark mode: five classes,
// the background and the text, and the heat map's colour ramp built from them.

/** The resolved colours a picture is drawn with, as [r, g, b] triples. */
export interface PlaygroundColors {
  class0: [number, number, number];
  class1: [number, number, number];
  /** Classes 2 to 4, for spirals, blobs and the student's own points of more than two classes. */
  class2: [number, number, number];
  class3: [number, number, number];
  class4: [number, number, number];
  background: [number, number, number];
  text: [number, number, number];
  muted: [number, number, number];
  accent: [number, number, number];
  border: [number, number, number];
}

/** An [r, g, b] triple as a CSS colour, with an optional alpha. */
export function css([r, g, b]: [number, number, number], alpha = 1): string {
  return alpha === 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
}

/** Each colour a picture uses, and the custom property it is read from. */
const PROPERTIES: Record<keyof PlaygroundColors, string> = {
  class0: '--pg-class0',
  class1: '--pg-class1',
  class2: '--pg-class2',
  class3: '--pg-class3',
  class4: '--pg-class4',
  background: '--bg-raised',
  text: '--text',
  muted: '--text-muted',
  accent: '--accent',
  border: '--border',
};

/**
 * Reads the colours in force now inside `element` (its custom properties, resolved by hidden probes). All the probes
 * go in before any is read, so the browser works out the styles once, not once per colour.
 */
export function readColors(element: Element): PlaygroundColors {
  const names = Object.keys(PROPERTIES) as (keyof PlaygroundColors)[];
  const holder = document.createElement('span');
  holder.style.display = 'none';
  for (const name of names) {
    const probe = document.createElement('span');
    probe.style.color = `var(${PROPERTIES[name]})`;
    holder.append(probe);
  }
  element.append(holder);
  const probes = [...holder.children];
  const colors = Object.fromEntries(
    names.map((name, i) => {
      const numbers = getComputedStyle(probes[i]).color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
      return [name, [numbers[0], numbers[1], numbers[2]]];
    }),
  ) as unknown as PlaygroundColors;
  holder.remove();
  return colors;
}

/**
 * The heat map's 256-step ramp as RGBA bytes: class 0's colour at 0, the background at 0.5, class 1's at 1, each
 * blended halfway with the background so the points drawn on top stand out.
 */
export function heatRamp(colors: PlaygroundColors): Uint8ClampedArray {
  const ramp = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    const end = t < 0.5 ? colors.class0 : colors.class1;
    // Distance from the boundary, 0 at p = 0.5 and 1 at p = 0 or 1, scaled to at most 45% colour.
    const strength = 0.45 * Math.abs(2 * t - 1);
    for (let c = 0; c < 3; c++) ramp[4 * i + c] = colors.background[c] + (end[c] - colors.background[c]) * strength;
    ramp[4 * i + 3] = 255;
  }
  return ramp;
}

/** The five class colours in order, class 0 first. */
export function classPalette(colors: PlaygroundColors): [number, number, number][] {
  return [colors.class0, colors.class1, colors.class2, colors.class3, colors.class4];
}
