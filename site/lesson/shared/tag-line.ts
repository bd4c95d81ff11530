// Where in a lesson a component's tag is, so a wrong prop's build error can name the line as well as the file.
// A component renders without knowing its own position in the MDX, so the tag is found again in the lesson's text:
// the one that holds the wrong prop as written, else the one that names the prop (or, for a missing prop, lacks it).

/** The text of each `<Component …>` opening tag in `source`, with its index; attributes may span lines and hold `{…}`. */
export function componentTags(source: string, component: string): { index: number; text: string }[] {
  const tags: { index: number; text: string }[] = [];
  for (const match of source.matchAll(new RegExp(`<${component}(?![\\w.-])`, 'g'))) {
    let depth = 0;
    let quote = '';
    let end = match.index + match[0].length;
    for (; end < source.length; end++) {
      const char = source[end];
      if (quote !== '') {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      else if (char === '>' && depth === 0) break;
    }
    tags.push({ index: match.index, text: source.slice(match.index, end + 1) });
  }
  return tags;
}

/**
 * The 1-based line of the `<Component>` tag in `source` that a problem with `prop` is about: the tag holding
 * `written` (the prop as `name="value"`), else the first that names `prop` (or, when `written` is empty because the
 * prop was left out, the first that lacks it), else the first tag; undefined when the component is not in `source`.
 */
export function tagLine(source: string, component: string, prop: string, written: string): number | undefined {
  const tags = componentTags(source, component);
  if (prop === '') return lineOf(source, tags[0]?.index);
  const names = (text: string) => new RegExp(`\\s${prop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s=/>])`).test(text);
  const tag =
    (written !== '' ? tags.find((t) => t.text.includes(written)) : undefined) ??
    tags.find((t) => (written === '' && prop !== '' ? !names(t.text) : names(t.text))) ??
    tags[0];
  return lineOf(source, tag?.index);
}

/** The 1-based line of a character index, if there is one. */
function lineOf(source: string, index: number | undefined): number | undefined {
  return index === undefined ? undefined : source.slice(0, index).split('\n').length;
}
