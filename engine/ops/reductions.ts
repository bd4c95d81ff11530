// Reductions: sum, mean, max and argmax over all elements or along one axis.
//
// Each input element (i, j) of the tensor read as a matrix lands in one output
// element o = i · outRow + j · outCol, so the backward rules are short:
//   sum:  dL/dx(i, j) = dL/dy(o)
//   mean: dL/dx(i, j) = dL/dy(o) / n, n the number of elements averaged
//   max:  dL/dx(i, j) = dL/dy(o) where x(i, j) was the maximum, else 0.

import { Tensor, gradBuffer } from '../tensor.ts';
import { asMatrix, normalizeAxis, type Shape } from '../shape.ts';

/** Where a reduction sends each element: the output shape, its strides over the input matrix, and how many elements meet in each output. */
interface ReductionPlan {
  rows: number;
  cols: number;
  outRow: number;
  outCol: number;
  outSize: number;
  count: number;
  shape: Shape;
}

/** Plans a reduction of `shape` over all elements (axis null) or along one axis, keeping reduced dimensions as 1 when `keepdim`. */
function plan(op: string, shape: Shape, axis: number | null, keepdim: boolean): ReductionPlan {
  const [rows, cols] = asMatrix(shape);
  if (axis === null) {
    return { rows, cols, outRow: 0, outCol: 0, outSize: 1, count: rows * cols, shape: keepdim ? shape.map(() => 1) : [] };
  }
  const a = normalizeAxis(op, axis, shape);
  const out = shape.slice();
  if (keepdim) out[a] = 1;
  else out.splice(a, 1);
  // Reducing the first of two axes collapses rows; reducing the last (or only) axis collapses columns.
  if (shape.length === 2 && a === 0) return { rows, cols, outRow: 0, outCol: 1, outSize: cols, count: rows, shape: out };
  return { rows, cols, outRow: 1, outCol: 0, outSize: rows, count: cols, shape: out };
}

/** The sum of all elements (axis null) or along an axis; dL/dx = dL/dy for every element summed. */
export function sum(x: Tensor, axis: number | null = null, keepdim = false): Tensor {
  const { rows, cols, outRow, outCol, outSize, shape } = plan('sum', x.shape, axis, keepdim);
  const xs = x.data;
  const ys = new Float64Array(outSize);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) ys[i * outRow + j * outCol] += xs[k];
  return Tensor.fromOp('sum', ys, shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) gx[k] += g[i * outRow + j * outCol];
  }, { axis, keepdim });
}

/** The mean of all elements (axis null) or along an axis; dL/dx = dL/dy / n. */
export function mean(x: Tensor, axis: number | null = null, keepdim = false): Tensor {
  const { rows, cols, outRow, outCol, outSize, count, shape } = plan('mean', x.shape, axis, keepdim);
  const xs = x.data;
  const ys = new Float64Array(outSize);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) ys[i * outRow + j * outCol] += xs[k];
  for (let o = 0; o < outSize; o++) ys[o] /= count;
  return Tensor.fromOp('mean', ys, shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) gx[k] += g[i * outRow + j * outCol] / count;
  }, { axis, keepdim });
}

/** For each output element, the flat input index of its maximum (the first one on ties; NaN wins, as in PyTorch). */
function maxIndices(x: Tensor, p: ReductionPlan): Int32Array {
  const { rows, cols, outRow, outCol, outSize } = p;
  const xs = x.data;
  const best = new Int32Array(outSize).fill(-1);
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) {
      const o = i * outRow + j * outCol;
      const b = best[o];
      if (b < 0 || xs[k] > xs[b] || (Number.isNaN(xs[k]) && !Number.isNaN(xs[b]))) best[o] = k;
    }
  }
  return best;
}

/**
 * The largest element (axis null) or the largest along an axis. The gradient flows to the maximum; over all
 * elements it is shared equally among tied maxima, along an axis it goes to the first, as in PyTorch.
 */
export function max(x: Tensor, axis: number | null = null, keepdim = false): Tensor {
  const p = plan('max', x.shape, axis, keepdim);
  if (x.size === 0) throw new RangeError('max: the tensor is empty, so it has no largest element');
  const best = maxIndices(x, p);
  const xs = x.data;
  const ys = new Float64Array(p.outSize);
  for (let o = 0; o < p.outSize; o++) ys[o] = xs[best[o]];
  return Tensor.fromOp('max', ys, p.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    if (axis === null) {
      let ties = 0;
      for (let k = 0; k < xs.length; k++) if (xs[k] === ys[0]) ties++;
      if (ties === 0) gx[best[0]] += g[0];
      else for (let k = 0; k < xs.length; k++) if (xs[k] === ys[0]) gx[k] += g[0] / ties;
    } else {
      for (let o = 0; o < p.outSize; o++) gx[best[o]] += g[o];
    }
  });
}

/** The index of the largest element (flat, for axis null) or of the largest along an axis; an index has no gradient. */
export function argmax(x: Tensor, axis: number | null = null, keepdim = false): Tensor {
  const p = plan('argmax', x.shape, axis, keepdim);
  if (x.size === 0) throw new RangeError('argmax: the tensor is empty, so it has no largest element');
  const best = maxIndices(x, p);
  const out = new Float64Array(p.outSize);
  for (let o = 0; o < p.outSize; o++) {
    const k = best[o];
    // Position along the reduced axis: the flat index, its column, or its row.
    out[o] = axis === null ? k : p.outRow === 0 ? Math.floor(k / p.cols) : k % p.cols;
  }
  return new Tensor(out, p.shape, {}, 'argmax', [x]);
}
