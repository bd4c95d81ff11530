// The page's notebook: one kernel (a `Runtime`) shared by every cell in page order, run numbers
// like Jupyter's `[3]`, "Run all" and "Restart", stale marks on cells that depend on a changed
// one, and edits kept in local storage. Loaded by Cell.astro's `mountWhenVisible` only near the viewport; the editor
// loads later still, when the reader means to edit a cell.
//
// Stopping a run (its Stop button, or the watchdog) has to terminate the kernel's worker, since a
// busy loop never yields. The notebook then keeps what it can: in a fresh kernel it re-runs, in
// their original order and without touching their output, the code of every cell whose last run
// succeeded, so their names come back. A cell whose replay fails is marked stale and must be run
// again. Restart, by contrast, means "forget everything" and replays nothing.

import { Runtime, type RestartReason } from '../../runtime/runtime.ts';
import { NotebookCell, type CellHost } from './cell-element.ts';
import { SavedCode } from './saved-code.ts';
import { decodeSharedCode, encodeSharedCode } from './shared-code.ts';
import { TypeChecker } from './type-checker.ts';

/** How long typing must pause before a TypeScript cell's types are checked, in milliseconds. */
const TYPE_CHECK_PAUSE_MS = 800;

/** The page's notebook: the kernel, the cells, and the bar with "Run all" and "Restart". */
export class Notebook implements CellHost {
  private readonly saved = new SavedCode(location.pathname);
  private readonly cells: NotebookCell[];
  private runCount = 0;
  private readonly runOwners = new Map<number, NotebookCell>();
  private readonly saveTimers = new Map<NotebookCell, ReturnType<typeof setTimeout>>();
  private readonly typeTimers = new Map<NotebookCell, ReturnType<typeof setTimeout>>();
  // The checker's worker starts with the first check, so a reader who never edits or runs TypeScript never loads it.
  private readonly types = new TypeChecker();
  private status: HTMLElement | undefined;
  private bar: HTMLElement | undefined;
  private readonly controllers = new Map<NotebookCell, AbortController>();
  // The order of each cell's last successful run in the current kernel: the order to replay them in.
  private readonly succeeded = new Map<NotebookCell, number>();
  private sequence = 0;
  private restoring: { abortedBy: RestartReason | undefined } | undefined;

  /** Takes charge of the given cells, in page order, running them in the given runtime. */
  constructor(
    cells: NotebookCell[],
    private readonly runtime: Runtime = new Runtime(),
  ) {
    this.cells = cells;
    cells.forEach((cell, index) => cell.attach(this, index + 1, this.saved.get(cell.dataset.cellId ?? '')));
    this.runtime.onRestart((reason) => this.restarted(reason));
    this.addBar();
    // Starting the worker now means the first Run does not wait for the engine to load.
    this.runtime.warm();
  }

  /** Runs one cell and resolves with whether it succeeded. */
  async runCell(cell: NotebookCell): Promise<boolean> {
    const code = cell.code();
    cell.begin();
    clearTimeout(this.typeTimers.get(cell));
    const controller = new AbortController();
    this.controllers.set(cell, controller);
    const result = await this.runtime.run(code, {
      lang: cell.language,
      timeoutMs: cell.timeoutMs,
      onUpdate: (update) => cell.update(update),
      signal: controller.signal,
    });
    if (this.controllers.get(cell) === controller) this.controllers.delete(cell);
    this.runOwners.set(result.runId, cell);
    const kind = result.ok ? undefined : result.error.kind;
    const ranInKernel = kind !== 'timeout' && kind !== 'stopped' && kind !== 'restart' && kind !== 'crash';
    cell.finish(result, code, ranInKernel ? ++this.runCount : undefined);
    if (result.ok) this.succeeded.set(cell, ++this.sequence);
    else this.succeeded.delete(cell);
    if (ranInKernel) this.markDependents(cell);
    // Types are checked after the run, so loading the compiler never competes with the run for the CPU.
    void this.checkTypes(cell);
    return result.ok;
  }

  /** Stops a cell's run: a queued run is dropped, a running one is interrupted by replacing the kernel. */
  stop(cell: NotebookCell): void {
    this.controllers.get(cell)?.abort();
  }

  /** Runs every cell from the top, stopping at the first that fails. */
  async runAll(): Promise<void> {
    this.say('Running all cells…');
    for (const cell of this.cells) {
      if (!(await this.runCell(cell))) {
        // After a stop the bar reports the restore, which matters more than where Run all ended.
        if (cell.lastErrorKind !== 'stopped' && cell.lastErrorKind !== 'timeout') this.say(`Stopped at cell ${cell.index}, which failed.`);
        return;
      }
    }
    this.say('All cells ran.');
  }

