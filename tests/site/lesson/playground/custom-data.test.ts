// The student's own data (site/lesson/playground/custom-data.ts): the CSV reader names every bad line and never throws,
// the URL form gives back exactly the points, and storage that fails or holds garbage is ignored with a message.

import { describe, expect, test } from 'vitest';
import {
  MAX_CSV_CHARS,
  MAX_POINTS,
  STORED_MARKER,
  URL_POINTS_LIMIT,
  checkPoints,
  customClasses,
  customDataset,
  customDomain,
  decodePoints,
  encodePoints,
  loadPoints,
  nearestPoint,
  parseCsv,
  pointsParam,
  pointsUrlValue,
  samePoints,
  storageKey,
  storePoints,
  summarizeErrors,
  toCsv,
  validPoints,
  validRowsLoadable,
  type CustomPoint,
  type PointStorage,
} from '../../../../site/lesson/playground/custom-data.ts';
import { Random } from '../../../../engine/index.ts';
import { needsRestart, normalizeState } from '../../../../site/lesson/playground/state.ts';

/** A Map-backed storage, optionally one that refuses every call as a browser with storage turned off does. */
function memoryStorage(refuse = false): PointStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const check = () => {
    if (refuse) throw new DOMException('denied', 'SecurityError');
  };
  return {
    map,
    getItem: (key) => (check(), map.get(key) ?? null),
    setItem: (key, value) => (check(), void map.set(key, value)),
    removeItem: (key) => (check(), void map.delete(key)),
  };
}

function randomPoints(n: number, seed: number, half = 3): CustomPoint[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => ({
    x: Math.round((rng.next() * 2 - 1) * half * 1000) / 1000,
    y: Math.round((rng.next() * 2 - 1) * half * 1000) / 1000,
    label: Math.floor(rng.next() * 5),
  }));
}

