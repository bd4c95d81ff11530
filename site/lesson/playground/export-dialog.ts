// The Playground's "Export to PyTorch" dialog: a modal <dialog> (Playground.astro) that shows the script the worker
// wrote for the run so far (engine/export/pytorch.ts), with Copy, Download (playground-run.py) and one line on how
// to run it. Focus stays inside while it is open (Tab and Shift+Tab cycle), Escape or Close shuts it, and focus
// goes back to the button that opened it.

/** The name the script is downloaded as, and the command the dialog says runs it. */
export const SCRIPT_FILE = 'playground-run.py';

/** The element to focus after `current` when Tab (or Shift+Tab, `backwards`) is pressed among `count` focusable elements: it wraps around. */
export function nextFocus(current: number, count: number, backwards: boolean): number {
  if (count <= 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/** One line on what a script holds, for the dialog's status: epochs, lines and size. */
export function scriptSummary(epochs: number, script: string): string {
  const lines = script.split('\n').length;
  const kilobytes = Math.max(1, Math.round(new TextEncoder().encode(script).length / 1024));
  return `The run so far, ${epochs} epoch${epochs === 1 ? '' : 's'}: ${lines} line${lines === 1 ? '' : 's'} of Python (${kilobytes} KB).`;
}

/** The dialog's behaviour over its markup: opening, showing the script or an error, copying, downloading, closing. */
export class ExportDialog {
  private script = '';
  private readonly code: HTMLElement;
  private readonly status: HTMLElement;

  /** Wires the dialog; `opener` is the toolbar button, which gets the focus back when the dialog closes. */
  constructor(private readonly dialog: HTMLDialogElement, private readonly opener: HTMLButtonElement) {
    this.code = this.part('.pg-export-code code');
    this.status = this.part('.pg-export-status');
    dialog.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-export]');
      if (button === null) return;
      if (button.dataset.export === 'copy') void this.copy();
      else if (button.dataset.export === 'download') this.download();
      else if (button.dataset.export === 'close') this.dialog.close();
    });
    dialog.addEventListener('keydown', (event) => this.trapFocus(event));
    dialog.addEventListener('close', () => this.opener.focus());
  }

  /** Opens the dialog while the worker writes the script. */
  open(): void {
    this.script = '';
    this.code.textContent = '';
    this.setReady(false);
    this.say('Writing the script…');
    if (!this.dialog.open) this.dialog.showModal();
    this.part<HTMLButtonElement>('[data-export="close"]').focus();
  }

  /** Shows the script of the run so far, `epochs` epochs trained. */
  show(script: string, epochs: number): void {
    this.script = script;
    this.code.textContent = script;
    this.setReady(true);
    this.say(scriptSummary(epochs, script));
  }

  /** Says why there is no script; the run itself goes on untouched. */
  failed(message: string): void {
    this.setReady(false);
    this.say(`No script: ${message}`);
  }

  private part<T extends HTMLElement = HTMLElement>(selector: string): T {
    const element = this.dialog.querySelector<T>(selector);
    if (element === null) throw new Error(`the export dialog has no ${selector}`);
    return element;
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  private setReady(ready: boolean): void {
    for (const button of this.dialog.querySelectorAll<HTMLButtonElement>('[data-export="copy"], [data-export="download"]')) button.disabled = !ready;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.script);
      this.say(`Copied ${this.script.split('\n').length} lines: paste them into ${SCRIPT_FILE}.`);
    } catch {
      // No clipboard (an insecure page, or permission refused): select the text so the reader copies it.
      const range = document.createRange();
      range.selectNodeContents(this.code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.say('The browser did not allow copying: the script is selected, press Ctrl+C (⌘C on a Mac).');
    }
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob([this.script], { type: 'text/x-python' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SCRIPT_FILE;
    link.hidden = true;
    this.dialog.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.say(`Saved as ${SCRIPT_FILE}: run it with python3 ${SCRIPT_FILE}.`);
  }

  /** Keeps Tab and Shift+Tab inside the dialog. */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
    event.preventDefault();
    const next = nextFocus(focusable.indexOf(document.activeElement as HTMLElement), focusable.length, event.shiftKey);
    if (next >= 0) focusable[next].focus();
  }
}
