// How lesson files map to ids, URLs and course order, and the cross-lesson checks the schema cannot make.

/**
 * Whether a file of `lessons/` is a chapter: `NN-slug.mdx`, as the content collection takes them. Anything else there
 * (the authoring guide's example chapter, `examples/`) is not part of the course.
 */
export function isChapterFile(name: string): boolean {
  return /^\d+-.+\.mdx$/.test(name.split('/').pop() ?? name);
}

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
  /** The file's text, so a problem can name the line of the prerequisite; without it the file alone is named. */
  source?: string;
}

/** The 1-based line and column of prerequisite `id` in a lesson's frontmatter (flow `[a, b]` or block `- a` list), if found. */
export function prerequisitePlace(source: string, id: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  const key = lines.findIndex((line, index) => index > 0 && (end < 0 || index < end) && /^prerequisites\s*:/.test(line));
  if (key < 0) return undefined;
  // The id as a whole YAML scalar: bare, or in single or double quotes, bounded by the list's punctuation.
  const scalar = new RegExp(`(^|[\\s\\[,-])(['"]?)${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2(?=\\s*(,|\\]|#|$))`);
  for (let index = key; index < (end < 0 ? lines.length : end); index++) {
    const line = index === key ? lines[index].replace(/^prerequisites\s*:/, (match) => ' '.repeat(match.length)) : lines[index];
    // The list ends at the next top-level key.
    if (index > key && /^\S/.test(line)) break;
    const match = scalar.exec(line);
    if (match) return { line: index + 1, column: match.index + match[1].length + match[2].length + 1 };
  }
  return { line: key + 1, column: 1 };
}

/** Throws one error listing every prerequisite that names no lesson, or a lesson that names itself, each with its file and line. */
export function checkPrerequisites(lessons: readonly LessonLinks[]): void {
  const ids = new Set(lessons.map((lesson) => lesson.id));
  const problems: string[] = [];
  for (const lesson of lessons) {
    const at = (prerequisite: string) => {
      const place = lesson.source === undefined ? undefined : prerequisitePlace(lesson.source, prerequisite);
      return place ? `${lesson.file}:${place.line}:${place.column}` : lesson.file;
    };
    for (const prerequisite of lesson.prerequisites) {
      if (prerequisite === lesson.id) problems.push(`${at(prerequisite)}: a lesson cannot be its own prerequisite ("${prerequisite}")`);
      else if (!ids.has(prerequisite)) {
        problems.push(`${at(prerequisite)}: unknown prerequisite "${prerequisite}" (known lessons: ${[...ids].sort().join(', ')})`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Lesson frontmatter:\n${problems.join('\n')}`);
}
