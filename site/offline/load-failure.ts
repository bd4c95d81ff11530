// What a reader sees when part of a page cannot load its code: lessons fetch the code of cells,
// widgets and exercises only when they near the viewport, so a reader who went offline before the
// course was saved for offline use (or whose saved copy lacks a file) would otherwise meet a
// disabled button and no word.

/** The sentence that explains why `what` ("This widget", "The cells") could not load, and what to do. */
export function loadFailureText(what: string, online: boolean, error: unknown): string {
  if (!online) return `${what} could not load: it needs the network once. Reconnect to the internet, then reload the page.`;
  const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `${what} could not load${reason}. Check your connection, then reload the page.`;
}

/** Puts the explanation in each element: in its own status line if it has one (a widget's), else in a polite live region added at its end. */
export function showLoadFailure(elements: Iterable<Element>, what: string, error: unknown): void {
  const text = loadFailureText(what, navigator.onLine, error);
  for (const element of elements) {
    // A widget's status line says "starts when you scroll to it"; the explanation replaces that promise.
    let note = element.querySelector<HTMLElement>(':scope > .load-failure, :scope > [role="status"]');
    if (note) {
      note.classList.add('load-failure');
    } else {
      note = document.createElement('p');
      note.className = 'load-failure';
      note.setAttribute('role', 'status');
      element.append(note);
    }
    note.textContent = text;
  }
  console.warn(`${what} could not load:`, error);
}
