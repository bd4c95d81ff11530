// A reader's edits to the cells of one page, kept in local storage so they survive a reload. The
// stored entry is read defensively: storage may be blocked, and an entry may be corrupt or from an
// older version of the page; either way it is ignored, never a crash.

/** The local storage key holding the edited cells of the page at a path. */
export function savedCodeKey(pathname: string): string {
  return `notebook-cells:${pathname}`;
}

/** Edited code per cell id for one page, read from and written to local storage. */
export class SavedCode {
  private readonly key: string;

  /** Binds to the page at the given path. */
  constructor(pathname: string, private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeStorage()) {
    this.key = savedCodeKey(pathname);
  }

  /** The saved code of a cell, or undefined when there is none or the entry cannot be read. */
  get(cellId: string): string | undefined {
    const code = this.read()[cellId];
    return typeof code === 'string' ? code : undefined;
  }

  /** Saves a cell's code; saving the author's own code removes the entry instead. */
  set(cellId: string, code: string, authored: string): void {
    const all = this.read();
    if (code === authored) delete all[cellId];
    else all[cellId] = code;
    this.write(all);
  }

  /** Forgets a cell's edits. */
  remove(cellId: string): void {
    const all = this.read();
    delete all[cellId];
    this.write(all);
  }

  private read(): Record<string, unknown> {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '{}');
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  private write(all: Record<string, unknown>): void {
    try {
      if (Object.keys(all).length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(all));
    } catch {
      // Storage full or blocked: the edits last for this visit only.
    }
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
