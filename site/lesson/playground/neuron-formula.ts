// What the network diagram says about a neuron, in words a student reads: its name (x₁², h₂⁽¹⁾, z), its formula
// with the current weights plugged in, e.g. "h₂⁽¹⁾ = tanh(0.53·x₁ − 1.20·x₂ + 0.10)", and the check of a weight typed
// by hand. Pure functions of a NetworkSnapshot, so they run in the page and in the unit tests alike.

import { PLANE_FEATURE_INFO, type PlaneFeature } from '../../../engine/data/plane-features.ts';
import { ACTIVATION_FUNCTIONS, type ActivationFunctionName } from '../../../engine/formulas/activations.ts';
import type { NetworkSnapshot } from './protocol.ts';

/** The largest |value| a weight or a bias may be set to by hand (the trainer refuses more). */
export const WEIGHT_LIMIT = 1000;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A whole number written in Unicode subscript digits: 12 → "₁₂". */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
}

/** A layer number as a superscript in parentheses: 1 → "⁽¹⁾". */
export function layerMark(layer: number): string {
  return `⁽${String(layer).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)])}⁾`;
}

/** Which part of the network a layer is: the inputs, a hidden layer or the outputs. */
export function layerKind(snapshot: Pick<NetworkSnapshot, 'sizes'>, layer: number): 'input' | 'hidden' | 'output' {
  return layer === 0 ? 'input' : layer === snapshot.sizes.length - 1 ? 'output' : 'hidden';
}

/**
 * A neuron's name (`layer` 0 is the inputs, `neuron` counts from 0): an input's feature label (x₁, x₁², sin x₂, or
 * x for regression); hidden neuron j of layer l, hⱼ⁽ˡ⁾ counting from 1; an output: ŷ for regression, z for the one
 * logit of two classes, z₀, z₁, ... (one per class) for cross-entropy.
 */
export function neuronName(snapshot: Pick<NetworkSnapshot, 'sizes' | 'inputNames' | 'loss'>, layer: number, neuron: number): string {
  const kind = layerKind(snapshot, layer);
  if (kind === 'input') {
    const name = snapshot.inputNames[neuron];
    return name in PLANE_FEATURE_INFO ? PLANE_FEATURE_INFO[name as PlaneFeature].label : name;
  }
  if (kind === 'hidden') return `h${subscript(neuron + 1)}${layerMark(layer)}`;
  if (snapshot.loss === 'mse') return snapshot.sizes[layer] === 1 ? 'ŷ' : `ŷ${subscript(neuron)}`;
  return snapshot.sizes[layer] === 1 ? 'z' : `z${subscript(neuron)}`;
}

/** A weight as the formula shows it: two decimals, "−" for minus (−0 shows as 0.00). */
export function formatWeight(value: number): string {
  const text = Math.abs(value) >= 1e4 ? value.toExponential(2) : value.toFixed(2);
  return text.startsWith('-') && Number(text) !== 0 ? `−${text.slice(1)}` : text.replace(/^-/, '');
}

/** One term of a neuron's weighted sum: its weight (null for the bias) and what it multiplies. */
export interface FormulaTerm {
  /** The neuron of the previous layer this weight comes from (counting from 0), or null for the bias. */
  from: number | null;
  /** The parameter's value. */
  value: number;
  /** The name of the input it multiplies ("" for the bias). */
  input: string;
}

/** A neuron's formula in parts: its name, the activation around the sum (null for an input or a linear output), the terms. */
export interface NeuronFormula {
  /** The neuron's name, as neuronName. */
  name: string;
  /** The engine registry's name of the activation applied to the sum (tanh, relu, ...), or null when none is. */
  activation: string | null;
  /** The weighted sum's terms, the bias last; empty for an input. */
  terms: FormulaTerm[];
  /** What the value means beyond the sum: for an input, that it is one; for a logit, how it becomes a probability. */
  note: string;
}

/** The parts of neuron `neuron` of `layer`'s formula with the snapshot's weights. */
export function neuronFormula(snapshot: Pick<NetworkSnapshot, 'sizes' | 'inputNames' | 'loss' | 'activation' | 'weights' | 'biases'>, layer: number, neuron: number): NeuronFormula {
  const name = neuronName(snapshot, layer, neuron);
  const kind = layerKind(snapshot, layer);
  if (kind === 'input') {
    return { name, activation: null, terms: [], note: snapshot.inputNames[0] === 'x' ? 'the input' : `an input: the feature ${name} of each point` };
  }
  const fanIn = snapshot.sizes[layer - 1];
  const weights = snapshot.weights[layer - 1];
  const terms: FormulaTerm[] = Array.from({ length: fanIn }, (_, from) => ({ from, value: weights[neuron * fanIn + from], input: neuronName(snapshot, layer - 1, from) }));
  terms.push({ from: null, value: snapshot.biases[layer - 1][neuron], input: '' });
  if (kind === 'hidden') {
    const entry = ACTIVATION_FUNCTIONS[snapshot.activation as ActivationFunctionName];
    return { name, activation: entry?.name ?? snapshot.activation, terms, note: '' };
  }
  const note =
    snapshot.loss === 'bce'
      ? 'the logit: P(class 1) = σ(z)'
      : snapshot.loss === 'cross-entropy'
        ? `a logit: P(class ${neuron}) = softmax(z)${subscript(neuron)}`
        : 'the prediction';
  return { name, activation: null, terms, note };
}

/** The formula as one line of text, e.g. "h₂⁽¹⁾ = tanh(0.53·x₁ − 1.20·x₂ + 0.10)", with its note after a semicolon. */
export function formulaText(formula: NeuronFormula): string {
  if (formula.terms.length === 0) return `${formula.name}: ${formula.note}`;
  const sum = formula.terms
    .map((term, t) => {
      const magnitude = formatWeight(Math.abs(term.value));
      const body = term.from === null ? magnitude : `${magnitude}·${term.input}`;
      const negative = term.value < 0 && formatWeight(term.value).startsWith('−');
      if (t === 0) return negative ? `−${body}` : body;
      return `${negative ? ' − ' : ' + '}${body}`;
    })
    .join('');
  const right = formula.activation === null ? sum : `${formula.activation}(${sum})`;
  return `${formula.name} = ${right}${formula.note === '' ? '' : `; ${formula.note}`}`;
}

/** What a typed weight reads as: its value, or a message saying why it is refused. */
export type WeightReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a weight typed by a student: a decimal number (a leading "−" or "-", an exponent, a decimal comma are fine)
 * from −WEIGHT_LIMIT to WEIGHT_LIMIT. Anything else gets a message saying what to type, and changes nothing.
 */
export function parseWeight(text: string): WeightReading {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/^\+/, '').replace(/^(-?\d*),(\d+)$/, '$1.$2');
  if (cleaned === '') return { ok: false, message: 'Type a number, such as 0.5 or −1.2; the weight is unchanged.' };
  const value = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim().slice(0, 20)}” is not a number; type one such as 0.5 or −1.2. The weight is unchanged.` };
  if (Math.abs(value) > WEIGHT_LIMIT) return { ok: false, message: `${text.trim().slice(0, 20)} is too large: a weight must be from −${WEIGHT_LIMIT} to ${WEIGHT_LIMIT}. The weight is unchanged.` };
  return { ok: true, value: value === 0 ? 0 : value };
}
