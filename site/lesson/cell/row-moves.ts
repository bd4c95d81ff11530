// ↑ and ↓ pressed in a cell's static code before its editor loaded, replayed by the rows the code takes on the screen,
// as the editor moves where a line wraps (edit-intent.ts replays the rest of what the reader did). It runs only when
// the editor has come, so it comes with it (editor.ts passes it on): a page that is only read never loads it.

import { caretFromPoint, type CaretPosition, type RowMoves } from './edit-intent.ts';

/** The DOM position of an offset of the code in the static block (a text node and an offset in it, or a line's empty text). */
function positionOf(block: HTMLElement, code: string, at: number): CaretPosition | undefined {
  const before = code.slice(0, at).split('\n');
  const text = block.querySelectorAll('.code-text')[before.length - 1];
  if (!text) return undefined;
  let column = before[before.length - 1].length;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (column <= (node as Text).length) return { node, offset: column };
    column -= (node as Text).length;
  }
  return column === 0 ? { node: text, offset: 0 } : undefined;
}

/**
 * Moves by the static block's rows on the screen, as the editor's ↑ and ↓ do where a line wraps: from the caret's
 * place, one row height up or down at the aimed x, the code's offset under that point. Undefined where the layout
 * cannot tell (a point off the screen), and from the first row up or the last down (the point is off the code), where
 * moving by lines goes to the code's start or end as the editor does.
 */
export function rowMoves(block: HTMLElement, code: string): RowMoves {
  return (at, move, aimed) => {
    const position = positionOf(block, code, at);
    if (!position) return undefined;
    const range = document.createRange();
    range.setStart(position.node, position.offset);
    const rect = (position.node instanceof Text ? range : (position.node as Element)).getBoundingClientRect();
    const x = aimed ?? rect.left;
    const landed = rect.height > 0 ? caretFromPoint(block, code, x, rect.top + rect.height / 2 + (move === 'up' ? -rect.height : rect.height)) : undefined;
    return landed === undefined ? undefined : { at: landed, x };
  };
}
