// The CodeMirror 6 editor a cell becomes: line numbers, bracket matching, undo, JavaScript and
// TypeScript highlighting in the site's own light and dark colours, and Shift+Enter or
// Ctrl/Cmd+Enter to run. Tab is left to move focus, so a keyboard never gets trapped in a cell.

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { codeHighlighter } from './code-highlighter.ts';
import type { EditRequest } from './edit-intent.ts';

// What the page replays of the reader's ↑ and ↓ when the editor has come (cell-element.ts, exercise-element.ts).
export { rowMoves } from './row-moves.ts';

/** What a cell's editor needs from the cell. */
export interface EditorHooks {
  /** Runs the cell. */
  run(): void;
  /** Called after every change of the code. */
  changed(code: string): void;
}

// Token colours are classes (code-highlighter.ts, coloured in cell.css), the same the build gives the static code.
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--text)', fontSize: '0.88em' },
  '.cm-content': { fontFamily: 'var(--font-code)', caretColor: 'var(--text)', padding: '0.75rem 0' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--text-muted)', border: 'none', fontFamily: 'var(--font-code)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--cell-active-line)' },
  // CodeMirror sets cm-focused 10 ms after focus arrives; :focus-within draws the ring in the same frame.
  '&.cm-focused, &:focus-within': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cell-selection)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--cell-bracket)', outline: '1px solid var(--text-muted)' },
  '.cm-error-line': { backgroundColor: 'var(--bad-soft)' },
});

const markError = StateEffect.define<number | null>();
const errorLine = Decoration.line({ class: 'cm-error-line' });
// The line of the last error is tinted until the code changes or the cell runs cleanly.
const errorField = StateField.define({
  create: () => Decoration.none,
  update(lines, transaction) {
    if (transaction.docChanged) return Decoration.none;
    for (const effect of transaction.effects) {
      if (!effect.is(markError)) continue;
      if (effect.value === null || effect.value > transaction.state.doc.lines) return Decoration.none;
      return Decoration.set([errorLine.range(transaction.state.doc.line(effect.value).from)]);
    }
    return lines;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** A cell's editor: its code, and ways to replace it and to mark an error's line. */
export interface CellEditor {
  readonly view: EditorView;
  /** The code in the editor. */
  code(): string;
  /** Replaces the whole code (as one undoable change). */
  setCode(code: string): void;
  /** Tints a 1-based line as the place of an error, or clears the tint with null. */
  markErrorLine(line: number | null): void;
  /** Underlines type problems (offsets into the code) as warnings, with their messages on hover; an empty list clears them. */
  markTypeProblems(problems: readonly { from: number; to: number; message: string }[]): void;
  /** Makes the change made before the editor loaded, puts the caret where the reader left it, and focuses the editor if asked. */
  place(request: EditRequest): void;
}

/** Creates the editor in place of the static code (static-code.ts), labelled for screen readers as it was. */
export function createEditor(parent: HTMLElement, code: string, options: { label: string; lang: 'ts' | 'js' }, hooks: EditorHooks): CellEditor {
  const run = (): boolean => {
    hooks.run();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(codeHighlighter),
        // The language alone, not javascript(): that adds completion sources, which only an autocompletion() extension
        // (which cells do not have) would read, and which would bring @codemirror/autocomplete into the editor's file.
        options.lang === 'ts' ? typescriptLanguage : javascriptLanguage,
        keymap.of([
          { key: 'Shift-Enter', run },
          { key: 'Mod-Enter', run },
          ...defaultKeymap,
          ...historyKeymap,
          // F8 moves to the next type problem, Ctrl/Cmd+Shift+M lists them all.
          ...lintKeymap,
        ]),
        errorField,
        theme,
        // Long lines wrap, so the editor never scrolls sideways (a scroll region a keyboard cannot reach).
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) hooks.changed(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    code: () => view.state.doc.toString(),
    setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    markErrorLine: (line) => view.dispatch({ effects: markError.of(line) }),
    markTypeProblems: (problems) => {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = problems
        .filter((problem) => problem.from <= length)
        .map((problem) => ({ from: problem.from, to: Math.min(problem.to, length), severity: 'warning', source: 'TypeScript', message: problem.message }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    place: ({ from, to, insert, caret, focus }) => {
      const length = view.state.doc.length;
      const start = Math.max(0, Math.min(from, length));
      const end = Math.max(start, Math.min(to, length));
      const changes = insert === '' && start === end ? [] : { from: start, to: end, insert };
      view.dispatch({ changes, selection: { anchor: Math.max(0, Math.min(caret, length - (end - start) + insert.length)) }, scrollIntoView: focus });
      if (focus) view.focus();
    },
  };
}
