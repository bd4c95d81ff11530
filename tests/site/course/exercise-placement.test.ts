import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { exerciseIds } from '../../../exercises/index.ts';
import { chapterOf, exercisesOfChapter, placeExercises, placementsIn, PRACTICE } from '../../../site/course/exercise-placement.ts';
import { isChapterFile, lessonIdFromFile } from '../../../site/course/lesson-files.ts';

const lesson = (id: string, source: string) => ({ id, file: `lessons/${id}.mdx`, source });

test('an exercise is in the chapter whose lesson places it, and one placed nowhere is practice', () => {
  const placements = placeExercises([lesson('perceptron', 'Text\n\n<Exercise id="b" />\n\n<Exercise id="a"/>\n'), lesson('mlp', '<Exercise id="c" />')]);
  expect(chapterOf('a', placements)).toBe('perceptron');
  expect(chapterOf('c', placements)).toBe('mlp');
  expect(chapterOf('d', placements)).toBe(PRACTICE);
  // A lesson's exercises come in the order it places them; practice keeps the course's order.
  expect(exercisesOfChapter('perceptron', ['a', 'b', 'c', 'd', 'e'], placements)).toEqual(['b', 'a']);
  expect(exercisesOfChapter(PRACTICE, ['e', 'a', 'd'], placements)).toEqual(['e', 'd']);
});

test('an exercise placed twice fails with both files and lines named, the earlier file first whatever the load order', () => {
  const here = { id: 'perceptron', file: 'lessons/01-perceptron.mdx', source: 'x\n<Exercise id="a" />' };
  const again = { id: 'mlp', file: 'lessons/03-mlp.mdx', source: '\n\n<Exercise id="a" />' };
  const message = '<Exercise id="a"> is placed twice, in lessons/01-perceptron.mdx:2 and in lessons/03-mlp.mdx:3';
  expect(() => placeExercises([here, again])).toThrow(message);
  expect(() => placeExercises([again, here])).toThrow(message);
});

test('a tag inside a fenced code block is an example, not a placement', () => {
  expect(placementsIn(lesson('x', '```mdx\n<Exercise id="a" />\n```\n<Exercise id=\'b\' />')).map((p) => [p.exercise, p.line])).toEqual([['b', 4]]);
});

test('a tag inside an MDX comment is not on the page, so it is not a placement', () => {
  const source = 'a\n{/* PLACE: <Exercise id="later" /> */}\n{/*\n<Exercise id="also-later" />\n*/}\n<Exercise id="b" />';
  expect(placementsIn(lesson('x', source)).map((p) => [p.exercise, p.line])).toEqual([['b', 6]]);
});

test("the course's lessons place each exercise at most once, and every chapter count adds up to the course's exercises", () => {
  const dir = new URL('../../../lessons/', import.meta.url);
  const lessons = readdirSync(dir)
    .filter(isChapterFile)
    .map((name) => ({ id: lessonIdFromFile(name), file: `lessons/${name}`, source: readFileSync(new URL(name, dir), 'utf8') }));
  const placements = placeExercises(lessons);
  expect([...placements.keys()].every((id) => exerciseIds().includes(id))).toBe(true);
  const chapters = [PRACTICE, ...lessons.map((l) => l.id)];
  expect(chapters.flatMap((chapter) => exercisesOfChapter(chapter, exerciseIds(), placements)).sort()).toEqual(exerciseIds().sort());
  expect(exercisesOfChapter('perceptron', exerciseIds(), placements)).toEqual(['perceptron-update', 'perceptron-separable']);
});
