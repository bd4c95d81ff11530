// The challenges a lesson places: every `<Challenge id="…" title="…" preset={{…}} goal={{…}}>` in its MDX, read at
// build time so the exercises page can list each chapter's challenges (and the tests can train each one to its goal).
// Tags in fenced code blocks and MDX comments are examples, not placements, as for exercises.

/** One `<Challenge>` as written in a lesson. */
export interface ChallengePlacement {
  /** The challenge's id. */
  id: string;
  /** Its title. */
  title: string;
  /** The preset and goal objects, when written as plain literals (else undefined). */
  preset: unknown;
  goal: unknown;
  /** The 1-based line of the tag. */
  line: number;
}

const FENCE = /^\s*(```|~~~)[^\n]*\n[\s\S]*?^\s*\1\s*$/gm;
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;
// The tag's attributes: quoted strings and {{ … }} or { … } expressions may hold a `>`; the tag ends at the first other one.
const TAG = /<Challenge\b((?:"[^"]*"|'[^']*'|\{\{[\s\S]*?\}\}(?=[\s/>])|\{[^{}]*\}|[^>"'{])*)>/g;

/** The text with fenced blocks and comments blanked, line breaks kept. */
function blanked(source: string): string {
  const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');
  return source.replace(FENCE, blank).replace(MDX_COMMENT, blank);
}

/** A plain JavaScript object literal (unquoted keys, single quotes, trailing commas) read as JSON, or undefined. */
export function readLiteral(text: string): unknown {
  const json = text
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, body: string) => JSON.stringify(body.replace(/\\'/g, "'")))
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The value of `name="…"` or `name={…}` in a tag's attributes. */
function attribute(attributes: string, name: string): { text: string; literal: boolean } | undefined {
  const quoted = new RegExp(`\\b${name}\\s*=\\s*(["'])([\\s\\S]*?)\\1`).exec(attributes);
  const braced = new RegExp(`\\b${name}\\s*=\\s*\\{(\\{[\\s\\S]*?\\})\\}(?=\\s|/|$)`).exec(attributes);
  if (braced !== null && (quoted === null || braced.index < quoted.index)) return { text: braced[1], literal: true };
  if (quoted !== null) return { text: quoted[2], literal: false };
  return undefined;
}

/** Every `<Challenge>` of a lesson's MDX, in the order written. */
export function challengesIn(source: string): ChallengePlacement[] {
  const text = blanked(source);
  const found: ChallengePlacement[] = [];
  for (const match of text.matchAll(TAG)) {
    const attributes = match[1];
    const id = attribute(attributes, 'id');
    const title = attribute(attributes, 'title');
    if (id === undefined || id.literal) continue;
    const preset = attribute(attributes, 'preset');
    const goal = attribute(attributes, 'goal');
    found.push({
      id: id.text,
      title: title?.text ?? id.text,
      preset: preset?.literal ? readLiteral(preset.text) : undefined,
      goal: goal?.literal ? readLiteral(goal.text) : undefined,
      line: text.slice(0, match.index).split('\n').length,
    });
  }
  return found;
}
