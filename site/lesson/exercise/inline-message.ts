// A message made at run time (the grader's generic feedback, a structure problem) as DOM: `code`
// in backticks becomes <code>, and a `$...$` formula is replaced by its KaTeX rendering from the
// build, looked up by its TeX. A formula the build did not render stays as plain text.

/** Appends `text` to `parent` with code spans and pre-rendered formulas; `formula` returns a formula's rendering or null. */
export function appendMessage(parent: HTMLElement, text: string, formula: (tex: string) => DocumentFragment | null): void {
  for (const piece of text.split(/(`[^`]+`|\$[^$]+\$)/)) {
    if (piece === '') continue;
    if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1) {
      const code = document.createElement('code');
      code.textContent = piece.slice(1, -1);
      parent.append(code);
    } else if (piece.startsWith('$') && piece.endsWith('$') && piece.length > 1) {
      parent.append(formula(piece.slice(1, -1)) ?? document.createTextNode(piece.slice(1, -1)));
    } else {
      parent.append(document.createTextNode(piece));
    }
  }
}
