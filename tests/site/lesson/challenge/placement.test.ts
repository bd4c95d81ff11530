// The challenges a lesson's MDX places (site/lesson/challenge/placement.ts), for the exercises page's lists.

import { expect, test } from 'vitest';
import { challengesIn, readLiteral } from '../../../../site/lesson/challenge/placement.ts';

test('every <Challenge> is found with its id, title, line and literal props; examples in code and comments are not', () => {
  const source = [
    '# A lesson',
    '<Challenge id="xor-linear" title="Solve XOR > quickly" preset={{ data: \'xor\', layers: [] }} goal={{ testAccuracy: { atLeast: 0.95 }, hiddenUnits: { atMost: 0 }, }}>',
    'Prose.',
    '</Challenge>',
    '```mdx',
    '<Challenge id="example" title="Not placed" goal={{ testLoss: { below: 1 } }} />',
    '```',
    '{/* <Challenge id="hidden" title="Not yet" goal={{ testLoss: { below: 1 } }} /> */}',
    '<Challenge',
    '  id="spiral-small"',
    "  title='A small spiral'",
    '  goal={{ inputs: { only: [\'x1\', \'x2\'] } }}',
    '/>',
  ].join('\n');
  expect(challengesIn(source)).toEqual([
    { id: 'xor-linear', title: 'Solve XOR > quickly', preset: { data: 'xor', layers: [] }, goal: { testAccuracy: { atLeast: 0.95 }, hiddenUnits: { atMost: 0 } }, line: 2 },
    { id: 'spiral-small', title: 'A small spiral', preset: undefined, goal: { inputs: { only: ['x1', 'x2'] } }, line: 9 },
  ]);
});

test('a literal that is not plain data reads as undefined, not as a crash', () => {
  expect(readLiteral("{ data: 'xor', n: 2 }")).toEqual({ data: 'xor', n: 2 });
  expect(readLiteral('{ data: someVariable }')).toBeUndefined();
  expect(readLiteral("{ note: 'it\\'s' }")).toEqual({ note: "it's" });
});
