// An exercise, live: the `<course-exercise>` element the Exercise component renders becomes an
// editor (the cells' own CodeMirror setup, loaded when the student means to edit) or inputs, with Check, feedback, hints one at a time,
// the solution after three attempts or on request, and progress saved as the student works.
// Loaded by Exercise.astro (through `mountWhenVisible`) only when an exercise nears the viewport. What it knows of the exercise is
// the answer key the build wrote into the element (no definition, no solution code ships).

import { numericSpecOf, readAnswerKey, type AnswerKey, type ChoiceAnswerKey, type CodeAnswerKey } from '../../../exercises/answer-key.ts';
import { unrunnableResult, type GradeResult, type NumericGradingSpec } from '../../../exercises/grader.ts';
import { recordCheck, recordCode, type ExerciseProgress } from '../../../exercises/progress.ts';
import type { VariantNumbers } from '../../../exercises/define-exercise.ts';
import type { GraphKey } from '../../../exercises/graph-key.ts';
import type { CellEditor } from '../cell/editor.ts';
import { asksAnything, markStaticErrorLine, swapInWhenLaidOut, watchEditIntent, type EditIntentWatch } from '../cell/edit-intent.ts';
import { renderFeedback, type RenderedText } from './feedback-view.ts';
import { formatNumbers } from './format-numbers.ts';
import { checkChoice, checkCode, checkNumeric, warmExerciseKernel, type Checked } from './grading.ts';
import { pageNoticeHost, renderProgressNotice } from './progress-notice.ts';
import { pageProgressStore, PROGRESS_CHANGE_EVENT, type ProgressStore } from './progress-store.ts';

/** Attempts after which the solution is shown without asking. */
export const ATTEMPTS_BEFORE_SOLUTION = 3;

const SAVE_DELAY_MS = 400;

/** The interactive exercise. */
export class ExerciseElement extends HTMLElement {
  private exercise!: AnswerKey;
  private store!: ProgressStore;
  private editor: CellEditor | undefined;
  private mounting: Promise<CellEditor> | undefined;
  private intent: EditIntentWatch | undefined;
  /** The line of the last check's error, tinted in the static code or the editor (which gets it when it arrives). */
  private errorLine: number | null = null;
  private hintsShown = 0;
  private checking = false;
  /** Counts checks, so a graph still loading for an earlier check is never drawn under a later one. */
  private checkCount = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  /** What a numeric answer is graded with: the key's numbers, or, seeded per learner, the learner's variant once loaded. */
  private numericSpec: Promise<NumericGradingSpec> | undefined;
  /** A seeded exercise's learner numbers, once drawn: its graph is traced on them. */
  private variant: VariantNumbers | undefined;
  /** The learner seed those numbers were drawn with, so a change of class identity draws them again. */
  private variantDrawnWith: number | undefined;

