import { describe, expect, test } from 'vitest';
import { parseReadingPosition, sectionInView, serialiseReadingPosition } from '../../../site/reading/reading-position.ts';

describe('the saved reading position', () => {
  test('a saved position reads back as it was saved', () => {
    const position = { lesson: 'backprop', section: 'checking-a-gradient' };
    expect(parseReadingPosition(serialiseReadingPosition(position))).toEqual(position);
    expect(parseReadingPosition(serialiseReadingPosition({ lesson: 'losses', section: 'its-gradient-is-ŷ--y-1' }))).toEqual({ lesson: 'losses', section: 'its-gradient-is-ŷ--y-1' });
  });

  test('nothing saved, bad JSON and values of the wrong type read as no position', () => {
    for (const text of [null, '', '{', 'null', '42', '"backprop"', '[]', '{}', '{"lesson":1,"section":"a"}', '{"lesson":"backprop","section":["a"]}', '{"lesson":"backprop"}']) {
      expect(parseReadingPosition(text), String(text)).toBeNull();
    }
  });

  test('a lesson that is no slug, an empty, spaced or overlong section and a huge value read as no position', () => {
    const bad = [
      { lesson: '../../etc', section: 'a' },
      { lesson: 'Backprop', section: 'a' },
      { lesson: 'backprop', section: '' },
      { lesson: 'backprop', section: 'a b' },
      { lesson: 'backprop', section: 'a#b' },
      { lesson: 'backprop', section: 'x'.repeat(201) },
      { lesson: 'backprop', section: 'a\u0000' },
    ];
    for (const value of bad) expect(parseReadingPosition(JSON.stringify(value)), JSON.stringify(value)).toBeNull();
    expect(parseReadingPosition(`{"lesson":"backprop","section":"a","pad":"${'x'.repeat(5000)}"}`)).toBeNull();
  });

  test('extra fields are dropped, so only a lesson and a section ever come back', () => {
    expect(parseReadingPosition('{"lesson":"mlp","section":"as-sums","__proto__":{"polluted":true},"html":"<img>"}')).toEqual({ lesson: 'mlp', section: 'as-sums' });
  });
});

describe('the section in view', () => {
  test('is the last heading at or above the reading line', () => {
    expect(sectionInView([-900, -200, 120, 700], 400)).toBe(2);
    expect(sectionInView([-900, -200, 420, 700], 400)).toBe(1);
    expect(sectionInView([400], 400)).toBe(0);
  });

  test('is none while the reader is above the first heading, or the page has none', () => {
    expect(sectionInView([500, 900], 400)).toBe(-1);
    expect(sectionInView([], 400)).toBe(-1);
  });
});
