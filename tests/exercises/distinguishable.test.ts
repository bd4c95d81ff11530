import { describe, expect, test } from 'vitest';
import { slipsDistinguishable } from '../../exercises/distinguishable.ts';

describe('slipsDistinguishable: can each slip be recognised as itself?', () => {
  const right = { a: 1, b: 10 };

  test('slips wrong on different parts, each far from the right answer, are told apart', () => {
    expect(slipsDistinguishable(right, [{ a: 2, b: 10 }, { a: 1, b: 5 }])).toBe(true);
  });

  test('a slip within 2% of the right answer on a part it gets wrong is not', () => {
    expect(slipsDistinguishable(right, [{ a: 1.01, b: 10 }])).toBe(false);
    expect(slipsDistinguishable(right, [{ a: 1.03, b: 10 }])).toBe(true);
  });

  test('two slips that give the same wrong value of a part are not', () => {
    expect(slipsDistinguishable(right, [{ a: 2, b: 10 }, { a: 2, b: 20 }])).toBe(false);
    expect(slipsDistinguishable(right, [{ a: 2, b: 10 }, { a: 3, b: 20 }])).toBe(true);
  });

  test('a part a slip gets right (to 1e-12) needs no separation there', () => {
    expect(slipsDistinguishable(right, [{ a: 1 + 1e-13, b: 5 }, { a: 1, b: 20 }])).toBe(true);
  });

  test('the tolerance and the floors are the caller\'s: tiny numbers need a tiny floor', () => {
    const tiny = { g: 1e-20 };
    const slips = [{ g: 2e-20 }, { g: 2.01e-20 }];
    // Under the default floor of 1 these count as equal to the right answer, so there is nothing to tell apart;
    // measured at their own scale they differ from it by 100% but from each other by 0.5%: not distinguishable.
    expect(slipsDistinguishable(tiny, slips)).toBe(true);
    expect(slipsDistinguishable(tiny, slips, { apartFloor: 1e-300, sameFloor: 1e-300 })).toBe(false);
    expect(slipsDistinguishable(tiny, [{ g: 2e-20 }, { g: 3e-20 }], { apartFloor: 1e-300, sameFloor: 1e-300 })).toBe(true);
    expect(slipsDistinguishable(right, [{ a: 1.03, b: 10 }], { apart: 0.05 })).toBe(false);
  });
});
