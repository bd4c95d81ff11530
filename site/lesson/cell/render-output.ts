// Drawing shown values, console lines and errors as DOM. Everything arrives already cut to size
// by the worker, so these functions only walk small trees. Collections are collapsible
// `<details>`, tensors are tables with their shape, plots are handed to Observable Plot.

import type { CellError } from '../../runtime/cell-error.ts';
import type { LogEntry, Shown } from '../../runtime/shown.ts';
import { renderPlot } from './render-plot.ts';
import { formatCount } from '../shared/graph/number-format.ts';

/** Formats a number for reading: integers whole, others to six significant digits, without trailing zeros. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e9) return String(Number(value.toPrecision(6)));
  return value.toExponential(4).replace(/\.?0+e/, 'e');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function more(count: number, what: string): HTMLElement {
  return element('span', 'v-more', `… ${formatCount(count)} more ${what}`);
}

/** A one-line preview of a value, used in collapsed summaries and inside console lines. */
export function preview(value: Shown, budget = 60): string {
  switch (value.kind) {
    case 'number':
      return formatNumber(value.value);
    case 'string':
      return JSON.stringify(value.value.length > budget ? `${value.value.slice(0, budget)}…` : value.value);
    case 'literal':
    case 'cut':
      return value.text;
    case 'function':
      return `ƒ ${value.name}()`;
    case 'error':
      return `${value.name}: ${value.message}`;
    case 'plot':
      return 'plot';
    case 'tensor':
      return `Tensor [${value.shape.join(', ')}]`;
    case 'list': {
      const parts = joinPreview(value.items.map((item) => preview(item, 12)), budget, value.omitted);
      return `${value.name === 'Array' ? '' : `${value.name}(${value.length}) `}[${parts}]`;
    }
    case 'record': {
      const parts = joinPreview(value.entries.map(([key, item]) => `${key}: ${preview(item, 12)}`), budget, value.omitted);
      return `${value.name === 'Object' ? '' : `${value.name} `}{${parts}}`;
    }
  }
}

function joinPreview(parts: string[], budget: number, omitted: number): string {
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const next = text ? `${text}, ${parts[i]}` : parts[i];
    if (next.length > budget) return `${text}, …`;
    text = next;
  }
  return omitted > 0 ? `${text}, …` : text;
}

/** Draws a value; `open` expands a top-level collection. */
export function renderValue(value: Shown, open = false): HTMLElement {
  switch (value.kind) {
    case 'number':
      return element('span', 'v-number', formatNumber(value.value));
    case 'string': {
      const node = element('span', 'v-string', JSON.stringify(value.value));
      if (value.omitted > 0) node.append(' ', more(value.omitted, 'characters'));
      return node;
    }
    case 'literal':
      return element('span', 'v-literal', value.text);
    case 'function':
      return element('span', 'v-function', `ƒ ${value.name}()`);
    case 'cut':
      return element('span', 'v-cut', value.text);
    case 'error':
      return element('span', 'v-error', `${value.name}: ${value.message}`);
    case 'tensor':
      return renderTensor(value);
    case 'plot': {
      const holder = element('div', 'v-plot');
      holder.setAttribute('aria-busy', 'true');
      renderPlot(value.spec, holder)
        .catch((error: unknown) => holder.replaceChildren(element('span', 'v-error', `The plot could not be drawn: ${error instanceof Error ? error.message : String(error)}`)))
        .finally(() => holder.removeAttribute('aria-busy'));
      return holder;
    }
    case 'list':
    case 'record':
      return renderCollection(value, open);
  }
}

function renderCollection(value: Extract<Shown, { kind: 'list' | 'record' }>, open: boolean): HTMLElement {
  const details = element('details', 'v-collection');
  details.open = open;
  const summary = element('summary', undefined, value.kind === 'list' ? `${value.name}(${value.length}) ${preview(value).replace(/^\S+\(\d+\) /, '')}` : preview(value));
  details.append(summary);
  const list = element('ol', 'v-entries');
  const rows: [string, Shown][] = value.kind === 'list' ? value.items.map((item, index) => [String(index), item]) : value.entries;
  for (const [key, item] of rows) {
    const row = element('li');
    row.append(element('span', 'v-key', `${key}: `), renderValue(item));
    list.append(row);
  }
  if (value.omitted > 0) {
    const last = element('li', 'v-omitted');
    last.append(more(value.omitted, value.kind === 'list' ? 'items' : 'entries'));
    list.append(last);
  }
  details.append(list);
  return details;
}

function renderTensor(value: Extract<Shown, { kind: 'tensor' }>): HTMLElement {
  const figure = element('figure', 'v-tensor');
  const caption = element('figcaption', undefined, `Tensor, shape [${value.shape.join(', ')}]${value.requiresGrad ? ', requires grad' : ''}`);
  figure.append(caption);
  const scroller = element('div', 'table-scroll');
  const table = element('table');
  const body = element('tbody');
  for (const row of value.rows) {
    const tr = element('tr');
    for (const cell of row) tr.append(element('td', undefined, formatNumber(cell)));
    if (value.columnsOmitted > 0) tr.append(element('td', 'v-more', `… ${value.columnsOmitted}`));
    body.append(tr);
  }
  table.append(body);
  scroller.append(table);
  figure.append(scroller);
  if (value.rowsOmitted > 0) figure.append(element('p', 'cell-note', `… ${formatCount(value.rowsOmitted)} more rows`));
  if (value.grad) {
    const grad = element('div', 'v-grad');
    grad.append(element('span', 'v-key', 'grad: '), renderValue(value.grad));
    figure.append(grad);
  }
  return figure;
}

/** Draws one console line: strings as they are, other values as previews that expand. */
export function renderLog(entry: LogEntry): HTMLElement {
  const line = element('div', `log log-${entry.level}`);
  if (entry.level === 'warn' || entry.level === 'error') line.append(element('span', 'visually-hidden', `${entry.level === 'warn' ? 'Warning' : 'Error'}: `));
  entry.args.forEach((arg, index) => {
    if (index > 0) line.append(' ');
    if (arg.kind === 'string') line.append(arg.value, ...(arg.omitted > 0 ? [' ', more(arg.omitted, 'characters')] : []));
    else line.append(renderValue(arg));
  });
  return line;
}

/** Draws a run's error with its place in the cell, or in the earlier cell whose function threw. */
export function renderError(error: CellError, describeRun: (runId: number) => string): HTMLElement {
  const box = element('div', `cell-error cell-error-${error.kind}`);
  // A stop's message already begins "Stopped …"; a title would say it twice ("Stopped: Stopped after 5 s").
  if (error.name || (error.kind !== 'timeout' && error.kind !== 'stopped')) box.append(element('strong', undefined, error.name || 'Kernel'), ': ');
  box.append(error.message);
  if (error.line !== undefined) {
    const where = error.runId !== undefined ? `${describeRun(error.runId)}, ` : '';
    box.append(' ', element('span', 'cell-error-place', `(${where}line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''})`));
  }
  return box;
}
