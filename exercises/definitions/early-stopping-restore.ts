import { EarlyStopping, Linear, type Random } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';

/** What early stopping decides over a validation curve: the epoch training stops at, and the epoch whose weights come back. */
export interface Decision {
  stopEpoch: number;
  restoredEpoch: number;
}

/** The slips of the misconceptions, each a switch of `decide`. */
export interface Slip {
  /** Stops once the counter exceeds the patience, one epoch late. */
  latePatience?: boolean;
  /** Restores the weights of the epoch it stops at. */
  restoreLast?: boolean;
  /** Counts any value below the best as an improvement, however small. */
  ignoreMinDelta?: boolean;
  /** Resets the counter whenever the loss falls from the epoch before, even when it stays above the best. */
  resetOnDecrease?: boolean;
  /** Counts a value equal to best − min_delta (a tie, with min_delta 0) as an improvement. */
  tiesImprove?: boolean;
}

/**
 * The patience logic, with a misconception's slips switched on: the cases are drawn so that each slip shows. With no
 * slip it is the engine's EarlyStopping (engine/optim/early-stopping.ts), which the tests prove on every case.
 */
export function decide(losses: readonly number[], patience: number, minDelta: number, slip: Slip = {}): Decision {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    const value = losses[epoch];
    const threshold = slip.ignoreMinDelta ? best : best - minDelta;
    const improved = slip.tiesImprove ? value <= threshold : value < threshold;
    if (improved) {
      best = value;
      bestEpoch = epoch;
      waited = 0;
    } else if (slip.resetOnDecrease && value < losses[epoch - 1]) {
      waited = 0;
    } else {
      waited++;
    }
    if (slip.latePatience ? waited > patience : waited >= patience) return { stopEpoch: epoch, restoredEpoch: slip.restoreLast ? epoch : bestEpoch };
  }
  const last = losses.length - 1;
  return { stopEpoch: last, restoredEpoch: slip.restoreLast ? last : bestEpoch };
}

/** The misconceptions' slips, in the order the grader tries them (each is told apart from those before it). */
export const SLIPS: readonly { id: string; slip: Slip; parts: readonly (keyof Decision)[] }[] = [
  { id: 'patience-off-by-one', slip: { latePatience: true }, parts: ['stopEpoch', 'restoredEpoch'] },
  { id: 'restores-last-epoch', slip: { restoreLast: true }, parts: ['restoredEpoch'] },
  { id: 'ignores-min-delta', slip: { ignoreMinDelta: true }, parts: ['stopEpoch', 'restoredEpoch'] },
  { id: 'resets-on-any-decrease', slip: { resetOnDecrease: true }, parts: ['stopEpoch', 'restoredEpoch'] },
  { id: 'tie-counts-as-improvement', slip: { tiesImprove: true }, parts: ['stopEpoch', 'restoredEpoch'] },
];

/** A validation curve on a grid of 0.01: falling for a few epochs, then wandering, with returns to its best and small dips. */
function curve(rng: Random): number[] {
  const length = 8 + rng.int(5);
  const losses = [Math.round(rng.uniform(0.9, 1.3) * 100) / 100];
  const falling = 2 + rng.int(3);
  const moves = [-0.04, -0.02, -0.01, -0.01, 0, 0.01, 0.01, 0.02, 0.03];
  for (let epoch = 1; epoch < length; epoch++) {
    const previous = losses[epoch - 1];
    const best = Math.min(...losses);
    let next: number;
    if (epoch <= falling) next = previous - (5 + rng.int(11)) / 100;
    else if (rng.uniform() < 0.2) next = best;
    else next = previous + moves[rng.int(moves.length)];
    losses.push(Math.max(0.05, Math.round(next * 100) / 100));
  }
  return losses;
}

/** Whether misconception `index` shows on this case: on each part it can change, it differs from the right answer and from every misconception before it. */
function shows(index: number, losses: readonly number[], patience: number, minDelta: number): boolean {
  const right = decide(losses, patience, minDelta);
  const target = decide(losses, patience, minDelta, SLIPS[index].slip);
  const earlier = SLIPS.slice(0, index).map((s) => decide(losses, patience, minDelta, s.slip));
  return SLIPS[index].parts.every((part) => target[part] !== right[part] && earlier.every((other) => other[part] !== target[part]));
}

