// One batch-grading worker: a child process that grades the export files its parent sends, one at a time, and
// sends back each one's GradedExport. Each code answer in an export still runs in its own sandbox child
// (verdict.ts), so a worker only holds the grader, never a submission.

import { gradeExportFile } from './rows.ts';
import type { VerdictSettings } from './verdict.ts';

/** What the parent sends: a file to grade and how, or nothing more to do. */
export type WorkerJob = { file: string; index: number; settings: VerdictSettings } | { done: true };

process.on('message', (message: WorkerJob) => {
  if ('done' in message) {
    process.disconnect?.();
    return;
  }
  void gradeExportFile(message.file, message.settings).then(
    (graded) => process.send?.({ index: message.index, graded }),
    // gradeExportFile does not throw; should the grader itself fail, the file gets that reason as its one row.
    (error: unknown) => process.send?.({ index: message.index, error: error instanceof Error ? error.message : String(error) }),
  );
});
