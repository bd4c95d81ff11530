// The lab's two SVG drawings as markup, from plain numbers (no DOM, so the unit tests read them): the loss curves
// on a log scale, revealed up to the epoch shown, with the epoch early stopping keeps marked; and the network, its
// lines as wide as its weights are large, each hidden unit drawn kept or dropped by the training step's mask.

/** A number for a label: 3 significant digits, a true minus sign. */
function label(value: number): string {
  return String(Number(value.toPrecision(3))).replace('-', '\u2212');
}

const round = (v: number) => Math.round(v * 10) / 10;

/** What the loss chart draws. */
export interface LossChartInput {
  trainLoss: ArrayLike<number>;
  validationLoss: ArrayLike<number>;
  /** The length of the x axis in epochs (the run's planned epochs). */
  epochs: number;
  /** The epoch shown: the curves are drawn up to it. */
  epoch: number;
  /** The epoch whose weights early stopping keeps, marked once the replay reaches the end; null without early stopping. */
  restoredEpoch: number | null;
  /** The epoch training stopped at, when early stopping stopped it. */
  stoppedEpoch: number | null;
}

/** The chart's size in SVG units. */
export const LOSS_CHART = { width: 360, height: 240, left: 44, right: 10, top: 12, bottom: 36 } as const;

/** The y range of a run's chart on a log scale: powers of ten around every loss, so the axes hold still while it replays. */
export function lossDomain(trainLoss: ArrayLike<number>, validationLoss: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = 0;
  for (const series of [trainLoss, validationLoss]) {
    for (let i = 0; i < series.length; i++) {
      const v = series[i];
      if (Number.isFinite(v) && v > 0) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
  }
  if (!(high > 0)) return [0.1, 1];
  return [10 ** Math.floor(Math.log10(Math.max(low, 1e-4))), 10 ** Math.ceil(Math.log10(high))];
}

/** The loss chart as SVG markup: both curves up to the epoch shown, the axes, and the restored epoch's mark. */
export function lossChartSvg(input: LossChartInput): string {
  const { width, height, left, right, top, bottom } = LOSS_CHART;
  const [y0, y1] = lossDomain(input.trainLoss, input.validationLoss);
  const sx = (epoch: number) => left + (epoch / Math.max(1, input.epochs)) * (width - left - right);
  const sy = (loss: number) => {
    const t = (Math.log10(Math.min(y1, Math.max(y0, loss))) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0));
    return top + (1 - t) * (height - top - bottom);
  };
  const parts: string[] = [];
  // Grid lines at 1, 2 and 5 times each power of ten, labelled at the powers and at 3.
  for (let power = Math.round(Math.log10(y0)); power < Math.round(Math.log10(y1)) + 1; power++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** power;
      if (v < y0 || v > y1) continue;
      parts.push(`<line x1="${left}" x2="${width - right}" y1="${round(sy(v))}" y2="${round(sy(v))}" style="stroke: var(--border)" />`);
      if (m !== 2) parts.push(`<text x="${left - 5}" y="${round(sy(v))}" dy="0.32em" text-anchor="end" style="fill: var(--text-muted)">${label(v)}</text>`);
    }
  }
  const step = input.epochs <= 100 ? 25 : input.epochs <= 300 ? 50 : 100;
  for (let e = 0; e <= input.epochs; e += step) {
    parts.push(`<text x="${round(sx(e))}" y="${height - bottom + 16}" text-anchor="middle" style="fill: var(--text-muted)">${e}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" style="stroke: var(--text-muted)" />`);
  parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" style="stroke: var(--text-muted)" />`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 4}" text-anchor="middle" style="fill: var(--text)">epoch</text>`);
  parts.push(`<text transform="translate(11 ${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle" style="fill: var(--text)">loss (log scale)</text>`);
  const path = (series: ArrayLike<number>) => {
    const last = Math.min(input.epoch, series.length - 1);
    const points: string[] = [];
    for (let e = 0; e <= last; e++) points.push(`${e === 0 ? 'M' : 'L'}${round(sx(e))},${round(sy(series[e]))}`);
    return points.join('');
  };
  parts.push(`<path data-series="train" d="${path(input.trainLoss)}" style="fill: none; stroke: var(--text-muted); stroke-width: 2; stroke-dasharray: 6 3" />`);
  parts.push(`<path data-series="validation" d="${path(input.validationLoss)}" style="fill: none; stroke: var(--accent); stroke-width: 2.5" />`);
  if (input.stoppedEpoch !== null && input.epoch >= input.stoppedEpoch) {
    const x = round(sx(input.stoppedEpoch));
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${height - bottom}" style="stroke: var(--text-muted); stroke-dasharray: 2 3" />`);
    parts.push(`<text x="${x + 3}" y="${top + 10}" style="fill: var(--text-muted)">stopped</text>`);
  }
  if (input.restoredEpoch !== null && input.epoch >= input.restoredEpoch) {
    const x = round(sx(input.restoredEpoch));
    const y = round(sy(input.validationLoss[input.restoredEpoch]));
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${height - bottom}" style="stroke: var(--good); stroke-width: 1.5" />`);
    parts.push(`<path data-mark="restored" d="M${x},${y - 7}L${x + 7},${y}L${x},${y + 7}L${x - 7},${y}Z" style="fill: var(--good); stroke: var(--bg)" />`);
    parts.push(`<text x="${x + 9}" y="${y - 9}" style="fill: var(--text)">best: epoch ${input.restoredEpoch}</text>`);
  }
  // The epoch shown.
  const cx = round(sx(input.epoch));
  parts.push(`<line x1="${cx}" x2="${cx}" y1="${top}" y2="${height - bottom}" style="stroke: var(--text); stroke-width: 1; opacity: 0.5" />`);
  return `<svg viewBox="0 0 ${width} ${height}" aria-hidden="true">${parts.join('')}</svg>`;
}

