// The static code of a cell or a code exercise (static-code.ts) until the reader means to edit it: the first focus,
// press or key in it asks for the editor (loaded then, with import()), and what the reader does meanwhile is kept: where
// they pressed (the caret goes there), what they typed, pasted or deleted with Backspace and Delete and where they moved
// the caret with the arrow keys (replayed on the code as an editor makes them, once the editor is in), Shift+Enter or
// Ctrl/Cmd+Enter (runs the code as it is, without the editor). No dependencies, so it costs nothing until used.

/** A direction the arrow keys move the caret. */
export type Move = 'left' | 'right' | 'up' | 'down';

/** What a key pressed in the static code means. */
export type KeyIntent = { kind: 'run' } | { kind: 'type'; text: string } | { kind: 'delete'; forward: boolean } | { kind: 'move'; move: Move } | { kind: 'other' };

const ARROWS: Readonly<Record<string, Move>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * Reads a key press: Shift/Ctrl/Cmd+Enter runs, a character or Enter is typed, Backspace and Delete delete a character,
 * an arrow moves the caret; anything else (Tab, Home, a selection with Shift, shortcuts, a word's deletion with Ctrl) is
 * left alone.
 */
export function keyIntent(event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing?: boolean }): KeyIntent {
  if (event.isComposing === true) return { kind: 'other' };
  if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) return { kind: 'run' };
  if (event.ctrlKey || event.metaKey || event.altKey) return { kind: 'other' };
  if (event.key === 'Enter') return { kind: 'type', text: '\n' };
  if (event.key === 'Backspace' || event.key === 'Delete') return { kind: 'delete', forward: event.key === 'Delete' };
  if (event.key in ARROWS) return event.shiftKey ? { kind: 'other' } : { kind: 'move', move: ARROWS[event.key] };
  // A printable key's name is the one character it types ("a", " ", "é"); named keys ("Tab", "ArrowUp") are longer.
  if ([...event.key].length === 1) return { kind: 'type', text: event.key };
  return { kind: 'other' };
}

/** The offset into `code` of a 0-based line and column, clamped to the code. */
export function offsetAt(code: string, line: number, column: number): number {
  const lines = code.split('\n');
  if (line < 0) return 0;
  if (line >= lines.length) return code.length;
  let offset = 0;
  for (let index = 0; index < line; index++) offset += lines[index].length + 1;
  return offset + Math.max(0, Math.min(column, lines[line].length));
}

/** What the reader did in the static code before the editor was in: one change to the code, and where the caret ends. */
export interface EditRequest {
  /** The change, in the code as it was: the characters from `from` to `to` are replaced by `insert` (none when all three are empty). */
  from: number;
  to: number;
  insert: string;
  /** Where the caret goes, in the code after the change: where the reader left it (the offset pressed, else the start). */
  caret: number;
  /** Whether the editor should take focus (the static code had it, or the reader typed). */
  focus: boolean;
}

/**
 * A move by a row on the screen from the offset `at` of the code as shown, aiming at the horizontal position `x` (null:
 * the caret's own): the offset it lands on and the x it aimed at, or undefined where the layout cannot tell.
 */
export type RowMoves = (at: number, move: 'up' | 'down', x: number | null) => { at: number; x: number } | undefined;

