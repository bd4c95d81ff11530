// The reader's exercise progress in localStorage, in the versioned schema of
// `exercises/progress.ts`. Every change re-reads storage first, so two tabs never overwrite each
// other's work, and entries that fail validation stay set aside (and saved) until the reader
// exports or forgets them: never a crash, never silently lost.

import {
  emptyProgress,
  loadProgress,
  mergeProgress,
  serialiseProgress,
  type Progress,
  type ProgressProblem,
  type StudentIdentity,
} from '../../../exercises/progress.ts';
import { learnerSeedFor, newLearnerSeed } from '../../../exercises/learner-seed.ts';

/** The localStorage key of the progress document. */
export const PROGRESS_KEY = 'neural-notebook:progress';

/** The event dispatched on `window` after this page changed the saved progress. */
export const PROGRESS_CHANGE_EVENT = 'exercise-progress-change';

/** The parts of `Storage` the store uses, so tests can supply their own. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Saved progress: read, changed, imported and exported, validated on every read. */
export class ProgressStore {
  private memory: Progress = emptyProgress();
  /** Whether the browser refused to save (private mode, storage full), so progress lives only in this page. */
  unsaved = false;

  /**
   * Creates a store over `storage` that sets aside entries of exercises not in `knownIds`; without them (a page that
   * does not load the exercise catalogue, such as the Playground recording a challenge) every valid entry is kept.
   */
  constructor(
    private readonly knownIds: readonly string[] | undefined,
    private readonly storage: StorageLike | undefined = defaultStorage(),
  ) {}

  /** The saved progress and the problems found while reading it. */
  read(): { progress: Progress; problems: ProgressProblem[] } {
    let text: string | null = null;
    try {
      text = this.storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      this.unsaved = true;
    }
    if (text === null) return { progress: this.memory, problems: [] };
    const loaded = loadProgress(text, this.knownIds);
    this.memory = loaded.progress;
    return loaded;
  }

  /** Applies a change to the freshly read progress, saves it and returns it. */
  update(change: (progress: Progress) => Progress): Progress {
    const next = change(this.read().progress);
    this.write(next);
    return next;
  }

  /**
   * The learner's variant seed: the saved one, or, the first time (or when the saved one was unreadable and set aside), a
   * new one, saved at once so the learner sees the same numbers on every visit.
   */
  learnerSeed(): number {
    // A class student's seed is the one their identity fixes, whatever was saved (a seed drawn before they joined).
    const classSeed = this.classSeed();
    if (classSeed !== undefined) {
      if (this.read().progress.variantSeed !== classSeed) this.update((progress) => ({ ...progress, variantSeed: classSeed }));
      return classSeed;
    }
    const saved = this.read().progress.variantSeed;
    if (saved !== undefined) return saved;
    return this.update((progress) => (progress.variantSeed === undefined ? { ...progress, variantSeed: newLearnerSeed() } : progress)).variantSeed!;
  }

  /** The seed a class student's course code and student id fix, or undefined for a learner on their own. */
  classSeed(): number | undefined {
    const { student } = this.read().progress;
    return student === undefined ? undefined : learnerSeedFor(student.course, student.id);
  }

  /**
   * Joins a class (or changes course code or student id): the identity is saved with progress, and the variant seed
   * becomes the one it fixes, so the seeded exercises show this student's numbers. Saved answers are kept as they are.
   */
  joinClass(student: StudentIdentity): void {
    const identity = { course: student.course, id: student.id };
    this.update((progress) => ({ ...progress, student: identity, variantSeed: learnerSeedFor(identity.course, identity.id) }));
  }

  /** Merges an exported progress file into the saved one; returns how many exercises it held and what was wrong with it. */
  importText(text: string): { exercises: number; problems: ProgressProblem[] } {
    const imported = loadProgress(text, this.knownIds);
    const readable = Object.keys(imported.progress.exercises).length;
    if (imported.problems.some((problem) => problem.id === '*')) return { exercises: 0, problems: imported.problems };
    this.update((current) => mergeProgress(current, imported.progress));
    return { exercises: readable, problems: imported.problems };
  }

  /** The saved progress as the text of an export file. */
  exportText(): string {
    return serialiseProgress(this.read().progress);
  }

  /** Drops the entries set aside by validation (after the reader has had the chance to export them). */
  forgetRejected(): void {
    this.update((progress) => ({ ...progress, rejected: {} }));
  }

  private write(progress: Progress): void {
    this.memory = progress;
    try {
      this.storage?.setItem(PROGRESS_KEY, serialiseProgress(progress));
      this.unsaved = this.storage === undefined;
    } catch {
      this.unsaved = true;
    }
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(PROGRESS_CHANGE_EVENT));
  }
}

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading `localStorage` itself throws when the browser blocks storage for the site.
    return undefined;
  }
}

let pageStore: ProgressStore | undefined;

/** The page's one store, created on first use with the course's exercise ids. */
export function pageProgressStore(knownIds: readonly string[]): ProgressStore {
  pageStore ??= new ProgressStore(knownIds);
  return pageStore;
}
