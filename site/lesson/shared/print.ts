// Printing a chapter. The print styles (site/styles/print.css) drop the site's chrome and every control; this module
// writes out what the controls said, so the paper keeps it:
//   - under each widget, a line of its settings as the reader left them ("Surface: Rosenbrock · Noise σ: 0.3 · …"),
//     read from its labelled fields, so the picture above it (its canvas or SVG as it is now) can be reproduced;
//   - after each link that leaves the page, its address;
//   - on a widget the reader never scrolled to (so never drawn), a sentence saying so.
// It runs before the browser lays the page out for print (`beforeprint`, and the print media query for tools that
// emulate it). "Print this chapter" (the button in the chapter header) first brings every widget and cell on screen
// once, so each is drawn and each cell shows the reader's own code, then opens the browser's print dialog.

/** A setting as the page shows it: the field's label and its value in words. */
export interface Setting {
  label: string;
  value: string;
}

/** How long "Print this chapter" waits for one widget or cell to mount and draw before going on to the next. */
const MOUNT_WAIT_MS = 4000;
/** After a widget has mounted, how long it is given to draw its first picture. */
const DRAW_WAIT_MS = 300;

/** Collapses whitespace and trims: labels hold line breaks and indentation from the markup. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The settings line under a widget: "label: value" pairs joined by " · ", without repeats (a field drawn twice, as
 * a slider and a number, is written once) and without empty labels or values.
 */
export function formatSettings(settings: readonly Setting[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const { label, value } of settings) {
    const l = squeeze(label).replace(/:$/, '');
    const v = squeeze(value);
    if (v === '') continue;
    const part = l === '' ? v : `${l}: ${v}`;
    if (seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
  }
  return parts.join(' · ');
}

/**
 * The address to print after a link, or null when there is none worth printing: a link within the page (its
 * address is the page's own), or one that is not a web address (javascript:, mailto: is kept as written).
 */
export function printedAddress(href: string | null, pageUrl: string): string | null {
  if (href === null || href === '' || href.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const page = new URL(pageUrl);
  if (url.origin === page.origin && url.pathname === page.pathname && url.search === page.search) return null;
  return url.href;
}

/** The text of a label without the fields, options and live values inside it. */
function labelText(label: Element): string {
  const copy = label.cloneNode(true) as Element;
  for (const inner of copy.querySelectorAll('input, select, textarea, output, button, [aria-hidden="true"]')) inner.remove();
  return squeeze(copy.textContent ?? '');
}

/** The label a field is known by: its <label>, aria-labelledby, aria-label, or the legend of its fieldset. */
function fieldLabel(field: HTMLElement): string {
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy !== null) {
    const text = labelledBy.split(/\s+/).map((id) => document.getElementById(id)).filter((element) => element !== null).map((element) => labelText(element)).join(' ');
    if (text !== '') return text;
  }
  const label = field.getAttribute('aria-label');
  if (label !== null && label.trim() !== '') return label;
  const labels = (field as HTMLInputElement).labels;
  if (labels && labels.length > 0) return labelText(labels[0]);
  const around = field.closest('label');
  return around === null ? '' : labelText(around);
}

/** One field's setting, or null for a field that is not one (a button, a file picker, an unchecked radio, a field marked data-print-skip: how fast to play, which line to explain). */
function settingOf(field: HTMLElement): Setting | null {
  if (field.closest('[hidden], [data-print-skip]') !== null) return null;
  if (field instanceof HTMLSelectElement) {
    return { label: fieldLabel(field), value: [...field.selectedOptions].map((option) => option.text).join(', ') };
  }
  if (field instanceof HTMLTextAreaElement) return null;
  if (!(field instanceof HTMLInputElement)) return null;
  switch (field.type) {
    case 'button': case 'submit': case 'reset': case 'file': case 'hidden': case 'image': case 'search':
      return null;
    case 'checkbox':
      return { label: fieldLabel(field), value: field.checked ? 'on' : 'off' };
    case 'radio': {
      if (!field.checked) return null;
      const legend = field.closest('fieldset')?.querySelector('legend');
      const group = field.closest('[role="radiogroup"]');
      const groupLabel = legend ? labelText(legend) : group ? fieldLabel(group as HTMLElement) : '';
      return { label: groupLabel, value: fieldLabel(field) };
    }
    default:
      return { label: fieldLabel(field), value: field.value };
  }
}

/** Whether a field belongs to a group switched off by the checkbox in its legend (an optimizer left out of a race). */
function inGroupSwitchedOff(field: HTMLElement): boolean {
  const group = field.closest('fieldset');
  const toggle = group?.querySelector<HTMLInputElement>(':scope > legend input[type="checkbox"]');
  return toggle != null && toggle !== field && !toggle.checked;
}

/**
 * A widget's settings, from every field inside it, in the order they appear; a group switched off by the checkbox
 * in its legend is written as that checkbox alone ("AdaGrad: off"), not with every field it holds.
 */
export function settingsOf(widget: Element): Setting[] {
  const settings: Setting[] = [];
  for (const field of widget.querySelectorAll<HTMLElement>('input, select')) {
    if (inGroupSwitchedOff(field)) continue;
    const setting = settingOf(field);
    if (setting !== null) settings.push(setting);
  }
  return settings;
}

/** The print-only paragraph of a widget, made the first time it is needed. */
function printLine(widget: Element, role: string): HTMLElement {
  let line = widget.querySelector<HTMLElement>(`:scope > .print-only[data-print="${role}"]`);
  if (line === null) {
    line = document.createElement('p');
    line.className = 'print-only';
    line.dataset.print = role;
    widget.append(line);
  }
  return line;
}

/** Writes, for print, each widget's settings and whether it was drawn, and each outgoing link's address. */
export function prepareForPrint(root: ParentNode = document): void {
  for (const widget of root.querySelectorAll('.widget')) {
    // Its code never loaded, or it waits to be near the screen before it draws (`data-pending`: the optimizer race).
    const drawn = customElements.get(widget.localName) !== undefined && !widget.hasAttribute('data-pending');
    const note = printLine(widget, 'not-drawn');
    note.textContent = drawn ? '' : 'This figure is interactive: it is drawn when its part of the page is on screen, and it had not been when this page was printed.';
    note.hidden = drawn;
    const text = formatSettings(settingsOf(widget));
    const line = printLine(widget, 'settings');
    line.textContent = text === '' ? '' : `Settings: ${text}`;
    line.hidden = text === '';
  }
  // A glossary link (<Term>, <Sym>) reads as the word itself, and the chapter's own breadcrumb needs no address.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('main a[href]:not(.notation-ref, .eyebrow a)')) {
    const address = printedAddress(link.getAttribute('href'), location.href);
    if (address === null || squeeze(link.textContent ?? '') === address) delete link.dataset.printUrl;
    else link.dataset.printUrl = address;
  }
}