/** An edit made before the editor was in: text typed or pasted, one character deleted, or the caret moved by an arrow key. */
export type PendingEdit = { insert: string } | { delete: 'backward' | 'forward' } | { move: Move };

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The change that a run of pending edits from `caret` makes to `code`, replayed as an editor makes them: typing inserts
 * at the caret; Backspace and Delete take one character (a character outside the basic plane whole) before or after it,
 * stopping at the code's ends; ← and → move by a character, ↑ and ↓ to the same column of the line above or below
 * (the column kept across lines too short for it, to the code's start or end from its first or last line). The result
 * is the one span of the code that changed, and the caret after it.
 *
 * Where the code wraps, the editor's ↑ and ↓ move by a row on the screen, not a line of the code: `rows`, given, moves
 * by the static block's rows instead (row-moves.ts) while the code is still as shown (no edit made before the move),
 * keeping the horizontal position of the first of a run of moves as the editor does; where it cannot tell, the move
 * is by lines.
 */
export function pendingChange(code: string, caret: number, edits: readonly PendingEdit[], rows?: RowMoves): Omit<EditRequest, 'focus'> {
  let text = code;
  let at = Math.max(0, Math.min(caret, code.length));
  /** The column ↑ and ↓ aim for, kept from the first of a run of them (or, moving by rows, the horizontal position). */
  let goal: number | null = null;
  let goalX: number | null = null;
  const before = (i: number) => (i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : Math.min(i, 1));
  const after = (i: number) => (i >= text.length ? 0 : isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1);
  const lineStart = (i: number) => text.lastIndexOf('\n', i - 1) + 1;
  const lineEnd = (i: number) => (text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i));
  for (const edit of edits) {
    if ('move' in edit && (edit.move === 'up' || edit.move === 'down')) {
      const row: { at: number; x: number } | undefined = text === code && rows !== undefined ? rows(at, edit.move, goalX) : undefined;
      if (row !== undefined) {
        goalX = row.x;
        at = row.at;
        continue;
      }
      const start = lineStart(at);
      goal ??= at - start;
      if (edit.move === 'up') at = start === 0 ? 0 : Math.min(lineStart(start - 1) + goal, start - 1);
      else {
        const end = lineEnd(at);
        at = end === text.length ? text.length : Math.min(end + 1 + goal, lineEnd(end + 1));
      }
      continue;
    }
    goal = null;
    goalX = null;
    if ('move' in edit) at += edit.move === 'left' ? -before(at) : after(at);
    else if ('insert' in edit) {
      text = text.slice(0, at) + edit.insert + text.slice(at);
      at += edit.insert.length;
    } else if (edit.delete === 'backward') {
      const n = before(at);
      text = text.slice(0, at - n) + text.slice(at);
      at -= n;
    } else text = text.slice(0, at) + text.slice(at + after(at));
  }
  if (text === code) return { from: at, to: at, insert: '', caret: at };
  // The one span that differs: what is left between the longest common start and the longest common end.
  let head = 0;
  while (head < code.length && head < text.length && code.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < code.length - head && tail < text.length - head && code.charCodeAt(code.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { from: head, to: code.length - tail, insert: text.slice(head, text.length - tail), caret: at };
}

/** What the owner of a static code block does on the reader's intent. */
export interface EditIntentHooks {
  /** Called once, on the first focus, press or key: load the editor and then call `take()`. */
  wantsEditor(): void;
  /** Shift/Ctrl/Cmd+Enter: run (or check) the code as it is. */
  run(): void;
}

/** A watch on a static code block: `take()` ends it and says what the reader did meanwhile; `again()` asks anew on the next sign (the editor failed to load). */
export interface EditIntentWatch {
  /** `rows`, given, moves ↑ and ↓ by the block's rows on the screen (row-moves.ts, which comes with the editor). */
  take(rows?: (block: HTMLElement, code: string) => RowMoves): EditRequest;
  again(): void;
}

/** Watches a static code block for the reader's intent to edit. */
export function watchEditIntent(block: HTMLElement, code: () => string, hooks: EditIntentHooks): EditIntentWatch {
  let caret: number | undefined;
  const edits: PendingEdit[] = [];
  let asked = false;
  const ask = () => {
    if (asked) return;
    asked = true;
    hooks.wantsEditor();
  };
  const onPointer = (event: PointerEvent) => {
    if (event.button !== 0) return;
    caret = caretFromPoint(block, code(), event.clientX, event.clientY) ?? caret;
    ask();
  };
  const onKey = (event: KeyboardEvent) => {
    const intent = keyIntent(event);
    if (intent.kind === 'run') {
      event.preventDefault();
      hooks.run();
      return;
    }
    if (intent.kind === 'type') {
      event.preventDefault();
      edits.push({ insert: intent.text });
    } else if (intent.kind === 'delete') {
      event.preventDefault();
      edits.push({ delete: intent.forward ? 'forward' : 'backward' });
    } else if (intent.kind === 'move') {
      event.preventDefault();
      edits.push({ move: intent.move });
    }
    ask();
  };
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
    if (text !== '') edits.push({ insert: text.replace(/\r\n?/g, '\n') });
    ask();
  };
  block.addEventListener('pointerdown', onPointer);
  block.addEventListener('focus', ask);
  block.addEventListener('keydown', onKey);
  block.addEventListener('paste', onPaste);
  // Focused before this watch began (tabbed to while the notebook was loading): that is intent already.
  if (block.contains(document.activeElement)) ask();
  return {
    again() {
      asked = false;
    },
    take(rows) {
      block.removeEventListener('pointerdown', onPointer);
      block.removeEventListener('focus', ask);
      block.removeEventListener('keydown', onKey);
      block.removeEventListener('paste', onPaste);
      const focus = block.contains(document.activeElement) || edits.some((edit) => !('move' in edit));
      return { ...pendingChange(code(), caret ?? 0, edits, rows?.(block, code())), focus };
    },
  };
}

export interface CaretPosition {
  node: Node;
  offset: number;
}

/** The offset into the code under a point of the static block, or undefined when the point is on no line. */
export function caretFromPoint(block: HTMLElement, code: string, x: number, y: number): number | undefined {
  const position = pointPosition(x, y);
  if (!position || !block.contains(position.node)) return undefined;
  const element = position.node instanceof Element ? position.node : position.node.parentElement;
  const line = element?.closest('.code-line');
  if (!line) return undefined;
  const lineIndex = [...block.querySelectorAll('.code-line')].indexOf(line);
  const text = line.querySelector('.code-text');
  if (!text || !text.contains(position.node)) return offsetAt(code, lineIndex, 0);
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(position.node, position.offset);
  return offsetAt(code, lineIndex, range.toString().length);
}

function pointPosition(x: number, y: number): CaretPosition | undefined {
  const withPosition = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const found = withPosition.caretPositionFromPoint(x, y);
    return found ? { node: found.offsetNode, offset: found.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** Shows `code` in the static block as plain numbered lines (code that is not the build's: a saved edit, a shared link). */
export function showPlainCode(block: HTMLElement, code: string): void {
  const lines = code.split('\n').map((text, index) => {
    const line = Object.assign(document.createElement('div'), { className: 'code-line' });
    const number = Object.assign(document.createElement('span'), { className: 'code-number', textContent: String(index + 1) });
    number.setAttribute('aria-hidden', 'true');
    const content = Object.assign(document.createElement('span'), { className: 'code-text' });
    if (text === '') content.append(document.createElement('br'));
    else content.textContent = text;
    line.append(number, content);
    return line;
  });
  block.replaceChildren(...lines);
}

/** Tints a 1-based line of the static block as the place of an error, or clears the tint with null. */
export function markStaticErrorLine(block: HTMLElement, line: number | null): void {
  block.querySelectorAll('.code-line').forEach((element, index) => element.classList.toggle('code-error', line === index + 1));
}

/** What a watch yields when the reader did nothing yet: no edit, no focus. */
export const NO_REQUEST: EditRequest = { from: 0, to: 0, insert: '', caret: 0, focus: false };

/** Whether a request asks the editor for anything: an edit to make, or the focus to take. */
export function asksAnything(request: EditRequest): boolean {
  return request.insert !== '' || request.to > request.from || request.focus;
}

/**
 * Puts a just-created editor (`place`) in `holder` in place of the static code without a visible step: it is laid out
 * hidden over the static code for two frames, while CodeMirror measures its lines and sizes its gutter, and only then
 * replaces it, just after `take` reads what the reader did meanwhile (keys typed still go to the static code until
 * then), which it returns.
 */
export async function swapInWhenLaidOut(holder: HTMLElement, place: HTMLElement, take: () => EditRequest | undefined): Promise<EditRequest> {
  const holderPosition = holder.style.position;
  holder.style.position = 'relative';
  Object.assign(place.style, { position: 'absolute', top: '0', left: '0', right: '0', visibility: 'hidden' });
  holder.append(place);
  const frame = () => new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    // A hidden tab draws no frames: the swap does not wait for one.
    setTimeout(resolve, 100);
  });
  await frame();
  await frame();
  const request = take() ?? NO_REQUEST;
  holder.replaceChildren(place);
  place.removeAttribute('style');
  holder.style.position = holderPosition;
  return request;
}
