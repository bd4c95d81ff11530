// The entry of a grading worker thread: Node cannot start a worker from a .ts file,
// so this plain module registers tsx inside the thread and imports the real worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./submission-worker.ts', import.meta.url);
