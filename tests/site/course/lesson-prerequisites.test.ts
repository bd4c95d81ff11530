// An unknown prerequisite is reported with the file and the line (and column) that name it (issue 9).

import { describe, expect, test } from 'vitest';
import { checkPrerequisites, prerequisitePlace } from '../../../site/course/lesson-files.ts';

const flow = ['---', 'title: A', 'description: x', 'objectives: ["a"]', 'prerequisites: [perceptron, "from-mars"]', '---', 'body: from-mars', ''].join('\n');
const block = ['---', 'title: A', 'prerequisites:', '  - perceptron', "  - 'from-mars'", 'draft: false', '---', ''].join('\n');

describe('the prerequisite check', () => {
  test('finds a prerequisite in a flow list, quoted or bare', () => {
    expect(prerequisitePlace(flow, 'perceptron')).toEqual({ line: 5, column: 17 });
    expect(prerequisitePlace(flow, 'from-mars')).toEqual({ line: 5, column: 30 });
  });

  test('finds a prerequisite in a block list, and not a longer id that starts with it', () => {
    expect(prerequisitePlace(block, 'from-mars')).toEqual({ line: 5, column: 6 });
    expect(prerequisitePlace(block, 'perceptron')).toEqual({ line: 4, column: 5 });
    expect(prerequisitePlace(block, 'from')).toEqual({ line: 3, column: 1 });
  });

  test('names the file, line and column of an unknown prerequisite, and of a lesson naming itself', () => {
    const lessons = [
      { id: 'perceptron', file: 'lessons/01-perceptron.mdx', prerequisites: [] },
      { id: 'a', file: 'lessons/02-a.mdx', prerequisites: ['perceptron', 'from-mars'], source: flow },
      { id: 'b', file: 'lessons/03-b.mdx', prerequisites: ['b'], source: ['---', 'prerequisites: [b]', '---'].join('\n') },
    ];
    expect(() => checkPrerequisites(lessons)).toThrow(
      [
        'Lesson frontmatter:',
        'lessons/02-a.mdx:5:30: unknown prerequisite "from-mars" (known lessons: a, b, perceptron)',
        'lessons/03-b.mdx:2:17: a lesson cannot be its own prerequisite ("b")',
      ].join('\n'),
    );
  });

  test('known prerequisites pass', () => {
    expect(() => checkPrerequisites([{ id: 'perceptron', file: 'x', prerequisites: [] }, { id: 'a', file: 'y', prerequisites: ['perceptron'], source: flow }])).not.toThrow();
  });
});
