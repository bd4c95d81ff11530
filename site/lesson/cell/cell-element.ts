// <notebook-cell>: one cell on the page. The static HTML (highlighted code, disabled buttons,
// an empty output region) is readable without JavaScript; `attach` wires the buttons and watches
// the static code, and `upgrade` swaps it for an editor (loaded then) when the reader means to
// edit: a focus, press or key in the code (edit-intent.ts), or code that is not the author's.

import type { CellErrorKind } from '../../runtime/cell-error.ts';
import type { RunResult, RunUpdate } from '../../runtime/runtime.ts';
import type { CellEditor } from './editor.ts';
import { asksAnything, markStaticErrorLine, showPlainCode, swapInWhenLaidOut, watchEditIntent, type EditIntentWatch } from './edit-intent.ts';
import type { TypeCheckOutcome } from './type-checker.ts';
import { renderError, renderLog, renderValue } from './render-output.ts';

/** What a cell asks of its page's notebook. */
export interface CellHost {
  /** Runs the cell in the page's kernel. */
  run(cell: NotebookCell): void;
  /** Stops the cell's run: drops it from the queue, or interrupts it at once if it is running. */
  stop(cell: NotebookCell): void;
  /** Called when the reader changes the cell's code. */
  changed(cell: NotebookCell): void;
  /** Called when the reader resets the cell to the author's code. */
  reset(cell: NotebookCell): void;
  /** Copies a link that carries the cell's code. */
  share(cell: NotebookCell): void;
  /** Names a run for an error raised in another cell's function, such as "cell 2". */
  describeRun(runId: number): string;
}

/** The states a cell shows: not run, running, done, failed, or stale (an earlier cell it uses changed). */
export type CellStatus = 'idle' | 'running' | 'done' | 'error';

/** A runnable notebook cell. */
export class NotebookCell extends HTMLElement {
  /** The author's stable id for this cell, used to keep its edits. */
  cellId = '';
  /** The author's code. */
  authored = '';
  /** The position of the cell on the page, from 1. */
  index = 0;
  /** The code shown before the editor exists: the author's, or the reader's saved edit. */
  pending = '';
  /** The code of the last run, to tell an edit since then. */
  lastRunCode: string | undefined;
  /** Names the cell defined and used when it last ran. */
  defines: string[] = [];
  uses: string[] = [];
  /** The kind of problem the last run ended with, if it failed. */
  lastErrorKind: CellErrorKind | undefined;
  /** The run ids this cell has had, so a stack frame can be traced to it. */
  readonly runIds = new Set<number>();
  private editor: CellEditor | undefined;
  private mounting: Promise<CellEditor | undefined> | undefined;
  private intent: EditIntentWatch | undefined;
  /** The build's highlighted author's code, to put back on Reset before the editor exists. */
  private authoredHtml = '';
  /** The marks the editor gets when it arrives: the error's line and the type problems. */
  private errorLine: number | null = null;
  private typeProblems: readonly { from: number; to: number; message: string }[] = [];
  private host: CellHost | undefined;
  private displays = new Map<string, HTMLElement>();

  /** The cell's language. */
  get language(): 'ts' | 'js' {
    return this.dataset.lang === 'js' ? 'js' : 'ts';
  }

  /** The watchdog limit of this cell, in milliseconds. */
  get timeoutMs(): number {
    const seconds = Number(this.dataset.timeout);
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5000;
  }

  /** The code to run: the editor's, or the saved or authored code before the editor exists. */
  code(): string {
    return this.editor ? this.editor.code() : this.pending;
  }

  /** Whether the cell has run in the current kernel. */
  get hasRun(): boolean {
    return this.lastRunCode !== undefined;
  }

