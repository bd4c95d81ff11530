// The backprop stepper's custom element: it wires the markup of BackpropStepper.astro to the steps of a preset
// (steps.ts), redraws the graph (shared/graph) and the chain-rule lines on every step or edit, links nodes and
// lines on hover and focus, and keeps its state in the URL (url-state.ts). The work is tiny (a graph of a few
// nodes), so it runs on the main thread.

import { defaultValues, presetById, type Preset } from './presets.ts';
import { runPreset, stepCount, stepView, type BackpropRun } from './steps.ts';
import { decodeState, encodeState, parameterName, withState } from './url-state.ts';
import { graphSvg } from '../shared/graph/graph-svg.ts';
import { highlightNode, nodeIdOf } from '../shared/graph/graph-highlight.ts';
import { definitionMathML, lineMathML } from '../shared/graph/formula-mathml.ts';

/** The stepper: buttons and keys step, number fields edit, the graph and the lines are linked. */
class BackpropStepperElement extends HTMLElement {
  private preset!: Preset;
  private key = '';
  private values: Record<string, number> = {};
  private run!: BackpropRun;
  private step = 0;
  /** The node holding the graph's tab stop. */
  private focusNode = -1;

  connectedCallback(): void {
    this.preset = presetById(this.dataset.preset ?? '');
    this.key = this.dataset.key ?? this.preset.id;
    const state = decodeState(this.preset, new URLSearchParams(window.location.search).get(parameterName(this.key)));
    this.values = state.values;
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-input]')) input.value = String(this.values[input.dataset.input!]);
    this.run = runPreset(this.preset, this.values);
    this.step = Math.min(state.step, stepCount(this.run));
    this.focusNode = this.run.trace.nodes.length - 1;

    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.addEventListener('input', (event) => this.onInput(event));
    this.addEventListener('pointerover', (event) => this.link(event.target));
    this.addEventListener('focusin', (event) => this.link(event.target));
    this.addEventListener('pointerleave', () => this.link(null));
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.link(null);
    });
    this.render();
    this.dataset.ready = '';
  }

  private get graph(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-graph]')!;
  }

  /** Moves to a step (clamped), redraws and records it in the URL. */
  private go(step: number): void {
    this.step = Math.max(0, Math.min(stepCount(this.run), step));
    this.render();
  }

  private onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-action]');
    if (button !== null) {
      if (button.getAttribute('aria-disabled') === 'true') return;
      const action = button.dataset.action;
      if (action === 'reset') this.go(0);
      else if (action === 'back') this.go(this.step - 1);
      else if (action === 'next') this.go(this.step + 1);
      else if (action === 'forward') this.go(this.run.forward.length);
      else if (action === 'backward') this.go(stepCount(this.run));
      else if (action === 'defaults') this.restoreDefaults();
      return;
    }
    const id = nodeIdOf(event.target);
    if (id !== null) this.select(id);
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as Element;
    if (target.matches('input, select, textarea, summary')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const node = nodeIdOf(target);
    if (event.key === 'ArrowRight' || event.key === '.') this.go(this.step + 1);
    else if (event.key === 'ArrowLeft' || event.key === ',') this.go(this.step - 1);
    else if (node !== null && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) this.moveFocus(node + (event.key === 'ArrowDown' ? 1 : -1));
    else if (node !== null && (event.key === 'Home' || event.key === 'End')) this.moveFocus(event.key === 'Home' ? 0 : this.run.trace.nodes.length - 1);
    else if (node !== null && (event.key === 'Enter' || event.key === ' ')) this.select(node);
    else return;
    event.preventDefault();
  }

  /** Recomputes the graph from an edited number; a field that does not hold a valid number is marked and ignored. */
  private onInput(event: Event): void {
    const field = event.target as HTMLInputElement;
    const key = field.dataset.input;
    if (key === undefined) return;
    const input = this.preset.inputs.find((i) => i.key === key)!;
    const value = field.valueAsNumber;
    const valid = field.value.trim() !== '' && Number.isFinite(value) && (input.classes === undefined || (Number.isInteger(value) && value >= 0 && value < input.classes));
    field.setAttribute('aria-invalid', String(!valid));
    if (!valid) return;
    this.values = { ...this.values, [key]: value };
    this.run = runPreset(this.preset, this.values);
    this.go(this.step);
  }

  /** Puts the preset's own numbers back in every field and recomputes, keeping the step. */
  private restoreDefaults(): void {
    this.values = defaultValues(this.preset);
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-input]')) {
      input.value = String(this.values[input.dataset.input!]);
      input.removeAttribute('aria-invalid');
    }
    this.run = runPreset(this.preset, this.values);
    this.go(this.step);
  }

  /** Gives node `id` the graph's tab stop and focus. */
  private moveFocus(id: number): void {
    const count = this.run.trace.nodes.length;
    this.focusNode = (id + count) % count;
    for (const g of this.graph.querySelectorAll<SVGGElement>('.graph-node')) g.setAttribute('tabindex', g.dataset.node === String(this.focusNode) ? '0' : '-1');
    this.graph.querySelector<SVGGElement>(`.graph-node[data-node="${this.focusNode}"]`)?.focus();
  }

  /** Shows a node's line: scrolls it into view when the backward pass has reached it. */
  private select(id: number): void {
    this.focusNode = id;
    this.querySelector<HTMLElement>(`[data-lines] li[data-node="${id}"]`)?.scrollIntoView({ block: 'nearest' });
    this.link(this.graph.querySelector(`.graph-node[data-node="${id}"]`));
  }

  /** Highlights the node under the pointer or focus (in the graph or in the lines), its edges and its line. */
  private link(target: EventTarget | null): void {
    const id = target instanceof Element && target.closest('[data-graph] [data-node], [data-lines] [data-node]') !== null ? nodeIdOf(target) : null;
    highlightNode(this.graph, id);
    for (const li of this.querySelectorAll('[data-lines] li')) li.classList.toggle('is-highlighted', id !== null && li.getAttribute('data-node') === String(id));
  }

  private render(): void {
    const view = stepView(this.run, this.step);
    const total = stepCount(this.run);
    const focusedNode = nodeIdOf(document.activeElement !== null && this.graph.contains(document.activeElement) ? document.activeElement : null);
    const { markup } = graphSvg(this.run.trace, view.views, { idPrefix: this.id, label: `Computation graph: ${this.preset.title}`, focusable: this.focusNode });
    this.graph.innerHTML = markup;
    if (focusedNode !== null) this.graph.querySelector<SVGGElement>(`.graph-node[data-node="${focusedNode}"]`)?.focus();
    this.querySelector<HTMLElement>('[data-scroll-note]')!.hidden = this.graph.scrollWidth <= this.graph.clientWidth + 1;

    const list = this.querySelector<HTMLOListElement>('[data-lines]')!;
    const focusedLine = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.node : undefined;
    list.replaceChildren(
      ...view.lines.map((line, i) => {
        const li = document.createElement('li');
        li.dataset.node = String(line.node);
        li.tabIndex = 0;
        li.innerHTML = lineMathML(line);
        if (i === view.lines.length - 1) li.setAttribute('aria-current', 'step');
        return li;
      }),
    );
    if (focusedLine !== undefined) list.querySelector<HTMLElement>(`li[data-node="${focusedLine}"]`)?.focus();
    this.querySelector<HTMLElement>('[data-empty]')!.hidden = view.lines.length > 0;
    this.querySelector('[data-status]')!.textContent = view.status;
    this.querySelector('[data-count]')!.textContent = `Step ${this.step} of ${total}`;
    const disabled: Record<string, boolean> = {
      reset: this.step === 0,
      back: this.step === 0,
      next: this.step === total,
      forward: this.step === this.run.forward.length,
      backward: this.step === total,
      defaults: this.preset.inputs.every((input) => this.values[input.key] === input.value),
    };
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) button.setAttribute('aria-disabled', String(disabled[button.dataset.action!]));
    const current = this.querySelector<HTMLElement>('[data-current]')!;
    const line = view.phase === 'backward' ? view.lines[view.lines.length - 1] : null;
    current.innerHTML = line !== null ? lineMathML(line) : view.definition !== null ? definitionMathML(view.definition) : '';
    current.hidden = line === null && view.definition === null;

    const url = `${window.location.pathname}${withState(window.location.search, this.key, encodeState(this.preset, { step: this.step, values: this.values }))}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }
}

if (!customElements.get('backprop-stepper')) customElements.define('backprop-stepper', BackpropStepperElement);
