// Where the `/` shortcut is a character: its own file, so the few lines every page loads up front carry nothing else.

/** Whether a key press is typed into something editable (an input, a text area, a code editor or the static code it replaces on the first key), where `/` is a character, not the shortcut. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select') return true;
  return Boolean(target.closest?.('[contenteditable=""], [contenteditable="true"], .cm-editor, .code-static'));
}
