// Which class each syntax token gets, for the editor and for the code the build writes into the page alike, so code
// looks the same before and after the editor arrives. The colours are in cell.css (--cell-* from global.css).

import { tagHighlighter, tags } from '@lezer/highlight';

/** The classes of the code's tokens: one highlighter, read by the editor (syntaxHighlighting) and by the build (highlightCode). */
export const codeHighlighter = tagHighlighter([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], class: 'tok-keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], class: 'tok-string' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], class: 'tok-number' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], class: 'tok-comment' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], class: 'tok-function' },
  { tag: [tags.typeName, tags.className, tags.namespace], class: 'tok-type' },
  { tag: [tags.definition(tags.variableName)], class: 'tok-definition' },
  { tag: tags.invalid, class: 'tok-invalid' },
]);
