// What a page shares with the components it renders while the site is built.

declare namespace App {
  /** Per-page values, set by the page before its content renders. */
  interface Locals {
    /** The lesson file the page renders (e.g. "lessons/02-activations.mdx"), so a component's prop error can name it. */
    lessonFile?: string;
  }
}

/** The course configuration's selection for this build (site/course/course-integration.ts), or null for the whole course. */
declare module 'virtual:course-selection' {
  const selection: import('./course/course-config.ts').CourseSelection | null;
  export default selection;
}
