// The only exercise JavaScript a page loads up front: when an exercise comes within a screen or so
// of the viewport, fetch its controller (editor, grader, progress) and start every exercise on
// the page. Pages without exercises never load even this, since it ships with the component. If the
// controller cannot load (offline before the course was saved), every exercise says so.

import { showLoadFailure } from '../../offline/load-failure.ts';

const exercises = document.querySelectorAll('course-exercise');
if (exercises.length > 0 && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      import('./exercise-element.ts')
        .then(({ defineExerciseElement }) => defineExerciseElement())
        .catch((error: unknown) => showLoadFailure(exercises, 'This exercise', error));
    },
    { rootMargin: '800px 0px' },
  );
  for (const exercise of exercises) observer.observe(exercise);
}
