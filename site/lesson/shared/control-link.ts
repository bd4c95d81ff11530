// A widget's form controls kept in the page's address (see url-state.ts): for a widget whose settings are plain
// <select>, number, range and checkbox controls. It remembers where the controls start, sets them from the link
// (each only to a value it accepts: one of a select's options, a number clamped to the input's min and max and
// rounded to its step), and writes what differs from the start back as the reader changes them.

import { acceptedValue, decodeFields, encodeFields, readParameter, writeParameter, type Accepts } from './url-state.ts';

/** A control whose value a link holds. */
export type LinkedControl = HTMLInputElement | HTMLSelectElement;

/** What a control accepts, read from its own options or attributes. */
export function acceptsOf(control: LinkedControl): Accepts {
  if (control instanceof HTMLSelectElement) return { kind: 'option', options: [...control.options].map((option) => option.value) };
  if (control.type === 'checkbox') return { kind: 'flag' };
  const bound = (text: string, fallback: number) => (text === '' || !Number.isFinite(Number(text)) ? fallback : Number(text));
  const step = control.step === '' || control.step === 'any' ? null : bound(control.step, 1);
  return { kind: 'number', min: bound(control.min, Number.NEGATIVE_INFINITY), max: bound(control.max, Number.POSITIVE_INFINITY), step };
}

function valueOf(control: LinkedControl): string {
  return control instanceof HTMLInputElement && control.type === 'checkbox' ? (control.checked ? '1' : '0') : control.value;
}

function setValue(control: LinkedControl, value: string): void {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === '1';
  else control.value = value;
}

/** A widget's controls, by their name in the link, tied to one query parameter of the page's address. */
export class ControlLink {
  private readonly start: Record<string, string>;

  /** Remembers where the controls start; call before `restore`. */
  constructor(
    private readonly parameter: string,
    private readonly controls: Readonly<Record<string, LinkedControl>>,
  ) {
    this.start = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, valueOf(control)]));
  }

  /**
   * Sets the controls from the page's address, in the order they were given, each only to a value it accepts;
   * `after(name)` runs after each one set (a control that changes what another offers). Returns the names set.
   */
  restore(after?: (name: string) => void, search: string = location.search): string[] {
    const fields = decodeFields(readParameter(this.parameter, search), Object.keys(this.controls));
    const set: string[] = [];
    for (const [name, control] of Object.entries(this.controls)) {
      const text = fields.get(name);
      if (text === undefined) continue;
      const value = acceptedValue(acceptsOf(control), text);
      if (value === null) continue;
      setValue(control, value);
      set.push(name);
      after?.(name);
    }
    return set;
  }

  /** The link's text for the controls as they are now: what differs from the start, hidden controls left out. */
  encoded(): string {
    const shown = Object.entries(this.controls).filter(([, control]) => control.closest('[hidden]') === null);
    return encodeFields(Object.fromEntries(shown.map(([name, control]) => [name, valueOf(control)])), this.start);
  }

  /** Writes the controls as they are now into the page's address. */
  save(): void {
    writeParameter(this.parameter, this.encoded());
  }
}
