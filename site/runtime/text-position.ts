// Converting between character offsets and (line, column) pairs in a piece of source text.
// Both are 0-based here; the 1-based numbers a reader sees are made only at the edges.

/** A 0-based line and column in some text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Offsets of the first character of every line of a text, for fast offset and position lookups. */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** Indexes the line starts of the given text. */
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** The number of lines in the text. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line and column of a character offset. */
  position(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Binary search for the last line start at or before the offset.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - this.starts[low] };
  }

  /** The character offset of a 0-based line and column, clamped into the text. */
  offset(position: TextPosition): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, position.column), lineEnd);
  }
}
