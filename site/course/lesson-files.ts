// How lesson files map to ids, URLs and course order, and the cross-lesson checks the schema cannot make.

/** The lesson id of a file name: `01-perceptron.mdx` becomes `perceptron`. */
export function lessonIdFromFile(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** The course position of a file name: `01-perceptron.mdx` is 1; a file without a number sorts last. */
export function lessonOrderFromFile(file: string): number {
  const match = /(?:^|\/)(\d+)-[^/]+$/.exec(file);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** What the prerequisite check needs to know of one lesson. */
export interface LessonLinks {
  id: string;
  file: string;
  prerequisites: readonly string[];
}

/** Throws one error listing every prerequisite that names no lesson, or a lesson that names itself. */
export function checkPrerequisites(lessons: readonly LessonLinks[]): void {
  const ids = new Set(lessons.map((lesson) => lesson.id));
  const problems: string[] = [];
  for (const lesson of lessons) {
    for (const prerequisite of lesson.prerequisites) {
      if (prerequisite === lesson.id) problems.push(`${lesson.file}: a lesson cannot be its own prerequisite ("${prerequisite}")`);
      else if (!ids.has(prerequisite)) {
        problems.push(`${lesson.file}: unknown prerequisite "${prerequisite}" (known lessons: ${[...ids].sort().join(', ')})`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Lesson frontmatter:\n${problems.join('\n')}`);
}