/** The misconceptions' feedback, by id. */
const FEEDBACK: Readonly<Record<string, string>> = {
  'patience-off-by-one': `You stop one epoch late. With patience $p$, training stops at the $p$-th epoch in a row without
improvement: after the best epoch $b$ (and no improvement since), the stop comes at epoch $b + p$, not $b + p + 1$. Stop as
soon as the counter reaches $p$, \`waited >= patience\`.`,
  'restores-last-epoch': `You give back the weights of the epoch you stopped at. The point of early stopping with
restoration is that those weights are $p$ epochs past the best: the counter only ran out because they were no better.
Restore the weights saved at the best epoch, the last one that counted as an improvement.`,
  'ignores-min-delta': `You count every value below the best as an improvement. With \`minDelta\` $= \\delta$, a value
counts only if it beats the best by more than $\\delta$, $v < v_{\\text{best}} - \\delta$: a dip smaller than that does not
reset the counter (a slow creep does, once it has added up to more than $\\delta$ below the best).`,
  'resets-on-any-decrease': `You reset the counter whenever the loss falls from the epoch before. Patience counts epochs
since the last improvement over the best; a dip that stays above the best (by \`minDelta\`) is not one, so the counter
keeps running and the best epoch stays where it was.`,
  'tie-counts-as-improvement': `You count a value equal to the best as an improvement. The comparison is strict,
$v < v_{\\text{best}} - \\delta$: a tie neither moves the best epoch (the earlier weights stay the ones restored) nor
resets the counter.`,
};

/** The misconception solutions: the reference with one slip each, as a student would write it. */
const SOLUTIONS: Readonly<Record<string, string>> = {
  'patience-off-by-one': `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] < best - minDelta) { best = losses[epoch]; bestEpoch = epoch; waited = 0; } else waited++;
    if (waited > patience) return { stopEpoch: epoch, restoredEpoch: bestEpoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: bestEpoch };
}`,
  'restores-last-epoch': `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] < best - minDelta) { best = losses[epoch]; waited = 0; } else waited++;
    if (waited >= patience) return { stopEpoch: epoch, restoredEpoch: epoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: losses.length - 1 };
}`,
  'ignores-min-delta': `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] < best) { best = losses[epoch]; bestEpoch = epoch; waited = 0; } else waited++;
    if (waited >= patience) return { stopEpoch: epoch, restoredEpoch: bestEpoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: bestEpoch };
}`,
  'resets-on-any-decrease': `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] < best - minDelta) { best = losses[epoch]; bestEpoch = epoch; waited = 0; }
    else if (epoch > 0 && losses[epoch] < losses[epoch - 1]) waited = 0;
    else waited++;
    if (waited >= patience) return { stopEpoch: epoch, restoredEpoch: bestEpoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: bestEpoch };
}`,
  'tie-counts-as-improvement': `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] <= best - minDelta) { best = losses[epoch]; bestEpoch = epoch; waited = 0; } else waited++;
    if (waited >= patience) return { stopEpoch: epoch, restoredEpoch: bestEpoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: bestEpoch };
}`,
};

/** What each case index is drawn to show: a misconception (by its index in SLIPS), or a curve whose patience never runs out. */
const SCENARIOS: readonly (number | 'never-stops')[] = [0, 1, 2, 3, 4, 'never-stops'];

