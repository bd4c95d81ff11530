// The student's own data for the playground: points of up to five classes, added by clicking the picture or loaded
// from a CSV file (x, y, label per line). Here are the CSV reader, with a clear message for every bad line and never a
// throw, the compact URL form that lets the points travel with a link, and the fallback to localStorage when that
// form would make the link too long. Plain TypeScript without the DOM, so the trainer, the page and the tests share it.

import type { Dataset } from '../../../engine/index.ts';
import { formatCount } from '../shared/graph/number-format.ts';

/** One of the student's points: its coordinates (kept to three decimals) and its class, 0 to 4. */
export interface CustomPoint {
  x: number;
  y: number;
  label: number;
}

/** The most points a student's dataset may hold. */
export const MAX_POINTS = 2000;
/** The largest class label: five classes, 0 to 4. */
export const MAX_LABEL = 4;
/** The largest |x| or |y| accepted: far-away points would squash the picture and overflow x². */
export const MAX_COORDINATE = 100;
/** The longest CSV text read, in characters (2,000 lines of generous width); a longer file is refused unread. */
export const MAX_CSV_CHARS = 200_000;
/** Half the side of the square the picture shows for custom data, unless loaded points lie outside it. */
export const CUSTOM_HALF = 3;
/** The longest URL form of the points kept in the link; longer ones live in localStorage. */
export const URL_POINTS_LIMIT = 1500;
/** The URL value saying "the points are in this browser's localStorage". */
export const STORED_MARKER = 'stored';
/** How many bad lines a report lists before "and N more". */
export const REPORTED_ERRORS = 5;

/** The result of reading a CSV text: the valid rows, and a message for each bad line or for the file as a whole. */
export interface CsvParse {
  /** The rows that read correctly (all of them load only when `errors` is empty). */
  points: CustomPoint[];
  /** One message per bad line ("line 4: 'abc' is not a number"), then any problem of the whole file. */
  errors: string[];
  /** The number of bad lines among the errors. */
  badLines: number;
}

/** A coordinate rounded to the three decimals the points are kept to (so the URL form gives back exactly the same). */
export const roundCoordinate = (value: number): number => Math.round(value * 1000) / 1000 || 0;

const quote = (text: string): string => `'${text.length > 24 ? `${text.slice(0, 24)}…` : text}'`;

/** A CSV field as a number, or the message saying why it is not one. */
function readNumber(field: string): number | string {
  const text = field.trim();
  if (text === '') return 'an empty value where a number belongs';
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) return `${quote(text)} is not a finite number`;
  if (/^[+-]?\d+,\d+$/.test(text)) return `${quote(text)} is not a number (write decimals with a point: ${text.replace(',', '.')})`;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return `${quote(text)} is not a number`;
  const value = Number(text);
  return Number.isFinite(value) ? value : `${quote(text)} is not a finite number`;
}

/** What is wrong with a whole set of points, or null if it can be trained on: none, too many, or one class only. */
export function checkPoints(points: readonly CustomPoint[]): string | null {
  if (points.length === 0) return 'no points: the CSV holds no rows of x,y,label';
  if (points.length > MAX_POINTS) return `too many points: ${formatCount(points.length)} (at most ${formatCount(MAX_POINTS)})`;
  const labels = new Set(points.map((point) => point.label));
  if (labels.size < 2) return `every point is class ${points[0].label}: give points of at least two classes`;
  return null;
}

/** Does this text look like binary data rather than text (NUL bytes, undecodable bytes, other control characters)? */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 4096));
}

/**
 * Reads a CSV text of `x,y,label` lines (an optional header line, a byte-order mark, CRLF or CR line ends, ';' or tab
 * separators and blank lines are all accepted). Never throws: every bad line gets a message naming it, as does a
 * problem of the whole file (empty, binary, too large, too many points, a single class).
 */
