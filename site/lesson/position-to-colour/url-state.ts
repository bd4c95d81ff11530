// A position-to-colour widget's settings in the page's URL, so that a link opens it as it was: the encoding
// toggle, the number of octaves L, side by side or not, and the seed, in one query parameter per widget
// (`?colour-plain=e_1*L_4`), holding only what differs from where the widget starts; every other parameter is
// left alone. The epoch is not kept: training starts again from the first weights. A value that does not parse
// or is out of range is ignored, so an edited or truncated link still opens.

import { DEFAULT_FREQUENCIES, FREQUENCY_CHOICES } from './network.ts';
import { withParameter } from '../shared/url-state.ts';

/** What a widget shows: its settings. */
export interface ColourView {
  /** Whether the single network reads the positional encoding. */
  encoding: boolean;
  /** L, the octaves per coordinate. */
  frequencies: number;
  /** Whether both networks, without and with the encoding, train side by side. */
  compare: boolean;
  /** The seed of the first weights and the shuffles. */
  seed: number;
}

/** The largest seed a link may give. */
export const MAX_SEED = 2 ** 31 - 1;

/** The view a widget starts at, from its props. */
export function startView(props: { encoding: boolean; compare: boolean }): ColourView {
  return { encoding: props.encoding, frequencies: DEFAULT_FREQUENCIES, compare: props.compare, seed: 1 };
}

/** The query parameter of the widget with this key. */
export function parameterName(key: string): string {
  return `colour-${key}`;
}

/** Writes what differs from the start: `e_1*L_4*c_1*s_7`, or '' when nothing does. */
export function encodeView(start: ColourView, view: ColourView): string {
  const parts: string[] = [];
  if (view.encoding !== start.encoding) parts.push(`e_${view.encoding ? 1 : 0}`);
  if (view.frequencies !== start.frequencies) parts.push(`L_${view.frequencies}`);
  if (view.compare !== start.compare) parts.push(`c_${view.compare ? 1 : 0}`);
  if (view.seed !== start.seed) parts.push(`s_${view.seed}`);
  return parts.join('*');
}

/** Reads a view written by `encodeView` onto the start; anything unknown, malformed or out of range is ignored. */
export function decodeView(start: ColourView, text: string | null): ColourView {
  const view = { ...start };
  if (text === null) return view;
  for (const part of text.split('*')) {
    const [key, value, extra] = part.split('_');
    if (extra !== undefined || value === undefined || !/^\d+$/.test(value)) continue;
    const number = Number(value);
    if ((key === 'e' || key === 'c') && (number === 0 || number === 1)) view[key === 'e' ? 'encoding' : 'compare'] = number === 1;
    else if (key === 'L' && FREQUENCY_CHOICES.includes(number)) view.frequencies = number;
    else if (key === 's' && number <= MAX_SEED) view.seed = number;
  }
  return view;
}

/** The search part of a URL with this widget's parameter set (or removed when it is empty), the others kept. */
export function withView(search: string, key: string, encoded: string): string {
  return withParameter(search, parameterName(key), encoded, '');
}
