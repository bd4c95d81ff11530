// An exercise's chapter is where it is placed: the lesson whose MDX holds its `<Exercise id="…">`.
// An exercise placed in no lesson is a practice exercise (on /practice/); one placed twice fails the
// build with both places named, since a student's progress and the chapter counts need one home.

/** The chapter of the exercises no lesson places: the practice page. */
export const PRACTICE = 'practice';

/** A lesson's MDX as the placement scan needs it. */
export interface LessonSource {
  /** The lesson's id (its slug), such as `perceptron`. */
  id: string;
  /** The file, for messages: `lessons/01-perceptron.mdx`. */
  file: string;
  /** The MDX text. */
  source: string;
}

/** Where one exercise is placed: the lesson, and the file and line of its `<Exercise id>`. */
export interface ExercisePlacement {
  /** The exercise's id. */
  exercise: string;
  /** The lesson it is placed in. */
  lesson: string;
  /** The lesson's file. */
  file: string;
  /** The 1-based line of the `<Exercise>` tag. */
  line: number;
}

const EXERCISE_TAG = /<Exercise\b[^>]*?\bid\s*=\s*(["'])([^"']*)\1/g;
const FENCE = /^\s*(```|~~~)/;
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;

/** The source with every MDX comment `{/* … *\/}` blanked out, its line breaks kept so line numbers stay true. */
function withoutComments(source: string): string {
  return source.replace(MDX_COMMENT, (comment) => comment.replace(/[^\r\n]/g, ' '));
}

/**
 * Every `<Exercise id="…">` in a lesson, in the order written; tags inside fenced code blocks are examples, and tags
 * inside MDX comments (`{/* PLACE: <Exercise id="…" /> *\/}`, waiting to be uncommented) are not on the page, so
 * neither is a placement.
 */
export function placementsIn(lesson: LessonSource): ExercisePlacement[] {
  const found: ExercisePlacement[] = [];
  let fenced = false;
  withoutComments(lesson.source).split(/\r?\n/).forEach((text, index) => {
    if (FENCE.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const match of text.matchAll(EXERCISE_TAG)) found.push({ exercise: match[2], lesson: lesson.id, file: lesson.file, line: index + 1 });
  });
  return found;
}

/** Each placed exercise's one placement, by id; throws one error naming both places of every exercise placed twice. */
export function placeExercises(lessons: readonly LessonSource[]): Map<string, ExercisePlacement> {
  const placed = new Map<string, ExercisePlacement>();
  const problems: string[] = [];
  // In file order (01-…, 02-…), whatever order the lessons were loaded in, so a message names the earlier file first.
  const inFileOrder = [...lessons].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const placement of inFileOrder.flatMap(placementsIn)) {
    const first = placed.get(placement.exercise);
    if (first === undefined) placed.set(placement.exercise, placement);
    else {
      problems.push(
        `<Exercise id="${placement.exercise}"> is placed twice, in ${first.file}:${first.line} and in ${placement.file}:${placement.line}; ` +
          'an exercise belongs to one chapter, so keep one of them',
      );
    }
  }
  if (problems.length > 0) throw new Error(`Exercise placement:\n${problems.join('\n')}`);
  return placed;
}

/** The chapter of an exercise: the lesson that places it, or `practice` when none does. */
export function chapterOf(exerciseId: string, placements: ReadonlyMap<string, ExercisePlacement>): string {
  return placements.get(exerciseId)?.lesson ?? PRACTICE;
}

/** The ids of one chapter's exercises (a lesson's in the order it places them; practice's in `ids`' order). */
export function exercisesOfChapter(chapter: string, ids: readonly string[], placements: ReadonlyMap<string, ExercisePlacement>): string[] {
  if (chapter === PRACTICE) return ids.filter((id) => !placements.has(id));
  return [...placements.values()]
    .filter((placement) => placement.lesson === chapter && ids.includes(placement.exercise))
    .sort((a, b) => a.line - b.line)
    .map((placement) => placement.exercise);
}
