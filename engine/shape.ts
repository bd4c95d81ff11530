// Shapes and NumPy broadcasting for tensors of at most two dimensions.
//
// Every shape is read as a matrix: [] is 1 × 1, [n] is 1 × n (a row, as NumPy
// aligns shapes on the right), [r, c] is r × c. Two shapes broadcast when, in
// each of the two aligned dimensions, their sizes are equal or one of them is 1;
// a size-1 dimension is then repeated, which in memory means a stride of 0.

/** A tensor's shape: [] for a scalar, [n] for a vector, [rows, cols] for a matrix. */
export type Shape = number[];

/** Writes a shape as the user sees it, e.g. `[3, 4]`. */
export function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The number of elements in a tensor of this shape. */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** Whether two shapes are the same. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The shape read as a matrix [rows, cols], aligning on the right as NumPy does. */
export function asMatrix(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [1, shape[0]];
  return [shape[0], shape[1]];
}

/** Checks that a shape has at most two non-negative integer dimensions, naming the op that received it otherwise. */
export function checkShape(op: string, shape: readonly number[]): void {
  if (shape.length > 2) {
    throw new RangeError(`${op}: shape ${shapeString(shape)} has ${shape.length} dimensions; tensors have at most 2`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`${op}: shape ${shapeString(shape)} must hold non-negative integers`);
  }
}

/** The shape two operands broadcast to, or an error naming both shapes. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): Shape {
  const ndim = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let axis = 0; axis < ndim; axis++) {
    // Align on the right: axis counts from the front of the longer shape.
    const da = a[a.length - ndim + axis] ?? 1;
    const db = b[b.length - ndim + axis] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: cannot broadcast shapes ${shapeString(a)} and ${shapeString(b)}: sizes ${da} and ${db} differ and neither is 1`,
      );
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** How to walk two broadcast operands together: the result's matrix size and each operand's row and column strides. */
export interface BroadcastPlan {
  /** The result's shape. */
  shape: Shape;
  /** The result's row count read as a matrix. */
  rows: number;
  /** The result's column count read as a matrix. */
  cols: number;
  /** Step in a's data per result row (0 when a's rows are repeated). */
  aRow: number;
  /** Step in a's data per result column (0 when a's columns are repeated). */
  aCol: number;
  /** Step in b's data per result row. */
  bRow: number;
  /** Step in b's data per result column. */
  bCol: number;
}

/** Plans the broadcast of a against b: element (i, j) of the result reads a[i * aRow + j * aCol] and b[i * bRow + j * bCol]. */
export function broadcastPlan(op: string, a: readonly number[], b: readonly number[]): BroadcastPlan {
  const shape = broadcastShapes(op, a, b);
  const [rows, cols] = asMatrix(shape);
  const [ar, ac] = asMatrix(a);
  const [br, bc] = asMatrix(b);
  return {
    shape,
    rows,
    cols,
    aRow: ar === 1 ? 0 : ac,
    aCol: ac === 1 ? 0 : 1,
    bRow: br === 1 ? 0 : bc,
    bCol: bc === 1 ? 0 : 1,
  };
}

/** Resolves an axis that may count from the end (-1 is the last) for a tensor of `ndim` dimensions. */
export function normalizeAxis(op: string, axis: number, shape: readonly number[]): number {
  const ndim = shape.length;
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    const allowed = ndim === 0 ? 'a scalar has no axes' : `valid axes are ${-ndim} to ${ndim - 1}`;
    throw new RangeError(`${op}: axis ${axis} is out of range for shape ${shapeString(shape)}; ${allowed}`);
  }
  return axis < 0 ? axis + ndim : axis;
}