describe('parseCsv', () => {
  test('reads x,y,label lines with a header, a byte-order mark, CRLF, blank lines and comments', () => {
    const read = parseCsv('\ufeffx,y,label\r\n-1.5,2,0\r\n\r\n# a comment\r\n0.25,-0.125,1\r\n3e-1, .5 ,4\r\n');
    expect(read.errors).toEqual([]);
    expect(read.points).toEqual([
      { x: -1.5, y: 2, label: 0 },
      { x: 0.25, y: -0.125, label: 1 },
      { x: 0.3, y: 0.5, label: 4 },
    ]);
  });

  test("reads ';' and tab separators, and keeps coordinates to three decimals", () => {
    expect(parseCsv('1;2;0\n3;4;1').points).toEqual([{ x: 1, y: 2, label: 0 }, { x: 3, y: 4, label: 1 }]);
    expect(parseCsv('1\t2\t0\n3\t4\t1').points).toHaveLength(2);
    expect(parseCsv('0.12345,1,0\n2,-0.98765,1').points).toEqual([{ x: 0.123, y: 1, label: 0 }, { x: 2, y: -0.988, label: 1 }]);
  });

  test('names each bad line: not a number, a bad label, the wrong number of values, NaN and Infinity', () => {
    const text = ['x,y,label', '0,0,0', '1,1', 'abc,1,0', '1,2,1', '1,1,1', '2,2,9', 'NaN,1,0', '1,Infinity,1', '1,2,0.5', '1e999,0,1', ',1,0'].join('\n');
    const read = parseCsv(text);
    expect(read.errors).toEqual([
      'line 3: expected 3 values (x,y,label), found 2',
      "line 4: 'abc' is not a number",
      'line 7: label 9 is not 0-4',
      "line 8: 'NaN' is not a finite number",
      "line 9: 'Infinity' is not a finite number",
      'line 10: label 0.5 is not 0-4',
      "line 11: '1e999' is not a finite number",
      'line 12: an empty value where a number belongs',
    ]);
    expect(read.badLines).toBe(8);
    expect(read.points).toEqual([{ x: 0, y: 0, label: 0 }, { x: 1, y: 2, label: 1 }, { x: 1, y: 1, label: 1 }]);
    expect(validRowsLoadable(read)).toBe(true);
  });

  test('says how to write decimals when a comma was used for them, and refuses far-away points', () => {
    expect(parseCsv('1,5;2;0\n1;1;1').errors).toEqual(["line 1: '1,5' is not a number (write decimals with a point: 1.5)"]);
    expect(parseCsv('0,0,0\n500,0,1').errors).toEqual(['line 2: (500, 0) lies outside -100 to 100']);
  });

  test('a file with no points, only a header, or a single class is refused with a message', () => {
    expect(parseCsv('').errors).toEqual(['the file is empty']);
    expect(parseCsv('\n\r\n  \n').errors).toEqual(['the file is empty']);
    expect(parseCsv('x,y,label\n').errors).toEqual(['no points: the file holds only a header']);
    const single = parseCsv('0,0,2\n1,1,2');
    expect(single.errors).toEqual(['every point is class 2: give points of at least two classes']);
    expect(single.badLines).toBe(0);
    // Valid rows of a single class are not offered on their own.
    expect(validRowsLoadable(parseCsv('0,0,1\nzz,1,0'))).toBe(false);
  });

  test('too many points, a huge text and binary data are refused without reading further', () => {
    const many = Array.from({ length: MAX_POINTS + 1 }, (_, i) => `${(i % 50) / 10},${i % 7},${i % 2}`).join('\n');
    expect(parseCsv(many).errors).toEqual([`too many points: 2,001 (at most 2,000)`]);
    const huge = parseCsv('1,1,0\n'.repeat(MAX_CSV_CHARS / 6 + 10));
    expect(huge.points).toEqual([]);
    expect(huge.errors[0]).toMatch(/^the file is too large: [\d,]+ characters/);
    expect(parseCsv('PK\u0003\u0004\u0000\u0000binary').errors).toEqual(['this is not a text CSV file: it holds binary data']);
    expect(parseCsv('1,1,0\n\ufffd\ufffd,1,1').errors).toEqual(['this is not a text CSV file: it holds binary data']);
  });

  test('never throws on hostile input', () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 200; trial++) {
      const text = Array.from({ length: Math.floor(rng.next() * 200) }, () => String.fromCharCode(Math.floor(rng.next() * 0x3000))).join('');
      expect(() => parseCsv(text)).not.toThrow();
    }
    expect(() => parseCsv(undefined as unknown as string)).not.toThrow();
  });

  test('a CSV written by toCsv reads back as the same points', () => {
    const points = randomPoints(50, 3);
    expect(parseCsv(toCsv(points)).points).toEqual(points);
  });

  test('the report lists the first five problems, then how many more', () => {
    const errors = Array.from({ length: 8 }, (_, i) => `line ${i + 1}: bad`);
    expect(summarizeErrors(errors)).toEqual([...errors.slice(0, 5), 'and 3 more']);
    expect(summarizeErrors(errors.slice(0, 5))).toEqual(errors.slice(0, 5));
  });
});

