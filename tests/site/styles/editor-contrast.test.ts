import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';

// The code editor's highlight colours against the backgrounds they are drawn on, in light and dark
// mode, read from the site's stylesheet: WCAG AA asks for 4.5:1 for text of this size.
const css = readFileSync(new URL('../../../site/styles/global.css', import.meta.url), 'utf8');

type Rgba = [number, number, number, number];

function property(name: string): [string, string] {
  const match = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]+),\\s*(#[0-9a-f]+)\\)`, 'i').exec(css);
  if (!match) throw new Error(`global.css has no --${name}: light-dark(#…, #…)`);
  return [match[1], match[2]];
}

function parse(hex: string): Rgba {
  const digits = hex.slice(1);
  const channel = (i: number) => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return [channel(0), channel(1), channel(2), digits.length === 8 ? channel(3) / 255 : 1];
}

/** A translucent colour painted over an opaque one, rounded to whole channels as the browser paints it. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => Math.round(top[i] * a + bottom[i] * (1 - a))).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const textColours = ['cell-keyword', 'cell-string', 'cell-number', 'cell-comment', 'cell-function', 'cell-type', 'cell-definition', 'text', 'text-muted', 'bad'];

describe('editor colours', () => {
  for (const [mode, side] of [['light', 0], ['dark', 1]] as const) {
    const codeBackground = parse(property('code-bg')[side]);
    const backgrounds: Record<string, Rgba> = {
      'the code background': codeBackground,
      'the highlighted current line': over(parse(property('cell-active-line')[side]), codeBackground),
    };
    for (const name of textColours) {
      for (const [where, background] of Object.entries(backgrounds)) {
        test(`--${name} has at least 4.5:1 contrast on ${where} in ${mode} mode`, () => {
          expect(contrast(parse(property(name)[side]), background)).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  }
});
