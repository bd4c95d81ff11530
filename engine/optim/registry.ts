// The registry of optimizers: every optimizer the course offers, by name, with
// its class, its preset options and one line for a reader. The conformance
// runner, the Playground's optimizer list and later widgets all read it, so an
// optimizer added here (one file with its class, one line below) appears in all
// of them. A preset is a torch.optim class with some options set (momentum is
// SGD with μ = 0.9); only entries without presets are torch.optim's own classes,
// which the conformance cases name.

import type { Tensor } from '../tensor.ts';
import type { HyperParameters, Optimizer, OptimizerClass, OptimizerOptions } from './optimizer.ts';
import { SGD } from './sgd.ts';
import { Adagrad } from './adagrad.ts';
import { RMSprop } from './rmsprop.ts';
import { Adam } from './adam.ts';
import { AdamW } from './adamw.ts';

/** One optimizer of the registry. */
export interface OptimizerEntry {
  /** Its name in URLs, controls and conformance cases: lower case, torch.optim's class name for a class of its own. */
  readonly name: string;
  /** How a reader sees it named. */
  readonly label: string;
  /** The engine class that implements it. */
  readonly optimizer: OptimizerClass;
  /** Options set by this entry (a preset such as momentum); absent for torch.optim's class itself. */
  readonly preset?: Readonly<Record<string, unknown>>;
  /** One line on what it does. */
  readonly description: string;
  /** torch.optim's class name, for an entry that is that class (no preset): 'SGD', 'Adam', ... */
  readonly torch?: string;
}

/** Every optimizer the course offers, in the order controls list them. */
export const OPTIMIZERS = [
  { name: 'sgd', label: 'SGD', optimizer: SGD, torch: 'SGD', description: 'Steps against the gradient: θ ← θ - η g.' },
  { name: 'momentum', label: 'Momentum', optimizer: SGD, preset: { momentum: 0.9 }, description: 'SGD whose steps keep 0.9 of the previous step: a ball rolling downhill.' },
  { name: 'nesterov', label: 'Nesterov', optimizer: SGD, preset: { momentum: 0.9, nesterov: true }, description: 'Momentum that looks ahead: the gradient is taken where the momentum is heading.' },
  { name: 'adagrad', label: 'AdaGrad', optimizer: Adagrad, torch: 'Adagrad', description: 'Divides each weight’s step by the root of its summed squared gradients.' },
  { name: 'rmsprop', label: 'RMSProp', optimizer: RMSprop, torch: 'RMSprop', description: 'Divides each weight’s step by a running root mean square of its gradients.' },
  { name: 'adam', label: 'Adam', optimizer: Adam, torch: 'Adam', description: 'Momentum divided by a running root mean square, both corrected for starting at zero.' },
  { name: 'adamw', label: 'AdamW', optimizer: AdamW, torch: 'AdamW', description: 'Adam whose weight decay shrinks the weights directly instead of entering the gradient.' },
] as const satisfies readonly OptimizerEntry[];

/** An optimizer's name in the registry. */
export type OptimizerName = (typeof OPTIMIZERS)[number]['name'];

/** The registry entry of `name`; throws a RangeError listing the known names when there is none. */
export function optimizerEntry(name: string): OptimizerEntry {
  const entry = OPTIMIZERS.find((o) => o.name === name);
  if (entry === undefined) throw new RangeError(`unknown optimizer '${name}'; known: ${OPTIMIZERS.map((o) => o.name).join(', ')}`);
  return entry;
}

/** The hyper-parameters of the named optimizer, with the preset's values as their defaults. */
export function optimizerHyperparameters(name: string): HyperParameters {
  const { optimizer, preset } = optimizerEntry(name);
  const table = { ...optimizer.hyperparameters };
  for (const [option, value] of Object.entries(preset ?? {})) table[option] = { ...table[option], default: value as number | boolean };
  return table;
}

/** Creates the named optimizer over `params`: its preset, then `options` on top. */
export function createOptimizer(name: string, params: Iterable<Tensor>, options: OptimizerOptions & Record<string, unknown> = {}): Optimizer {
  const { optimizer, preset } = optimizerEntry(name);
  return new optimizer(params, { ...preset, ...options });
}

/** PyTorch's spelling of an option name: `weightDecay` is `weight_decay`, `lrDecay` is `lr_decay`. */
export function torchName(option: string): string {
  return option.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The torch.optim class name of an entry that is one; an entry of its own class without one is a registry error. */
function torchClass(entry: OptimizerEntry): string {
  if (entry.torch === undefined) throw new Error(`the registry's optimizer '${entry.name}' names no torch.optim class`);
  return entry.torch;
}

/**
 * The map of the registry to torch.optim, used by the conformance runner and the PyTorch export: each torch.optim
 * class (an entry without a preset) by its registry name, with its class name in torch.optim and PyTorch's
 * hyperparameter names mapped to the engine's options.
 */
export const TORCH_OPTIMIZERS: Readonly<Record<string, { optimizer: OptimizerClass; torch: string; hyper: Record<string, string> }>> = Object.fromEntries(
  OPTIMIZERS.filter((entry) => !('preset' in entry)).map((entry) => [
    entry.name,
    {
      optimizer: entry.optimizer,
      torch: torchClass(entry),
      hyper: Object.fromEntries(Object.keys(entry.optimizer.hyperparameters).map((option) => [torchName(option), option])),
    },
  ]),
);

/**
 * The torch.optim call of a registry optimizer: its class and its options in PyTorch's names (the preset's, then
 * `options` on top), e.g. nesterov with lr 0.1 is SGD with { lr: 0.1, momentum: 0.9, nesterov: true }.
 */
export function torchOptimizer(name: string, options: Record<string, unknown> = {}): { torch: string; options: Record<string, unknown> } {
  const entry: OptimizerEntry = optimizerEntry(name);
  const base = Object.entries(TORCH_OPTIMIZERS).find(([, spec]) => spec.optimizer === entry.optimizer);
  if (base === undefined) throw new RangeError(`optimizer '${name}' has no torch.optim class in the registry`);
  const [, spec] = base;
  const torchOf = new Map(Object.entries(spec.hyper).map(([torch, option]) => [option, torch]));
  const merged: Record<string, unknown> = { ...(entry.preset ?? {}), ...options };
  const out: Record<string, unknown> = {};
  for (const [option, value] of Object.entries(merged)) {
    const torch = torchOf.get(option);
    if (torch === undefined) throw new RangeError(`optimizer '${name}': '${option}' is not one of its options`);
    out[torch] = value;
  }
  return { torch: spec.torch, options: out };
}
