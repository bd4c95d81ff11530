// Progress as a file the reader keeps: downloaded as JSON, and read back from a chosen file.

import type { ProgressStore } from './progress-store.ts';

/** The name of the downloaded progress file. */
export const PROGRESS_FILE_NAME = 'neural-notebook-progress.json';

/** Downloads the saved progress (set-aside entries included) as a JSON file. */
export function downloadProgress(store: ProgressStore): void {
  const blob = new Blob([store.exportText()], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = PROGRESS_FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file into the store and says what happened, in a sentence. */
export async function importProgressFile(store: ProgressStore, file: File): Promise<string> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return `Could not read ${file.name}.`;
  }
  const { exercises, problems } = store.importText(text);
  const whole = problems.find((problem) => problem.id === '*');
  if (whole) return `Nothing imported: ${whole.reason}.`;
  const imported = `Imported ${file.name}: ${exercises} ${exercises === 1 ? 'exercise' : 'exercises'}.`;
  if (problems.length === 0) return imported;
  return `${imported} ${problems.length} ${problems.length === 1 ? 'entry was' : 'entries were'} set aside (${problems.map((p) => `${p.id}: ${p.reason}`).join('; ')}).`;
}
