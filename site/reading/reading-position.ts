// Where the reader last was: the lesson and the section heading in view, saved in localStorage as the reader scrolls
// (lesson-progress.ts) and read back by the home page's "Continue where you left off" (continue-panel.ts). Saved data
// is hostile: anything that is not such a position (bad JSON, wrong types, absurd lengths) reads as none, never a crash.

/** The localStorage key of the last-read position. */
export const LAST_READ_KEY = 'neural-notebook:last-read';

/** A reading position: a lesson's slug and the anchor of the section heading in view. */
export interface ReadingPosition {
  /** The lesson's slug, such as `backprop`. */
  lesson: string;
  /** The anchor of the section heading in view, such as `checking-a-gradient`. */
  section: string;
}

const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The longest lesson slug or anchor a position may hold: far beyond any heading, short enough to never cost anything. */
const MAX_LENGTH = 200;

function isAnchor(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_LENGTH && !/[\s\u0000-\u001f\u007f#]/.test(value);
}

/** The position saved as `text`, or null when there is none or it is not one. Never throws. */
export function parseReadingPosition(text: string | null): ReadingPosition | null {
  if (text === null || text.length > 4 * MAX_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const { lesson, section } = data as Record<string, unknown>;
  if (typeof lesson !== 'string' || lesson.length > MAX_LENGTH || !LESSON_ID.test(lesson) || !isAnchor(section)) return null;
  return { lesson, section };
}

/** The text a position is saved as. */
export function serialiseReadingPosition(position: ReadingPosition): string {
  return JSON.stringify({ lesson: position.lesson, section: position.section });
}

/**
 * The section being read: the last of `tops` (each heading's distance from the top of the viewport, in document
 * order) at or above `line`, a point partway down the viewport; -1 while the reader is above the first heading.
 */
export function sectionInView(tops: readonly number[], line: number): number {
  let index = -1;
  for (const [i, top] of tops.entries()) {
    if (top <= line) index = i;
    else break;
  }
  return index;
}
