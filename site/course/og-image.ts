// The picture a link to the course shows when it is shared (Open Graph and Twitter cards): 1200 × 630, the course's
// name, the chapter's number and title, and a small figure from the chapter: the curve of the activation it is
// about, computed by the engine, or a network of the shape it builds. Drawn as SVG here; the page
// site/pages/og/[slug].png.ts turns it into a PNG with sharp when the site is built.

import { ACTIVATION_FUNCTIONS, type ActivationFunction, type ActivationFunctionName } from '../../engine/formulas/activations.ts';

/** The picture's size, the one Open Graph readers expect. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** A chapter's figure: an activation's curve on [-4, 4], or a network drawn as its layers of units. */
export type OgFigure = { kind: 'curve'; activation: ActivationFunctionName } | { kind: 'network'; layers: readonly number[] };

/** The figure of each chapter, by lesson id; a chapter not listed gets a small network. */
export const CHAPTER_FIGURES: Readonly<Record<string, OgFigure>> = {
  perceptron: { kind: 'curve', activation: 'step' },
  activations: { kind: 'curve', activation: 'sigmoid' },
  mlp: { kind: 'network', layers: [2, 4, 1] },
  losses: { kind: 'curve', activation: 'softplus' },
  backprop: { kind: 'network', layers: [2, 3, 3, 1] },
  optimization: { kind: 'curve', activation: 'tanh' },
  regularisation: { kind: 'curve', activation: 'relu' },
  'deep-networks': { kind: 'network', layers: [2, 4, 4, 4, 4, 1] },
};

const DEFAULT_FIGURE_LAYERS = [2, 3, 1];

/** The figure of the course's own picture and of a chapter with none listed. */
export const DEFAULT_FIGURE: OgFigure = { kind: 'network', layers: DEFAULT_FIGURE_LAYERS };

/** What the picture says. */
export interface OgCard {
  /** The course's name, at the top. */
  site: string;
  /** The line above the title ("Chapter 3"), or '' for none. */
  eyebrow: string;
  /** The chapter's title (or the course's). */
  title: string;
  /** The sentence below the title (the chapter's description), cut to three lines; '' for none. */
  description: string;
  /** The figure at the right. */
  figure: OgFigure;
}

/** Text made safe inside SVG. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Breaks text into at most `maxLines` lines of about `width` characters, at spaces; a cut last line ends with "…". */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  if (maxLines <= 0) return lines;
  let line = '';
  const words = text.split(/\s+/).filter((word) => word !== '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width || line === '') {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      lines[maxLines - 1] = `${lines[maxLines - 1]}…`;
      return lines;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The figure drawn in a box of `size` × `size` at the origin, as SVG elements. */
export function figureSvg(figure: OgFigure, size: number): string {
  const stroke = '#0b63c5';
  const activation: ActivationFunction = figure.kind === 'curve' ? ACTIVATION_FUNCTIONS[figure.activation] : ACTIVATION_FUNCTIONS.identity;
  // A curve needs an activation applied element by element (softmax normalises a whole row): else the network.
  if (figure.kind === 'curve' && activation.kind === 'elementwise') {
    const parameters = Object.fromEntries(activation.parameters.map((parameter) => [parameter.name, parameter.default]));
    const xs = Array.from({ length: 161 }, (_, i) => -4 + (8 * i) / 160);
    const ys = xs.map((x) => activation.f(x, parameters as never));
    const low = Math.min(0, ...ys);
    const high = Math.max(1, ...ys);
    const px = (x: number) => ((x + 4) / 8) * size;
    const py = (y: number) => size - ((y - low) / (high - low)) * size;
    const points = xs.map((x, i) => `${px(x).toFixed(1)},${py(ys[i]).toFixed(1)}`).join(' ');
    return [
      `<line x1="0" y1="${py(0).toFixed(1)}" x2="${size}" y2="${py(0).toFixed(1)}" stroke="#8a94a3" stroke-width="3"/>`,
      `<line x1="${px(0).toFixed(1)}" y1="0" x2="${px(0).toFixed(1)}" y2="${size}" stroke="#8a94a3" stroke-width="3"/>`,
      `<polyline points="${points}" fill="none" stroke="${stroke}" stroke-width="10" stroke-linejoin="round" stroke-linecap="round"/>`,
    ].join('');
  }
  const layers = figure.kind === 'network' ? figure.layers : DEFAULT_FIGURE_LAYERS;
  const x = (layer: number) => (layers.length === 1 ? size / 2 : 20 + (layer * (size - 40)) / (layers.length - 1));
  const y = (unit: number, count: number) => ((unit + 1) * size) / (count + 1);
  const edges: string[] = [];
  const nodes: string[] = [];
  layers.forEach((count, layer) => {
    for (let unit = 0; unit < count; unit++) {
      if (layer + 1 < layers.length) {
        for (let next = 0; next < layers[layer + 1]; next++) {
          edges.push(`<line x1="${x(layer).toFixed(1)}" y1="${y(unit, count).toFixed(1)}" x2="${x(layer + 1).toFixed(1)}" y2="${y(next, layers[layer + 1]).toFixed(1)}" stroke="#8a94a3" stroke-width="3"/>`);
        }
      }
      nodes.push(`<circle cx="${x(layer).toFixed(1)}" cy="${y(unit, count).toFixed(1)}" r="18" fill="#ffffff" stroke="${stroke}" stroke-width="6"/>`);
    }
  });
  return edges.join('') + nodes.join('');
}

/** The whole picture as an SVG document, 1200 × 630: the course's name, the eyebrow, the title and description at the left, the figure at the right. */
export function ogImageSvg(card: OgCard): string {
  const titleLines = wrapText(card.title, 17, 4);
  const figureSize = 380;
  const title = titleLines
    .map((line, i) => `<text x="80" y="${290 + i * 68}" font-size="56" font-weight="700" fill="#0d1117">${escapeXml(line)}</text>`)
    .join('');
  const descriptionTop = 290 + titleLines.length * 68;
  // As many lines of the description as fit above the bottom margin, at most three.
  const descriptionLines = Math.max(0, Math.min(3, Math.floor((600 - descriptionTop) / 40) + 1));
  const description = wrapText(card.description, 36, descriptionLines)
    .map((line, i) => `<text x="80" y="${descriptionTop + i * 40}" font-size="28" fill="#424a53">${escapeXml(line)}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#f6f8fa"/>`,
    `<rect width="${OG_WIDTH}" height="16" fill="#0b63c5"/>`,
    `<text x="80" y="120" font-size="36" font-weight="700" fill="#0b63c5">${escapeXml(card.site)}</text>`,
    card.eyebrow === '' ? '' : `<text x="80" y="200" font-size="34" fill="#424a53">${escapeXml(card.eyebrow)}</text>`,
    title,
    description,
    `<g transform="translate(${OG_WIDTH - 80 - figureSize} ${(OG_HEIGHT - figureSize) / 2 + 20})">${figureSvg(card.figure, figureSize)}</g>`,
    `</svg>`,
  ].join('');
}
