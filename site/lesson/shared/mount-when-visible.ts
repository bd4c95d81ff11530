// Widgets cost nothing until a reader scrolls near them, and do no work while off-screen.
//
// A widget's .astro file ships a tiny loader that calls `mountWhenVisible` with a dynamic import,
// so the widget's code (and Observable Plot) load only when the widget nears the viewport:
//
//   mountWhenVisible('perceptron-lab', () => import('./perceptron-lab.ts'));
//
// If the module cannot load (offline before the course was saved), each widget says so in words.
//
// Inside the widget, `watchVisibility` pauses continuous work while the widget is scrolled away or
// the tab is hidden.

import { showLoadFailure } from '../../offline/load-failure.ts';

/** Loads a widget's module once, when the first element matching `selector` comes within `margin` of the viewport. */
export function mountWhenVisible(selector: string, load: () => Promise<unknown>, margin = '600px'): void {
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  const mount = () => {
    load().catch((error: unknown) => showLoadFailure(elements, 'This widget', error));
  };
  if (!('IntersectionObserver' in window)) {
    mount();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      mount();
    },
    { rootMargin: `${margin} 0px` },
  );
  for (const element of elements) observer.observe(element);
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
