// The reader's motion preference. With `prefers-reduced-motion: reduce`, a widget does not
// animate by itself: continuous runs jump to their result, or step only when asked.

const query = typeof window === 'undefined' ? null : window.matchMedia('(prefers-reduced-motion: reduce)');

/** Whether the reader asked the system for reduced motion (read at each call, so a change applies at once). */
export function prefersReducedMotion(): boolean {
  return query?.matches ?? false;
}
