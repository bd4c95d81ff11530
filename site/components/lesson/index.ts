// The lesson authors' vocabulary: every component a lesson may use, imported from this one barrel.
//   import { Aside } from '../site/components/lesson/index.ts';

/** A boxed note, tip, warning or common mistake. */
export { default as Aside } from './Aside.astro';

/** A runnable notebook cell: code highlighted at build time that becomes an editor running in the page's kernel. */
export { default as Cell } from './Cell.astro';
