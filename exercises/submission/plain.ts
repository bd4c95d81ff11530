// A value copied to plain data the way the runner encodes a returned value and the grader reads it
// back: what crosses from the student's code to the grader, as one function.

import { decodeValue } from './reply.ts';
import { createRunner } from './runner.ts';

const encoder = createRunner({ readAccessors: false });

/** Deep-copies any value into plain data (numbers, strings, booleans, null, undefined, arrays, plain objects) with markers for the rest; never throws, never runs a getter. */
export function toPlain(value: unknown): unknown {
  return decodeValue(JSON.parse(encoder.encode(value)));
}
