import { describe, expect, test } from 'vitest';
import { nextUnsolved, resolvePosition, type CourseOutline } from '../../../site/reading/continue-reading.ts';

const outline: CourseOutline = {
  chapters: [
    { id: 'perceptron', title: 'The perceptron', number: 1, sections: [{ id: 'the-model', title: 'The model', line: 10 }, { id: 'xor', title: 'XOR', line: 50 }] },
    { id: 'backprop', title: 'Backpropagation', number: 2, sections: [{ id: 'chain-rule', title: 'The chain rule', line: 5 }, { id: 'checking', title: 'Checking a gradient', line: 80 }] },
  ],
  exercises: [
    { id: 'update', title: 'Update', chapter: 'perceptron', line: 30, href: '/lessons/perceptron/#exercise-update-title' },
    { id: 'separable', title: 'Separable', chapter: 'perceptron', line: 60, href: '/lessons/perceptron/#exercise-separable-title' },
    { id: 'sigmoid', title: 'Sigmoid', chapter: 'backprop', line: 20, href: '/lessons/backprop/#exercise-sigmoid-title' },
    { id: 'check', title: 'Check', chapter: 'backprop', line: 90, href: '/lessons/backprop/#exercise-check-title' },
    { id: 'extra', title: 'Extra', chapter: 'practice', line: 0, href: '/practice/#exercise-extra-title' },
  ],
};
const none = () => false;
const solvedOf = (...ids: string[]) => (id: string) => ids.includes(id);
const at = (lesson: string, section: string) => resolvePosition(outline, { lesson, section });

describe('continue where you left off', () => {
  test('a saved position resolves to its chapter and section; one the course does not have resolves to none', () => {
    expect(at('backprop', 'checking')).toEqual({ chapter: outline.chapters[1], section: outline.chapters[1].sections[1] });
    expect(at('backprop', 'a-section-since-renamed')).toBeNull();
    expect(at('a-dropped-chapter', 'the-model')).toBeNull();
    expect(resolvePosition(outline, null)).toBeNull();
  });

  test('the next exercise is the first unsolved one after the section being read, its own section included', () => {
    expect(nextUnsolved(outline, at('perceptron', 'the-model'), none)?.id).toBe('update');
    expect(nextUnsolved(outline, at('perceptron', 'xor'), none)?.id).toBe('separable');
    expect(nextUnsolved(outline, at('perceptron', 'xor'), solvedOf('separable'))?.id).toBe('sigmoid');
    expect(nextUnsolved(outline, at('backprop', 'chain-rule'), solvedOf('sigmoid'))?.id).toBe('check');
  });

  test('after the last chapter come the practice exercises, and then the course wraps to its first unsolved one', () => {
    expect(nextUnsolved(outline, at('backprop', 'checking'), solvedOf('check'))?.id).toBe('extra');
    expect(nextUnsolved(outline, at('backprop', 'checking'), solvedOf('check', 'extra'))?.id).toBe('update');
  });

  test('without a position the first unsolved exercise of the course is next, and none once all are solved', () => {
    expect(nextUnsolved(outline, null, solvedOf('update'))?.id).toBe('separable');
    expect(nextUnsolved(outline, at('perceptron', 'the-model'), solvedOf('update', 'separable', 'sigmoid', 'check', 'extra'))).toBeUndefined();
  });
});
