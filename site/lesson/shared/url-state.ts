// A widget's settings in the page's address, so that a link opens it as it was: one query parameter per widget
// (`?explorer=activation_tanh*range_4`), holding only what differs from where the widget starts, and every other
// parameter of the address left alone. Every widget with settings keeps them this way: the address changes (without
// a new history entry) as the reader changes a setting, so the address bar, or the widget's Copy link, is the link.
//
// What a link holds is hostile: a value that does not parse or is not one the controls offer is ignored or clamped
// to the control's range, so an edited or truncated link still opens.

/** The search part of an address with one parameter set to `encoded`, or removed when it is `start`; the others kept. */
export function withParameter(search: string, name: string, encoded: string, start = ''): string {
  const params = new URLSearchParams(search);
  if (encoded === start) params.delete(name);
  else params.set(name, encoded);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A parameter of the page's address (or of `search`), or null when it is absent. */
export function readParameter(name: string, search: string = location.search): string | null {
  return new URLSearchParams(search).get(name);
}

/** Writes a widget's parameter into the page's address, replacing the current history entry; the fragment is kept. */
export function writeParameter(name: string, encoded: string, start = ''): void {
  const url = `${location.pathname}${withParameter(location.search, name, encoded, start)}${location.hash}`;
  history.replaceState(history.state, '', url);
}

/** A widget's key on its page: its short name, then `-2`, `-3`… for the second and later widgets of the same tag. */
export function widgetKey(element: Element, short: string): string {
  const same = [...document.querySelectorAll(element.tagName.toLowerCase())];
  const index = same.indexOf(element);
  return index <= 0 ? short : `${short}-${index + 1}`;
}

/** Settings as `name_value` pairs joined by `*`, only those that differ from `start`, in the order of `values`. */
export function encodeFields(values: Readonly<Record<string, string>>, start: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .filter(([name, value]) => value !== start[name])
    .map(([name, value]) => `${name}_${value}`)
    .join('*');
}

/** Reads `name_value*name_value`: the pairs whose name is one of `names`, the first of each; malformed parts are skipped. */
export function decodeFields(text: string | null, names: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  if (text === null) return fields;
  for (const part of text.split('*')) {
    const separator = part.indexOf('_');
    if (separator <= 0) continue;
    const name = part.slice(0, separator);
    const value = part.slice(separator + 1);
    if (!names.includes(name) || value === '' || fields.has(name)) continue;
    fields.set(name, value);
  }
  return fields;
}

/** What a control accepts from a link: one of a select's options, a number in a range (on its step), or a checkbox's 0 or 1. */
export type Accepts = { kind: 'option'; options: readonly string[] } | { kind: 'number'; min: number; max: number; step: number | null } | { kind: 'flag' };

/** The value a control takes from a link's text, or null when the text is not one it accepts; a number is clamped to the range and rounded to a whole step. */
export function acceptedValue(accepts: Accepts, text: string): string | null {
  if (accepts.kind === 'option') return accepts.options.includes(text) ? text : null;
  if (accepts.kind === 'flag') return text === '1' || text === '0' ? text : null;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text)) return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  const { min, max, step } = accepts;
  let value = Math.min(max, Math.max(min, number));
  // A whole step (a seed, a count) rounds to it; a fractional one is left to the control (a range input snaps by
  // itself, and a number field's step is only a hint for its arrows).
  if (step !== null && Number.isInteger(step) && step >= 1) {
    const base = Number.isFinite(min) ? min : 0;
    value = base + Math.round((value - base) / step) * step;
    if (value > max) value -= step;
  }
  return String(value);
}
