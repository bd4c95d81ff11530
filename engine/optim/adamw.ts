// AdamW, as torch.optim.AdamW: Adam with decoupled weight decay. Instead of
// adding λ θ to the gradient (where Adam's normalisation would rescale it),
// every step first shrinks the weights: θ ← θ (1 - η λ), then takes Adam's step.

import type { Tensor } from '../tensor.ts';
import { Adam, type AdamOptions } from './adam.ts';

/** AdamW's options: Adam's, with weight decay defaulting to 1e-2 as in torch.optim.AdamW. */
export type AdamWOptions = AdamOptions;

/** Adam with decoupled weight decay θ ← θ (1 - η λ), as torch.optim.AdamW. */
export class AdamW extends Adam {
  protected override readonly decoupled = true;

  /** Creates AdamW over `params`. */
  constructor(params: Iterable<Tensor>, options: AdamWOptions = {}) {
    super(params, { ...options, weightDecay: options.weightDecay ?? 1e-2 });
  }
}
