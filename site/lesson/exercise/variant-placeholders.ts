// A prompt seeded per learner, when the site is built: its Markdown and math are rendered as any
// prompt's, and each `{{name}}` placeholder becomes an empty slot the page fills with the learner's
// number (exercise-element.ts). The formulas stay typeset at build time; only the numbers arrive later.

import type { NumericExercise } from '../../../exercises/define-exercise.ts';
import { VARIANT_PLACEHOLDER, placeholderNames, variantNumbers } from '../../../exercises/variant.ts';

/** The rendered prompt with its placeholders as slots; a placeholder that names no number the exercise draws fails the build. */
export function variantPlaceholders(exercise: NumericExercise, html: string): string {
  const drawn = Object.keys(variantNumbers(exercise, 0));
  const unknown = placeholderNames(exercise.prompt).filter((name) => !drawn.includes(name));
  if (unknown.length > 0) {
    throw new Error(`exercise "${exercise.id}", prompt: {{${unknown[0]}}} names no number its generate() draws (it draws ${drawn.join(', ')})`);
  }
  // A placeholder inside $...$ would be typeset by KaTeX (and kept in its annotation): numbers go outside the math.
  const inMath = [...exercise.prompt.matchAll(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g)].flatMap((math) => placeholderNames(math[0]));
  if (inMath.length > 0) throw new Error(`exercise "${exercise.id}", prompt: {{${inMath[0]}}} is inside math, where KaTeX would typeset it; put it outside $...$`);
  const slotted = html.replace(VARIANT_PLACEHOLDER, (_match, name: string) => `<span class="ex-number" data-variant-number="${name}">…</span>`);
  return keepPairsTogether(slotted);
}

const SLOT = '<span class="ex-number"';

/**
 * Wraps each "symbol = number" pair (a typeset symbol, " = ", a slot) in one unbreakable span, so a narrow screen never
 * breaks a line between a symbol and its number: browsers break around an inline formula even next to a no-break space.
 */
function keepPairsTogether(html: string): string {
  let out = html;
  for (let at = out.lastIndexOf(SLOT); at !== -1; at = at === 0 ? -1 : out.lastIndexOf(SLOT, at - 1)) {
    const before = /<\/span>\s*=\s*$/.exec(out.slice(0, at));
    if (before === null) continue;
    // Walk back from the formula's closing tag to the tag that opens it, counting nested spans.
    let depth = 0;
    let open = -1;
    for (let i = before.index; i >= 0; i--) {
      if (out.startsWith('</span>', i)) depth++;
      else if (out.startsWith('<span', i) && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open === -1 || !out.startsWith('<span class="katex"', open)) continue;
    const end = out.indexOf('</span>', at) + '</span>'.length;
    out = `${out.slice(0, open)}<span class="ex-given">${out.slice(open, end)}</span>${out.slice(end)}`;
    at = open;
  }
  return out;
}
