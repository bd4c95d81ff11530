// The gradebook an LMS imports: one row per student, one column per exercise in course order, and a total. The
// second row, "Points Possible" (as Canvas's gradebook export has it), gives each column's maximum. A score is the
// re-graded one, never the export's claim; a column is empty where the student has no answer. The last column
// says what the grader noticed: flagged claims, entries set aside, a file that could not be read.

import { EXERCISES, maxScoreOf, type Exercise } from '../../exercises/index.ts';
import { csvDocument } from './csv.ts';
import { noteOf, type GradedExport } from './rows.ts';

/** A student's re-graded score per exercise id of the course (absent where they have no answer), and their total. */
export function scoresOf(graded: GradedExport, exercises: readonly Exercise[] = EXERCISES): { byExercise: Map<string, number>; total: number } {
  const byExercise = new Map<string, number>();
  for (const row of graded.rows) {
    if (row.exercise === '*' || row.maxScore === 0) continue;
    // Rescaled to the exercise's current maximum, so a column always adds up to its Points Possible.
    const exercise = exercises.find((e) => e.id === row.exercise);
    if (exercise === undefined) continue;
    const score = (row.score / row.maxScore) * maxScoreOf(exercise);
    byExercise.set(row.exercise, Math.round(score * 1000) / 1000);
  }
  const total = Math.round([...byExercise.values()].reduce((a, b) => a + b, 0) * 1000) / 1000;
  return { byExercise, total };
}

/** The notes of a graded export for the gradebook: every flag and problem, each said once. */
export function notesOf(graded: GradedExport): string[] {
  const notes: string[] = [];
  for (const row of graded.rows) {
    for (const note of noteOf(row)) {
      const said = row.exercise === '*' ? note : `${row.exercise}: ${note}`;
      if (row.flag !== undefined || row.exercise === '*') notes.push(said);
    }
  }
  return notes;
}

/** The gradebook CSV of a class, one column per exercise of the course (`exercises`, in course order). */
export function gradebookCsv(students: readonly GradedExport[], exercises: readonly Exercise[] = EXERCISES): string {
  const ids = exercises.map((e) => e.id);
  const header = ['student', 'course', 'file', ...ids, 'total', 'notes'];
  const possible = ['Points Possible', '', '', ...exercises.map(maxScoreOf), exercises.reduce((total, e) => total + maxScoreOf(e), 0), ''];
  const rows = students.map((graded) => {
    const { byExercise, total } = scoresOf(graded, exercises);
    const file = graded.file.split(/[\\/]/).at(-1) ?? graded.file;
    return [graded.name, graded.student?.course ?? '', file, ...ids.map((id) => byExercise.get(id) ?? ''), total, notesOf(graded).join('; ')];
  });
  return csvDocument([header, possible, ...rows]);
}
