// The `plot` helper cells use in the worker. It mirrors Observable Plot's own API
// (`plot({marks: [plot.line(data, {x, y})], grid: true})`, or a single `plot.dot(...)`), but
// builds a serialisable description instead of an SVG: the page, which has a DOM, hands the
// description to Observable Plot. Channel functions such as `y: d => d.loss` cannot cross to the
// page, so they are evaluated here, over the data, into plain arrays.

/** The Observable Plot marks a cell may use; each takes (data, options), frame and the axes may take options alone. */
export const MARK_NAMES = [
  'area', 'areaX', 'areaY', 'arrow', 'axisX', 'axisY', 'barX', 'barY', 'cell', 'cellX', 'cellY', 'contour',
  'dot', 'dotX', 'dotY', 'frame', 'gridX', 'gridY', 'line', 'lineX', 'lineY', 'link', 'raster', 'rect', 'rectX',
  'rectY', 'ruleX', 'ruleY', 'text', 'textX', 'textY', 'tickX', 'tickY', 'vector',
] as const;

/** One of the mark names a cell may use. */
export type MarkName = (typeof MARK_NAMES)[number];

/** A mark as plain data: its name, its rows (or null), and options whose channels are names, constants or arrays. */
export interface MarkSpec {
  mark: MarkName;
  data: unknown[] | null;
  options: Record<string, unknown>;
}

/** A whole plot as plain data, ready for `Plot.plot` on the page. */
export interface PlotSpec {
  marks: MarkSpec[];
  options: Record<string, unknown>;
  /** How many data rows were left out to keep the plot fast. */
  omitted: number;
}

/** A mark built in a cell; return it (or pass it to `display`) to draw it alone, or combine marks with `plot({marks})`. */
export interface Mark {
  readonly mark: MarkName;
  /** Draws this mark alone with the given plot options, as Observable Plot's `mark.plot(options)`. */
  plot(options?: Record<string, unknown>): Plot;
}

/** A plot built in a cell; return it or pass it to `display` to draw it. */
export interface Plot {
  readonly marks: number;
}

/** The most rows one mark keeps; more would make an SVG too slow to draw and scroll. */
export const MAX_MARK_ROWS = 50_000;

const markSpecs = new WeakMap<object, MarkSpec & { omitted: number }>();
const plotSpecs = new WeakMap<object, PlotSpec>();

/** The plot description of a value built by the helper (a plot or a single mark), or undefined for anything else. */
export function plotSpecOf(value: unknown): PlotSpec | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const plot = plotSpecs.get(value);
  if (plot) return plot;
  const mark = markSpecs.get(value);
  if (mark) return { marks: [stripOmitted(mark)], options: {}, omitted: mark.omitted };
  return undefined;
}

type MarkBuilder = (data?: unknown, options?: Record<string, unknown>) => Mark;

/** The `plot` helper: call it with `{marks, ...options}` to combine marks; its properties build single marks. */
export type PlotHelper = ((options: Record<string, unknown> & { marks?: unknown[] }) => Plot) & Record<MarkName, MarkBuilder>;

/** Builds the `plot` helper cells find in their scope. */
export function createPlotHelper(): PlotHelper {
  const helper = ((options: Record<string, unknown> & { marks?: unknown[] }) => makePlot(options ?? {})) as PlotHelper;
  for (const name of MARK_NAMES) {
    helper[name] = (data?: unknown, options?: Record<string, unknown>) => makeMark(name, data, options);
  }
  return helper;
}

function makePlot(options: Record<string, unknown> & { marks?: unknown[] }): Plot {
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('plot: give it an options object, such as plot({marks: [plot.line(data, {x: "epoch", y: "loss"})]})');
  }
  const { marks = [], ...rest } = options;
  const specs: MarkSpec[] = [];
  let omitted = 0;
  for (const item of [marks].flat(Infinity as 1)) {
    if (item === null || item === undefined) continue;
    const spec = markSpecs.get(item as object);
    if (!spec) throw new TypeError('plot: every entry of marks must be made by the helper, such as plot.dot(data, {x, y})');
    specs.push(stripOmitted(spec));
    omitted += spec.omitted;
  }
  const plot: Plot = Object.freeze({ marks: specs.length });
  plotSpecs.set(plot, { marks: specs, options: plainOptions('plot', rest), omitted });
  return plot;
}

