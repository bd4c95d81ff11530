// The worked example of the authoring guide's example chapter (lessons/authoring-example.mdx), computed when the
// site is built. The guide prints this file as its example of a number computed at build time.

import { relu, tensor } from '../../engine/index.ts';

/** The inputs the chapter's cell starts with. */
export const inputs: readonly number[] = [-2, -0.5, 1, 3];

/** ReLU's slope at each input, by autograd: the gradient of the sum of relu(x) with respect to x. */
export function reluSlopes(values: readonly number[]): number[] {
  const x = tensor([...values], { requiresGrad: true });
  relu(x).sum().backward();
  if (x.grad === null) throw new Error('reluSlopes: autograd gave x no gradient');
  return Array.from(x.grad.data);
}

/** The slopes at the inputs, as the chapter prints them: one per input, separated by commas. */
export const slopesShown: string = reluSlopes(inputs).join(', ');