describe('the points in the link and in storage', () => {
  test('the URL form gives back exactly the points, compactly and with only characters a query keeps', () => {
    const points = [...randomPoints(300, 1), { x: -100, y: 100, label: 0 }, { x: 0, y: -0, label: 4 }];
    const text = encodePoints(points);
    expect(text).toMatch(/^[0-9a-z._-]+$/);
    expect(new URLSearchParams({ p: text }).toString()).toBe(`p=${text}`);
    expect(decodePoints(text)).toEqual(points.map((p) => ({ ...p, y: p.y || 0 })));
    expect(text.length / points.length).toBeLessThan(11);
    expect(decodePoints('')).toEqual([]);
  });

  test('a damaged URL form decodes to null, never to wrong points', () => {
    for (const bad of ['zzz', '5ab.cd', '0ab', '0ab.cd_', '0a.b.c', '0zzzzzzz.0', '0' + (200_000).toString(36) + '.0', '0ab.cd_1x']) {
      expect(decodePoints(bad), bad).toBeNull();
    }
  });

  test('short point lists live in the link; long ones are marked as stored in this browser', () => {
    expect(pointsUrlValue([])).toBeNull();
    const few = randomPoints(20, 2);
    expect(pointsUrlValue(few)).toBe(encodePoints(few));
    const many = randomPoints(400, 2);
    expect(encodePoints(many).length).toBeGreaterThan(URL_POINTS_LIMIT);
    expect(pointsUrlValue(many)).toBe(STORED_MARKER);
    expect(pointsParam('playground')).toBe('playground-points');
    expect(storageKey('/lessons/mlp/', 'playground')).toBe('nn-playground-points:/lessons/mlp/:playground');
  });

  test('loading prefers the link, falls back to storage, and ignores damaged values with a message', () => {
    const storage = memoryStorage();
    const key = storageKey('/p/', 'playground');
    const mine = randomPoints(30, 5);
    expect(storePoints(storage, key, mine)).toBeNull();
    expect(loadPoints(null, storage, key)).toEqual({ points: mine, message: null });
    expect(loadPoints(STORED_MARKER, storage, key)).toEqual({ points: mine, message: null });
    const linked = randomPoints(3, 6);
    expect(loadPoints(encodePoints(linked), storage, key)).toEqual({ points: linked, message: null });
    expect(loadPoints('not points', storage, key)).toEqual({ points: [], message: 'The points in this link are damaged and were ignored.' });
    storage.map.set(key, '{"corrupt": true}');
    expect(loadPoints(null, storage, key)).toEqual({ points: [], message: 'The points stored in this browser were damaged and were ignored.' });
    expect(storePoints(storage, key, [])).toBeNull();
    expect(storage.map.has(key)).toBe(false);
    expect(loadPoints(null, storage, key)).toEqual({ points: [], message: null });
    expect(loadPoints(STORED_MARKER, storage, key).message).toMatch(/not stored here/);
  });

  test('a browser that refuses storage loses nothing but the fallback, with a message', () => {
    const refusing = memoryStorage(true);
    expect(loadPoints(null, refusing, 'k')).toEqual({ points: [], message: null });
    expect(storePoints(refusing, 'k', randomPoints(2, 1))).toMatch(/would not store/);
    expect(storePoints(null, 'k', randomPoints(2, 1))).toBeNull();
  });
});

describe('custom data helpers', () => {
  test('classes are the largest label + 1, at least two', () => {
    expect(customClasses([])).toBe(2);
    expect(customClasses([{ x: 0, y: 0, label: 0 }])).toBe(2);
    expect(customClasses([{ x: 0, y: 0, label: 3 }, { x: 1, y: 0, label: 1 }])).toBe(4);
  });

  test('the view is [-3, 3]², grown only for points outside it', () => {
    expect(customDomain([])).toEqual([-3, 3, -3, 3]);
    expect(customDomain([{ x: 2.5, y: -2.7, label: 0 }])).toEqual([-3, 3, -3, 3]);
    expect(customDomain([{ x: 4, y: 0, label: 0 }])).toEqual([-4.5, 4.5, -4.5, 4.5]);
  });

  test('checks, comparisons, nearest point and the engine dataset', () => {
    const points = [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 1 }];
    expect(checkPoints(points)).toBeNull();
    expect(checkPoints([])).toMatch(/no points/);
    expect(validPoints(points)).toBe(true);
    expect(validPoints([{ x: NaN, y: 0, label: 0 }])).toBe(false);
    expect(validPoints([{ x: 0, y: 0, label: 5 }])).toBe(false);
    expect(validPoints('points')).toBe(false);
    expect(samePoints(points, points.map((p) => ({ ...p })))).toBe(true);
    expect(samePoints(points, [points[0]])).toBe(false);
    expect(nearestPoint(points, 0.9, 0.8, 0.5)).toBe(1);
    expect(nearestPoint(points, 3, 3, 0.5)).toBe(-1);
    expect(customDataset(points)).toEqual({ x: [[0, 0], [1, 1]], y: [0, 1] });
  });
});

describe('a change of points restarts the run', () => {
  test('needsRestart: changed points restart custom data, and only custom data', () => {
    const custom = normalizeState({ data: 'custom' });
    const a = [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 1 }];
    const b = [...a, { x: 2, y: 2, label: 2 }];
    expect(needsRestart(custom, custom, a, a.map((p) => ({ ...p })))).toBe(false);
    expect(needsRestart(custom, custom, a, b)).toBe(true);
    expect(needsRestart(custom, { ...custom, lr: 0.1 }, a, a)).toBe(false);
    expect(needsRestart(custom, { ...custom, lr: 0.1 })).toBe(false);
    const circles = normalizeState({ data: 'circles' });
    expect(needsRestart(circles, circles, a, b)).toBe(false);
    expect(needsRestart(circles, custom, a, a)).toBe(true);
  });
});
