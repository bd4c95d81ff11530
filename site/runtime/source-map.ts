// Just enough of the source map format (version 3) to map a position in sucrase's output back to
// the TypeScript a reader wrote: decode the Base64 VLQ `mappings` and look up the nearest segment.

import type { TextPosition } from './text-position.ts';

/** One decoded mapping: a generated column and the original line and column it came from (all 0-based). */
export interface MappingSegment {
  generatedColumn: number;
  originalLine: number;
  originalColumn: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((character, index) => [character, index]));

/** Decodes a source map's `mappings` string into the segments of each generated line, sorted by column. */
export function decodeMappings(mappings: string): MappingSegment[][] {
  const lines: MappingSegment[][] = [];
  // Fields are deltas from the previous segment: the column resets on every line, the rest run on.
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: MappingSegment[] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      generatedColumn += fields[0];
      if (fields.length >= 4) {
        sourceLine += fields[2];
        sourceColumn += fields[3];
        segments.push({ generatedColumn, originalLine: sourceLine, originalColumn: sourceColumn });
      }
    }
    segments.sort((a, b) => a.generatedColumn - b.generatedColumn);
    lines.push(segments);
  }
  return lines;
}

/** The original position of a generated one: the nearest segment at or before it, moved on by the distance past it. */
export function originalPosition(lines: MappingSegment[][], generated: TextPosition): TextPosition {
  const segments = lines[generated.line] ?? [];
  let best: MappingSegment | undefined;
  for (const segment of segments) {
    if (segment.generatedColumn <= generated.column) best = segment;
    else break;
  }
  if (!best) return { line: generated.line, column: generated.column };
  return { line: best.originalLine, column: best.originalColumn + (generated.column - best.generatedColumn) };
}

// A VLQ digit holds five value bits and a continuation bit; the lowest bit of a value is its sign.
function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of text) {
    const digit = DIGIT.get(character);
    if (digit === undefined) throw new Error(`source map: '${character}' is not a Base64 digit`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