function makeMark(name: MarkName, data: unknown, options: Record<string, unknown> | undefined): Mark {
  // frame, grids and axes are often called with options only: frame({stroke: "gray"}).
  if (options === undefined && isOptionsOnly(name, data)) {
    options = data as Record<string, unknown>;
    data = undefined;
  }
  const rows = data === undefined || data === null ? null : plainRows(name, data);
  const kept = rows && rows.length > MAX_MARK_ROWS ? rows.slice(0, MAX_MARK_ROWS) : rows;
  const spec = {
    mark: name,
    data: kept,
    options: markOptions(name, options ?? {}, kept),
    omitted: rows && kept ? rows.length - kept.length : 0,
  };
  const mark: Mark = Object.freeze({ mark: name, plot: (plotOptions?: Record<string, unknown>) => makePlot({ ...(plotOptions ?? {}), marks: [mark] }) });
  markSpecs.set(mark, spec);
  return mark;
}

function isOptionsOnly(name: MarkName, data: unknown): boolean {
  const takesOptions = name === 'frame' || name.startsWith('grid') || name.startsWith('axis');
  return takesOptions && typeof data === 'object' && data !== null && !Array.isArray(data) && !isTensorLike(data);
}

// Rows become plain values the structured clone can carry: numbers, strings, flat arrays, flat records.
function plainRows(name: string, data: unknown): unknown[] {
  const rows = asArray(data);
  if (!rows) throw new TypeError(`plot.${name}: data must be an array, a typed array or a tensor`);
  return rows.map((row) => plainRow(row));
}

function plainRow(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return typeof row === 'function' ? undefined : row;
  if (row instanceof Date) return row;
  const array = asArray(row);
  if (array) return array.map((value) => (value === null || typeof value !== 'object' ? value : undefined));
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const value = (row as Record<string, unknown>)[key];
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || value instanceof Date) record[key] = value;
    else if (isTensorLike(value) && value.data.length === 1) record[key] = value.data[0];
  }
  return record;
}

function markOptions(name: string, options: Record<string, unknown>, rows: unknown[] | null): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`plot.${name}: options must be an object, such as {x: "epoch", y: "loss"}`);
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') {
      if (!rows) throw new TypeError(`plot.${name}: ${key} is a function, so the mark needs data to apply it to`);
      // A channel function runs here, on every row, because a function cannot be sent to the page.
      result[key] = rows.map((row, index) => plainRow((value as (row: unknown, index: number) => unknown)(row, index)));
    } else {
      const array = asArray(value);
      result[key] = array ? array.slice(0, MAX_MARK_ROWS).map(plainRow) : plainOptions(`plot.${name}`, value, key);
    }
  }
  return result;
}

// Plot-level options and nested mark options are plain data: numbers, strings, arrays, records.
function plainOptions(where: string, value: unknown, path = ''): Record<string, unknown> {
  return plainValue(where, value, path) as Record<string, unknown>;
}

function plainValue(where: string, value: unknown, path: string): unknown {
  if (typeof value === 'function') throw new TypeError(`${where}: ${path || 'an option'} cannot be a function here`);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const array = asArray(value);
  if (array) return array.map((item, index) => plainValue(where, item, `${path}[${index}]`));
  const record: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) record[key] = plainValue(where, item, path ? `${path}.${key}` : key);
  return record;
}

interface TensorLike {
  data: Float64Array;
  shape: number[];
}

function isTensorLike(value: unknown): value is TensorLike {
  return typeof value === 'object' && value !== null && (value as TensorLike).data instanceof Float64Array && Array.isArray((value as TensorLike).shape);
}

// Arrays as they are; typed arrays and other iterables copied; a tensor as numbers (1-D) or rows (2-D).
function asArray(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (isTensorLike(value)) {
    const values = Array.from(value.data);
    if (value.shape.length < 2) return values;
    const columns = value.shape[value.shape.length - 1];
    const rows: number[][] = [];
    for (let start = 0; start < values.length; start += columns) rows.push(values.slice(start, start + columns));
    return rows;
  }
  if (typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(value as Iterable<unknown>);
  }
  return undefined;
}

function stripOmitted(spec: MarkSpec & { omitted: number }): MarkSpec {
  return { mark: spec.mark, data: spec.data, options: spec.options };
}
