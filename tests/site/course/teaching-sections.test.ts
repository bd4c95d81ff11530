import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { EXERCISES } from '../../../exercises/index.ts';
import { isChapterFile, lessonIdFromFile } from '../../../site/course/lesson-files.ts';
import { headingText } from '../../../site/course/heading-anchors.ts';
import { exerciseTeachingLinks, resolveSection, teachingProblems, teachingSection, TEACHING_SECTIONS, type LessonText } from '../../../site/course/teaching-sections.ts';

const lessons: LessonText[] = readdirSync('lessons')
  .filter(isChapterFile)
  .map((file) => ({ id: lessonIdFromFile(file), source: readFileSync(`lessons/${file}`, 'utf8') }));
const exercises = EXERCISES.map((exercise) => ({
  id: exercise.id,
  misconceptions: exercise.kind === 'choice' ? exercise.options.map((option) => option.id) : exercise.misconceptions.map((m) => m.id),
}));

describe('teaching sections', () => {
  test('every exercise has a teaching section, and every target is a heading of its lesson', () => {
    expect(teachingProblems(lessons, exercises)).toEqual([]);
  });

  test('a target that is no heading, a lesson that does not exist and a misconception the exercise lacks are each named', () => {
    const table = {
      'relu-backward': { section: 'activations#no-such-heading', misconceptions: { 'not-one-of-its-own': 'activations#the-sigmoid' } },
      'tanh-backward': { section: 'no-such-lesson#anything' },
      'not-an-exercise': { section: 'activations#the-sigmoid' },
    } as const;
    const problems = teachingProblems(lessons, exercises.filter((e) => e.id === 'relu-backward' || e.id === 'tanh-backward' || e.id === 'mse-gradient'), table);
    expect(problems).toEqual([
      'exercise mse-gradient has no entry: add the section that teaches it',
      'relu-backward: not-one-of-its-own is not one of its misconceptions (relu-of-upstream, inverted-mask, times-relu-value)',
      'relu-backward: "activations#no-such-heading" names no heading "#no-such-heading" of lesson activations',
      expect.stringMatching(/^tanh-backward: "no-such-lesson#anything" names no lesson "no-such-lesson" \(lessons: perceptron, /),
      'not-an-exercise is no exercise',
    ]);
  });

  test('a misconception taught elsewhere links there; any other feedback links to the exercise\'s section', () => {
    expect(teachingSection('sigmoid-backward', 'derivative-at-x')).toBe('activations#the-sigmoid');
    expect(teachingSection('sigmoid-backward', 'forgot-upstream')).toBe('backprop#computation-graphs-and-error-signals');
    expect(teachingSection('sigmoid-backward', 'sign')).toBe('backprop#computation-graphs-and-error-signals');
    expect(teachingSection('no-such-exercise', 'x')).toBeUndefined();
    // An id that is a property of every object is not an entry.
    expect(teachingSection('constructor')).toBeUndefined();
    expect(teachingSection('sigmoid-backward', 'constructor')).toBe(TEACHING_SECTIONS['sigmoid-backward'].section);
  });

  test('a section resolves to the heading as the page shows it', () => {
    expect(resolveSection('losses#its-gradient-is-ŷ--y-1', lessons)).toEqual({ lesson: 'losses', anchor: 'its-gradient-is-ŷ--y-1', title: 'Its gradient is ŷ − y' });
    expect(resolveSection('activations#the-sigmoid', lessons)).toEqual({ lesson: 'activations', anchor: 'the-sigmoid', title: 'The sigmoid' });
  });
});

describe('heading text', () => {
  test('reads as the built page shows it: quotes curled, Markdown dropped', () => {
    expect(headingText("Rosenblatt's learning rule")).toBe('Rosenblatt’s learning rule');
    expect(headingText("The notes' notation and PyTorch's")).toBe('The notes’ notation and PyTorch’s');
    expect(headingText('Why `relu` and *not* "step"')).toBe('Why relu and not “step”');
  });
});

describe('an exercise\'s teaching links', () => {
  test('are its own section\'s and one per misconception taught elsewhere, none in a lesson the course leaves out', () => {
    const ids = exercises.find((e) => e.id === 'sigmoid-backward')!.misconceptions;
    expect(exerciseTeachingLinks('sigmoid-backward', ids, lessons, () => true)).toEqual([
      { misconception: '', href: '/lessons/backprop/#computation-graphs-and-error-signals', title: 'Computation graphs and error signals' },
      { misconception: 'derivative-at-x', href: '/lessons/activations/#the-sigmoid', title: 'The sigmoid' },
      { misconception: 'sigmoid-not-derivative', href: '/lessons/activations/#the-sigmoid', title: 'The sigmoid' },
    ]);
    expect(exerciseTeachingLinks('sigmoid-backward', ids, lessons, (lesson) => lesson !== 'activations').map((link) => link.misconception)).toEqual(['']);
    expect(exerciseTeachingLinks('an-exercise-with-no-entry-yet', [], lessons, () => true)).toEqual([]);
  });

  test('are left out, without failing, for lessons a build does not have (a site built from another lessons folder)', () => {
    const ids = exercises.find((e) => e.id === 'sigmoid-backward')!.misconceptions;
    const onlyActivations = lessons.filter((lesson) => lesson.id === 'activations');
    expect(onlyActivations).toHaveLength(1);
    expect(exerciseTeachingLinks('sigmoid-backward', ids, onlyActivations, () => true).map((link) => link.href)).toEqual([
      '/lessons/activations/#the-sigmoid',
      '/lessons/activations/#the-sigmoid',
    ]);
    expect(exerciseTeachingLinks('sigmoid-backward', ids, [], () => true)).toEqual([]);
  });

  test('fail the build on a section that is no heading of its lesson', () => {
    const table = { 'relu-backward': { section: 'activations#a-heading-since-renamed' } } as const;
    expect(() => exerciseTeachingLinks('relu-backward', ['inverted-mask'], lessons, () => true, table)).toThrow(
      'site/course/teaching-sections.ts: relu-backward: "activations#a-heading-since-renamed" names no heading "#a-heading-since-renamed" of lesson activations',
    );
  });
});
