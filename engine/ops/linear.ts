// The affine map of a fully connected layer: y = x Wᵀ + b.
//
// x is [batch, in] (or one sample [in]), W is [out, in] as in torch.nn.Linear,
// b is [out]. With dY = dL/dy:
//   dL/dx = dY W,   dL/dW = dYᵀ x,   dL/db = Σ over the batch of dY.
// Wᵀ and dYᵀ are never built: the kernel reads them through swapped strides.

import { Tensor, gradBuffer } from '../tensor.ts';
import { shapeString } from '../shape.ts';
import { gemm } from './gemm.ts';

/** The affine map x Wᵀ + b of a linear layer, W of shape [out, in] and b (optional) of shape [out]. */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (weight.ndim !== 2) {
    throw new RangeError(`linear: the weight must be a matrix [out, in], got shape ${shapeString(weight.shape)}`);
  }
  const [outFeatures, inFeatures] = weight.shape;
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inFeatures) {
    throw new RangeError(
      `linear: the input has shape ${shapeString(x.shape)} but the weight ${shapeString(weight.shape)} expects ${inFeatures} input features`,
    );
  }
  if (bias != null && !(bias.ndim === 1 && bias.shape[0] === outFeatures) && !(bias.ndim === 0 && outFeatures === 1)) {
    throw new RangeError(`linear: the bias has shape ${shapeString(bias.shape)} but the weight ${shapeString(weight.shape)} needs [${outFeatures}]`);
  }
  const batch = x.ndim === 2 ? x.shape[0] : 1;
  const shape = x.ndim === 2 ? [batch, outFeatures] : [outFeatures];
  const X = x.data;
  const W = weight.data;
  const y = new Float64Array(batch * outFeatures);
  if (bias != null) {
    const b = bias.data;
    for (let i = 0, k = 0; i < batch; i++) for (let j = 0; j < outFeatures; j++, k++) y[k] = b[b.length === 1 ? 0 : j];
  }
  // y (batch × out) += X (batch × in) · Wᵀ, Wᵀ(p, j) = W[j * in + p]: strides (1, in).
  gemm(batch, outFeatures, inFeatures, X, inFeatures, 1, W, 1, inFeatures, y, bias != null);
  const parents = bias != null ? [x, weight, bias] : [x, weight];
  return Tensor.fromOp('linear', y, shape, parents, (dY) => {
    const dX = gradBuffer(x);
    const dW = gradBuffer(weight);
    // dX (batch × in) += dY (batch × out) · W (out × in).
    if (dX !== null) gemm(batch, inFeatures, outFeatures, dY, outFeatures, 1, W, inFeatures, 1, dX, true);
    // dW (out × in) += dYᵀ (out × batch) · X (batch × in), dYᵀ(j, i) = dY[i * out + j]: strides (1, out).
    if (dW !== null) gemm(outFeatures, inFeatures, batch, dY, 1, outFeatures, X, inFeatures, 1, dW, true);
    const db = bias != null ? gradBuffer(bias) : null;
    if (db !== null) {
      // Each sample's bias gradient is dY's row; the shared bias receives their sum.
      for (let i = 0; i < batch; i++) {
        for (let j = 0; j < outFeatures; j++) db[db.length === 1 ? 0 : j] += dY[i * outFeatures + j];
      }
    }
  });
}