/** Resolves after `ms` milliseconds. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Resolves on the next animation frame (or soon, in a tab that draws none). */
const frame = () => new Promise<void>((resolve) => { requestAnimationFrame(() => resolve()); setTimeout(resolve, 100); });

/** Waits until a widget's or cell's element is defined (its code loaded) and no longer pending, up to MOUNT_WAIT_MS, then lets it draw. */
async function mounted(element: Element): Promise<void> {
  const deadline = performance.now() + MOUNT_WAIT_MS;
  while ((customElements.get(element.localName) === undefined || element.hasAttribute('data-pending')) && performance.now() < deadline) await pause(50);
  if (element.localName === 'notebook-cell') {
    // Its notebook has started when its Run button is on (the code itself is the build's, or the editor's once edited).
    while (element.querySelector('button[data-action="run"]:disabled') !== null && performance.now() < deadline) await pause(50);
  }
  await frame();
  await frame();
  await pause(DRAW_WAIT_MS);
}

/** Brings every widget, cell and exercise of the chapter on screen in turn, so each is drawn, then returns to where the reader was. */
async function drawEverything(report: (text: string) => void): Promise<void> {
  const items = [...document.querySelectorAll('main .widget, main notebook-cell, main course-exercise')];
  const { scrollX, scrollY } = window;
  for (const [index, item] of items.entries()) {
    report(`Drawing ${index + 1} of ${items.length} figures and cells for print…`);
    item.scrollIntoView({ block: 'center', behavior: 'instant' });
    await mounted(item);
  }
  window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
}

/** Listens for printing, and wires the chapter's "Print this chapter" button (`[data-print-chapter]`) if there is one. */
export function installPrint(): void {
  const prepare = () => prepareForPrint();
  window.addEventListener('beforeprint', prepare);
  matchMedia('print').addEventListener('change', (event) => {
    if (event.matches) prepare();
  });
  const button = document.querySelector<HTMLButtonElement>('[data-print-chapter]');
  const status = document.querySelector<HTMLElement>('[data-print-status]');
  if (button === null) return;
  button.addEventListener('click', async () => {
    button.disabled = true;
    const report = (text: string) => {
      if (status !== null) status.textContent = text;
    };
    try {
      await drawEverything(report);
      report('');
      prepare();
      window.print();
    } finally {
      button.disabled = false;
    }
  });
}