export function parseCsv(text: string): CsvParse {
  if (typeof text !== 'string') return { points: [], errors: ['the file could not be read as text'], badLines: 0 };
  if (text.length > MAX_CSV_CHARS) {
    return {
      points: [],
      errors: [`the file is too large: ${formatCount(text.length)} characters (at most ${formatCount(MAX_CSV_CHARS)}, about ${formatCount(MAX_POINTS)} points)`],
      badLines: 0,
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (looksBinary(body)) return { points: [], errors: ['this is not a text CSV file: it holds binary data'], badLines: 0 };
  const lines = body.split(/\r\n|\r|\n/);
  const points: CustomPoint[] = [];
  const errors: string[] = [];
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const separator = line.includes(';') ? ';' : line.includes('\t') && !line.includes(',') ? '\t' : ',';
    const fields = line.split(separator);
    const where = `line ${i + 1}`;
    // The first row that is not a number anywhere is a header (x,y,label or any names), read past once.
    if (!headerSeen && points.length === 0 && errors.length === 0 && fields.every((field) => typeof readNumber(field) === 'string')) {
      headerSeen = true;
      continue;
    }
    if (fields.length !== 3) {
      errors.push(`${where}: expected 3 values (x,y,label), found ${fields.length}`);
      continue;
    }
    const values = fields.map(readNumber);
    const bad = values.find((value): value is string => typeof value === 'string');
    if (bad !== undefined) {
      errors.push(`${where}: ${bad}`);
      continue;
    }
    const [x, y, label] = values as number[];
    if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
      errors.push(`${where}: (${fields[0].trim()}, ${fields[1].trim()}) lies outside -${MAX_COORDINATE} to ${MAX_COORDINATE}`);
      continue;
    }
    if (!Number.isInteger(label) || label < 0 || label > MAX_LABEL) {
      errors.push(`${where}: label ${fields[2].trim()} is not 0-${MAX_LABEL}`);
      continue;
    }
    points.push({ x: roundCoordinate(x), y: roundCoordinate(y), label });
  }
  const badLines = errors.length;
  // Problems of the whole file: nothing in it, too many points, or (when every line read) a single class.
  if (points.length === 0 && badLines === 0) errors.push(headerSeen ? 'no points: the file holds only a header' : 'the file is empty');
  else if (points.length > MAX_POINTS || (badLines === 0 && points.length > 0)) {
    const problem = checkPoints(points);
    if (problem !== null) errors.push(problem);
  }
  return { points, errors, badLines };
}

/** The report of a CSV with errors: the first few messages, then "and N more". */
export function summarizeErrors(errors: readonly string[], shown = REPORTED_ERRORS): string[] {
  if (errors.length <= shown) return [...errors];
  return [...errors.slice(0, shown), `and ${errors.length - shown} more`];
}

/** Whether a parse with bad lines still has valid rows worth loading on their own (enough of them, two classes). */
export function validRowsLoadable(parse: CsvParse): boolean {
  return parse.badLines > 0 && checkPoints(parse.points) === null;
}

/** The points as CSV text with a header, as a student could save and load again. */
export function toCsv(points: readonly CustomPoint[]): string {
  return ['x,y,label', ...points.map((p) => `${p.x},${p.y},${p.label}`)].join('\n');
}

/** The number of classes the points need: the largest label + 1, at least 2. */
export function customClasses(points: readonly CustomPoint[]): number {
  let largest = 1;
  for (const point of points) largest = Math.max(largest, point.label);
  return largest + 1;
}

/** The square the picture shows for custom data: [-3, 3]², grown (to a half-unit) only if points lie outside it. */
export function customDomain(points: readonly CustomPoint[]): [number, number, number, number] {
  let reach = 0;
  for (const point of points) reach = Math.max(reach, Math.abs(point.x), Math.abs(point.y));
  const half = reach * 1.1 > CUSTOM_HALF ? Math.ceil(reach * 1.1 * 2) / 2 : CUSTOM_HALF;
  return [-half, half, -half, half];
}

/** The points as an engine dataset: [x, y] rows and their labels. */
export function customDataset(points: readonly CustomPoint[]): Dataset {
  return { x: points.map((p) => [p.x, p.y]), y: points.map((p) => p.label) };
}

