// A class student's own public cases on the page: their answer key of a code exercise, computed once per exercise and
// seed in the code worker's student-key role (student-key-worker.ts) and kept for the page's life. Imported on demand by exercise-element.ts only
// when the learner has a class identity, so a learner on their own loads none of it and keeps the build-time key.

import { readAnswerKey, type CodeAnswerKey } from '../../../exercises/answer-key.ts';
import { CODE_WORKER_ROLES } from '../../runtime/code-worker-roles.ts';

/** What the page asks the key worker: the exercise and the student's seed. */
export interface StudentKeyRequest {
  id: string;
  learnerSeed: number;
}

/** The key worker's answer: the key as tagged JSON, or why there is none. */
export type StudentKeyReply = { ok: true; key: string } | { ok: false; message: string };

/** How long computing a key may take before the page gives up (a slow phone, a busy machine). */
const KEY_LIMIT_MS = 60_000;

const keys = new Map<string, Promise<CodeAnswerKey>>();

/** The student's key of a code exercise for this seed; a failure is forgotten, so the next Check tries again. */
export function studentKey(id: string, learnerSeed: number): Promise<CodeAnswerKey> {
  const name = `${id}\u0000${learnerSeed}`;
  let key = keys.get(name);
  if (key === undefined) {
    key = computeKey({ id, learnerSeed });
    keys.set(name, key);
    key.catch(() => keys.delete(name));
  }
  return key;
}

function computeKey(request: StudentKeyRequest): Promise<CodeAnswerKey> {
  const worker = new Worker(new URL('../../runtime/code-worker.ts', import.meta.url), { type: 'module', name: CODE_WORKER_ROLES.studentKey });
  return new Promise<CodeAnswerKey>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`your own cases were not ready within ${KEY_LIMIT_MS / 1000} s`))), KEY_LIMIT_MS);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      settle();
    };
    worker.addEventListener('message', (event: MessageEvent<StudentKeyReply>) => {
      const reply = event.data;
      finish(() => {
        if (!reply.ok) reject(new Error(`your own cases could not be computed: ${reply.message}`));
        else {
          const key = readAnswerKey(reply.key);
          if (key.kind === 'code' && key.id === request.id) resolve(key);
          else reject(new Error('your own cases came back for another exercise'));
        }
      });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(() => reject(new Error('the worker computing your own cases stopped')));
    });
    worker.postMessage(request);
  });
}
