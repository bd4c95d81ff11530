// The worker that computes a class student's own answer key for a code exercise (exercises/student-key.ts): the
// reference and known-wrong solutions run here, off the main thread, and never next to a student's code, which runs
// only in the checking worker (grading-worker.ts). Loaded only on the page of a student who joined a class; it loads
// the definition of the exercise it is asked about, and no other exercise's.

import { studentKeyJson } from '../../../exercises/student-key.ts';
import type { StudentKeyReply, StudentKeyRequest } from './student-key.ts';

/** Turns this worker into one that answers each request with the student's key. */
export function serveStudentKey(): void {
  self.addEventListener('message', async (event: MessageEvent<StudentKeyRequest>) => {
    const { id, learnerSeed } = event.data;
    let reply: StudentKeyReply;
    try {
      reply = { ok: true, key: await studentKeyJson(id, learnerSeed) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(reply);
  });
}