/** Whether a list of points is well formed: at most MAX_POINTS, finite coordinates in range, labels 0-4. */
export function validPoints(points: unknown): points is CustomPoint[] {
  return (
    Array.isArray(points) &&
    points.length <= MAX_POINTS &&
    points.every(
      (p) =>
        typeof p === 'object' && p !== null &&
        Number.isFinite(p.x) && Math.abs(p.x) <= MAX_COORDINATE &&
        Number.isFinite(p.y) && Math.abs(p.y) <= MAX_COORDINATE &&
        Number.isInteger(p.label) && p.label >= 0 && p.label <= MAX_LABEL,
    )
  );
}

/** Whether two lists hold the same points in the same order. */
export function samePoints(a: readonly CustomPoint[], b: readonly CustomPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y && p.label === b[i].label);
}

/** The index of the point nearest to (x, y) within `radius`, or -1. */
export function nearestPoint(points: readonly CustomPoint[], x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach((p, i) => {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

// The URL form: each point as its class digit, then x and y in thousandths, in base 36, split by '.', and the points
// joined by '_' — characters a query string keeps as they are, so 100 points take about 1,000 characters.
const POINT_FORM = /^([0-4])(-?[0-9a-z]{1,6})\.(-?[0-9a-z]{1,6})$/;

/** The compact URL form of the points ('' for none). */
export function encodePoints(points: readonly CustomPoint[]): string {
  const thousandths = (v: number) => Math.round(v * 1000).toString(36);
  return points.map((p) => `${p.label}${thousandths(p.x)}.${thousandths(p.y)}`).join('_');
}

/** The points of a URL form, or null if any part of it is not one (a corrupt or hand-edited link). */
export function decodePoints(text: string): CustomPoint[] | null {
  if (typeof text !== 'string') return null;
  if (text === '') return [];
  const parts = text.split('_');
  if (parts.length > MAX_POINTS) return null;
  const points: CustomPoint[] = [];
  for (const part of parts) {
    const match = POINT_FORM.exec(part);
    if (match === null) return null;
    const x = parseInt(match[2], 36) / 1000;
    const y = parseInt(match[3], 36) / 1000;
    if (!(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE)) return null;
    points.push({ x: x || 0, y: y || 0, label: Number(match[1]) });
  }
  return points;
}

/** The URL query parameter holding a playground's points, beside its settings' parameter. */
export const pointsParam = (param: string): string => `${param}-points`;

/** The localStorage key of a playground's points: the page and the parameter, so two playgrounds never share. */
export const storageKey = (page: string, param: string): string => `nn-playground-points:${page}:${param}`;

/** What the URL should hold for these points: nothing for none, their form, or the marker when that would be too long. */
export function pointsUrlValue(points: readonly CustomPoint[]): string | null {
  if (points.length === 0) return null;
  const encoded = encodePoints(points);
  return encoded.length > URL_POINTS_LIMIT ? STORED_MARKER : encoded;
}

/** The storage the points may live in: localStorage's getItem, setItem and removeItem. */
export type PointStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Saves the points under `key` (removes the entry for none); returns a message if the browser refused. */
export function storePoints(storage: PointStorage | null, key: string, points: readonly CustomPoint[]): string | null {
  if (storage === null) return null;
  try {
    if (points.length === 0) storage.removeItem(key);
    else storage.setItem(key, encodePoints(points));
    return null;
  } catch {
    return 'This browser would not store your points; copy the CSV to keep them.';
  }
}

/**
 * The points a page starts with: from the URL value if it holds them, else (no value, or the marker) from storage.
 * A corrupt value is ignored with a message, never a throw.
 */
export function loadPoints(urlValue: string | null, storage: PointStorage | null, key: string): { points: CustomPoint[]; message: string | null } {
  if (urlValue !== null && urlValue !== STORED_MARKER) {
    const points = decodePoints(urlValue);
    if (points !== null) return { points, message: null };
    return { points: [], message: 'The points in this link are damaged and were ignored.' };
  }
  let stored: string | null = null;
  try {
    stored = storage?.getItem(key) ?? null;
  } catch {
    stored = null;
  }
  if (stored === null) {
    return { points: [], message: urlValue === STORED_MARKER ? 'This link keeps its points in the browser that made it; they are not stored here.' : null };
  }
  const points = decodePoints(stored);
  if (points !== null) return { points, message: null };
  return { points: [], message: 'The points stored in this browser were damaged and were ignored.' };
}
