// The activation explorer's custom element: it wires the controls rendered by ActivationExplorer.astro to its worker,
// which samples the activation with the engine and draws f above f′ (autograd solid, central differences dashed),
// shading where |f′| falls below the threshold (charts.ts); the element shows the charts and the readout.

import { activationById, type Activation } from './catalogue.ts';
import { chartWidth, placeChart } from '../shared/worker-chart.ts';
import { LatestRequest, WorkerRequests } from '../shared/worker-requests.ts';
import { ControlLink } from '../shared/control-link.ts';
import { widgetKey } from '../shared/url-state.ts';
import type { ExplorerReply, ExplorerRequest } from './worker.ts';

/** A number for the status line: short, with a true minus sign. */
function fmt(value: number, digits = 2): string {
  return Number(value.toFixed(digits)).toString().replace('-', '−');
}

/** The explorer: activation, parameter, range and threshold controls, two plots and the agreement readout. */
class ActivationExplorerElement extends HTMLElement {
  private width = 0;
  private resize: ResizeObserver | null = null;
  private link: ControlLink | null = null;
  private worker: Worker | null = null;
  /** The drawing of the current settings: one in flight at a time, and only the latest shown. */
  private drawing: LatestRequest<ExplorerRequest, ExplorerReply> | null = null;

  private control<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-control="${name}"]`)!;
  }

  connectedCallback(): void {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'activation-explorer' });
    this.drawing = new LatestRequest(new WorkerRequests<ExplorerRequest, ExplorerReply>(this.worker));
    this.worker.addEventListener('error', () => this.say('The explorer’s worker stopped with an error; reload the page to start again.'));
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
    this.resize?.disconnect();
    this.worker?.terminate();
    this.worker = null;
    this.drawing = null;
  }

  private say(message: string): void {
    this.querySelector<HTMLElement>('[data-status]')!.textContent = message;
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

  /**
   * Asks the worker for the charts and the numbers of the current settings, and shows them when they come (a reply to
   * settings changed since is dropped, and a slider dragged meanwhile asks only for where it is when the worker is
   * free). `data-drawn` then names what is shown: activation, parameter, range, threshold.
   */
  private render(): void {
    if (this.drawing === null) return;
    const activation = this.activation;
    const p = activation.parameter ? Number(this.control<HTMLInputElement>('parameter').value) : 0;
    if (activation.parameter) this.querySelector('[data-parameter-value]')!.textContent = `${activation.parameter.symbol} = ${fmt(p)}`;
    const range = Number(this.control<HTMLSelectElement>('range').value);
    const threshold = Number(this.control<HTMLSelectElement>('threshold').value);
    this.querySelector('[data-formulas]')!.textContent = `${activation.formula}\n${activation.derivativeFormula}`;
    this.width = this.clientWidth;
    const width = chartWidth(this.querySelector<HTMLElement>('[data-plot]')!);
    this.dataset.pending = '';
    this.drawing.ask({ activation: activation.id, parameter: p, range, threshold, width }, (reply) => {
      delete this.dataset.pending;
      if (reply.type === 'error') {
        this.say(`The curves could not be drawn: ${reply.message}`);
        return;
      }
      this.show(activation, reply, range, threshold);
      this.dataset.drawn = `${activation.id}:${p}:${range}:${threshold}`;
    });
  }

  /** Shows the worker's charts and the readout of their numbers. */
  private show(activation: Activation, charts: Extract<ExplorerReply, { type: 'charts' }>, range: number, threshold: number): void {
    this.querySelector('[data-agreement]')!.textContent =
      `max |autograd − formula| = ${charts.maxDifference.toExponential(1)} over ${charts.points} points; ` +
      `max |autograd − central difference| = ${charts.numericDifference.toExponential(1)}`;
    const where = charts.vanishing.length === 0
      ? `|f′| stays at or above ${threshold} everywhere on [−${range}, ${range}]`
      : `|f′| < ${threshold} on ${charts.vanishing.map(([a, b]) => `[${fmt(a)}, ${fmt(b)}]`).join(' and ')}`;
    const agreement = charts.maxDifference === 0 ? 'agree exactly' : `agree to within ${charts.maxDifference.toExponential(1)}`;
    this.say(activation.id === 'step'
      ? `Step: autograd passes no gradient back (the engine treats its output as a constant), matching f′ = 0. ${where}.`
      : `${activation.name}: autograd and the formula ${agreement}, and central differences of f agree to within ${charts.numericDifference.toExponential(1)}. ${where}.`);
    for (const [name, markup] of [['f', charts.f], ['derivative', charts.derivative]] as const) {
      placeChart(this.querySelector(`[data-plot="${name}"]`)!, markup, activation.name);
    }
  }
}

if (!customElements.get('activation-explorer')) customElements.define('activation-explorer', ActivationExplorerElement);
