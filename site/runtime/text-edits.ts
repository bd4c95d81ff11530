// A small list of insertions and replacements applied to a text in one pass, remembering where
// every output character came from so an error in the output can point back at the input.

/** Text with edits applied, and a map from its offsets back to the offsets of the original. */
export interface EditedText {
  /** The text after the edits. */
  text: string;
  /** The original offset of an output offset; characters an edit inserted map to where the edit was made. */
  toInput(offset: number): number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

interface Piece {
  outputStart: number;
  outputEnd: number;
  inputStart: number;
  copied: boolean;
}

/** Collects non-overlapping edits to one text and applies them together. */
export class TextEdits {
  private readonly edits: Edit[] = [];

  /** Inserts text before the character at `at`; several insertions at one place keep their order. */
  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  /** Replaces the characters from `start` up to (not including) `end`. */
  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  /** Applies every edit to the text it was made for. */
  apply(source: string): EditedText {
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    const parts: string[] = [];
    const pieces: Piece[] = [];
    let input = 0;
    let output = 0;
    const copyTo = (end: number): void => {
      if (end <= input) return;
      parts.push(source.slice(input, end));
      pieces.push({ outputStart: output, outputEnd: output + end - input, inputStart: input, copied: true });
      output += end - input;
      input = end;
    };
    for (const edit of edits) {
      if (edit.start < input) throw new Error(`text edits overlap at offset ${edit.start}`);
      copyTo(edit.start);
      parts.push(edit.text);
      pieces.push({ outputStart: output, outputEnd: output + edit.text.length, inputStart: edit.start, copied: false });
      output += edit.text.length;
      input = edit.end;
    }
    copyTo(source.length);
    const text = parts.join('');
    const toInput = (offset: number): number => {
      // The last piece that starts at or before the offset holds it (or ends right before it).
      let low = 0;
      let high = pieces.length - 1;
      if (high < 0) return offset;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (pieces[middle].outputStart <= offset) low = middle;
        else high = middle - 1;
      }
      const piece = pieces[low];
      if (!piece.copied) return piece.inputStart;
      return piece.inputStart + Math.min(offset - piece.outputStart, piece.outputEnd - piece.outputStart);
    };
    return { text, toInput };
  }
}
