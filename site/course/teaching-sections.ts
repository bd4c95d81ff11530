// Which lesson section teaches what an exercise's feedback recognises, declared once: per exercise the section that
// teaches it, and, where a misconception is taught elsewhere, that misconception's own section. A wrong answer's
// feedback links to it ("Read: The sigmoid"). Every target is `lesson#anchor`, the anchor being the id the built page
// gives the heading (heading-anchors.ts); `teachingProblems` finds a target that is not a heading of its lesson, an
// exercise without an entry and a misconception the exercise does not have. Exercise.astro fails the build on them
// and tests/site/course/teaching-sections.test.ts checks the whole table.

import { headingAnchors, headingText } from './heading-anchors.ts';

/** A section of a lesson: its id (the lesson's slug), `#`, and the heading's anchor. */
export type SectionRef = `${string}#${string}`;

/** The sections that teach one exercise. */
export interface TeachingEntry {
  /** The section that teaches the exercise: the link under any feedback not listed in `misconceptions`. */
  section: SectionRef;
  /** A misconception taught in a section of its own, by the misconception's id. */
  misconceptions?: Record<string, SectionRef>;
}

/** Every exercise's teaching sections, by exercise id. */
export const TEACHING_SECTIONS: Readonly<Record<string, TeachingEntry>> = {
  'perceptron-update': {
    section: 'perceptron#rosenblatts-learning-rule',
    misconceptions: {
      'tie-predicts-positive': 'perceptron#its-prediction',
      'tie-predicts-negative': 'perceptron#its-prediction',
      'moves-away': 'perceptron#why-the-update-helps',
      'bias-not-updated': 'perceptron#the-bias-is-a-weight-on-a-constant-input',
    },
  },
  'perceptron-separable': { section: 'perceptron#no-line-separates-xor' },
  'tanh-backward': {
    section: 'activations#tanh-is-a-sigmoid-stretched',
    misconceptions: { 'forgot-upstream': 'backprop#computation-graphs-and-error-signals' },
  },
  'relu-backward': { section: 'activations#the-rectified-linear-unit' },
  'mlp-forward': {
    section: 'mlp#a-worked-example',
    misconceptions: { 'examples-as-columns': 'mlp#as-matrices', 'bias-after-relu': 'mlp#as-sums' },
  },
  'count-parameters': { section: 'mlp#counting-parameters' },
  'mse-gradient': { section: 'losses#a-linear-output-and-squared-error' },
  'logistic-loss-gradient': { section: 'losses#its-gradient-is-ŷ--y' },
  'softmax-cross-entropy-backward': { section: 'losses#its-gradient-is-ŷ--y-1' },
  'sigmoid-backward': {
    section: 'backprop#computation-graphs-and-error-signals',
    misconceptions: { 'derivative-at-x': 'activations#the-sigmoid', 'sigmoid-not-derivative': 'activations#the-sigmoid' },
  },
  'two-two-one-by-hand': {
    section: 'backprop#a-two-layer-network-by-hand',
    misconceptions: { 'ignored-relu-gate': 'backprop#with-relu-hidden-units', 'relu-on-inputs': 'backprop#with-relu-hidden-units' },
  },
  'small-network-gradient': { section: 'backprop#with-relu-hidden-units' },
  'tanh-network-backward': { section: 'backprop#a-tanh-network-and-two-slips-in-the-notes' },
  'one-hidden-layer-quiz': {
    section: 'backprop#with-matrices-and-the-shapes',
    misconceptions: {
      'forgot-weight-penalty': 'regularisation#the-penalty-and-its-gradient',
      'penalised-biases': 'regularisation#the-penalty-and-its-gradient',
      'penalty-without-half': 'regularisation#the-penalty-and-its-gradient',
    },
  },
  'mlp-backward': { section: 'backprop#with-matrices-and-the-shapes' },
  'gradient-check': { section: 'backprop#checking-a-gradient' },
  'value-backward': {
    section: 'backprop#build-an-autograd-in-cells',
    misconceptions: { 'assigned-not-accumulated': 'backprop#many-variables-a-sum-over-paths' },
  },
  'critical-learning-rate': { section: 'optimization#on-a-quadratic-gradient-descent-is-a-linear-map' },
  'momentum-step': {
    section: 'optimization#a-heavy-ball',
    misconceptions: { 'notes-velocity': 'optimization#the-notes-notation-and-pytorchs' },
  },
  'nesterov-step': {
    section: 'optimization#nesterov-momentum',
    misconceptions: { 'plain-momentum': 'optimization#a-heavy-ball', 'notes-velocity': 'optimization#the-notes-notation-and-pytorchs' },
  },
  'adagrad-step': { section: 'optimization#adagrad' },
  'rmsprop-step': { section: 'optimization#rmsprop' },
  'adam-step': { section: 'optimization#adam' },
  'weight-decay-gradient': { section: 'regularisation#the-penalty-and-its-gradient' },
  'dropout-backward': { section: 'regularisation#the-mask-and-the-11--p-scaling' },
  'early-stopping-restore': { section: 'regularisation#early-stopping' },
  'sigmoid-shrinkage': { section: 'deep-networks#the-bound' },
  'he-init-variance': { section: 'deep-networks#keeping-the-variance-of-a-layers-output' },
};

/** A resolved link to a teaching section. */
export interface TeachingLink {
  /** The lesson's slug. */
  lesson: string;
  /** The heading's anchor. */
  anchor: string;
  /** The heading as the page shows it. */
  title: string;
}

