// AdamW, as torch.optim.AdamW: Adam with decoupled weight decay. Instead of
// adding λ θ to the gradient (where Adam's normalisation would rescale it),
// every step first shrinks the weights: θ ← θ (1 - η λ), then takes Adam's step.

import { Adam, type AdamOptions } from './adam.ts';
import type { HyperParameters } from './optimizer.ts';

/** AdamW's options: Adam's, with weight decay defaulting to 1e-2 as in torch.optim.AdamW. */
export type AdamWOptions = AdamOptions;

/** Adam with decoupled weight decay θ ← θ (1 - η λ), as torch.optim.AdamW. */
export class AdamW extends Adam {
  /** AdamW's hyper-parameters: Adam's, with torch.optim.AdamW's weight decay of 1e-2 applied to the weights directly. */
  static override readonly hyperparameters: HyperParameters = {
    ...Adam.hyperparameters,
    weightDecay: { default: 1e-2, min: 0, description: 'Decoupled weight decay λ: every step first shrinks θ ← θ (1 - η λ).' },
  };

  /** AdamW's decay shrinks the weights in the base's prologue instead of entering the gradient. */
  protected override readonly decoupledWeightDecay = true;
}