  /** Wires the buttons to the notebook and shows the saved code's state; the editor comes later. */
  attach(host: CellHost, index: number, saved: string | undefined): void {
    this.host = host;
    this.index = index;
    this.cellId = this.dataset.cellId ?? `cell-${index}`;
    this.authored = this.querySelector<HTMLTemplateElement>('template.cell-source')?.content.textContent ?? '';
    this.pending = saved ?? this.authored;
    this.showRunning(false);
    this.button('reset').setAttribute('aria-label', `Reset cell ${index} to the original code`);
    // One button runs and stops, so focus stays on it when a run starts and the same key stops it.
    this.button('run').addEventListener('click', () => this.runOrStop());
    this.button('reset').addEventListener('click', () => {
      this.note('');
      host.reset(this);
    });
    this.button('share').setAttribute('aria-label', `Copy link to cell ${index}, with its code`);
    this.button('share').addEventListener('click', () => host.share(this));
    for (const name of ['run', 'reset', 'share'] as const) this.button(name).disabled = false;
    this.output().setAttribute('aria-label', `Output of cell ${index}`);
    const block = this.staticCode();
    if (block) {
      block.setAttribute('aria-label', `Code of cell ${index}`);
      this.authoredHtml = block.innerHTML;
      if (this.pending !== this.authored) showPlainCode(block, this.pending);
      this.intent = watchEditIntent(block, () => this.pending, { wantsEditor: () => void this.upgrade(), run: () => this.runOrStop() });
    }
    this.showEdited();
    this.dataset.ready = '';
  }

  /** Whether the cell shows code other than the author's (a saved edit, a link's code), which the editor should hold. */
  get needsEditor(): boolean {
    return this.editor === undefined && this.pending !== this.authored;
  }

  /** Replaces the static code with an editor holding the current code (loading the editor first), with what the reader typed meanwhile. */
  upgrade(): Promise<CellEditor | undefined> {
    this.mounting ??= this.mount();
    return this.mounting;
  }

  private async mount(): Promise<CellEditor | undefined> {
    const holder = this.querySelector<HTMLElement>('.cell-code');
    const host = this.host;
    if (!holder || !host) return undefined;
    this.dataset.editor = 'loading';
    let createEditor: typeof import('./editor.ts').createEditor;
    let rowMoves: typeof import('./editor.ts').rowMoves;
    try {
      ({ createEditor, rowMoves } = await import('./editor.ts'));
    } catch {
      // Offline before the course was saved: the code still runs as it is, and the next try to edit loads it again.
      this.dataset.editor = 'failed';
      this.mounting = undefined;
      this.intent?.again();
      this.note('The editor could not load (are you offline?). The code still runs as it is; click in it to try again.');
      return undefined;
    }
    const place = document.createElement('div');
    place.className = 'cell-editor';
    const editor = createEditor(place, this.pending, { label: `Code of cell ${this.index}`, lang: this.language }, {
      run: () => this.runOrStop(),
      changed: () => {
        this.pending = editor.code();
        this.showEdited();
        host.changed(this);
      },
    });
    const request = await swapInWhenLaidOut(holder, place, () => {
      const taken = this.intent?.take(rowMoves);
      this.intent = undefined;
      return taken;
    });
    this.editor = editor;
    editor.markErrorLine(this.errorLine);
    if (this.typeProblems.length > 0) editor.markTypeProblems(this.typeProblems);
    if (asksAnything(request)) editor.place(request);
    this.dataset.editor = 'ready';
    return editor;
  }

  /** Puts the author's code back (undoable in the editor). */
  restoreAuthored(): void {
    this.pending = this.authored;
    this.typeProblems = [];
    this.markErrorLine(null);
    if (this.editor) this.editor.setCode(this.authored);
    else {
      const block = this.staticCode();
      if (block) block.innerHTML = this.authoredHtml;
    }
    this.showEdited();
  }

  /** Shows code from a link as an edit (not saved, not run): the reader reads it, then runs it or resets the cell. */
  loadShared(code: string): void {
    this.pending = code;
    if (this.editor) this.editor.setCode(code);
    else {
      const block = this.staticCode();
      if (block) showPlainCode(block, code);
      // The link's code is an edit: the editor holds it (loading now, while the page scrolls to the cell).
      void this.upgrade();
    }
    this.typeProblems = [];
    this.showEdited();
    this.dataset.shared = 'true';
    this.note('This code came from a link and has not run. Read it before you press Run; Reset brings back the lesson’s code.');
  }

