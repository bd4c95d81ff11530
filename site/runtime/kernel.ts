// The notebook kernel: runs compiled cells one after another in the worker's global scope,
// captures console output and live displays, and reports each run's value or error. It knows
// nothing about workers or pages: it is handed a `send` function, so tests drive it in Node.

import { describeError, type Locator } from './error-position.ts';
import { compileCell, SCOPE_HELPER } from './compile-cell.ts';
import { LOG_LIMITS, serialise, VALUE_LIMITS } from './serialise.ts';
import type { KernelMessage, RunRequest } from './protocol.ts';
import type { LogEntry, Shown } from './shown.ts';

/** The longest a run's console output and displays wait before they are sent on, in milliseconds. */
export const FLUSH_INTERVAL_MS = 50;

/** The most console lines one run sends; a loop that logs more gets a note with the count left out. */
export const MAX_LOG_ENTRIES = 1_000;

/** How many past runs keep their position maps, so a function from an earlier cell can still be placed. */
const REMEMBERED_RUNS = 500;

interface RunState {
  runId: number;
  pendingLogs: LogEntry[];
  logCount: number;
  omittedLogs: number;
  pendingDisplays: Map<string, unknown>;
  lastFlush: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Runs cells in one shared global scope and reports what they print, display and return. */
export class Kernel {
  private current: RunState | undefined;
  private latest: RunState | undefined;
  private readonly locators = new Map<number, Locator>();
  // Calling eval through another name makes it global: the cell sees shared names, not the kernel.
  private readonly indirectEval: (script: string) => unknown = globalThis.eval;

  /** Creates a kernel that reports through `send` and keeps shared names on `scope` (the worker's global object). */
  constructor(
    private readonly send: (message: KernelMessage) => void,
    private readonly scope: object = globalThis,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Puts `console`, `display` and the scope helper on the shared scope, where every cell finds them. */
  install(extra: Record<string, unknown> = {}): void {
    const capture = Object.create(null) as Record<string, (...args: unknown[]) => void>;
    for (const level of LEVELS) capture[level] = (...args: unknown[]) => this.log(level, args);
    const display = (value: unknown, name: unknown = 'display'): void => this.display(value, String(name));
    const helper = Object.freeze({
      declare: (names: string[]) => {
        for (const name of names) if (!Object.prototype.hasOwnProperty.call(this.scope, name)) this.define(name, undefined);
      },
      share: (values: Record<string, unknown>) => {
        for (const [name, value] of Object.entries(values)) this.define(name, value);
      },
    });
    for (const [name, value] of Object.entries({ ...extra, console: Object.freeze(capture), display, [SCOPE_HELPER]: helper })) {
      this.define(name, value);
    }
  }

  /** Runs one request to the end and reports it: streamed logs and displays, then one `done` message. */
  async run(request: RunRequest): Promise<void> {
    const started = this.clock();
    const state: RunState = {
      runId: request.runId,
      pendingLogs: [],
      logCount: 0,
      omittedLogs: 0,
      pendingDisplays: new Map(),
      lastFlush: -Infinity,
      timer: undefined,
    };
    this.current = state;
    this.latest = state;
    const scope = request.scope ?? {};
    let defines: string[] = [];
    let uses: string[] = [];
    let end: KernelMessage;
    try {
      const compiled = compileCell(request.code, { lang: request.lang, runId: request.runId, scopeNames: Object.keys(scope) });
      defines = compiled.defines;
      uses = compiled.uses;
      this.remember(request.runId, compiled.locate);
      let cell: (...args: unknown[]) => Promise<unknown>;
      try {
        cell = this.indirectEval(compiled.script) as typeof cell;
      } catch (error) {
        throw compiled.placeSyntaxError(error, this.indirectEval);
      }
      const helper = (this.scope as Record<string, unknown>)[SCOPE_HELPER];
      const result = await cell(helper, ...Object.values(scope));
      const value: Shown | null = result === undefined ? null : serialise(result, VALUE_LIMITS);
      end = { type: 'done', runId: request.runId, ok: true, value, ms: this.clock() - started, defines, uses };
    } catch (thrown) {
      const error = describeError(thrown, request.runId, (runId) => this.locators.get(runId));
      end = { type: 'done', runId: request.runId, ok: false, error, ms: this.clock() - started, defines, uses };
    }
    if (this.current === state) this.current = undefined;
    this.flush(state);
    this.send(end);
  }

  /** Reports an error that surfaced after its run ended (an unhandled rejection) as console output of the latest run. */
  reportLate(thrown: unknown): void {
    const runId = this.latest?.runId ?? 0;
    const error = describeError(thrown, runId, (id) => this.locators.get(id));
    const where = error.line ? ` (line ${error.line})` : '';
    this.log('error', [`Uncaught (in promise) ${error.name ? `${error.name}: ` : ''}${error.message}${where}`]);
  }

  private define(name: string, value: unknown): void {
    try {
      Object.defineProperty(this.scope, name, { value, writable: true, configurable: true, enumerable: false });
    } catch {
      // A non-configurable global (undefined, NaN) cannot be shared; the cell's own assignment will say why.
    }
  }

  private remember(runId: number, locator: Locator): void {
    this.locators.set(runId, locator);
    if (this.locators.size > REMEMBERED_RUNS) this.locators.delete(this.locators.keys().next().value as number);
  }

  // Output produced after a run ended (a timer, a promise) still belongs to the run that made it.
  private target(): RunState | undefined {
    return this.current ?? this.latest;
  }

  private log(level: LogEntry['level'], args: unknown[]): void {
    const state = this.target();
    if (!state) return;
    state.logCount++;
    if (state.logCount > MAX_LOG_ENTRIES) {
      state.omittedLogs++;
      return;
    }
    // Arguments are serialised now, so a value changed later still shows as it was when logged.
    state.pendingLogs.push({ level, args: args.map((arg) => serialise(arg, LOG_LIMITS)) });
    this.schedule(state);
  }

  private display(value: unknown, name: string): void {
    const state = this.target();
    if (!state) return;
    // Only the newest value per name matters; it is serialised when it is sent.
    state.pendingDisplays.delete(name);
    state.pendingDisplays.set(name, value);
    this.schedule(state);
  }

  // A busy loop never yields to timers, so output is also sent from inside the loop once the
  // interval has passed; the timer covers output from code that does yield.
  private schedule(state: RunState): void {
    if (this.clock() - state.lastFlush >= FLUSH_INTERVAL_MS) {
      this.flush(state);
    } else if (state.timer === undefined) {
      state.timer = setTimeout(() => this.flush(state), FLUSH_INTERVAL_MS);
    }
  }

  private flush(state: RunState): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    state.lastFlush = this.clock();
    if (state.omittedLogs > 0 && this.current !== state) {
      state.pendingLogs.push({ level: 'info', args: [{ kind: 'cut', text: `… ${state.omittedLogs} more console lines not shown` }] });
      state.logCount -= state.omittedLogs;
      state.omittedLogs = 0;
    }
    if (state.pendingLogs.length > 0) {
      this.send({ type: 'logs', runId: state.runId, entries: state.pendingLogs });
      state.pendingLogs = [];
    }
    for (const [name, value] of state.pendingDisplays) {
      this.send({ type: 'display', runId: state.runId, name, value: serialise(value, VALUE_LIMITS) });
    }
    state.pendingDisplays.clear();
  }
}
