// The one name the exercise kernel adds beyond the student helpers, shared by the worker that
// defines it and the page that calls it, so the two never drift apart.

/** The global through which a check calls the student's function on every prepared case. */
export const RUN_CALLS = '__runExerciseCalls';

/** The global through which a check passes the prepared cases' arguments. */
export const CASES = '__exerciseCases';
