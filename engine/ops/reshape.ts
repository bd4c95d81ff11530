// Reshape: the same row-major values read with another shape.

import { Tensor, gradBuffer } from '../tensor.ts';
import { checkShape, shapeString, sizeOf, type Shape } from '../shape.ts';

/** The same values with a new shape of the same size (for example [n] to [n, 1]); the gradient is reshaped back. */
export function reshape(x: Tensor, shape: Shape): Tensor {
  checkShape('reshape', shape);
  if (sizeOf(shape) !== x.size) {
    throw new RangeError(`reshape: cannot reshape ${shapeString(x.shape)} (${x.size} values) to ${shapeString(shape)} (${sizeOf(shape)} values)`);
  }
  return Tensor.fromOp('reshape', x.data.slice(), shape, [x], (g) => {
    // Reshaping keeps the order of the values, so element i's gradient is passed back as is.
    const gx = gradBuffer(x)!;
    for (let i = 0; i < g.length; i++) gx[i] += g[i];
  });
}
