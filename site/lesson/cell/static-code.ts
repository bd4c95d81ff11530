// The code of a cell or a code exercise as the build writes it into the page: highlighted with the editor's own
// parser and classes (code-highlighter.ts), laid out line by line with the editor's line-number gutter, and focusable
// and labelled as the editor is, so the editor (loaded when the reader means to edit, edit-intent.ts) takes its place
// without a visible change.

import { highlightCode } from '@lezer/highlight';
import { parser } from '@lezer/javascript';
import { codeHighlighter } from './code-highlighter.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string): string => text.replace(/[&<>"]/g, (character) => ESCAPES[character]);

/** The lines of `code`, each as HTML of its highlighted tokens (JavaScript, or TypeScript with `lang` 'ts'). */
export function highlightedLines(code: string, lang: 'ts' | 'js'): string[] {
  const tree = parser.configure({ dialect: lang === 'ts' ? 'ts' : '' }).parse(code);
  const lines: string[] = [''];
  highlightCode(
    code,
    tree,
    codeHighlighter,
    (text, classes) => {
      lines[lines.length - 1] += classes === '' ? escape(text) : `<span class="${classes}">${escape(text)}</span>`;
    },
    () => lines.push(''),
  );
  return lines;
}

/**
 * The HTML of the static code: a focusable, labelled text box (what the editor will be) of numbered lines. The line
 * numbers are hidden from assistive technology, as the editor's gutter is.
 */
export function staticCodeHtml(code: string, lang: 'ts' | 'js', label: string): string {
  const lines = highlightedLines(code, lang)
    .map((line, index) => `<div class="code-line"><span class="code-number" aria-hidden="true">${index + 1}</span><span class="code-text">${line === '' ? '<br>' : line}</span></div>`)
    // A line break between lines (whitespace a grid ignores), so a text copy of the page (the search index's) keeps them apart.
    .join('\n');
  const lineCount = code.split('\n').length;
  // Its lines and characters, from which the stylesheet (code.css) estimates its height while it is skipped off-screen.
  const size = `--cv-lines:${lineCount};--cv-chars:${code.replace(/\n/g, '').length}`;
  return `<div class="code-static" tabindex="0" role="textbox" aria-multiline="true" aria-label="${escape(label)}" data-lang="${lang}" data-lines="${String(lineCount)}" style="${size}">${lines}</div>`;
}
