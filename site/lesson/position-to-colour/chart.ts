// The position-to-colour widget's loss chart, drawn by Plot in its worker as SVG markup (shared/plot-markup.ts): the
// page redraws it at every epoch while training, and Plot's drawing on the main thread cost a slow phone tens of
// milliseconds a frame (a few hundred at the page's first).

import * as Plot from '../shared/plot.ts';
import { plotMarkup } from '../shared/plot-markup.ts';
import { plotStyle, themeVar } from '../shared/plot-theme.ts';

/** One point of a loss curve. */
export interface LossPoint {
  epoch: number;
  loss: number;
  network: string;
}

/** What the chart shows: each network's curve so far, and the last single-network run's, faded, to compare with. */
export interface LossChartInput {
  width: number;
  /** The networks training, by name; the one with the encoding drawn in the accent colour, the plain one dashed. */
  networks: { name: string; encoding: boolean }[];
  history: LossPoint[];
  previous: { points: LossPoint[]; encoding: boolean } | null;
  epoch: number;
}

/** The loss curves: one line per network, the encoded one in the accent colour, the plain one dashed; the last run's faded. */
export function lossChartMarkup({ width, networks, history, previous, epoch }: LossChartInput): string {
  const names = networks.map((network) => network.name);
  const encoded = networks.map((network) => network.encoding);
  const marks: Plot.Markish[] = names.map((name, index) =>
    Plot.line(
      history.filter((point) => point.network === name),
      {
        x: 'epoch',
        y: 'loss',
        stroke: encoded[index] ? themeVar('accent') : themeVar('text-muted'),
        strokeWidth: 2.5,
        strokeDasharray: encoded[index] ? undefined : '6 4',
        marker: history.length <= names.length ? 'dot' : undefined,
        clip: true,
      },
    ),
  );
  if (previous !== null) {
    marks.unshift(
      Plot.line(previous.points, {
        x: 'epoch',
        y: 'loss',
        stroke: previous.encoding ? themeVar('accent') : themeVar('text-muted'),
        strokeOpacity: 0.45,
        strokeWidth: 1.5,
        strokeDasharray: previous.encoding ? undefined : '6 4',
        clip: true,
      }),
      Plot.text(previous.points.slice(-1), {
        x: 'epoch',
        y: 'loss',
        text: () => `last run, ${previous.encoding ? 'with γ' : 'without'}`,
        dx: -4,
        dy: previous.encoding ? 12 : -10,
        textAnchor: 'end',
        fill: themeVar('text-muted'),
        clip: true,
      }),
    );
  }
  const lastEpoch = Math.max(10, epoch, previous?.points.at(-1)?.epoch ?? 0);
  return plotMarkup({
    width,
    height: 200,
    marginLeft: 52,
    style: plotStyle,
    x: { label: 'epoch', grid: true, domain: [0, lastEpoch] },
    // A fixed log scale from 10⁻⁴ to 0.2, so the curves of a run and of the next are drawn alike and every tick is labelled.
    y: { label: 'MSE', type: 'log', grid: true, domain: [1e-4, 0.2], ticks: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1], tickFormat: (d: number) => String(d) },
    ariaLabel: `Mean squared error against the epoch, ${names.join(' and ')}${previous === null ? '' : `, beside the last run ${previous.encoding ? 'with' : 'without'} encoding`}`,
    marks: [
      ...marks,
      ...names.map((name, index) => {
        const last = history.filter((point) => point.network === name).at(-1);
        return Plot.text(last ? [last] : [], { x: 'epoch', y: 'loss', text: () => (encoded[index] ? 'with γ' : 'without'), dx: -4, dy: encoded[index] ? 12 : -10, textAnchor: 'end', fill: 'currentColor', clip: true });
      }),
    ],
  }).outerHTML;
}