  /** Starts the exercise once, when the element is upgraded in the page. */
  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.exercise = readAnswerKey(this.querySelector('script[data-role="answer-key"]')?.textContent ?? 'null');
    if (this.exercise?.id !== this.dataset.exerciseId) throw new Error(`exercise ${this.dataset.exerciseId}: its answer key is missing`);
    this.store = pageProgressStore((this.dataset.knownExercises ?? '').split(' ').filter(Boolean));
    const saved = this.saved();
    if (this.exercise.kind === 'code') this.startCode(saved?.code);
    else if (this.exercise.kind === 'numeric' && this.exercise.seeded) {
      // The inputs wait for the learner's numbers: an answer typed before they show would be to no question.
      this.numericSpec = this.loadVariant();
      this.numericSpec.then(
        () => this.mountInputs(saved?.code),
        (error: unknown) => this.variantFailed(error),
      );
    } else {
      if (this.exercise.kind === 'numeric') this.numericSpec = Promise.resolve(numericSpecOf(this.exercise));
      this.mountInputs(saved?.code);
    }
    this.wireButtons();
    this.showProgress();
    window.addEventListener(PROGRESS_CHANGE_EVENT, () => {
      this.showProgress();
      this.redrawVariantIfSeedChanged();
    });
    this.dataset.ready = '';
  }

  private byRole<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.querySelector<T>(`[data-role="${role}"]`)!;
  }

  private button(action: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  }

  private saved(): ExerciseProgress | undefined {
    return this.store.read().progress.exercises[this.exercise.id];
  }

  private starter(): string {
    return this.byRole<HTMLTemplateElement>('starter').content.textContent ?? '';
  }

  /**
   * A code exercise shows the build's static starter code until the student means to edit it (a focus, press or key in
   * it): the editor loads then. Saved code that is not the starter goes into the editor at once.
   */
  private startCode(savedCode: string | undefined): void {
    warmExerciseKernel();
    if (savedCode !== undefined && savedCode !== this.starter()) {
      void this.mountEditor(savedCode);
      return;
    }
    const block = this.byRole('editor').querySelector<HTMLElement>('.code-static');
    if (block) this.intent = watchEditIntent(block, () => this.starter(), { wantsEditor: () => void this.mountEditor(), run: () => void this.check() });
    else void this.mountEditor();
  }

  /** The editor, loaded and put in place of the static code (once), holding `code` (default: the starter) and what was typed meanwhile. */
  private mountEditor(code?: string): Promise<CellEditor> {
    this.mounting ??= this.createEditor(code ?? this.starter());
    this.mounting.catch(() => {
      // Offline before the course was saved: Check still grades the code shown, and the next try to edit loads it again.
      this.dataset.editor = 'failed';
      this.mounting = undefined;
      this.intent?.again();
    });
    return this.mounting;
  }

  private async createEditor(code: string): Promise<CellEditor> {
    this.dataset.editor = 'loading';
    const { createEditor, rowMoves } = await import('../cell/editor.ts');
    const host = this.byRole('editor');
    const exercise = this.exercise as Extract<AnswerKey, { kind: 'code' }>;
    const place = document.createElement('div');
    const editor = createEditor(
      place,
      code,
      { label: `Your ${exercise.functionName}, in TypeScript. Shift+Enter checks it.`, lang: 'ts' },
      {
        run: () => void this.check(),
        changed: () => {
          this.saveSoon();
          // A class student's own cases start computing while they type, so the first Check seldom waits for them.
          this.codeKey().catch(() => undefined);
        },
      },
    );
    const request = await swapInWhenLaidOut(host, place, () => {
      const taken = this.intent?.take(rowMoves);
      this.intent = undefined;
      return taken;
    });
    this.editor = editor;
    editor.markErrorLine(this.errorLine);
    if (asksAnything(request)) editor.place(request);
    this.dataset.editor = 'ready';
    return editor;
  }

  private markErrorLine(line: number | null): void {
    this.errorLine = line;
    if (this.editor) this.editor.markErrorLine(line);
    else {
      const block = this.byRole('editor').querySelector<HTMLElement>('.code-static');
      if (block) markStaticErrorLine(block, line);
    }
  }

  private mountInputs(savedAnswer: string | undefined): void {
    let restored: unknown;
    try {
      restored = savedAnswer === undefined ? undefined : JSON.parse(savedAnswer);
    } catch {
      restored = undefined;
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) {
      input.disabled = false;
      if (this.exercise.kind === 'numeric') {
        const value = (restored as Record<string, unknown> | undefined)?.[input.dataset.part ?? input.dataset.intermediate ?? ''];
        if (typeof value === 'string') input.value = value;
        input.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') void this.check();
        });
      } else if (Array.isArray(restored)) {
        input.checked = restored.includes(input.value);
      }
      input.addEventListener(this.exercise.kind === 'numeric' ? 'input' : 'change', () => this.saveSoon());
    }
  }

  /** Loads the arithmetic of a seeded exercise, draws the learner's numbers, and fills the prompt's slots and the solution with them. */
  private async loadVariant(): Promise<NumericGradingSpec> {
    const [{ loadSeededDefinition }, { formatVariantNumber, numericSpecFor, variantNumbers }] = await Promise.all([
      import('../../../exercises/seeded-definitions.ts'),
      import('../../../exercises/variant.ts'),
    ]);
    const definition = await loadSeededDefinition(this.exercise.id);
    const seed = this.store.learnerSeed();
    const numbers = variantNumbers(definition, seed);
    this.variant = numbers;
    this.variantDrawnWith = seed;
    for (const slot of this.querySelectorAll<HTMLElement>('[data-variant-number]')) {
      slot.textContent = formatVariantNumber(numbers[slot.dataset.variantNumber ?? '']);
    }
    const spec = numericSpecFor(definition, numbers);
    const answer = spec.answer();
    for (const slot of this.querySelectorAll<HTMLElement>('[data-answer-part]')) slot.textContent = formatNumbers(answer[slot.dataset.answerPart ?? '']);
    this.dataset.variant = '';
    return spec;
  }

  /** Draws a seeded exercise's numbers again when the learner's seed changed (they joined a class or changed their identity). */
  private redrawVariantIfSeedChanged(): void {
    if (this.variantDrawnWith === undefined || this.store.read().progress.variantSeed === this.variantDrawnWith) return;
    if (this.store.classSeed() === undefined) return;
    this.variantDrawnWith = undefined;
    this.numericSpec = this.loadVariant();
    this.numericSpec.catch((error: unknown) => this.variantFailed(error));
  }

  /**
   * The key a code answer is graded with: the build-time key for a learner on their own, and for a class student the
   * public cases of their own seed, computed in a worker the first time (its module loads only for them).
   */
  private codeKey(): Promise<CodeAnswerKey> {
    const key = this.exercise as CodeAnswerKey;
    const seed = this.store.classSeed();
    if (seed === undefined) return Promise.resolve(key);
    return import('./student-key.ts').then(({ studentKey }) => studentKey(key.id, seed)).then((own) => {
      this.dataset.ownCases = '';
      return own;
    });
  }

  /** Says that the learner's numbers could not be loaded; the inputs stay off, since there is no question to answer. */
  private variantFailed(error: unknown): void {
    const message = document.createElement('p');
    message.className = 'ex-verdict';
    const detail = error instanceof Error ? error.message : String(error);
    message.textContent = `Your numbers for this exercise could not be loaded (${detail}). Reload the page to try again; your saved answer is kept.`;
    const feedback = this.byRole('feedback');
    feedback.replaceChildren(message);
    feedback.dataset.status = 'invalid';
    this.button('check')!.disabled = true;
  }

  private answerText(): string {
    if (this.editor) return this.editor.code();
    if (this.exercise.kind === 'code') return this.starter();
    if (this.exercise.kind === 'numeric') {
      const texts: Record<string, string> = {};
      for (const input of this.querySelectorAll<HTMLInputElement>('input[data-part]')) texts[input.dataset.part!] = input.value;
      // The unscored gradients a graph exercise also takes, kept with the answer so they are restored too.
      for (const input of this.querySelectorAll<HTMLInputElement>('input[data-intermediate]')) texts[input.dataset.intermediate!] = input.value;
      return JSON.stringify(texts);
    }
    return JSON.stringify(this.chosen());
  }

  private chosen(): string[] {
    return [...this.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
  }

  private saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const maxScore = Number(this.dataset.maxScore);
      this.store.update((progress) => recordCode(progress, this.exercise.id, this.answerText(), maxScore));
    }, SAVE_DELAY_MS);
  }

  private wireButtons(): void {
    const on = (action: string, handler: () => void) => {
      const button = this.button(action);
      if (!button) return;
      button.disabled = false;
      button.addEventListener('click', handler);
    };
    on('check', () => void this.check());
    on('hint', () => this.showHint());
    on('solution', () => this.askForSolution());
    on('confirm-solution', () => this.revealSolution());
    on('cancel-solution', () => {
      this.byRole('confirm').hidden = true;
      this.button('solution')?.focus();
    });
    on('reset', () => {
      // Before the editor exists the static code is the starter already.
      this.editor?.setCode(this.starter());
      this.saveSoon();
    });
    on('use-solution', () => {
      void this.mountEditor().then((editor) => {
        editor.setCode(this.byRole<HTMLTemplateElement>('solution-code').content.textContent ?? '');
        this.saveSoon();
        editor.view.focus();
      });
    });
    if (this.hintCount() === 0) this.button('hint')!.hidden = true;
  }

  private hintCount(): number {
    return this.querySelectorAll('template[data-hint]').length;
  }

  /** Checks the current answer, saves the outcome and shows the feedback; never throws, and never leaves the last feedback standing as if new. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.checkCount++;
    const button = this.button('check')!;
    const feedback = this.byRole('feedback');
    button.disabled = true;
    button.textContent = 'Checking…';
    // The previous verdict goes at once: whatever happens next, it is never read as this check's.
    const pending = document.createElement('p');
    pending.className = 'ex-verdict';
    pending.textContent = 'Checking your answer…';
    feedback.replaceChildren(pending);
    delete feedback.dataset.status;
    feedback.setAttribute('aria-busy', 'true');
    this.dataset.status = 'checking';
    let answer = '';
    let checked: Checked;
    try {
      answer = this.answerText();
      checked = await this.grade(answer);
    } catch (error) {
      // A grader failure is a bug of ours, not the student's: say so, keep the answer, count nothing.
      checked = { result: unrunnableResult(this.exercise, checkFailedMessage(error)), checkFailed: true };
    } finally {
      this.checking = false;
      button.disabled = false;
      button.textContent = 'Check';
      feedback.setAttribute('aria-busy', 'false');
    }
    const { result, errorLine, checkFailed = false } = checked;
    try {
      this.store.update((progress) =>
        recordCheck(progress, this.exercise.id, {
          code: answer,
          score: result.score,
          maxScore: result.maxScore,
          passed: result.passed,
          countsAsAttempt: result.countsAsAttempt,
          misconceptions: result.misconceptions.map((misconception) => misconception.id),
        }),
      );
      if (this.exercise.kind === 'code') this.markErrorLine(errorLine ?? null);
      renderFeedback(feedback, result, this.renderedText(), checkFailed);
      this.showGraph(feedback, result, answer, checked.visibleOutput).catch(() => undefined);
      if (this.exercise.kind === 'choice') this.showOptionFeedback(this.exercise, result);
      this.dataset.status = result.status;
      if (result.passed) this.byRole('explanation').hidden = false;
      this.showProgress();
    } catch (error) {
      const message = document.createElement('p');
      message.className = 'ex-verdict';
      message.textContent = checkFailedMessage(error);
      feedback.replaceChildren(message);
      feedback.dataset.status = 'invalid';
      this.dataset.status = 'invalid';
    }
  }

  /** Under a wrong answer's feedback, its gradients on the exercise's graph, when it declares one (its code loads only then). */
  private async showGraph(feedback: HTMLElement, result: GradeResult, answer: string, output: unknown): Promise<void> {
    const key = this.exercise;
    if (key.kind === 'choice' || result.status !== 'failed') return;
    const check = this.checkCount;
    // A class student's visible case is their own, and so is the graph traced on it.
    const graph = key.kind === 'code' ? (await this.codeKey()).graph : (key.graph ?? (await this.seededGraph()));
    if (graph === undefined || check !== this.checkCount) return;
    const { givenGradients, gradientComparison, renderGradientGraph } = await import('./gradient-graph-view.ts');
    if (check !== this.checkCount) return;
    const texts = key.kind === 'numeric' ? (JSON.parse(answer) as Record<string, string>) : undefined;
    const withGraph = { ...key, graph };
    const comparison = gradientComparison(withGraph, result, givenGradients(withGraph, graph, { output, texts }));
    if (comparison !== null) renderGradientGraph(feedback, graph, comparison);
  }

  /**
   * The graph of an exercise seeded per learner, traced on the learner's numbers (the build cannot: it does not know
   * them); it loads the definition with the engine, so only when an answer is wrong. Undefined without one.
   */
  private async seededGraph(): Promise<GraphKey | undefined> {
    const key = this.exercise;
    if (key.kind !== 'numeric' || key.seeded !== true || this.variant === undefined) return undefined;
    const [{ SEEDED_GRAPH_DEFINITIONS }, { traceGraph }] = await Promise.all([import('../../../exercises/seeded-definitions.ts'), import('../../../exercises/graph-key.ts')]);
    const load = SEEDED_GRAPH_DEFINITIONS[key.id];
    if (load === undefined) return undefined;
    const definition = await load();
    if (definition.graph === undefined) return undefined;
    return traceGraph(definition.graph, [this.variant], definition.misconceptions, `exercise ${JSON.stringify(key.id)}`);
  }

  private grade(answer: string): Promise<Checked> {
    const exercise = this.exercise;
    if (exercise.kind === 'code') return this.codeKey().then((key) => checkCode(key, answer));
    if (exercise.kind === 'numeric') return this.numericSpec!.then((spec) => checkNumeric(spec, JSON.parse(answer) as Record<string, string>));
    return Promise.resolve(checkChoice(exercise, this.chosen()));
  }

  private renderedText(): RenderedText {
    const clone = (selector: string) => {
      const template = [...this.querySelectorAll<HTMLTemplateElement>(selector)][0];
      return template ? (template.content.cloneNode(true) as DocumentFragment) : null;
    };
    return {
      feedback: (id) => clone(`template[data-feedback="${CSS.escape(id)}"]`),
      // A misconception taught in a section of its own links there; any other to the exercise's section.
      teaching: (id) => clone(`template[data-teaching="${CSS.escape(id)}"]`) ?? clone('template[data-teaching=""]'),
      formula: (tex) => {
        const template = [...this.querySelectorAll<HTMLTemplateElement>('template[data-formula]')].find((t) => t.dataset.formula === tex);
        return template ? (template.content.cloneNode(true) as DocumentFragment) : null;
      },
    };
  }

  private showOptionFeedback(exercise: ChoiceAnswerKey, result: GradeResult): void {
    const text = this.renderedText();
    for (const option of result.options ?? []) {
      const box = this.querySelector<HTMLElement>(`[data-option="${CSS.escape(option.id)}"] [data-role="option-feedback"]`);
      if (!box) continue;
      // Explanations of the options the student chose, and all of them once the answer is right.
      const show = option.chosen || result.passed;
      box.hidden = !show || result.status === 'invalid';
      box.replaceChildren();
      if (box.hidden) continue;
      box.dataset.right = String(option.chosen === option.correct);
      const label = document.createElement('strong');
      label.textContent = option.correct ? 'Right. ' : 'Not right. ';
      box.append(label, text.feedback(option.id) ?? option.explanation);
      const teaching = option.chosen && !option.correct ? text.teaching?.(option.id) : null;
      if (teaching) box.append(' ', teaching);
    }
    const missed = (result.options ?? []).some((o) => o.correct && !o.chosen);
    if (result.status === 'failed' && missed && exercise.multiple) {
      const note = document.createElement('p');
      note.textContent = 'At least one right option is not chosen yet.';
      this.byRole('feedback').append(note);
    }
  }

  private showHint(): void {
    const count = this.hintCount();
    if (this.hintsShown >= count) return;
    const template = this.querySelector<HTMLTemplateElement>(`template[data-hint="${this.hintsShown}"]`)!;
    const item = document.createElement('li');
    item.append(template.content.cloneNode(true));
    const list = this.byRole('hints');
    list.append(item);
    list.hidden = false;
    this.hintsShown++;
    const button = this.button('hint')!;
    if (this.hintsShown >= count) {
      button.disabled = true;
      button.textContent = 'No more hints';
    } else {
      button.textContent = `Show another hint (${this.hintsShown + 1} of ${count})`;
    }
  }

  private askForSolution(): void {
    const saved = this.saved();
    if (saved?.solved || (saved?.attempts ?? 0) >= ATTEMPTS_BEFORE_SOLUTION) {
      this.revealSolution();
      return;
    }
    this.byRole('confirm').hidden = false;
    this.button('confirm-solution')?.focus();
  }

  private revealSolution(): void {
    this.byRole('confirm').hidden = true;
    const solution = this.byRole('solution');
    solution.hidden = false;
    this.byRole('explanation').hidden = false;
    const button = this.button('solution');
    if (button) button.hidden = true;
    solution.focus();
  }

  private showProgress(): void {
    const saved = this.saved();
    const attempts = saved?.attempts ?? 0;
    this.byRole('attempts').textContent = attempts === 0 ? '' : `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
    const line = this.byRole('progress');
    if (saved?.solved) {
      line.textContent = 'Solved';
      this.dataset.solved = '';
      this.byRole('explanation').hidden = false;
    } else {
      line.textContent = saved && saved.bestScore > 0 ? `Best so far: ${saved.bestScore} of ${saved.maxScore}` : '';
      delete this.dataset.solved;
    }
  }
}

/** What the student reads when the check itself failed (a bug in the page, not in the answer). */
export function checkFailedMessage(error: unknown): string {
  let detail: string;
  try {
    detail = error instanceof Error ? error.message : String(error);
  } catch {
    detail = 'an unknown error';
  }
  return `The check itself failed (${detail}): a fault in the page, not in your answer, which is kept. Try Check again, and tell the course team if it keeps happening.`;
}

let noticeShown = false;

/**
 * Puts back what the build moved out of the page (scripts/exercise-parts.ts): each exercise's solution, explanation,
 * answer key, hints and feedback, fetched from the address its empty holder names. Throws if one cannot be had
 * (offline before the course was saved), so every exercise says it could not load instead of grading without its key.
 */
async function loadExerciseParts(): Promise<void> {
  const holders = [...document.querySelectorAll<HTMLElement>('course-exercise .ex-parts[data-src]')];
  await Promise.all(
    holders.map(async (holder) => {
      const response = await fetch(holder.dataset.src!);
      if (!response.ok) throw new Error(`${holder.dataset.src} answered ${response.status}`);
      holder.innerHTML = ((await response.json()) as { html: string }).html;
      delete holder.dataset.src;
    }),
  );
}

/** Defines `<course-exercise>` (which starts every exercise on the page) and shows the saved-progress notice once. */
export async function defineExerciseElement(): Promise<void> {
  await loadExerciseParts();
  if (!customElements.get('course-exercise')) customElements.define('course-exercise', ExerciseElement);
  if (noticeShown) return;
  noticeShown = true;
  const first = document.querySelector<HTMLElement>('course-exercise');
  const host = pageNoticeHost();
  if (first && host) renderProgressNotice(host, pageProgressStore((first.dataset.knownExercises ?? '').split(' ').filter(Boolean)));
}
