// Lesson components cost nothing until a reader scrolls near them, and do no work while off-screen.
//
// Every lesson component that runs code (cells, exercises, each widget) mounts the same way: its .astro file's
// <script> calls `mountWhenVisible` with a dynamic import, so the component's code (the editor, the grader,
// Observable Plot, a worker) loads only when the first such element nears the viewport:
//
//   mountWhenVisible('perceptron-lab', () => import('./perceptron-lab.ts'));
//   mountWhenVisible('course-exercise', () => import('./exercise-element.ts').then((m) => m.defineExerciseElement()), {
//     what: 'This exercise',
//     margin: '800px',
//   });
//
// If the module cannot load (offline before the course was saved), each element says so in words.
//
// Inside the component, `watchVisibility` pauses continuous work while it is scrolled away or the tab is hidden.

import { showLoadFailure } from '../../offline/load-failure.ts';

/** How a component mounts: who the failure sentence names, and how far from the viewport loading starts. */
export interface MountOptions {
  /** The subject of the sentence shown if the code cannot load ("This widget", "The code cells"); default "This widget". */
  what?: string;
  /** How far above and below the viewport an element starts its component loading, as CSS (default "600px"). */
  margin?: string;
  /** Load at once, wherever the elements are (a link points into one of them); default false. */
  now?: boolean;
}

/**
 * Runs `load` once, when the first element matching `selector` comes within the margin of the viewport (at once
 * where IntersectionObserver is missing); if it fails, every matching element shows why. A page without such an
 * element loads nothing.
 */
export function mountWhenVisible(selector: string, load: () => Promise<unknown>, options: MountOptions = {}): void {
  const { what = 'This widget', margin = '600px', now = false } = options;
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  const mount = () => {
    load().catch((error: unknown) => showLoadFailure(elements, what, error));
  };
  if (now) mount();
  else whenNear(elements, mount, margin);
}

/**
 * Calls `start` once, when the first of `elements` comes within `margin` (CSS, above and below) of the viewport (at once
 * where IntersectionObserver is missing); returns a function that stops waiting. A lesson with several of one widget
 * loads its code when the first nears, and each widget can wait with its own work until it nears too.
 */
export function whenNear(elements: Iterable<Element>, start: () => void, margin = '600px'): () => void {
  if (!('IntersectionObserver' in window)) {
    start();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: `${margin} 0px` },
  );
  for (const element of elements) observer.observe(element);
  return () => observer.disconnect();
}

/**
 * Calls `onChange(true)` when the element is on screen in a visible tab and `onChange(false)` when it
 * stops being so (scrolled away, or the tab hidden); returns a function that stops watching.
 */
export function watchVisibility(element: Element, onChange: (visible: boolean) => void): () => void {
  let intersecting = false;
  let last: boolean | null = null;
  const report = () => {
    const visible = intersecting && document.visibilityState === 'visible';
    if (visible === last) return;
    last = visible;
    onChange(visible);
  };
  const observer = new IntersectionObserver((entries) => {
    intersecting = entries[entries.length - 1].isIntersecting;
    report();
  });
  observer.observe(element);
  document.addEventListener('visibilitychange', report);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', report);
  };
}