  /** Runs a cell when its button or keyboard shortcut asks. */
  run(cell: NotebookCell): void {
    void this.runCell(cell);
  }

  /** Saves an edit after a pause in typing and marks the cells that depend on the edited one. */
  changed(cell: NotebookCell): void {
    // Saving waits for a pause in typing; the stale marks follow at once.
    clearTimeout(this.saveTimers.get(cell));
    this.saveTimers.set(cell, setTimeout(() => this.saved.set(cell.cellId, cell.code(), cell.authored), 300));
    if (cell.hasRun && cell.code() !== cell.lastRunCode) this.markDependents(cell);
    if (cell.language === 'ts') {
      clearTimeout(this.typeTimers.get(cell));
      this.typeTimers.set(cell, setTimeout(() => void this.checkTypes(cell), TYPE_CHECK_PAUSE_MS));
    }
  }

  /** Checks a TypeScript cell's types in the checker's worker and shows the problems as warnings. */
  async checkTypes(cell: NotebookCell): Promise<void> {
    if (cell.language !== 'ts') return;
    const code = cell.code();
    // The author's own code is known to type-check (a unit test checks every lesson cell), so only an
    // edit loads the compiler: a reader who just runs the lesson never downloads it.
    if (code === cell.authored) {
      cell.showTypes({ ok: true, diagnostics: [] }, code);
      return;
    }
    // Names earlier runs left in the kernel are what the cell can use besides the engine's.
    const earlier = new Set(this.cells.filter((other) => other.hasRun).flatMap((other) => other.defines));
    cell.showTypes(await this.types.check(code, [...earlier]), code);
  }

  /** Puts the author's code back and forgets the saved edit. */
  reset(cell: NotebookCell): void {
    clearTimeout(this.saveTimers.get(cell));
    cell.restoreAuthored();
    delete cell.dataset.shared;
    this.saved.remove(cell.cellId);
  }

  /** Copies a link to the page with the cell's code in its fragment, or says why it cannot. */
  async share(cell: NotebookCell): Promise<void> {
    const encoded = await encodeSharedCode(cell.cellId, cell.code());
    if (!encoded.ok) {
      delete cell.dataset.link;
      cell.note(encoded.message);
      return;
    }
    const link = `${location.origin}${location.pathname}${location.search}#${encoded.fragment}`;
    cell.dataset.link = link;
    try {
      await navigator.clipboard.writeText(link);
      cell.note('Link copied: it opens this page with this code in this cell, not yet run.');
    } catch {
      cell.note('Copy this link:', link);
    }
  }

  /**
   * Shows the code a link carries (`#cell-<id>=…`) in its cell, scrolled to, as an unsaved edit that has not run; a
   * link that cannot be read, or names no cell of this page, is explained in the notebook's bar. The fragment is then
   * dropped from the address, so a reload shows the reader's own code.
   */
  async openSharedLink(): Promise<void> {
    const shared = await decodeSharedCode(location.hash);
    if (shared.kind === 'none') return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    const cell = shared.cellId === null ? undefined : this.cells.find((candidate) => candidate.cellId === shared.cellId);
    if (cell === undefined) {
      this.say(shared.kind === 'invalid' ? shared.message : `The link names a cell, “${shared.cellId}”, that this page does not have, so no code was loaded from it.`);
      this.bar?.scrollIntoView({ block: 'center' });
      return;
    }
    if (shared.kind === 'invalid') cell.note(shared.message);
    else cell.loadShared(shared.code);
    cell.scrollIntoView({ block: 'start' });
  }

  /** Names the cell a run belonged to, for an error raised in a function it defined. */
  describeRun(runId: number): string {
    const owner = this.runOwners.get(runId);
    return owner ? `in cell ${owner.index}` : 'in an earlier run';
  }

  private restarted(reason: RestartReason): void {
    const interrupted = reason === 'stop' || reason === 'timeout';
    if (this.restoring) {
      // A replay was stopped, timed out or restarted: what was not restored yet is lost, and no new restore starts.
      this.restoring.abortedBy = reason;
      if (interrupted) return;
    }
    if (interrupted) {
      void this.restore(reason === 'stop' ? 'You stopped a run, so the kernel restarted.' : 'A run took too long, so the kernel restarted.');
      return;
    }
    this.runCount = 0;
    this.succeeded.clear();
    for (const cell of this.cells) cell.forget();
    this.say(reason === 'crash' ? 'The kernel crashed and restarted.' : 'Kernel restarted.');
  }