/** What `teachingProblems` needs of a lesson: its slug and its MDX. */
export interface LessonText {
  id: string;
  source: string;
}

/** What `teachingProblems` needs of an exercise: its id and the ids of the misconceptions (or wrong options) it recognises. */
export interface ExerciseMisconceptions {
  id: string;
  misconceptions: readonly string[];
}

/** The section that teaches an exercise's misconception (its own section, else the exercise's), or undefined for an exercise with no entry. */
export function teachingSection(exerciseId: string, misconceptionId?: string, table = TEACHING_SECTIONS): SectionRef | undefined {
  const entry = Object.hasOwn(table, exerciseId) ? table[exerciseId] : undefined;
  if (entry === undefined) return undefined;
  const own = misconceptionId !== undefined && entry.misconceptions && Object.hasOwn(entry.misconceptions, misconceptionId) ? entry.misconceptions[misconceptionId] : undefined;
  return own ?? entry.section;
}

/** Resolves `lesson#anchor` against the lessons' headings; a message saying what is wrong when it does not resolve. */
export function resolveSection(ref: string, lessons: readonly LessonText[]): TeachingLink | string {
  const hash = ref.indexOf('#');
  const lessonId = hash < 0 ? ref : ref.slice(0, hash);
  const anchor = hash < 0 ? '' : ref.slice(hash + 1);
  const lesson = lessons.find((l) => l.id === lessonId);
  if (lesson === undefined) return `"${ref}" names no lesson "${lessonId}" (lessons: ${lessons.map((l) => l.id).join(', ')})`;
  const heading = headingAnchors(lesson.source).find((h) => h.id === anchor);
  if (heading === undefined) return `"${ref}" names no heading "#${anchor}" of lesson ${lessonId}`;
  return { lesson: lessonId, anchor, title: headingText(heading.text) };
}

/**
 * Everything wrong with the table against the lessons and the exercises: an exercise without an entry, an entry for
 * no exercise, a misconception the exercise does not recognise, and a target that is no heading of its lesson.
 */
export function teachingProblems(lessons: readonly LessonText[], exercises: readonly ExerciseMisconceptions[], table = TEACHING_SECTIONS): string[] {
  const problems: string[] = [];
  for (const exercise of exercises) {
    if (!Object.hasOwn(table, exercise.id)) problems.push(`exercise ${exercise.id} has no entry: add the section that teaches it`);
  }
  for (const [id, entry] of Object.entries(table)) {
    const exercise = exercises.find((e) => e.id === id);
    if (exercise === undefined) {
      problems.push(`${id} is no exercise`);
      continue;
    }
    const targets: [string, string][] = [[`${id}`, entry.section]];
    for (const [misconception, ref] of Object.entries(entry.misconceptions ?? {})) {
      if (!exercise.misconceptions.includes(misconception)) problems.push(`${id}: ${misconception} is not one of its misconceptions (${exercise.misconceptions.join(', ')})`);
      targets.push([`${id}, ${misconception}`, ref]);
    }
    for (const [what, ref] of targets) {
      const resolved = resolveSection(ref, lessons);
      if (typeof resolved === 'string') problems.push(`${what}: ${resolved}`);
    }
  }
  return problems;
}

/** One "Read:" link an exercise's page carries: for a misconception (`''` for the exercise's own section), where and what. */
export interface ExerciseTeachingLink {
  /** The misconception's id, or `''` for the link under any other feedback. */
  misconception: string;
  /** The section's address: `/lessons/<lesson>/#<anchor>`. */
  href: string;
  /** The heading as the page shows it. */
  title: string;
}

/**
 * The links an exercise's page carries: its own section's, and one per misconception taught elsewhere; none for a
 * section of a lesson the course leaves out or this build does not have (a site built from another lessons folder),
 * none for an exercise with no entry yet (the test insists on one). Throws, failing the build, when a target is no
 * heading of a lesson the build has, or names a misconception the exercise lacks. The unit test checks every target
 * against the repository's lessons.
 */
export function exerciseTeachingLinks(
  exerciseId: string,
  misconceptionIds: readonly string[],
  lessons: readonly LessonText[],
  inCourse: (lesson: string) => boolean,
  table = TEACHING_SECTIONS,
): ExerciseTeachingLink[] {
  if (!Object.hasOwn(table, exerciseId)) return [];
  const built = (ref: string) => lessons.some((lesson) => lesson.id === ref.slice(0, Math.max(0, ref.indexOf('#'))));
  const problems = teachingProblems(lessons, [{ id: exerciseId, misconceptions: misconceptionIds }], { [exerciseId]: table[exerciseId] })
    .filter((problem) => !/ names no lesson /.test(problem));
  if (problems.length > 0) throw new Error(`site/course/teaching-sections.ts: ${problems.join('; ')}`);
  const own = teachingSection(exerciseId, undefined, table)!;
  const links: ExerciseTeachingLink[] = [];
  for (const misconception of ['', ...misconceptionIds]) {
    const ref = misconception === '' ? own : teachingSection(exerciseId, misconception, table)!;
    if ((misconception !== '' && ref === own) || !built(ref)) continue;
    const link = resolveSection(ref, lessons) as TeachingLink;
    if (inCourse(link.lesson)) links.push({ misconception, href: `/lessons/${link.lesson}/#${link.anchor}`, title: link.title });
  }
  return links;
}