/** Early stopping with patience over a given validation curve: where training stops, and whose weights come back. */
export default defineExercise({
  kind: 'code',
  id: 'early-stopping-restore',
  title: 'Early stopping: where it stops, and which weights come back',
  prompt: `Training reports a validation loss $v_0, v_1, \\dots$ after each epoch (epochs counted from 0). Early stopping with
patience $p$ and minimum improvement $\\delta$ (\`minDelta\`) keeps the best value so far, $v_{\\text{best}}$ ($+\\infty$
before epoch 0), and a counter:

- epoch $t$ **improves** when $v_t < v_{\\text{best}} - \\delta$; then $v_{\\text{best}} \\leftarrow v_t$, the weights of epoch
  $t$ are saved, and the counter goes back to 0;
- otherwise the counter goes up by one; when it reaches $p$, training stops at this epoch and the saved weights are put
  back.

Given the curve \`losses\`, $p \\ge 1$ and $\\delta \\ge 0$, return \`stopEpoch\`, the epoch training stops at, and
\`restoredEpoch\`, the epoch whose weights the network ends with. If the counter never reaches $p$, training runs to the
end of the curve: \`stopEpoch\` is then the last epoch, \`losses.length - 1\`, and the best weights are restored all the
same (with the engine's \`EarlyStopping\`, by calling \`restoreBest()\` once the loop ends).`,
  functionName: 'earlyStopping',
  signature: 'earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number }',
  starter: `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  return { stopEpoch: losses.length - 1, restoredEpoch: losses.length - 1 };
}`,
  solution: `function earlyStopping(losses: number[], patience: number, minDelta: number): { stopEpoch: number; restoredEpoch: number } {
  let best = Infinity;
  let bestEpoch = -1;
  let waited = 0;
  for (let epoch = 0; epoch < losses.length; epoch++) {
    if (losses[epoch] < best - minDelta) {
      best = losses[epoch];
      bestEpoch = epoch;
      waited = 0;
    } else {
      waited++;
    }
    if (waited >= patience) return { stopEpoch: epoch, restoredEpoch: bestEpoch };
  }
  return { stopEpoch: losses.length - 1, restoredEpoch: bestEpoch };
}`,
  returns: 'object',
  parts: [{ name: 'stopEpoch' }, { name: 'restoredEpoch' }],
  caseCount: SCENARIOS.length,
  hints: [
    'Keep three things as you walk the curve: the best value so far, the epoch it came from, and how many epochs have passed since.',
    'An epoch counts as an improvement only if it beats the best by more than `minDelta`, strictly: a tie, or a dip that stays above the best, is not one.',
    'Stop at the epoch where the counter reaches `patience` (the $p$-th epoch in a row without improvement) and answer with the epoch of the best, not the one you stopped at.',
  ],
  explanation: `The validation loss is an estimate of the error on unseen data; once the network starts to overfit it turns
up while the training loss keeps falling. Early stopping watches it: each time it beats its best by more than $\\delta$ the
weights are saved, and after $p$ epochs in a row without such an improvement training stops, at epoch $b + p$ where $b$ is
the best epoch, and the weights of epoch $b$ come back: the last epoch that improved on the best by more than $\\delta$ (with
$\\delta = 0$, the lowest validation loss), not the last epoch, after which nothing was better by that margin.
$\\delta$ keeps noise from counting as progress: a dip of less than $\\delta$ below the best does not reset the counter. The comparison is with the best, not with the epoch before, because a loss that wobbles down and up
around a level is not getting better; and it is strict, so a tie keeps the earlier, equally good weights. Patience is a
trade-off: too small and a noisy curve stops before its real minimum, too large and time is spent training past it.`,
  generate(rng, index) {
    const scenario = SCENARIOS[index % SCENARIOS.length];
    for (;;) {
      const losses = curve(rng);
      const patience = 1 + rng.int(4);
      const needsNoDelta = scenario === 4;
      const needsDelta = scenario === 2 || scenario === 3;
      // δ on a grid offset from the curve's by 0.005, so no difference of two losses ever equals it.
      const minDelta = needsNoDelta ? 0 : needsDelta || rng.uniform() < 0.5 ? [0.015, 0.025, 0.035][rng.int(3)] : 0;
      if (scenario === 'never-stops') {
        if (new EarlyStoppingRun(losses, patience, minDelta).stoppedBy === null) {
          return { args: [losses, patience, minDelta] };
        }
      } else if (shows(scenario, losses, patience, minDelta)) {
        return { args: [losses, patience, minDelta] };
      }
    }
  },
  detectors: [],
  oracle([losses, patience, minDelta]) {
    const run = new EarlyStoppingRun(losses as number[], patience as number, minDelta as number);
    return { stopEpoch: run.stopEpoch, restoredEpoch: run.restoredEpoch };
  },
  misconceptions: SLIPS.map(({ id }) => ({ id, solution: SOLUTIONS[id], feedback: FEEDBACK[id] })),
});

/**
 * The engine's EarlyStopping run over a curve, on a one-weight network whose weight is set to the epoch's number before
 * each report: the weight it ends with is the epoch whose weights were restored.
 */
export class EarlyStoppingRun {
  /** The epoch at which `step` said stop, or null when it never did. */
  readonly stoppedBy: number | null = null;
  /** The epoch training ends at: where it stopped, or the last. */
  readonly stopEpoch: number;
  /** The epoch whose weights the network holds at the end. */
  readonly restoredEpoch: number;

  constructor(losses: readonly number[], patience: number, minDelta: number) {
    const net = new Linear(1, 1, { bias: false });
    const stopper = new EarlyStopping(net, { patience, minDelta });
    for (let epoch = 0; epoch < losses.length; epoch++) {
      net.weight.data[0] = epoch;
      if (stopper.step(losses[epoch])) {
        this.stoppedBy = epoch;
        break;
      }
    }
    if (this.stoppedBy === null) stopper.restoreBest();
    this.stopEpoch = this.stoppedBy ?? losses.length - 1;
    this.restoredEpoch = net.weight.data[0];
  }
}