  // Replays run after the interrupted run (already ended) and before any run asked later, because
  // the runtime answers runs in the order they were asked and these are asked at once.
  private async restore(why: string): Promise<void> {
    const replays = this.cells
      .filter((cell) => cell.hasRun && !cell.running && this.succeeded.has(cell))
      .sort((a, b) => (this.succeeded.get(a) ?? 0) - (this.succeeded.get(b) ?? 0));
    for (const cell of this.cells) {
      if (!replays.includes(cell) && !cell.running) cell.forget('its names were lost when the kernel restarted; run it again');
    }
    this.succeeded.clear();
    if (replays.length === 0) {
      this.say(why);
      return;
    }
    const state: { abortedBy: RestartReason | undefined } = { abortedBy: undefined };
    this.restoring = state;
    const names = replays.map((cell) => cell.index).join(', ');
    const several = replays.length > 1;
    this.say(`${why} Re-running cell${several ? 's' : ''} ${names} to restore ${several ? 'their' : 'its'} names…`);
    const lost: number[] = [];
    const pending = replays.map((cell) => ({ cell, result: this.replay(cell) }));
    for (const { cell, result } of pending) {
      if (!(await result)) lost.push(cell.index);
    }
    if (this.restoring === state) this.restoring = undefined;
    // After a Restart the bar already says so, and every cell has been told it must run again.
    if (state.abortedBy === 'restart' || state.abortedBy === 'crash') return;
    this.say(
      lost.length === 0
        ? `${why} Cell${several ? 's' : ''} ${names} re-ran, so ${several ? 'their' : 'its'} names are back.`
        : `${why} Cell${lost.length > 1 ? 's' : ''} ${lost.join(', ')} could not be restored; run ${lost.length > 1 ? 'them' : 'it'} again.`,
    );
  }

  private async replay(cell: NotebookCell): Promise<boolean> {
    const code = cell.lastRunCode ?? '';
    cell.beginReplay();
    const controller = new AbortController();
    this.controllers.set(cell, controller);
    const result = await this.runtime.run(code, { lang: cell.language, timeoutMs: cell.timeoutMs, signal: controller.signal });
    if (this.controllers.get(cell) === controller) this.controllers.delete(cell);
    this.runOwners.set(result.runId, cell);
    cell.finishReplay(result);
    if (result.ok) this.succeeded.set(cell, ++this.sequence);
    return result.ok;
  }

  // A later cell that read a name the changed cell defines is stale, and so is anything that
  // read a name *that* cell defines, and so on down the page.
  private markDependents(changed: NotebookCell): void {
    const names = new Set(changed.defines);
    for (const cell of this.cells.slice(this.cells.indexOf(changed) + 1)) {
      if (!cell.hasRun || !cell.uses.some((name) => names.has(name))) continue;
      cell.setStale(true);
      for (const name of cell.defines) names.add(name);
    }
  }

  private addBar(): void {
    const first = this.cells[0];
    if (!first) return;
    const bar = document.createElement('div');
    bar.className = 'notebook-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Notebook');
    const runAll = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Run all' });
    runAll.dataset.action = 'run-all';
    runAll.addEventListener('click', () => void this.runAll());
    const restart = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Restart' });
    restart.dataset.action = 'restart';
    restart.title = 'Start a fresh kernel: every name defined by a cell is forgotten';
    restart.addEventListener('click', () => this.runtime.restart());
    this.status = Object.assign(document.createElement('span'), { className: 'notebook-status' });
    this.status.setAttribute('role', 'status');
    const hint = Object.assign(document.createElement('span'), { className: 'notebook-hint', textContent: 'Shift+Enter runs a cell, or stops it while it runs' });
    bar.append(runAll, restart, hint, this.status);
    first.before(bar);
    this.bar = bar;
  }

  private say(message: string): void {
    if (this.status) this.status.textContent = message;
  }
}

/**
 * Defines <notebook-cell> and starts the page's notebook. A cell's editor loads when the reader means to edit it
 * (cell-element.ts), or, for a cell showing a saved edit, as it nears the viewport: the editor holds code that is not the author's.
 */
export function startNotebook(runtime?: Runtime): Notebook {
  if (!customElements.get('notebook-cell')) customElements.define('notebook-cell', NotebookCell);
  const cells = [...document.querySelectorAll('notebook-cell')] as NotebookCell[];
  const notebook = new Notebook(cells, runtime);
  void notebook.openSharedLink();
  const edited = cells.filter((cell) => cell.needsEditor);
  if (edited.length === 0) return notebook;
  // Editors are built when the page is idle, so a click on Run is never queued behind them.
  const whenIdle = (work: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 300 });
    else setTimeout(work, 0);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        whenIdle(() => void (entry.target as NotebookCell).upgrade());
        observer.unobserve(entry.target);
      }
    },
    { rootMargin: '400px 0px' },
  );
  for (const cell of edited) observer.observe(cell);
  return notebook;
}
