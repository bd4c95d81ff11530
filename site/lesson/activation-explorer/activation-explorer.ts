// The activation explorer's custom element: it wires the controls rendered by
// ActivationExplorer.astro to `computeCurves` and draws f above f′ (autograd solid, central differences dashed),
// shading where |f′| falls below the threshold.

import * as Plot from '../shared/plot.ts';
import { activationById, type Activation } from './catalogue.ts';
import { computeCurves, vanishingIntervals } from './curves.ts';
import { onThemeChange, plotStyle, themeVar } from '../shared/plot-theme.ts';
import { labelChart } from '../shared/plot-accessibility.ts';
import { ControlLink } from '../shared/control-link.ts';
import { widgetKey } from '../shared/url-state.ts';

/** A number for the status line: short, with a true minus sign. */
function fmt(value: number, digits = 2): string {
  return Number(value.toFixed(digits)).toString().replace('-', '−');
}

/** The explorer: activation, parameter, range and threshold controls, two plots and the agreement readout. */
class ActivationExplorerElement extends HTMLElement {
  private width = 0;
  private stopTheme: (() => void) | null = null;
  private resize: ResizeObserver | null = null;
  private link: ControlLink | null = null;

  private control<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  connectedCallback(): void {
    this.control('activation').addEventListener('change', () => {
      this.setUpParameter();
      this.render();
      this.link?.save();
    });
    for (const name of ['range', 'threshold']) {
      this.control(name).addEventListener('change', () => {
        this.render();
        this.link?.save();
      });
    }
    this.control('parameter').addEventListener('input', () => this.render());
    this.control('parameter').addEventListener('change', () => this.link?.save());
    this.stopTheme = onThemeChange(() => this.render());
    this.resize = new ResizeObserver(() => {
      if (this.clientWidth !== this.width) this.render();
    });
    this.resize.observe(this);
    this.setUpParameter();
    // The settings a link gives (`?explorer=activation_tanh*parameter_0.2`): the activation first, since it sets up
    // the parameter's slider.
    this.link = new ControlLink(`${widgetKey(this, 'explorer')}`, {
      activation: this.control<HTMLSelectElement>('activation'),
      parameter: this.control<HTMLInputElement>('parameter'),
      range: this.control<HTMLSelectElement>('range'),
      threshold: this.control<HTMLSelectElement>('threshold'),
    });
    this.link.restore((name) => {
      if (name === 'activation') this.setUpParameter();
    });
    this.render();
  }

  disconnectedCallback(): void {
    this.stopTheme?.();
    this.resize?.disconnect();
  }

  private get activation(): Activation {
    return activationById(this.control<HTMLSelectElement>('activation').value);
  }

  /** Shows the parameter slider for activations that have one, set to its default. */
  private setUpParameter(): void {
    const { parameter, name } = this.activation;
    const field = this.querySelector<HTMLElement>('[data-parameter]')!;
    field.hidden = !parameter;
    if (!parameter) return;
    const slider = this.control<HTMLInputElement>('parameter');
    slider.min = String(parameter.min);
    slider.max = String(parameter.max);
    slider.step = String(parameter.step);
    slider.value = String(parameter.initial);
    slider.setAttribute('aria-label', `${name} parameter ${parameter.symbol}`);
    this.querySelector('[data-parameter-label]')!.textContent = `Parameter ${parameter.symbol}`;
  }

  private render(): void {
    const activation = this.activation;
    const p = activation.parameter ? Number(this.control<HTMLInputElement>('parameter').value) : 0;
    if (activation.parameter) this.querySelector('[data-parameter-value]')!.textContent = `${activation.parameter.symbol} = ${fmt(p)}`;
    const range = Number(this.control<HTMLSelectElement>('range').value);
    const threshold = Number(this.control<HTMLSelectElement>('threshold').value);
    const curves = computeCurves(activation, p, range);
    const vanishing = vanishingIntervals(curves.x, curves.autograd, threshold);

    this.querySelector('[data-formulas]')!.textContent = `${activation.formula}\n${activation.derivativeFormula}`;
    this.querySelector('[data-agreement]')!.textContent =
      `max |autograd − formula| = ${curves.maxDifference.toExponential(1)} over ${curves.x.length} points; ` +
      `max |autograd − central difference| = ${curves.numericDifference.toExponential(1)}`;
    const where = vanishing.length === 0
      ? `|f′| stays at or above ${threshold} everywhere on [−${range}, ${range}]`
      : `|f′| < ${threshold} on ${vanishing.map(([a, b]) => `[${fmt(a)}, ${fmt(b)}]`).join(' and ')}`;
    const agreement = curves.maxDifference === 0 ? 'agree exactly' : `agree to within ${curves.maxDifference.toExponential(1)}`;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    status.textContent = activation.id === 'step'
      ? `Step: autograd passes no gradient back (the engine treats its output as a constant), matching f′ = 0. ${where}.`
      : `${activation.name}: autograd and the formula ${agreement}, and central differences of f agree to within ${curves.numericDifference.toExponential(1)}. ${where}.`;

    this.width = this.clientWidth;
    const width = Math.max(260, Math.min(640, this.querySelector<HTMLElement>('[data-plot]')!.clientWidth || 640));
    const rows = Array.from(curves.x, (x, i) => ({ x, f: curves.f[i], autograd: curves.autograd[i], numeric: curves.numeric[i] }));
    const shade = Plot.rect(vanishing, { x1: '0', x2: '1', fill: themeVar('bad'), fillOpacity: 0.12 });
    const common = { width, height: 190, marginLeft: 44, style: plotStyle, x: { domain: [-range, range], label: 'x', grid: true } };
    const fPlot = Plot.plot({
      ...common,
      y: { label: 'f(x)', grid: true },
      ariaLabel: `${activation.name}: f(x)`,
      marks: [shade, Plot.ruleY([0], { stroke: themeVar('border') }), Plot.line(rows, { x: 'x', y: 'f', stroke: themeVar('text'), strokeWidth: 2 })],
    });
    const derivativePlot = Plot.plot({
      ...common,
      y: { label: 'f′(x)', grid: true, domain: paddedDomain(curves.autograd, curves.numeric) },
      ariaLabel: `${activation.name}: f′(x) by autograd and by central differences of f`,
      marks: [
        shade,
        Plot.ruleY([0], { stroke: themeVar('border') }),
        Plot.line(rows, { x: 'x', y: 'autograd', stroke: themeVar('accent'), strokeWidth: 4, strokeOpacity: 0.8 }),
        Plot.line(rows, { x: 'x', y: 'numeric', stroke: themeVar('focus'), strokeWidth: 1.5, strokeDasharray: '5 4' }),
      ],
    });
    for (const chart of [fPlot, derivativePlot]) labelChart(chart, chart.getAttribute('aria-label') ?? activation.name);
    this.querySelector('[data-plot="f"]')!.replaceChildren(fPlot);
    this.querySelector('[data-plot="derivative"]')!.replaceChildren(derivativePlot);
  }
}

/** A y domain covering both derivative curves with a margin, and never thinner than [−0.1, 1.1] around the data. */
function paddedDomain(a: Float64Array, b: Float64Array): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const values of [a, b]) for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = 0.08 * (hi - lo);
  return [lo - pad, hi + pad];
}

if (!customElements.get('activation-explorer')) customElements.define('activation-explorer', ActivationExplorerElement);