  /** Shows a line about the cell's link (copied, too long, or code loaded from one), or clears it with ''. */
  note(text: string, link?: string): void {
    const line = this.find('.cell-link-note');
    line.replaceChildren(text);
    if (link !== undefined) {
      // No clipboard (an insecure page, or permission refused): the link is shown selected, to copy by hand.
      const field = Object.assign(document.createElement('input'), { type: 'text', readOnly: true, value: link, className: 'cell-link-field' });
      field.setAttribute('aria-label', `Link to cell ${this.index} with its code`);
      line.append(' ', field);
      field.select();
    }
  }

  /** Whether a run of this cell is queued or going on. */
  get running(): boolean {
    return this.dataset.status === 'running';
  }

  /** Clears the output and shows the run as started. */
  begin(): void {
    this.status('running');
    this.showRunning(true);
    this.lastErrorKind = undefined;
    this.displays.clear();
    this.find('.cell-stream').replaceChildren();
    this.find('.cell-result').replaceChildren();
    this.find('.cell-status').textContent = 'Running…';
    this.output().setAttribute('aria-busy', 'true');
    this.count('*', 'Running');
    this.markErrorLine(null);
    this.setStale(false);
  }

  /** Shows console output or a live display that arrived during (or after) the run. */
  update(update: RunUpdate): void {
    const stream = this.find('.cell-stream');
    if (update.type === 'logs') {
      for (const entry of update.entries) stream.append(renderLog(entry));
      return;
    }
    const node = renderValue(update.value, true);
    node.classList.add('cell-display');
    const old = this.displays.get(update.name);
    if (old?.isConnected) old.replaceWith(node);
    else stream.append(node);
    this.displays.set(update.name, node);
  }

  /** Shows the end of a run: its value or error, its run number, and its time. */
  finish(result: RunResult, code: string, runNumber: number | undefined): void {
    this.runIds.add(result.runId);
    const output = this.find('.cell-result');
    const statusLine = this.find('.cell-status');
    if (result.ok) {
      if (result.value) output.replaceChildren(renderValue(result.value, true));
      statusLine.textContent = `Cell ${this.index} ran in ${formatMs(result.ms)}.`;
      this.status('done');
    } else {
      output.replaceChildren(renderError(result.error, (runId) => this.host?.describeRun(runId) ?? 'an earlier cell'));
      const stopped = result.error.kind === 'timeout' || result.error.kind === 'stopped';
      statusLine.textContent = stopped ? '' : `Cell ${this.index} failed.`;
      this.lastErrorKind = result.error.kind;
      if (result.error.line !== undefined && result.error.runId === undefined) this.markErrorLine(result.error.line);
      this.status('error');
    }
    if (result.defines.length > 0 || result.ok) {
      this.defines = result.defines;
      this.uses = result.uses;
    }
    this.lastRunCode = runNumber === undefined ? undefined : code;
    if (runNumber === undefined) this.count(' ', 'Not run');
    else this.count(String(runNumber), `Run ${runNumber}`);
    this.output().setAttribute('aria-busy', 'false');
    this.showRunning(false);
  }

  /** Shows that the cell's last run is being repeated in a fresh kernel to bring its names back; its output stays. */
  beginReplay(): void {
    this.status('running');
    this.showRunning(true);
    this.find('.cell-status').textContent = 'Re-running to restore its names in the fresh kernel…';
  }

  /** Shows the end of a replay: the names are back, or they are lost and the cell must be run again. */
  finishReplay(result: RunResult): void {
    this.runIds.add(result.runId);
    this.showRunning(false);
    const statusLine = this.find('.cell-status');
    if (result.ok) {
      statusLine.textContent = `Cell ${this.index} re-ran in ${formatMs(result.ms)} to restore its names after the kernel restarted.`;
      this.status('done');
      return;
    }
    statusLine.textContent = `Re-running cell ${this.index} to restore its names failed: ${result.error.message}`;
    this.status('idle');
    this.forget('its names were lost when the kernel restarted; run it again');
  }

