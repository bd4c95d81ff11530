// Results in Gradescope's autograder format (results.json): the submission's `score`, and per test its `name`,
// `score`, `max_score`, `status`, `visibility` and `output`. Gradescope grades one submission per container and
// reads /autograder/results/results.json, so the grader writes one such document per export
// (gradescope/<student>.json); an autograder script copies the student's own to that path. One test per exercise
// of the course, in course order: an exercise without an answer scores 0 of its points, so every student's total
// is out of the same maximum.

import { EXERCISES, maxScoreOf, type Exercise } from '../../exercises/index.ts';
import { notesOf, scoresOf } from './gradebook.ts';
import { noteOf, type GradedExport } from './rows.ts';

/** One test of a Gradescope results.json. */
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  visibility: 'visible';
  output: string;
}

/** A Gradescope results.json. */
export interface GradescopeResults {
  score: number;
  output: string;
  visibility: 'visible';
  stdout_visibility: 'hidden';
  tests: GradescopeTest[];
}

/** The feedback of one graded exercise: its misconceptions' ids and its notes. */
function feedbackOf(graded: GradedExport, id: string): string {
  const row = graded.rows.find((r) => r.exercise === id);
  if (row === undefined) return 'No answer in the export.';
  const lines = [row.passed ? 'Passed on the hidden cases.' : `Scored ${row.score} of ${row.maxScore} on the hidden cases.`];
  if (row.misconceptions.length > 0) lines.push(`Recognised: ${row.misconceptions.join(', ')}.`);
  lines.push(...noteOf(row));
  return lines.join('\n');
}

/** The Gradescope results of one graded export, one test per exercise of the course (`exercises`, in course order). */
export function gradescopeResults(graded: GradedExport, exercises: readonly Exercise[] = EXERCISES): GradescopeResults {
  const { byExercise, total } = scoresOf(graded, exercises);
  const tests = exercises.map((exercise, index): GradescopeTest => {
    const score = byExercise.get(exercise.id) ?? 0;
    return {
      name: `${exercise.title} (${exercise.id})`,
      number: String(index + 1),
      score,
      max_score: maxScoreOf(exercise),
      status: score >= maxScoreOf(exercise) ? 'passed' : 'failed',
      visibility: 'visible',
      output: feedbackOf(graded, exercise.id),
    };
  });
  const notes = notesOf(graded);
  const output = graded.unreadable !== undefined ? `The export could not be read: ${graded.unreadable}` : notes.length > 0 ? notes.join('\n') : 'Every answer was re-graded on hidden cases.';
  return { score: total, output, visibility: 'visible', stdout_visibility: 'hidden', tests };
}

/** A file name for a student's results: their name with anything but letters, digits, `.`, `_` and `-` replaced, made unique. */
export function resultFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name.replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 80) || 'student';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    used.add(candidate.toLowerCase());
    return `${candidate}.json`;
  });
}