/** What the network drawing draws. */
export interface NetworkInput {
  /** Layer sizes, input first. */
  sizes: readonly number[];
  /** The weight matrices, flat, layer by layer, each (out, in) row-major as the engine's Linear holds them. */
  weights: ArrayLike<number>;
  /** Per hidden unit (layer 1's, then layer 2's, ...), 1 kept or 0 dropped; null draws every unit on (evaluation, or no dropout). */
  mask: ArrayLike<number> | null;
}

/** The network drawing's size in SVG units. */
export const NETWORK_DRAWING = { width: 300, height: 260 } as const;

/** The network as SVG markup: weights as lines (width by size), units as circles, dropped units greyed and crossed. */
export function networkSvg(input: NetworkInput): string {
  const { width, height } = NETWORK_DRAWING;
  const { sizes } = input;
  const columns = sizes.length;
  const x = (layer: number) => 24 + (layer * (width - 48)) / (columns - 1);
  const y = (layer: number, unit: number) => {
    const n = sizes[layer];
    const gap = Math.min(20, (height - 30) / Math.max(1, n - 1));
    return height / 2 + (unit - (n - 1) / 2) * gap;
  };
  // Which units are on: inputs and output always; hidden ones by the mask.
  const hiddenOffset = (layer: number) => sizes.slice(1, layer).reduce((a, b) => a + b, 0);
  const on = (layer: number, unit: number) =>
    input.mask === null || layer === 0 || layer === columns - 1 ? true : input.mask[hiddenOffset(layer) + unit] !== 0;
  const lines: string[] = [];
  let offset = 0;
  let largest = 0;
  for (let i = 0; i < input.weights.length; i++) largest = Math.max(largest, Math.abs(input.weights[i]));
  for (let layer = 1; layer < columns; layer++) {
    const fanIn = sizes[layer - 1];
    for (let out = 0; out < sizes[layer]; out++) {
      for (let from = 0; from < fanIn; from++) {
        const w = input.weights[offset + out * fanIn + from];
        const live = on(layer - 1, from) && on(layer, out);
        // Widths on a fixed scale (a weight of 1 is 1.5 units wide), so L2's shrinking shows as thinner lines.
        const strokeWidth = Math.min(4, 0.15 + 1.5 * Math.abs(w));
        lines.push(
          `<line x1="${round(x(layer - 1))}" y1="${round(y(layer - 1, from))}" x2="${round(x(layer))}" y2="${round(y(layer, out))}" style="stroke: var(--text-muted); stroke-width: ${round(strokeWidth * 10) / 10}; opacity: ${live ? 0.55 : 0.08}" />`,
        );
      }
    }
    offset += fanIn * sizes[layer];
  }
  const units: string[] = [];
  let dropped = 0;
  for (let layer = 0; layer < columns; layer++) {
    for (let unit = 0; unit < sizes[layer]; unit++) {
      const cx = round(x(layer));
      const cy = round(y(layer, unit));
      if (on(layer, unit)) {
        units.push(`<circle data-unit="on" cx="${cx}" cy="${cy}" r="6.5" style="fill: var(--accent); stroke: var(--bg)" />`);
      } else {
        dropped++;
        units.push(
          `<g data-unit="dropped"><circle cx="${cx}" cy="${cy}" r="6.5" style="fill: var(--bg); stroke: var(--text-muted); stroke-dasharray: 2 2" />` +
            `<path d="M${cx - 4.5},${cy - 4.5}L${cx + 4.5},${cy + 4.5}M${cx + 4.5},${cy - 4.5}L${cx - 4.5},${cy + 4.5}" style="stroke: var(--text); stroke-width: 1.5" /></g>`,
        );
      }
    }
  }
  const names = [
    `<text x="${round(x(0))}" y="${round(y(0, 0)) - 12}" text-anchor="middle" style="fill: var(--text-muted)">x₁, x₂</text>`,
    `<text x="${round(x(columns - 1))}" y="${round(y(columns - 1, 0)) - 12}" text-anchor="middle" style="fill: var(--text-muted)">ŷ</text>`,
  ];
  return `<svg viewBox="0 0 ${width} ${height}" aria-hidden="true" data-dropped="${dropped}" data-largest="${label(largest)}">${lines.join('')}${units.join('')}${names.join('')}</svg>`;
}