  /** Shows what the type checker found in `code`, if that is still the cell's code: warnings on their lines and in the output. */
  showTypes(outcome: TypeCheckOutcome, code: string): void {
    if (code !== this.code()) return;
    const region = this.find('.cell-types');
    if (!outcome.ok) {
      region.replaceChildren(Object.assign(document.createElement('p'), { className: 'cell-note', textContent: outcome.message }));
      return;
    }
    this.typeProblems = outcome.diagnostics;
    this.editor?.markTypeProblems(outcome.diagnostics);
    if (outcome.diagnostics.length === 0) {
      region.replaceChildren();
      return;
    }
    const count = outcome.diagnostics.length;
    const title = Object.assign(document.createElement('p'), {
      className: 'cell-types-title',
      textContent: `Type check: ${count} problem${count > 1 ? 's' : ''} (warnings: the cell still runs)`,
    });
    const list = document.createElement('ul');
    for (const problem of outcome.diagnostics) {
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('span'), { className: 'cell-error-place', textContent: `line ${problem.line}, column ${problem.column}: ` }), problem.message);
      list.append(item);
    }
    region.replaceChildren(title, list);
  }

  /** Marks the cell as stale (an earlier cell it uses changed) or fresh. */
  setStale(stale: boolean, reason = 'an earlier cell it uses has changed'): void {
    const badge = this.find('.cell-stale');
    if (stale) {
      this.dataset.stale = 'true';
      badge.textContent = `Stale: ${reason}`;
    } else {
      delete this.dataset.stale;
      badge.textContent = '';
    }
  }

  /** Forgets the runs of a kernel that is gone: the count clears and the cell shows it needs to run again. */
  forget(reason = 'the kernel restarted'): void {
    if (!this.hasRun) return;
    this.lastRunCode = undefined;
    this.count(' ', 'Not run since the restart');
    if (this.dataset.status !== 'running') this.setStale(true, reason);
  }

  private runOrStop(): void {
    if (!this.host) return;
    if (this.running) this.host.stop(this);
    else this.host.run(this);
  }

  // The Run button becomes Stop while the cell runs: same element, so keyboard focus stays on it.
  private showRunning(running: boolean): void {
    const button = this.button('run');
    button.textContent = running ? 'Stop' : 'Run';
    button.dataset.running = String(running);
    button.setAttribute('aria-label', `${running ? 'Stop' : 'Run'} cell ${this.index}`);
  }

  private showEdited(): void {
    const edited = this.code() !== this.authored;
    this.toggleAttribute('data-edited', edited);
    this.find('.cell-edited').textContent = edited ? 'Edited' : '';
  }

  // The error's line is tinted in the editor, or in the static code until the editor arrives (it gets the tint then).
  private markErrorLine(line: number | null): void {
    this.errorLine = line;
    if (this.editor) this.editor.markErrorLine(line);
    else {
      const block = this.staticCode();
      if (block) markStaticErrorLine(block, line);
    }
  }

  private staticCode(): HTMLElement | null {
    return this.querySelector<HTMLElement>('.cell-code .code-static');
  }

  private status(status: CellStatus): void {
    this.dataset.status = status;
  }

  private count(text: string, label: string): void {
    const count = this.find('.cell-count');
    count.textContent = `[${text}]`;
    count.setAttribute('aria-label', label);
  }

  private button(name: 'run' | 'reset' | 'share'): HTMLButtonElement {
    return this.find(`button[data-action="${name}"]`) as HTMLButtonElement;
  }

  private output(): HTMLElement {
    return this.find('.cell-output');
  }

  private find(selector: string): HTMLElement {
    const node = this.querySelector<HTMLElement>(selector);
    if (!node) throw new Error(`<notebook-cell ${this.cellId}> is missing ${selector}`);
    return node;
  }
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
